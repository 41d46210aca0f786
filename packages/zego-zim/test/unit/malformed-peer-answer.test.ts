import { createRoomcast, isRoomcastError } from '@roomcast/core';
import { describe, expect, it } from 'vitest';
import { createZegoZimClient, zegoZim } from '../../src/index.js';

const SECRET = '0123456789abcdef0123456789abcdef';
const answering = (body: unknown) =>
  (async () =>
    new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } })) as typeof fetch;
const config = (body: unknown) => ({
  appId: 1234,
  serverSecret: SECRET,
  baseUrl: 'https://zim.example.com',
  fetch: answering(body),
});
const peer = {
  FromUserId: 'bot',
  ToUserId: ['a', 'b'],
  MessageType: 1,
  Priority: 2,
  MessageBody: { Message: 'x' },
} as const;

// Regression (found by the reliability suite): a Code 0 answer whose ErrorList could not be read
// (not a list, entries without UserId) was read as "no failures", so the provider reported every
// recipient accepted, including ones ZIM said it refused.
describe('a SendPeerMessage answer whose lists cannot be read', () => {
  it.each([
    ['ErrorList not a list', { ErrorList: 'b' }],
    ['an ErrorList entry without UserId', { ErrorList: [{ SubCode: 660500002 }] }],
    ['an ErrorList entry that is not an object', { ErrorList: ['b'] }],
    ['SuccList not a list', { SuccList: { UserId: 'a' } }],
  ])('%s is an ambiguous PROVIDER_ERROR with the request id', async (_, lists) => {
    const error = await createZegoZimClient(config({ Code: 0, RequestId: 'rq-9', ...lists }))
      .sendPeerMessage(peer)
      .catch((e: unknown) => e);
    expect(isRoomcastError(error)).toBe(true);
    expect(error).toMatchObject({
      code: 'PROVIDER_ERROR',
      ambiguous: true,
      requestId: 'rq-9',
      operation: 'SendPeerMessage',
    });
  });

  it('is never reported as accepted by the provider', async () => {
    const rc = createRoomcast({
      providers: {
        zim: zegoZim(config({ Code: 0, RequestId: 'rq-9', ErrorList: [{ SubCode: 660500002 }] })),
      },
    });
    const error = await rc
      .send('zim:direct', { from: 'bot', to: ['a', 'b'], text: 'x' })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'PROVIDER_ERROR', ambiguous: true });
  });

  it('reads well-formed and absent lists as before', async () => {
    const client = createZegoZimClient(
      config({
        Code: 0,
        RequestId: 'rq-1',
        ErrorList: [{ UserId: 'b', SubCode: 660500002 }],
        SuccList: [{ UserId: 'a', MsgId: '1', MsgSeq: 1 }],
      }),
    );
    const res = await client.sendPeerMessage(peer);
    expect(res.ErrorList).toEqual([{ UserId: 'b', SubCode: 660500002 }]);
    const bare = await createZegoZimClient(config({ Code: 0, RequestId: 'rq-2' })).sendPeerMessage(peer);
    expect(bare.ErrorList).toEqual([]);
  });
});
