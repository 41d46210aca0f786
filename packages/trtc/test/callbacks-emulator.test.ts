import { createRoomcast, isRoomcastError } from '@roomcast/core';
import { startCallbackReceiver as startReceiver } from '@roomcast/core/testing';
import { type Emulator, startEmulator } from '@roomcast/emulator';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type TrtcEvent, trtc } from '../src/index.js';

const callbackToken = 'my-im-callback-token';
let emu: Emulator;
let receiver: Awaited<ReturnType<typeof startReceiver<TrtcEvent & { alias: 'tencent' }>>>;
let rc: ReturnType<typeof build>;

const build = (e: Emulator) =>
  createRoomcast({
    providers: { tencent: trtc({ ...e.credentials.trtc, baseUrl: e.trtcUrl, callbackToken }) },
  });

/** Content rules as an app would write them. */
function moderate(event: TrtcEvent): Response {
  if (event.type !== 'message.beforeSend') return event.ack();
  const text = event.text ?? '';
  if (text.includes('spam')) return event.reply.drop();
  if (text.includes('banned')) return event.reply.reject(10150, 'You are muted');
  if (text.includes('darn')) {
    return event.reply.rewrite({
      MsgBody: [{ MsgType: 'TIMTextElem', MsgContent: { Text: text.replace('darn', '****') } }],
    });
  }
  return event.reply.allow();
}

beforeAll(async () => {
  emu = await startEmulator({ port: 0 });
  rc = build(emu);
  receiver = await startReceiver((request) => rc.handleCallback(request), moderate);
  emu.callbacks.configure('trtc', { url: `${receiver.url}/callbacks/tencent`, token: callbackToken });
});
afterEach(async () => {
  await emu.callbacks.idle();
  emu.reset();
  receiver.events.length = 0;
});
afterAll(async () => {
  await emu.close();
  await receiver.close();
});

describe('emulator → rc.handleCallback round trip (Tencent)', () => {
  it('live-room events: room.created, user.joined, user.left, room.closed', async () => {
    await rc.provider('tencent').client.createRoom({
      RoomInfo: { RoomId: 'live-1', RoomType: 'Live', Owner_Account: '144115216631667826' },
    });
    emu.trtc.joinRoom('live-1', 'fan');
    emu.trtc.leaveRoom('live-1', 'fan');
    await rc.provider('tencent').client.destroyRoom({ RoomId: 'live-1' });
    await emu.callbacks.idle();
    expect(receiver.events.map((e) => e.type)).toEqual([
      'room.created',
      'user.joined',
      'user.left',
      'room.closed',
    ]);
    expect(receiver.events[0]).toMatchObject({
      roomId: 'live-1',
      userId: '144115216631667826',
      alias: 'tencent',
    });
    expect(receiver.events[2]).toMatchObject({ userIds: ['fan'], reason: 'Leave' });
  });

  it('a plain message: message.beforeSend, delivered, then message.sent', async () => {
    emu.trtc.createRoom('live-1');
    emu.trtc.joinRoom('live-1', 'fan');
    await rc.send('tencent:broadcast', { roomId: 'live-1', from: 'host', text: 'hello' });
    await emu.callbacks.idle();
    expect(emu.inbox('trtc', 'fan').map((d) => d.content)).toEqual(['hello']);
    const types = receiver.events.map((e) => e.type).filter((t) => t.startsWith('message'));
    expect(types).toEqual(['message.beforeSend', 'message.sent']);
    expect(receiver.events.find((e) => e.type === 'message.sent')).toMatchObject({
      from: 'host',
      text: 'hello',
    });
  });

  it('rewrite: the fan receives the rewritten text, and AfterSendMsg carries it', async () => {
    emu.trtc.createRoom('live-1');
    emu.trtc.joinRoom('live-1', 'fan');
    const result = await rc.send('tencent:broadcast', { roomId: 'live-1', from: 'host', text: 'oh darn' });
    expect(result.status).toBe('ok');
    expect(emu.inbox('trtc', 'fan').map((d) => d.content)).toEqual(['oh ****']);
    await emu.callbacks.idle();
    expect(receiver.events.find((e) => e.type === 'message.sent')).toMatchObject({ text: 'oh ****' });
  });

  it('drop: the send succeeds for the sender, nobody receives it', async () => {
    emu.trtc.createRoom('live-1');
    emu.trtc.joinRoom('live-1', 'fan');
    const result = await rc.send('tencent:broadcast', { roomId: 'live-1', from: 'host', text: 'spam spam' });
    expect(result.status).toBe('ok');
    expect(emu.inbox('trtc', 'fan')).toEqual([]);
  });

  it('reject(10150): the send fails with the app’s code; nothing is delivered', async () => {
    emu.trtc.createRoom('live-1');
    emu.trtc.joinRoom('live-1', 'fan');
    const error = await rc
      .send('tencent:broadcast', { roomId: 'live-1', from: 'host', text: 'banned word' })
      .catch((e: unknown) => e);
    expect(isRoomcastError(error) && error.providerCode).toBe(10150);
    expect(emu.inbox('trtc', 'fan')).toEqual([]);
  });

  it('a custom message (send_custom_msg) decodes as LiveCustomData', async () => {
    emu.trtc.createRoom('live-1');
    emu.trtc.joinRoom('live-1', 'fan');
    await rc.send('tencent:signal', { roomId: 'live-1', type: 'gift', data: '{"giftId":7}' });
    const before = receiver.events.find((e) => e.type === 'message.beforeSend');
    if (before?.type !== 'message.beforeSend') throw new Error('narrowing');
    expect(before.vendor.LiveCustomData).toEqual({ BusinessId: 'gift', Data: '{"giftId":7}' });
  });

  it('an unreachable receiver: Tencent delivers anyway (fail-open)', async () => {
    emu.callbacks.configure('trtc', { url: 'http://127.0.0.1:1/hooks', token: callbackToken });
    emu.trtc.createRoom('live-1');
    emu.trtc.joinRoom('live-1', 'fan');
    await rc.send('tencent:broadcast', { roomId: 'live-1', from: 'host', text: 'spam anyway' });
    expect(emu.inbox('trtc', 'fan').map((d) => d.content)).toEqual(['spam anyway']);
    emu.callbacks.configure('trtc', { url: `${receiver.url}/callbacks/tencent`, token: callbackToken });
  });
});
