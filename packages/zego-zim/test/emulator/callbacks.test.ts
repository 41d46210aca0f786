import { createRoomcast } from '@roomcast/core';
import { startCallbackReceiver as startReceiver } from '@roomcast/core/testing';
import { type Emulator, startEmulator } from '@roomcast/emulator';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type ZegoZimEvent, zegoZim } from '../../src/index.js';

const callbackSecret = 'zim-callback-secret';
let emu: Emulator;
let receiver: Awaited<ReturnType<typeof startReceiver<ZegoZimEvent & { alias: 'zim' }>>>;
let rc: ReturnType<typeof build>;

const build = (e: Emulator) =>
  createRoomcast({
    providers: { zim: zegoZim({ ...e.credentials.zegoZim, baseUrl: e.zegoZimUrl, callbackSecret }) },
  });

/** The moderation a real app would write: decide on the text of each client message. */
function moderate(event: ZegoZimEvent): Response {
  if (event.type !== 'message.beforeSend') return event.ack();
  if (event.text?.includes('spam')) return event.reply.drop();
  if (event.text?.includes('http')) return event.reply.reject(undefined, 'links are not allowed');
  return event.reply.allow();
}

beforeAll(async () => {
  emu = await startEmulator({ port: 0, callbacks: { retryScale: 0.001 } });
  rc = build(emu);
  receiver = await startReceiver((request) => rc.handleCallback(request), moderate);
  emu.callbacks.configure('zego-zim', { url: `${receiver.url}/hooks?provider=zim`, secret: callbackSecret });
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

describe('emulator → rc.handleCallback round trip (ZIM)', () => {
  it('room events: room.created, user.joined, user.left, room.closed', async () => {
    emu.zim.joinRoom('r1', 'alice');
    await emu.callbacks.idle();
    emu.zim.leaveRoom('r1', 'alice');
    await emu.callbacks.idle();
    const roomEvents = receiver.events.filter((e) => e.type !== 'other');
    expect(roomEvents.map((e) => e.type)).toEqual([
      'room.created',
      'user.joined',
      'user.left',
      'room.closed',
    ]);
    expect(roomEvents[1]).toMatchObject({
      roomId: 'r1',
      userIds: ['alice'],
      provider: 'zego-zim',
      alias: 'zim',
    });
    expect(receiver.events.some((e) => e.type === 'other' && e.name === 'user_action')).toBe(true);
  });

  it('a server-API room message → message.sent (source 1)', async () => {
    emu.zim.joinRoom('r1', 'alice');
    emu.zim.joinRoom('r1', 'bob');
    await rc.send('zim:broadcast', { roomId: 'r1', from: 'alice', text: 'hello room' });
    await emu.callbacks.idle();
    const sent = receiver.events.find((e) => e.type === 'message.sent');
    expect(sent).toMatchObject({
      conversation: { type: 'room', id: 'r1' },
      from: 'alice',
      text: 'hello room',
      ok: true,
    });
    if (sent?.type !== 'message.sent') throw new Error('narrowing');
    expect(sent.vendor.source).toBe(1);
  });

  it.each([
    ['hello', 'delivered', 1, 0],
    ['buy spam now', 'silent', 0, 660500009],
    ['see http://x', 'refused', 0, 660500010],
  ])('before_send_msg: "%s" → %s', async (text, status, inBobsInbox, sendResult) => {
    emu.zim.joinRoom('r1', 'alice');
    emu.zim.joinRoom('r1', 'bob');
    const outcome = await emu.zim.sendAsClient({ from: 'alice', roomId: 'r1', text });
    expect(outcome.status).toBe(status);
    expect(emu.inbox('zego-zim', 'bob').filter((d) => d.content === text)).toHaveLength(inBobsInbox);
    await emu.callbacks.idle();
    const before = receiver.events.find((e) => e.type === 'message.beforeSend');
    expect(before).toMatchObject({ text, from: 'alice', conversation: { type: 'room', id: 'r1' } });
    const after = receiver.events.find((e) => e.type === 'message.sent');
    if (after?.type !== 'message.sent') throw new Error('narrowing');
    expect(after.vendor.send_result).toBe(sendResult);
    expect(after.ok).toBe(sendResult === 0);
  });
});
