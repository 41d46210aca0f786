import { isRoomcastError, type RoomcastError } from '@roomcast/core';
import { describe, expect, it } from 'vitest';
import { createZegoZimClient } from '../../src/client/create-client.js';

const SECRET = '0123456789abcdef0123456789abcdef';

/** A fetch that records requests and answers with the given envelopes in turn. */
function fakeFetch(...answers: Record<string, unknown>[]) {
  const seen: { method: string; url: URL; body: unknown; contentType: string | null }[] = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    const text = await request.text();
    seen.push({
      method: request.method,
      url: new URL(request.url),
      body: text === '' ? undefined : JSON.parse(text),
      contentType: request.headers.get('content-type'),
    });
    const answer = answers[Math.min(seen.length - 1, answers.length - 1)] ?? { Code: 0 };
    return new Response(JSON.stringify({ Message: 'success', RequestId: 'req-1', ...answer }), {
      headers: { 'content-type': 'application/json' },
    });
  };
  return { fetch: fetch as typeof globalThis.fetch, seen };
}

const client = (fetch: typeof globalThis.fetch) =>
  createZegoZimClient({ appId: 1234, serverSecret: SECRET, fetch, baseUrl: 'https://zim.example.com' });

async function rejection(promise: Promise<unknown>): Promise<RoomcastError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!isRoomcastError(error)) throw new Error(`expected a RoomcastError, got ${String(error)}`);
  return error;
}

describe('ZIM client on the wire', () => {
  it('POSTs the JSON body with common parameters and Action in the query', async () => {
    const { fetch, seen } = fakeFetch({ Code: 0, SuccList: [{ UserId: 'u1', MsgId: '9', MsgSeq: 1 }] });
    await client(fetch).sendPeerMessage({
      FromUserId: 'bot',
      ToUserId: ['u1'],
      MessageType: 1,
      Priority: 2,
      MessageBody: { Message: 'héllo & bye' },
    });
    const [call] = seen;
    expect(call?.method).toBe('POST');
    expect(`${call?.url.origin}${call?.url.pathname}`).toBe('https://zim.example.com/');
    expect(call?.contentType).toMatch(/^application\/json/);
    const q = call?.url.searchParams;
    expect(q?.get('Action')).toBe('SendPeerMessage');
    expect(q?.get('AppId')).toBe('1234');
    expect(q?.get('SignatureVersion')).toBe('2.0');
    expect(q?.get('SignatureNonce')).toMatch(/^[0-9a-f]{16}$/);
    expect(q?.get('Signature')).toMatch(/^[0-9a-f]{32}$/);
    expect(q?.has('IsTest')).toBe(false);
    expect(q?.has('Message')).toBe(false);
    expect(call?.body).toEqual({
      FromUserId: 'bot',
      ToUserId: ['u1'],
      MessageType: 1,
      Priority: 2,
      MessageBody: { Message: 'héllo & bye' },
    });
  });

  it('queries online state with GET and repeated UserId[]', async () => {
    const { fetch, seen } = fakeFetch({
      Code: 0,
      Result: [
        { UserId: 'a', Status: 'Online' },
        { UserId: 'b', Status: 'Offline' },
      ],
      ErrorList: [{ UserId: 'c', SubCode: 660200001 }],
    });
    const res = await client(fetch).queryUserOnlineState({ UserId: ['a', 'b', 'c'] });
    expect(seen[0]?.method).toBe('GET');
    expect(seen[0]?.url.searchParams.getAll('UserId[]')).toEqual(['a', 'b', 'c']);
    expect(seen[0]?.body).toBeUndefined();
    expect(res.Result).toEqual([
      { UserId: 'a', Status: 'Online' },
      { UserId: 'b', Status: 'Offline' },
    ]);
    expect(res.ErrorList).toEqual([{ UserId: 'c', SubCode: 660200001 }]);
  });

  it('reads a partial success: lists typed, UserID spelling accepted, lists default to empty', async () => {
    const { fetch } = fakeFetch({
      Code: 0,
      ErrorList: [{ UserID: 'u3', SubCode: 1 }],
      SuccList: [{ UserId: 'u2', MsgId: '6654861479614', MsgSeq: 1 }],
    });
    const res = await client(fetch).sendPeerMessage({
      FromUserId: 'u1',
      ToUserId: ['u2', 'u3'],
      MessageType: 1,
      Priority: 1,
      MessageBody: { Message: 'hi' },
    });
    expect(res).toEqual({
      Code: 0,
      Message: 'success',
      RequestId: 'req-1',
      ErrorList: [{ UserId: 'u3', SubCode: 1 }],
      SuccList: [{ UserId: 'u2', MsgId: '6654861479614', MsgSeq: 1 }],
      AuditInfos: [],
    });
  });

  it('throws with one failure per ErrorList entry when every recipient failed', async () => {
    const { fetch } = fakeFetch({
      Code: 660500002,
      Message: 'user not registered',
      ErrorList: [
        { UserId: 'u2', SubCode: 660500002 },
        { UserId: 'u3', SubCode: 660800045 },
      ],
    });
    const error = await rejection(
      client(fetch).sendPeerMessage({
        FromUserId: 'u1',
        ToUserId: ['u2', 'u3'],
        MessageType: 1,
        Priority: 2,
        MessageBody: { Message: 'x' },
      }),
    );
    expect(error).toMatchObject({
      code: 'USER_NOT_FOUND',
      providerCode: 660500002,
      requestId: 'req-1',
      operation: 'SendPeerMessage',
    });
    expect(error.message).toMatch(/all 2 recipients failed/);
    expect(error.failures.map((f) => [f.userId, f.error.code, f.error.providerCode])).toEqual([
      ['u2', 'USER_NOT_FOUND', 660500002],
      ['u3', 'PERMISSION_DENIED', 660800045],
    ]);
  });

  it('throws without failures when Code ≠ 0 has no ErrorList', async () => {
    const { fetch } = fakeFetch({ Code: 660300005 });
    const error = await rejection(
      client(fetch).sendRoomMessage({
        FromUserId: 'u1',
        RoomId: 'r',
        MessageType: 1,
        Priority: 2,
        MessageBody: { Message: 'x' },
      }),
    );
    expect(error).toMatchObject({ code: 'RATE_LIMITED', retryable: true, providerCode: 660300005 });
    expect(error.failures).toEqual([]);
  });

  it('reads the group MsgId as a number', async () => {
    const { fetch } = fakeFetch({ Code: 0, MsgId: 77, MsgSeq: 3 });
    const res = await client(fetch).sendGroupMessage({
      FromUserId: 'u1',
      GroupId: 'g',
      MessageType: 1,
      Priority: 2,
      MessageBody: { Message: 'x' },
    });
    expect(res).toMatchObject({ MsgId: 77, MsgSeq: 3, AuditInfos: [] });
  });

  it('sends nothing when the request is invalid', async () => {
    const { fetch, seen } = fakeFetch({ Code: 0 });
    const zim = client(fetch);
    await expect(
      zim.sendPeerMessage({
        FromUserId: 'u1',
        ToUserId: ['u1'],
        MessageType: 1,
        Priority: 2,
        MessageBody: { Message: 'x' },
      }),
    ).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    await expect(
      zim.sendMessageToAllUsers({ FromUserId: 'u1', MessageType: 2 } as never),
    ).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
    });
    expect(seen).toHaveLength(0);
  });

  it('checks its config: no isTest, limits within 32 KB, no unknown options', () => {
    const base = { appId: 1, serverSecret: SECRET };
    expect(() => createZegoZimClient({ ...base, isTest: true } as never)).toThrow(
      /ZIM has no test environment/,
    );
    expect(() => createZegoZimClient({ ...base, maxMessageBytes: { text: 40_000 } })).toThrow(
      /between 1 and 32768/,
    );
    expect(() => createZegoZimClient({ ...base, regoin: 'sha' } as never)).toThrow(/no option "regoin"/);
    expect(createZegoZimClient({ ...base, region: 'sha' }).baseUrl).toBe('https://zim-api-sha.zego.im');
    expect(createZegoZimClient(base).limits.combined).toBe(5120);
    expect(createZegoZimClient({ ...base, maxMessageBytes: { text: 8192 } }).limits.text).toBe(8192);
  });
});
