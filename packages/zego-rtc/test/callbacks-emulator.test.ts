import { createRoomcast } from '@roomcast/core';
import { startCallbackReceiver as startReceiver } from '@roomcast/core/testing';
import { type Emulator, startEmulator } from '@roomcast/emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createZegoRtcClient, type ZegoRtcEvent, zegoRtc } from '../src/index.js';

const callbackSecret = 'rtc-callback-secret-0123456789ab';
let emu: Emulator;
let receiver: Awaited<ReturnType<typeof startReceiver<ZegoRtcEvent>>>;
let rc: ReturnType<typeof build>;

const build = (e: Emulator, secret = callbackSecret) =>
  createRoomcast({
    providers: { zego: zegoRtc({ ...e.credentials.zegoRtc, baseUrl: e.zegoRtcUrl, callbackSecret: secret }) },
  });

beforeAll(async () => {
  emu = await startEmulator({ port: 0, callbacks: { retryScale: 0.001 } });
  rc = build(emu);
  receiver = await startReceiver((request) => rc.handleCallback(request));
  emu.callbacks.configure('zego-rtc', { url: `${receiver.url}/callbacks/zego`, secret: callbackSecret });
});
afterAll(async () => {
  await emu.close();
  await receiver.close();
});

describe('emulator → rc.handleCallback round trip (ZEGO RTC)', () => {
  it('room.created, user.joined, user.left, room.closed with exact 64-bit ids', async () => {
    emu.zegoRtc.joinRoom('live-1', 'alice', { userName: 'Alice' });
    await emu.callbacks.idle();
    emu.zegoRtc.joinRoom('live-1', 'bob');
    await emu.callbacks.idle();
    emu.zegoRtc.leaveRoom('live-1', 'bob');
    await emu.callbacks.idle();
    // KickoutUser through the vendor client: logout reason 3, and the room closes with its last user.
    await createZegoRtcClient({ ...emu.credentials.zegoRtc, baseUrl: emu.zegoRtcUrl }).kickoutUser({
      RoomId: 'live-1',
      UserId: ['alice'],
    });
    await emu.callbacks.idle();
    const seen = receiver.events.map((e) => [
      e.type,
      'userIds' in e ? e.userIds.join() : 'roomId' in e ? e.roomId : '',
    ]);
    expect(seen).toEqual([
      ['room.created', 'live-1'],
      ['user.joined', 'alice'],
      ['user.joined', 'bob'],
      ['user.left', 'bob'],
      ['user.left', 'alice'],
      ['room.closed', 'live-1'],
    ]);
    const created = receiver.events[0];
    const closed = receiver.events[5];
    if (created?.type !== 'room.created' || closed?.type !== 'room.closed') throw new Error('narrowing');
    expect(created.vendor.room_session_id).toMatch(/^\d{18,}$/);
    expect(BigInt(created.vendor.room_session_id ?? 0)).toBeGreaterThan(2n ** 53n);
    expect(closed.vendor.room_session_id).toBe(created.vendor.room_session_id);
    expect(closed.reason).toBe('3');
    const kicked = receiver.events[4];
    expect(kicked).toMatchObject({ type: 'user.left', reason: '3' });
    expect(receiver.errors).toEqual([]);
  });

  it('a receiver with the wrong secret refuses every callback, and the emulator retries on ZEGO’s schedule', async () => {
    const wrong = build(emu, 'not-the-callback-secret');
    const strict = await startReceiver((request) => wrong.handleCallback(request));
    emu.callbacks.configure('zego-rtc', { url: strict.url, secret: callbackSecret });
    emu.zegoRtc.joinRoom('live-2', 'carol');
    await emu.callbacks.idle();
    expect(strict.events).toHaveLength(0);
    expect(strict.errors.every((code) => code === 'UNAUTHENTICATED')).toBe(true);
    // room_create and room_login: 1 try + 5 retries each.
    expect(emu.callbacks.attempts({ event: 'room_login' }).filter((a) => a.status === 401)).toHaveLength(6);
    await strict.close();
    emu.callbacks.configure('zego-rtc', { url: `${receiver.url}/callbacks/zego`, secret: callbackSecret });
  });
});
