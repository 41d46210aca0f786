import { inspect } from 'node:util';
import { createRoomcast, isRoomcastError, type RoomcastError } from '@roomcast/core';
import { describe, expect, it } from 'vitest';
import { trtc } from '../src/index.js';
import { failEnvelope, okEnvelope, STUB_CREDENTIALS, stubFetch } from './helpers/stub-fetch.js';

let seq = 0;
const sent = () => okEnvelope({ MsgTime: 1, MsgSeq: ++seq, MsgDropReason: '' }, `Id-${seq}`);

function setup(...answers: unknown[]) {
  const stub = stubFetch(...(answers.length > 0 ? answers : [sent]));
  const provider = trtc({ ...STUB_CREDENTIALS, baseUrl: 'https://console.tim.qq.com', fetch: stub.fetch });
  const rc = createRoomcast({ providers: { tencent: provider }, retry: { baseDelayMs: 1, maxDelayMs: 5 } });
  return { stub, provider, rc };
}

async function failure(promise: Promise<unknown>): Promise<RoomcastError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(isRoomcastError(error), String(error)).toBe(true);
  return error as RoomcastError;
}

describe('trtc provider: shape', () => {
  it('declares signal and broadcast, whole room only, 200/s per API and SDKAppID', () => {
    const { provider } = setup();
    expect(provider.id).toBe('trtc');
    expect(provider.specVersion).toBe('roomcast/v1');
    expect(Object.keys(provider.capabilities)).toEqual(['signal', 'broadcast']);
    expect(provider.capabilities.signal).toEqual({
      audiences: ['room'],
      maxPayloadBytes: 12_000,
      maxRecipientsPerRequest: 0,
      delivery: 'acknowledged',
      vendorDeduplicates: false,
      quotas: [{ scope: 'trtc:1400000000:send_custom_msg', limit: 200, intervalMs: 1000 }],
      operation: 'send_custom_msg',
    });
    expect(provider.capabilities.broadcast.quotas).toEqual([
      { scope: 'trtc:1400000000:send_text_msg', limit: 200, intervalMs: 1000 },
    ]);
    expect(provider.capabilities.broadcast.maxPayloadBytes).toBe(12_288);
  });
});

describe('trtc provider: signal → send_custom_msg', () => {
  it('maps type to BusinessId and from to Sender_Account; MsgSeq is the message id', async () => {
    const { rc, stub } = setup();
    const result = await rc.send('tencent:signal', {
      roomId: 'live-1',
      from: 'host',
      type: 'gift',
      data: '{"id":7}',
    });
    expect(stub.requests[0]?.url.pathname).toBe('/v4/live_engine_http_srv/send_custom_msg');
    expect(stub.requests[0]?.body).toEqual({
      RoomId: 'live-1',
      Sender_Account: 'host',
      BusinessId: 'gift',
      Data: '{"id":7}',
    });
    expect(result).toMatchObject({ status: 'ok', accepted: [], failed: [], attempts: 1 });
    expect(result.messageIds).toEqual([String(seq)]);
    expect(result.requestIds).toEqual([`Id-${seq}`]);
  });

  it('sends without Sender_Account when from is omitted, and stringifies a numeric type', async () => {
    const { rc, stub } = setup();
    await rc.send('tencent:signal', { roomId: 'live-1', type: 7, data: 'x' });
    expect(stub.requests[0]?.body).toEqual({ RoomId: 'live-1', BusinessId: '7', Data: 'x' });
  });

  it('requires type (the BusinessId) before any request', async () => {
    const { rc, stub } = setup();
    const error = await failure(rc.send('tencent:signal', { roomId: 'live-1', data: 'x' } as never));
    expect(error.code).toBe('INVALID_ARGUMENT');
    expect(error.message).toMatch(/need `type`: it is sent as Tencent's BusinessId/);
    expect(stub.requests).toHaveLength(0);
  });

  it('rejects `to` as UNSUPPORTED, in the pipeline and in the provider itself', async () => {
    const { rc, stub, provider } = setup();
    const viaCore = await failure(
      rc.send('tencent:signal', { roomId: 'r', type: 't', data: 'x', to: ['u1'] } as never),
    );
    expect(viaCore.code).toBe('UNSUPPORTED');
    const direct = (() => {
      try {
        provider.validate?.({
          kind: 'signal',
          message: { roomId: 'r', type: 't', data: 'x', to: ['u1'] },
          recipients: ['u1'],
        });
      } catch (e) {
        return e as RoomcastError;
      }
    })();
    expect(direct?.code).toBe('UNSUPPORTED');
    expect(direct?.message).toMatch(/Tencent live rooms \(send_custom_msg\) cannot address individual users/);
    expect(stub.requests).toHaveLength(0);
  });

  it('checks the wrapped size exactly, beyond the declared data limit', async () => {
    const { rc, stub } = setup();
    const error = await failure(
      rc.send('tencent:signal', { roomId: 'r', type: 't', data: '"'.repeat(6_200) }),
    );
    expect(error.code).toBe('PAYLOAD_TOO_LARGE');
    expect(stub.requests).toHaveLength(0);
  });

  it('takes no extensions for signal', async () => {
    const { rc } = setup();
    const error = await failure(
      rc.send('tencent:signal', {
        roomId: 'r',
        type: 't',
        data: 'x',
        extensions: { trtc: { Priority: 'High' } },
      }),
    );
    expect(error.message).toMatch(/unknown option\(s\) Priority for send_custom_msg \(accepted: none\)/);
  });
});

describe('trtc provider: broadcast → send_text_msg', () => {
  it('maps from/text and passes ExtensionInfo through', async () => {
    const { rc, stub } = setup();
    await rc.send('tencent:broadcast', {
      roomId: 'live-1',
      from: 'host',
      text: 'Welcome!',
      fromName: 'ignored',
      category: 'system',
      extensions: { trtc: { ExtensionInfo: '{"color":"gold"}' } },
    });
    expect(stub.requests[0]?.url.pathname).toBe('/v4/live_engine_http_srv/send_text_msg');
    expect(stub.requests[0]?.body).toEqual({
      RoomId: 'live-1',
      Sender_Account: 'host',
      TextContent: 'Welcome!',
      ExtensionInfo: '{"color":"gold"}',
    });
  });

  it('rejects unknown or ill-typed extensions', async () => {
    const { rc } = setup();
    await expect(
      rc.send('tencent:broadcast', { roomId: 'r', from: 'h', text: 't', extensions: { trtc: { Foo: 1 } } }),
    ).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    await expect(
      rc.send('tencent:broadcast', { roomId: 'r', from: 'h', text: 't', extensions: { trtc: 'x' } }),
    ).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
      message: expect.stringMatching(/extensions.trtc must be an object/),
    });
  });
});

describe('trtc provider: failures through the pipeline', () => {
  it('a MsgFreqCtrl drop is retried (fresh random) and then succeeds', async () => {
    const { rc, stub } = setup(okEnvelope({ MsgTime: 1, MsgSeq: 5, MsgDropReason: 'MsgFreqCtrl' }), sent);
    const result = await rc.send('tencent:signal', { roomId: 'r', type: 't', data: 'x' });
    expect(result.attempts).toBe(2);
    expect(stub.requests).toHaveLength(2);
    const randoms = stub.requests.map((r) => r.url.searchParams.get('random'));
    expect(randoms[0]).not.toBe(randoms[1]);
  });

  it('a drop that persists ends as RATE_LIMITED, never as success', async () => {
    const { rc } = setup(okEnvelope({ MsgTime: 1, MsgSeq: 5, MsgDropReason: 'MsgFreqCtrl' }));
    const error = await failure(
      rc.send('tencent:signal', { roomId: 'r', type: 't', data: 'x' }, { retry: { maxAttempts: 2 } }),
    );
    expect(error).toMatchObject({ code: 'RATE_LIMITED', retryable: true });
  });

  it('a 70001 is refreshed inside one attempt', async () => {
    const { rc, stub } = setup(failEnvelope(70001), sent);
    const result = await rc.send('tencent:broadcast', { roomId: 'r', from: 'h', text: 't' });
    expect(result.attempts).toBe(1);
    expect(stub.requests).toHaveLength(2);
  });

  it('ROOM_NOT_FOUND is not retried', async () => {
    const { rc, stub } = setup(failEnvelope(100004));
    const error = await failure(rc.send('tencent:signal', { roomId: 'r', type: 't', data: 'x' }));
    expect(error).toMatchObject({ code: 'ROOM_NOT_FOUND', providerCode: 100004 });
    expect(stub.requests).toHaveLength(1);
  });

  it('barrage and direct are UNSUPPORTED', async () => {
    const { rc } = setup();
    for (const channel of ['tencent:barrage', 'tencent:direct']) {
      const error = await failure(rc.send(channel as never, { roomId: 'r', from: 'h', text: 't' } as never));
      expect(error.code).toBe('UNSUPPORTED');
    }
  });

  it('keeps the SecretKey out of util.inspect and JSON of the provider', () => {
    const { provider } = setup();
    expect(inspect(provider, { depth: 8, showHidden: true })).not.toContain(STUB_CREDENTIALS.secretKey);
    expect(JSON.stringify(provider)).not.toContain(STUB_CREDENTIALS.secretKey);
  });

  it('exposes its client for room management', async () => {
    const { provider, stub } = setup(okEnvelope({}));
    await provider.client.destroyRoom({ RoomId: 'r' });
    expect(stub.requests[0]?.url.pathname).toBe('/v4/live_engine_http_srv/destroy_room');
  });
});
