import { createRoomcast, type HttpHooks, type RoomcastError } from '@roomcast/core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { zegoRtc } from '../src/index.js';
import { expectNoSecrets, rejection, setup } from './helpers.js';

let t: Awaited<ReturnType<typeof setup>>;
const hookPayloads: unknown[] = [];
const hooks: HttpHooks = {
  onRequest: (i) => hookPayloads.push(i),
  onResponse: (i) => hookPayloads.push(i),
  onRetry: (i) => hookPayloads.push(i),
  onError: (i) => hookPayloads.push(i),
};
const rc = () =>
  createRoomcast({ providers: { zego: t.provider }, retry: { baseDelayMs: 1, maxDelayMs: 5 }, hooks });

beforeAll(async () => {
  t = await setup({ rateLimits: 'off' });
});
afterAll(() => t.emu.close());
beforeEach(() => {
  t.emu.reset();
  for (const user of ['alice', 'bob']) t.emu.zegoRtc.joinRoom('live', user);
});

const online = (n: number, prefix = 'fan') => Array.from({ length: n }, (_, i) => `${prefix}-${i}`);

describe('capabilities', () => {
  it('declares signal, broadcast and barrage with the vendor limits and per-action quotas', () => {
    const { capabilities, id, specVersion } = zegoRtc({ ...t.emu.credentials.zegoRtc });
    expect(id).toBe('zego-rtc');
    expect(specVersion).toBe('roomcast/v1');
    expect(Object.keys(capabilities)).toEqual(['signal', 'broadcast', 'barrage']);
    const appId = t.emu.credentials.zegoRtc.appId;
    expect(capabilities.signal).toMatchObject({
      audiences: ['room', 'room-users'],
      maxPayloadBytes: 1024,
      maxRecipientsPerRequest: 10,
      delivery: 'acknowledged',
      vendorDeduplicates: false,
      operation: 'SendCustomCommand',
      quotas: [{ scope: `zego-rtc:${appId}:prod:SendCustomCommand`, limit: 100, intervalMs: 1000 }],
    });
    expect(capabilities.barrage.delivery).toBe('best-effort');
    const test = zegoRtc({ ...t.emu.credentials.zegoRtc, isTest: true });
    expect(test.capabilities.broadcast.quotas).toEqual([
      { scope: `zego-rtc:${appId}:test:SendBroadcastMessage`, limit: 10, intervalMs: 1000 },
    ]);
  });
});

describe('signal', () => {
  it('whole room: one request, nobody listed', async () => {
    const result = await rc().send('zego:signal', { roomId: 'live', from: 'server', data: '{"n":1}' });
    expect(result).toMatchObject({ status: 'ok', accepted: [], failed: [], attempts: 1 });
    expect(result.requestIds).toHaveLength(1);
    expect(t.emu.inbox('zego-rtc', 'alice').map((d) => d.content)).toEqual(['{"n":1}']);
    expect(t.emu.inbox('zego-rtc', 'bob')).toHaveLength(1);
  });

  it('25 recipients become 3 requests (10 + 10 + 5) and one SendResult', async () => {
    const fans = online(25);
    for (const fan of fans) t.emu.zegoRtc.joinRoom('live', fan);
    const result = await rc().send('zego:signal', {
      roomId: 'live',
      from: 'server',
      to: fans,
      data: 'hello',
    });
    expect(result.status).toBe('ok');
    expect(result.accepted.sort()).toEqual([...fans].sort());
    expect(result.attempts).toBe(3);
    expect(result.requestIds).toHaveLength(3);
    const sizes = t.urls.slice(-3).map((u) => u.searchParams.getAll('ToUserId[]').length);
    expect(sizes.sort((a, b) => a - b)).toEqual([5, 10, 10]);
    for (const fan of fans) expect(t.emu.inbox('zego-rtc', fan).map((d) => d.content)).toEqual(['hello']);
    expect(t.emu.inbox('zego-rtc', 'alice')).toHaveLength(0);
  });

  it('offline recipients become USER_OFFLINE failures: status partial', async () => {
    const result = await rc().send('zego:signal', {
      roomId: 'live',
      from: 'server',
      to: ['alice', 'ghost-1', 'bob', 'ghost-2'],
      data: 'x',
    });
    expect(result.status).toBe('partial');
    expect(result.accepted.sort()).toEqual(['alice', 'bob']);
    expect(result.failed.map((f) => f.userId).sort()).toEqual(['ghost-1', 'ghost-2']);
    for (const { error } of result.failed) {
      expect(error).toMatchObject({
        code: 'USER_OFFLINE',
        providerCode: 50003,
        retryable: false,
        provider: 'zego-rtc',
      });
      expect(error.requestId).toBe(result.requestIds[0]);
    }
  });

  it('when every recipient is offline the send throws USER_OFFLINE carrying the result', async () => {
    const error = await rejection(
      rc().send('zego:signal', { roomId: 'live', from: 'server', to: ['g1', 'g2'], data: 'x' }),
    );
    expect(error.code).toBe('USER_OFFLINE');
    expect(error.providerCode).toBe(50003);
    expect(error.result).toMatchObject({ status: 'partial', accepted: [], attempts: 1 });
    expect(error.failures.map((f) => f.userId)).toEqual(['g1', 'g2']);
  });

  it('a room that does not exist is ROOM_NOT_FOUND', async () => {
    const error = await rejection(rc().send('zego:signal', { roomId: 'gone', from: 'server', data: 'x' }));
    expect(error).toMatchObject({ code: 'ROOM_NOT_FOUND', providerCode: 50001 });
  });

  it('requires from (FromUserId) and rejects type, before any request', async () => {
    const before = t.emu.requestCount();
    const noFrom = await rejection(rc().send('zego:signal', { roomId: 'live', data: 'x' }));
    expect(noFrom.code).toBe('INVALID_ARGUMENT');
    expect(noFrom.message).toMatch(/FromUserId/);
    const typed = await rejection(
      rc().send('zego:signal', { roomId: 'live', from: 's', data: 'x', type: 7 }),
    );
    expect(typed.code).toBe('UNSUPPORTED');
    expect(typed.message).toMatch(/inside "data"/);
    const longId = await rejection(
      rc().send('zego:signal', { roomId: 'live', from: 's', to: ['x'.repeat(65)], data: 'x' }),
    );
    expect(longId.message).toMatch(/to\[0\] is 65 bytes/);
    const ext = await rejection(
      rc().send('zego:signal', {
        roomId: 'live',
        from: 's',
        data: 'x',
        extensions: { 'zego-rtc': { UserName: 'n' } },
      }),
    );
    expect(ext.message).toMatch(/signal takes no options/);
    const big = await rejection(
      rc().send('zego:signal', { roomId: 'live', from: 's', data: '好'.repeat(342) }),
    );
    expect(big.code).toBe('PAYLOAD_TOO_LARGE');
    expect(t.emu.requestCount()).toBe(before);
  });

  it('ignores options meant for other providers', async () => {
    const result = await rc().send('zego:signal', {
      roomId: 'live',
      from: 's',
      data: 'x',
      priority: 'high',
      extensions: { 'zego-zim': { anything: true } },
    });
    expect(result.status).toBe('ok');
  });
});

describe('broadcast and barrage', () => {
  it('broadcast: chat by default, the numeric MessageId as a string', async () => {
    const result = await rc().send('zego:broadcast', {
      roomId: 'live',
      from: 'server',
      text: 'Welcome!',
      fromName: 'Host',
    });
    expect(result.messageIds).toEqual(['1']);
    const [delivery] = t.emu.inbox('zego-rtc', 'alice');
    expect(delivery).toMatchObject({ callback: 'onIMRecvBroadcastMessage', content: 'Welcome!' });
    expect(delivery!.raw).toMatchObject({ category: 2, fromUser: { userID: 'server', userName: 'Host' } });
  });

  it('barrage: category system → MessageCategory 1, string MessageId', async () => {
    const result = await rc().send('zego:barrage', {
      roomId: 'live',
      from: 'server',
      text: '666',
      category: 'system',
    });
    expect(result.messageIds).toHaveLength(1);
    expect(t.urls.at(-1)!.searchParams.get('MessageCategory')).toBe('1');
    expect(t.emu.inbox('zego-rtc', 'bob')[0]!.raw.category).toBe(1);
  });

  it("extensions['zego-rtc'] set UserName and MessageCategory, and must agree with the unified fields", async () => {
    await rc().send('zego:broadcast', {
      roomId: 'live',
      from: 'server',
      text: 'x',
      extensions: { 'zego-rtc': { UserName: 'Moderator', MessageCategory: 1 } },
    });
    expect(t.urls.at(-1)!.searchParams.get('UserName')).toBe('Moderator');
    expect(t.urls.at(-1)!.searchParams.get('MessageCategory')).toBe('1');
    const conflict = await rejection(
      rc().send('zego:barrage', {
        roomId: 'live',
        from: 's',
        text: 'x',
        category: 'chat',
        extensions: { 'zego-rtc': { MessageCategory: 1 } },
      }),
    );
    expect(conflict.message).toMatch(/disagree/);
    const unknown = await rejection(
      rc().send('zego:barrage', {
        roomId: 'live',
        from: 's',
        text: 'x',
        extensions: { 'zego-rtc': { Priority: 1 } },
      }),
    );
    expect(unknown.message).toMatch(/Priority is unknown: barrage takes UserName, MessageCategory/);
    const badCategory = await rejection(
      rc().send('zego:barrage', { roomId: 'live', from: 's', text: 'x', category: 'loud' as never }),
    );
    expect(badCategory.message).toMatch(/'system' or 'chat'/);
  });

  it('direct is not a zego-rtc kind', async () => {
    const error = await rejection(
      rc().send('zego:direct' as never, { from: 'a', to: ['b'], text: 'x' } as never),
    );
    expect(error.code).toBe('UNSUPPORTED');
  });
});

describe('retries', () => {
  it('a vendor rate limit (206) is retried with a fresh nonce each attempt', async () => {
    t.emu.faults.inject({
      vendor: 'zego-rtc',
      action: 'SendCustomCommand',
      kind: 'code',
      code: 206,
      count: 2,
    });
    const result = await rc().send('zego:signal', {
      roomId: 'live',
      from: 'server',
      to: ['alice'],
      data: 'x',
    });
    expect(result).toMatchObject({ status: 'ok', accepted: ['alice'], attempts: 3 });
    const log = t.emu.requests({ action: 'SendCustomCommand' });
    expect(log.map((r) => r.code)).toEqual([206, 206, 0]);
    expect(new Set(log.map((r) => r.credential)).size).toBe(3);
    expect(t.emu.inbox('zego-rtc', 'alice')).toHaveLength(1);
  });

  it('a per-room limit (207) and the retryable 50013 are retried too', async () => {
    t.emu.faults.inject({ vendor: 'zego-rtc', kind: 'code', code: 207, count: 1 });
    t.emu.faults.inject({ vendor: 'zego-rtc', kind: 'code', code: 50013, count: 1 });
    const result = await rc().send('zego:broadcast', { roomId: 'live', from: 'server', text: 'x' });
    expect(result.attempts).toBe(3);
  });

  it('a non-retryable code is not retried', async () => {
    t.emu.faults.inject({ vendor: 'zego-rtc', kind: 'code', code: 9, count: 1 });
    const error = await rejection(rc().send('zego:barrage', { roomId: 'live', from: 'server', text: 'x' }));
    expect(error).toMatchObject({ code: 'PERMISSION_DENIED', providerCode: 9 });
    expect(error.result?.attempts).toBe(1);
  });

  it('gives up after maxAttempts with RATE_LIMITED', async () => {
    t.emu.faults.inject({ vendor: 'zego-rtc', kind: 'code', code: 206, count: 10 });
    const error = await rejection(rc().send('zego:signal', { roomId: 'live', from: 'server', data: 'x' }));
    expect(error).toMatchObject({ code: 'RATE_LIMITED', retryable: true });
    expect(t.emu.requests().length).toBe(3);
  });
});

describe('secrets', () => {
  it('never appear in errors or hook payloads', async () => {
    const errors: RoomcastError[] = [];
    for (const code of [206, 100000005, 100000004, 50001, 424242]) {
      t.emu.faults.inject({ vendor: 'zego-rtc', kind: 'code', code, count: 10 });
      errors.push(
        await rejection(
          rc().send('zego:signal', { roomId: 'live', from: 'server', to: ['alice'], data: 'x' }),
        ),
      );
      t.emu.faults.clear();
    }
    t.emu.faults.inject({ vendor: 'zego-rtc', kind: 'malformed', count: 1 });
    errors.push(await rejection(rc().send('zego:signal', { roomId: 'live', from: 'server', data: 'x' })));
    t.emu.faults.inject({ vendor: 'zego-rtc', kind: 'http', status: 502, count: 1 });
    errors.push(await rejection(rc().send('zego:signal', { roomId: 'live', from: 'server', data: 'x' })));
    const secrets = t.secrets();
    expect(secrets.length).toBeGreaterThan(10);
    for (const error of errors) expectNoSecrets(error, secrets);
    const hookText = JSON.stringify(hookPayloads);
    expect(hookPayloads.length).toBeGreaterThan(0);
    for (const secret of secrets) expect(hookText).not.toContain(secret);
    expect(hookText).not.toContain('Signature=');
  });
});
