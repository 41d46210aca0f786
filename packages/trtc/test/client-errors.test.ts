import { inspect } from 'node:util';
import { isRoomcastError, type RoomcastError } from '@roomcast/core';
import { describe, expect, it } from 'vitest';
import { createTrtcClient, inspectUserSig, TRTC_CODES } from '../src/index.js';
import { failEnvelope, okEnvelope, STUB_CREDENTIALS, stubFetch } from './helpers/stub-fetch.js';

const sent = okEnvelope({ MsgTime: 1, MsgSeq: 2, MsgDropReason: '' });
const message = { RoomId: 'room1', BusinessId: 'gift', Data: 'x' };

function client(fetch: typeof globalThis.fetch, extra: Record<string, unknown> = {}) {
  return createTrtcClient({ ...STUB_CREDENTIALS, baseUrl: 'https://console.tim.qq.com', fetch, ...extra });
}

async function failure(promise: Promise<unknown>): Promise<RoomcastError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(isRoomcastError(error), String(error)).toBe(true);
  return error as RoomcastError;
}

describe('envelope shape checks', () => {
  it.each([
    ['an array', [1, 2], undefined],
    ['no ErrorCode', { ActionStatus: 'OK', RequestId: 'Id-a' }, 'Id-a'],
    ['a string ErrorCode', { ActionStatus: 'OK', ErrorCode: '0', RequestId: 'Id-b' }, 'Id-b'],
    ['an unknown ActionStatus', { ActionStatus: 'MAYBE', ErrorCode: 0, RequestId: 'Id-c' }, 'Id-c'],
    ['FAIL with ErrorCode 0', { ActionStatus: 'FAIL', ErrorCode: 0, RequestId: 'Id-d' }, 'Id-d'],
    ['a numeric ErrorInfo', { ActionStatus: 'OK', ErrorCode: 0, ErrorInfo: 5, RequestId: 'Id-e' }, 'Id-e'],
    ['a non-object Response', { ActionStatus: 'OK', ErrorCode: 0, Response: 'x', RequestId: 'Id-f' }, 'Id-f'],
    ['a success without Response', { ActionStatus: 'OK', ErrorCode: 0, RequestId: 'Id-g' }, 'Id-g'],
    ['a MsgSeq string', okEnvelope({ MsgTime: 1, MsgSeq: '2' }, 'Id-h'), 'Id-h'],
    ['a numeric MsgDropReason', okEnvelope({ MsgTime: 1, MsgSeq: 2, MsgDropReason: 1 }, 'Id-i'), 'Id-i'],
  ])('%s → PROVIDER_ERROR (ambiguous) with the request id', async (_, body, requestId) => {
    const error = await failure(client(stubFetch(body).fetch).sendCustomMsg(message));
    expect(error.code).toBe('PROVIDER_ERROR');
    expect(error.ambiguous).toBe(true);
    expect(error.retryable).toBe(false);
    expect(error.requestId).toBe(requestId);
    expect(error.message).toMatch(/^send_custom_msg answered with a malformed body/);
  });

  it('get_room_info without RoomInfo is malformed', async () => {
    const error = await failure(client(stubFetch(okEnvelope({}, 'Id-j')).fetch).getRoomInfo({ RoomId: 'r' }));
    expect(error).toMatchObject({ code: 'PROVIDER_ERROR', requestId: 'Id-j' });
  });

  it('accepts an envelope without RequestId or ErrorInfo (older Chat answers)', async () => {
    const stub = stubFetch({ ActionStatus: 'OK', ErrorCode: 0, Response: { MsgTime: 1, MsgSeq: 2 } });
    const result = await client(stub.fetch).sendCustomMsg(message);
    expect(result.RequestId).toBeUndefined();
    expect(result.ErrorInfo).toBe('');
  });

  it('a non-zero ErrorCode with ActionStatus OK is still an error', async () => {
    const error = await failure(
      client(stubFetch({ ActionStatus: 'OK', ErrorCode: 100004, ErrorInfo: 'x' }).fetch).sendCustomMsg(
        message,
      ),
    );
    expect(error.code).toBe('ROOM_NOT_FOUND');
  });
});

describe('ErrorCode mapping', () => {
  it.each(Object.entries(TRTC_CODES).filter(([, info]) => !info.renewsUserSig))(
    'ErrorCode %s → its table entry',
    async (code, info) => {
      const error = await failure(
        client(stubFetch(failEnvelope(Number(code), 'why', 'Id-z')).fetch).sendCustomMsg(message),
      );
      expect(error).toMatchObject({
        code: info.code,
        retryable: info.retryable,
        ambiguous: info.ambiguous ?? false,
        providerCode: Number(code),
        requestId: 'Id-z',
        provider: 'trtc',
        operation: 'send_custom_msg',
        retryAfterMs: info.retryAfterMs,
      });
      expect(error.message).toContain(`ErrorCode ${code}`);
      expect(error.message).toContain('(Tencent: "why")');
    },
  );

  it('an unknown code is a non-retryable PROVIDER_ERROR', async () => {
    const error = await failure(client(stubFetch(failEnvelope(99999)).fetch).sendCustomMsg(message));
    expect(error).toMatchObject({
      code: 'PROVIDER_ERROR',
      providerCode: 99999,
      retryable: false,
      ambiguous: false,
    });
  });

  it('cuts the SecretKey and the UserSig out of ErrorInfo', async () => {
    const stub = stubFetch((request: { url: URL }) =>
      failEnvelope(
        70009,
        `bad sig ${request.url.searchParams.get('usersig')} for key ${STUB_CREDENTIALS.secretKey}`,
      ),
    );
    const error = await failure(client(stub.fetch).sendCustomMsg(message));
    const userSig = stub.requests[0]!.url.searchParams.get('usersig')!;
    for (const text of [
      error.message,
      JSON.stringify(error),
      inspect(error, { depth: 8 }),
      error.stack ?? '',
    ]) {
      expect(text).not.toContain(userSig);
      expect(text).not.toContain(STUB_CREDENTIALS.secretKey);
    }
    expect(error.message).toContain('bad sig [redacted] for key [redacted]');
  });
});

describe('MsgDropReason', () => {
  it('a dropped message is RATE_LIMITED and retryable, never a success', async () => {
    const stub = stubFetch(okEnvelope({ MsgTime: 1, MsgSeq: 27, MsgDropReason: 'MsgFreqCtrl' }, 'Id-drop'));
    const error = await failure(
      client(stub.fetch).sendTextMsg({ RoomId: 'r', Sender_Account: 'u', TextContent: 't' }),
    );
    expect(error).toMatchObject({
      code: 'RATE_LIMITED',
      retryable: true,
      ambiguous: false,
      requestId: 'Id-drop',
    });
    expect(error.message).toMatch(/dropped the message \(MsgDropReason "MsgFreqCtrl"/);
    expect(error.message).toMatch(/not delivered/);
  });

  it('an unknown drop reason fails the same way', async () => {
    const stub = stubFetch(okEnvelope({ MsgTime: 1, MsgSeq: 27, MsgDropReason: 'SomethingNew' }));
    const error = await failure(client(stub.fetch).sendCustomMsg(message));
    expect(error).toMatchObject({ code: 'RATE_LIMITED', retryable: true });
    expect(error.message).toContain('SomethingNew');
  });
});

describe('70001: expired UserSig', () => {
  it('re-signs and resends once with a fresh random', async () => {
    let ms = 1_700_000_000_000;
    const stub = stubFetch(() => {
      ms += 5_000; // time passes while Tencent answers
      return failEnvelope(70001, 'expired');
    }, sent);
    const result = await client(stub.fetch, { now: () => ms }).sendCustomMsg(message);
    expect(result.Response.MsgSeq).toBe(2);
    expect(stub.requests).toHaveLength(2);
    const [first, second] = stub.requests.map((r) => r.url.searchParams);
    expect(first?.get('usersig')).not.toBe(second?.get('usersig'));
    expect(first?.get('random')).not.toBe(second?.get('random'));
    expect(inspectUserSig(second!.get('usersig')!).issuedAt).toBe(1_700_000_005);
  });

  it('gives up after one renewal with a message about the clock', async () => {
    const stub = stubFetch(failEnvelope(70001, 'expired', 'Id-exp'));
    const error = await failure(client(stub.fetch).sendCustomMsg(message));
    expect(stub.requests).toHaveLength(2);
    expect(error).toMatchObject({
      code: 'UNAUTHENTICATED',
      providerCode: 70001,
      retryable: false,
      requestId: 'Id-exp',
    });
    expect(error.message).toMatch(/even with a freshly signed UserSig; check this server's clock/);
  });

  it('renews for the whole client: the next call uses the new UserSig', async () => {
    let ms = 1_700_000_000_000;
    const stub = stubFetch(() => {
      ms += 1_000;
      return failEnvelope(70001);
    }, sent);
    const c = client(stub.fetch, { now: () => ms });
    await c.sendCustomMsg(message);
    await c.sendCustomMsg(message);
    const sigs = stub.requests.map((r) => r.url.searchParams.get('usersig'));
    expect(sigs[2]).toBe(sigs[1]);
    expect(sigs[0]).not.toBe(sigs[1]);
  });
});

describe('hooks', () => {
  it('get origin + path only, with request id and return code', async () => {
    const payloads: unknown[] = [];
    const hooks = {
      onRequest: (i: unknown) => payloads.push(i),
      onResponse: (i: unknown) => payloads.push(i),
    };
    const stub = stubFetch(failEnvelope(100004, 'no room', 'Id-hook'));
    await failure(client(stub.fetch, { hooks }).sendCustomMsg(message));
    expect(payloads).toEqual([
      {
        provider: 'trtc',
        operation: 'send_custom_msg',
        method: 'POST',
        url: 'https://console.tim.qq.com/v4/live_engine_http_srv/send_custom_msg',
        attempt: 1,
      },
      expect.objectContaining({
        url: 'https://console.tim.qq.com/v4/live_engine_http_srv/send_custom_msg',
        httpStatus: 200,
        requestId: 'Id-hook',
        providerCode: 100004,
      }),
    ]);
    const userSig = stub.requests[0]!.url.searchParams.get('usersig')!;
    const text = inspect(payloads, { depth: 8 });
    expect(text).not.toContain(userSig);
    expect(text).not.toContain('?');
  });

  it('per-call hooks and attempt override the client ones', async () => {
    const clientHook: unknown[] = [];
    const callHook: { attempt: number }[] = [];
    const stub = stubFetch(sent);
    await client(stub.fetch, { hooks: { onRequest: (i: unknown) => clientHook.push(i) } }).sendCustomMsg(
      message,
      {
        attempt: 3,
        hooks: { onRequest: (i) => callHook.push(i) },
      },
    );
    expect(clientHook).toHaveLength(0);
    expect(callHook[0]?.attempt).toBe(3);
  });
});
