import { inspect } from 'node:util';
import { createRoomcast, isRoomcastError, type RoomcastError } from '@roomcast/core';
import type { Emulator } from '@roomcast/emulator';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type ZegoZimConfig, zegoZim } from '../../src/index.js';
import { online, startZim, type WireRequest } from './harness.js';

let emu: Emulator;
let config: ZegoZimConfig;
let wire: WireRequest[];
const errors: RoomcastError[] = [];

beforeAll(async () => {
  ({ emu, config, wire } = await startZim());
});
afterAll(() => emu.close());
beforeEach(() => {
  emu.reset();
  wire.length = 0;
  online(emu, 'bot', 'u1', 'u2');
  emu.zim.joinRoom('live-1', 'u1');
  emu.zim.joinRoom('live-1', 'bot');
});

const rc = () =>
  createRoomcast({ providers: { zim: zegoZim(config) }, retry: { baseDelayMs: 5, maxDelayMs: 20 } });
const inbox = (user: string) => emu.inbox('zego-zim', user);
const bodies = (action: string) => wire.filter((w) => w.action === action).map((w) => w.body ?? {});

async function failure(promise: Promise<unknown>): Promise<RoomcastError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!isRoomcastError(error)) throw new Error(`expected a RoomcastError, got ${String(error)}`);
  errors.push(error);
  return error;
}

describe('zim:direct', () => {
  it('sends text as MessageType 1 with the mapped priority', async () => {
    const result = await rc().send('zim:direct', {
      from: 'bot',
      to: ['u1', 'u2'],
      text: 'hello',
      priority: 'high',
    });
    expect(result).toMatchObject({ status: 'ok', accepted: ['u1', 'u2'], failed: [], attempts: 1 });
    expect(result.messageIds).toHaveLength(2);
    expect(result.requestIds).toHaveLength(1);
    expect(bodies('SendPeerMessage')[0]).toMatchObject({
      MessageType: 1,
      Priority: 3,
      MessageBody: { Message: 'hello' },
    });
    expect(inbox('u2').map((d) => d.content)).toEqual(['hello']);
  });

  it('maps low and the default priority', async () => {
    await rc().send('zim:direct', { from: 'bot', to: ['u1'], text: 'a', priority: 'low' });
    await rc().send('zim:direct', { from: 'bot', to: ['u1'], text: 'b' });
    expect(bodies('SendPeerMessage').map((b) => b.Priority)).toEqual([1, 2]);
  });

  it('sends data as a custom message with type as SubMsgType (default 0)', async () => {
    await rc().send('zim:direct', { from: 'bot', to: ['u1'], data: '{"a":1}' });
    await rc().send('zim:direct', { from: 'bot', to: ['u1'], data: '{"a":2}', type: 42 });
    await rc().send('zim:direct', { from: 'bot', to: ['u1'], data: '{"a":3}', type: '7' });
    expect(bodies('SendPeerMessage').map((b) => [b.MessageType, b.SubMsgType])).toEqual([
      [200, 0],
      [200, 42],
      [200, 7],
    ]);
    expect(inbox('u1').map((d) => d.raw.subType)).toEqual([0, 42, 7]);
  });

  it('sends data as a command with messageType 2, binary through IsBase64', async () => {
    const bytes = new Uint8Array([0, 159, 146, 150, 255]);
    const data = btoa(String.fromCharCode(...bytes));
    await rc().send('zim:direct', {
      from: 'bot',
      to: ['u1'],
      data,
      extensions: { 'zego-zim': { messageType: 2, IsBase64: 1 } },
    });
    expect(bodies('SendPeerMessage')[0]).toMatchObject({
      MessageType: 2,
      MessageBody: { Message: data, IsBase64: 1 },
    });
    expect(bodies('SendPeerMessage')[0]).not.toHaveProperty('SubMsgType');
    const raw = inbox('u1')[0]?.raw as { messageBase64: string };
    expect(Uint8Array.from(atob(raw.messageBase64), (c) => c.charCodeAt(0))).toEqual(bytes);
  });

  it('passes validated vendor options through extensions', async () => {
    await rc().send('zim:direct', {
      from: 'bot',
      to: ['u1'],
      data: '{}',
      type: 1,
      extensions: {
        'zego-zim': {
          OfflinePush: { Enable: 1, Title: 'New gift', Content: 'Open the app' },
          SearchedContent: 'gift',
          SenderUnaware: 1,
          NoUnread: true,
          ExtendedData: 'x',
          HasReceipt: 1,
        },
      },
    });
    expect(bodies('SendPeerMessage')[0]).toEqual({
      FromUserId: 'bot',
      ToUserId: ['u1'],
      MessageType: 200,
      Priority: 2,
      MessageBody: {
        Message: '{}',
        ExtendedData: 'x',
        OfflinePush: { Enable: 1, Title: 'New gift', Content: 'Open the app' },
        HasReceipt: 1,
      },
      SubMsgType: 1,
      SearchedContent: 'gift',
      SenderUnaware: 1,
      SendMsgOptions: { NoUnread: true },
    });
  });

  it('batches 250 recipients into 100, 100 and 50', async () => {
    const users = Array.from({ length: 250 }, (_, i) => `user-${i}`);
    online(emu, ...users);
    const result = await rc().send('zim:direct', { from: 'bot', to: users, text: 'mass' });
    expect(result.status).toBe('ok');
    expect(result.accepted).toHaveLength(250);
    expect(result.messageIds).toHaveLength(250);
    expect(result.attempts).toBe(3);
    const sizes = bodies('SendPeerMessage').map((b) => (b.ToUserId as string[]).length);
    expect(sizes.sort((a, b) => b - a)).toEqual([100, 100, 50]);
    expect(new Set(bodies('SendPeerMessage').flatMap((b) => b.ToUserId as string[]))).toEqual(new Set(users));
  });

  it('reports ErrorList entries as per-recipient failures: status partial', async () => {
    emu.zim.registerUser('sleepy');
    const result = await rc().send('zim:direct', { from: 'bot', to: ['u1', 'sleepy', 'ghost'], text: 'hi' });
    expect(result.status).toBe('partial');
    expect(result.accepted).toEqual(['u1']);
    expect(
      result.failed.map((f) => [f.userId, f.error.code, f.error.providerCode, f.error.provider]),
    ).toEqual([
      ['sleepy', 'USER_NOT_FOUND', 660200001, 'zego-zim'],
      ['ghost', 'USER_NOT_FOUND', 660500002, 'zego-zim'],
    ]);
    expect(result.failed[1]?.error.message).toMatch(/did not reach "ghost": ZIM SubCode 660500002/);
    expect(result.attempts).toBe(1);
  });

  it('reads Code ≠ 0 with an ErrorList as "all of this batch failed", each with its own reason', async () => {
    const good = Array.from({ length: 100 }, (_, i) => `good-${i}`);
    const ghosts = Array.from({ length: 30 }, (_, i) => `ghost-${i}`);
    online(emu, ...good);
    emu.zim.registerUser('sleepy'); // registered but offline: a different SubCode than the ghosts
    const result = await rc().send('zim:direct', {
      from: 'bot',
      to: [...good, 'sleepy', ...ghosts],
      text: 'hi',
    });
    expect(emu.requests({ action: 'SendPeerMessage' }).map((r) => r.code)).toEqual([0, 660200001]);
    expect(result.status).toBe('partial');
    expect(result.accepted).toEqual(good);
    expect(result.failed.map((f) => f.userId)).toEqual(['sleepy', ...ghosts]);
    expect(result.failed[0]?.error).toMatchObject({ code: 'USER_NOT_FOUND', providerCode: 660200001 });
    for (const f of result.failed.slice(1)) {
      expect(f.error).toMatchObject({ code: 'USER_NOT_FOUND', providerCode: 660500002 });
      expect(f.error.message).toContain(`did not reach "${f.userId}"`);
    }
    // Not retried: the vendor refused each recipient for a reason a retry does not change.
    expect(result.attempts).toBe(2);
  });

  it('throws with the result when nobody got it', async () => {
    const error = await failure(
      rc().send('zim:direct', { from: 'bot', to: ['ghost-a', 'ghost-b'], text: 'hi' }),
    );
    expect(error.result?.failed.map((f) => f.userId)).toEqual(['ghost-a', 'ghost-b']);
    expect(error.result?.accepted).toEqual([]);
  });

  it('checks ids and the sender before any request', async () => {
    for (const message of [
      { from: 'bot/1', to: ['u1'], text: 'x' },
      { from: 'bot', to: ['u1', 'bad,id'], text: 'x' },
      { from: 'bot', to: ['u'.repeat(33)], text: 'x' },
      { from: 'bot', to: ['u1', 'bot'], text: 'x' },
    ]) {
      expect((await failure(rc().send('zim:direct', message))).code).toBe('INVALID_ARGUMENT');
    }
    expect(wire).toHaveLength(0);
  });

  it('checks vendor options before any request', async () => {
    const send = (ext: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
      failure(
        rc().send('zim:direct', {
          from: 'bot',
          to: ['u1'],
          text: 'x',
          extensions: { 'zego-zim': ext },
          ...extra,
        }),
      );
    expect((await send({ Offlinepush: {} })).message).toMatch(/Offlinepush is not accepted/);
    expect((await send({ messageType: 2 })).message).toMatch(/messageType is not accepted/);
    expect((await send({ OfflinePush: { Enable: 5 } })).code).toBe('INVALID_ARGUMENT');
    expect((await send({ ExtendedData: 'e'.repeat(1025) })).code).toBe('PAYLOAD_TOO_LARGE');
    const data = (ext: Record<string, unknown>, type?: unknown) =>
      failure(
        rc().send('zim:direct', {
          from: 'bot',
          to: ['u1'],
          data: 'x',
          type,
          extensions: { 'zego-zim': ext },
        } as never),
      );
    expect((await data({ SearchedContent: 's'.repeat(65) })).code).toBe('PAYLOAD_TOO_LARGE');
    expect((await data({ messageType: 3 })).message).toMatch(/messageType must be 200/);
    expect((await data({ IsBase64: 1 })).message).toMatch(/also set messageType: 2/);
    expect((await data({ messageType: 2, IsBase64: 1 })).message).toMatch(/base64/);
    expect((await data({ messageType: 2 }, 4)).message).toMatch(/commands \(messageType 2\) have none/);
    expect((await data({}, 201)).message).toMatch(/0 to 200/);
    expect((await data({}, 'gift')).code).toBe('INVALID_ARGUMENT');
    expect(wire).toHaveLength(0);
  });
});

describe('room kinds', () => {
  it('sends signal (custom or command), broadcast and barrage through SendRoomMessage', async () => {
    await rc().send('zim:signal', { roomId: 'live-1', from: 'bot', data: '{"k":1}', type: 5 });
    await rc().send('zim:signal', {
      roomId: 'live-1',
      from: 'bot',
      data: 'cmd',
      extensions: { 'zego-zim': { messageType: 2 } },
    });
    await rc().send('zim:broadcast', { roomId: 'live-1', from: 'bot', text: 'welcome' });
    const result = await rc().send('zim:barrage', {
      roomId: 'live-1',
      from: 'bot',
      text: '666',
      priority: 'low',
    });
    expect(result).toMatchObject({ status: 'ok', accepted: [], failed: [] });
    expect(bodies('SendRoomMessage').map((b) => [b.MessageType, b.SubMsgType, b.Priority])).toEqual([
      [200, 5, 2],
      [2, undefined, 2],
      [1, undefined, 2],
      [20, undefined, 1],
    ]);
    expect(inbox('u1').map((d) => [d.raw.type, d.content])).toEqual([
      [200, '{"k":1}'],
      [2, 'cmd'],
      [1, 'welcome'],
      [20, '666'],
    ]);
  });

  it('takes no recipients', async () => {
    const error = await failure(
      rc().send('zim:signal', { roomId: 'live-1', from: 'bot', to: ['u1'], data: 'x' }),
    );
    expect(error.code).toBe('UNSUPPORTED');
    expect(wire).toHaveLength(0);
  });

  it('refuses direct-only options on room kinds', async () => {
    const error = await failure(
      rc().send('zim:broadcast', {
        roomId: 'live-1',
        from: 'bot',
        text: 'x',
        extensions: { 'zego-zim': { OfflinePush: { Enable: 1 } } },
      }),
    );
    expect(error.message).toMatch(/OfflinePush is not accepted/);
    expect(wire).toHaveLength(0);
  });

  it('passes SenderUnaware through', async () => {
    await rc().send('zim:broadcast', {
      roomId: 'live-1',
      from: 'bot',
      text: 'me too',
      extensions: { 'zego-zim': { SenderUnaware: 0 } },
    });
    expect(inbox('bot').map((d) => [d.content, d.senderCopy])).toEqual([['me too', true]]);
  });

  it('reports an unknown room as ROOM_NOT_FOUND', async () => {
    expect(
      (await failure(rc().send('zim:barrage', { roomId: 'nowhere', from: 'bot', text: 'x' }))).code,
    ).toBe('ROOM_NOT_FOUND');
  });
});

describe('retries', () => {
  it.each([660300005, 660300006, 7])('retries rate-limit code %i with a fresh signature', async (code) => {
    emu.faults.inject({ vendor: 'zego-zim', kind: 'code', code });
    const result = await rc().send('zim:direct', { from: 'bot', to: ['u1'], text: 'again' });
    expect(result).toMatchObject({ status: 'ok', attempts: 2 });
    const [first, second] = wire;
    expect(first?.nonce).not.toBe(second?.nonce);
    expect(first?.signature).not.toBe(second?.signature);
    expect(emu.requests({ vendor: 'zego-zim' }).map((r) => r.code)).toEqual([code, 0]);
    expect(inbox('u1')).toHaveLength(1);
  });

  it('gives up with RATE_LIMITED after the attempts are used', async () => {
    emu.faults.inject({ vendor: 'zego-zim', kind: 'code', code: 660300005, count: 5 });
    const error = await failure(
      rc().send('zim:barrage', { roomId: 'live-1', from: 'bot', text: 'x' }, { retry: { maxAttempts: 2 } }),
    );
    expect(error).toMatchObject({ code: 'RATE_LIMITED', retryable: true, providerCode: 660300005 });
    expect(wire).toHaveLength(2);
  });

  it('does not retry a refusal', async () => {
    emu.faults.inject({ vendor: 'zego-zim', kind: 'code', code: 660400001 });
    const error = await failure(rc().send('zim:broadcast', { roomId: 'live-1', from: 'bot', text: 'x' }));
    expect(error).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', retryable: false });
    expect(wire).toHaveLength(1);
  });

  it('is paced by the SendPeerMessage quota as data', () => {
    const provider = zegoZim(config);
    expect(provider.capabilities.direct.quotas).toEqual([
      { scope: `zego-zim:${config.appId}:SendPeerMessage`, limit: 20, intervalMs: 1000 },
    ]);
    expect(provider.capabilities.barrage.quotas).toEqual(provider.capabilities.signal.quotas);
    expect(provider.capabilities.direct.maxRecipientsPerRequest).toBe(100);
  });
});

describe('secrets', () => {
  it('keeps the ServerSecret and every signature out of errors', async () => {
    emu.faults.inject({ vendor: 'zego-zim', kind: 'code', code: 100000005 });
    await failure(rc().send('zim:direct', { from: 'bot', to: ['u1'], text: 'x' }));
    emu.faults.inject({ vendor: 'zego-zim', kind: 'http', status: 502 });
    await failure(rc().send('zim:direct', { from: 'bot', to: ['u1'], text: 'x' }));
    emu.faults.inject({ vendor: 'zego-zim', kind: 'malformed' });
    await failure(rc().send('zim:direct', { from: 'bot', to: ['u1'], text: 'x' }));
    emu.faults.inject({ vendor: 'zego-zim', kind: 'code', code: 1, message: `busy ${config.serverSecret}` });
    await failure(
      rc().send('zim:broadcast', { roomId: 'live-1', from: 'bot', text: 'x' }, { retry: { maxAttempts: 1 } }),
    );
    expect(errors.length).toBeGreaterThan(10);
    const secrets = [config.serverSecret, ...wire.map((w) => w.signature ?? '')].filter((s) => s !== '');
    expect(secrets.length).toBeGreaterThan(4);
    for (const error of errors) {
      const texts = [error.message, error.stack ?? '', JSON.stringify(error), inspect(error, { depth: 10 })];
      for (const failure of error.result?.failed ?? []) texts.push(inspect(failure.error, { depth: 10 }));
      for (const text of texts) for (const secret of secrets) expect(text.includes(secret)).toBe(false);
    }
  });
});
