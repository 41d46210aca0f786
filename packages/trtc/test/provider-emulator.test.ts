import { createRoomcast } from '@roomcast/core';
import { type Emulator, startEmulator } from '@roomcast/emulator';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { trtc } from '../src/index.js';

let emulator: Emulator;
beforeAll(async () => {
  emulator = await startEmulator({ port: 0, host: '127.0.0.1' });
});
afterAll(async () => {
  await emulator.close();
});
beforeEach(() => {
  emulator.reset();
  emulator.trtc.createRoom('live-1');
  emulator.trtc.joinRoom('live-1', 'fan');
});

function registry() {
  const tencent = trtc({ ...emulator.credentials.trtc, baseUrl: emulator.trtcUrl });
  return createRoomcast({ providers: { tencent }, retry: { baseDelayMs: 1, maxDelayMs: 10 } });
}

describe('trtc provider over real HTTP', () => {
  it('delivers a signal and a broadcast to the room, once each', async () => {
    const rc = registry();
    const signal = await rc.send('tencent:signal', { roomId: 'live-1', type: 'gift', data: '{"giftId":7}' });
    const broadcast = await rc.send('tencent:broadcast', {
      roomId: 'live-1',
      from: 'host',
      text: 'Welcome!',
    });
    expect(signal).toMatchObject({ status: 'ok', attempts: 1, messageIds: ['1'] });
    expect(broadcast).toMatchObject({ status: 'ok', attempts: 1, messageIds: ['2'] });
    expect(signal.requestIds[0]).toMatch(/^Id-[0-9a-f]{32}-O-Seq-\d+$/);
    const inbox = emulator.inbox('trtc', 'fan');
    expect(inbox.map((d) => d.content)).toEqual(['{"giftId":7}', 'Welcome!']);
  });

  it('a frequency-control drop is retried and the message arrives exactly once', async () => {
    emulator.faults.inject({ vendor: 'trtc', kind: 'drop' });
    const result = await registry().send('tencent:signal', { roomId: 'live-1', type: 'gift', data: 'x' });
    expect(result.attempts).toBe(2);
    expect(emulator.inbox('trtc', 'fan')).toHaveLength(1);
    const log = emulator.requests({ vendor: 'trtc' });
    expect(log[0]?.credential).not.toBe(log[1]?.credential);
  });

  it('a persistent drop fails the send as RATE_LIMITED, never a silent success', async () => {
    emulator.faults.inject({ vendor: 'trtc', kind: 'drop', count: Number.POSITIVE_INFINITY });
    await expect(
      registry().send(
        'tencent:signal',
        { roomId: 'live-1', type: 'gift', data: 'x' },
        { retry: { maxAttempts: 3 } },
      ),
    ).rejects.toMatchObject({ code: 'RATE_LIMITED', retryable: true });
    expect(emulator.inbox('trtc', 'fan')).toHaveLength(0);
    expect(emulator.requestCount()).toBe(3);
  });

  it('60007 is retried with a fresh random', async () => {
    emulator.faults.inject({ vendor: 'trtc', kind: 'code', code: 60007 });
    const result = await registry().send('tencent:broadcast', { roomId: 'live-1', from: 'host', text: 'hi' });
    expect(result.attempts).toBe(2);
  });

  it('a missing room is ROOM_NOT_FOUND without retry', async () => {
    await expect(
      registry().send('tencent:signal', { roomId: 'nope', type: 't', data: 'x' }),
    ).rejects.toMatchObject({
      code: 'ROOM_NOT_FOUND',
    });
    expect(emulator.requestCount()).toBe(1);
  });
});
