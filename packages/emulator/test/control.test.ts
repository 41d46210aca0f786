import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Emulator } from '../src/index.js';
import { control, rtc, start, zim } from './helpers/http.js';

let emu: Emulator;
beforeAll(async () => {
  emu = await start({ rateLimits: 'off', fixtures: { zegoRtc: { rooms: { lobby: ['fixture-user'] } } } });
});
beforeEach(() => emu.reset());
afterAll(() => emu.close());

describe('control API', () => {
  it('GET /_emulator/ describes the URLs and credentials', async () => {
    const { status, body } = await control(emu, 'GET', '/');
    expect(status).toBe(200);
    expect(body).toEqual({
      url: emu.url,
      zegoRtcUrl: emu.zegoRtcUrl,
      zegoZimUrl: emu.zegoZimUrl,
      trtcUrl: emu.trtcUrl,
      credentials: JSON.parse(JSON.stringify(emu.credentials)),
    });
  });

  it('fixtures are applied at start and again by reset', async () => {
    expect(emu.zegoRtc.rooms()).toEqual([
      { roomId: 'lobby', users: [expect.objectContaining({ userId: 'fixture-user' })] },
    ]);
  });

  it('rooms and users for every vendor, state, inbox, deliveries, requests', async () => {
    expect(
      (await control(emu, 'POST', '/zego-rtc/rooms/r%201/users', { userId: 'bob', userName: 'Bob', role: 1 }))
        .status,
    ).toBe(200);
    expect((await control(emu, 'POST', '/zego-rtc/rooms/r%201/users', { userId: 'x', role: 3 })).status).toBe(
      400,
    );
    await control(emu, 'POST', '/zego-zim/users', { userId: 'z1' });
    await control(emu, 'POST', '/zego-zim/users', { userId: 'z2', online: true });
    await control(emu, 'PUT', '/zego-zim/users/z1', { online: true });
    await control(emu, 'POST', '/zego-zim/rooms', { roomId: 'zr' });
    await control(emu, 'POST', '/zego-zim/rooms/zr/users', { userId: 'z3' });
    await control(emu, 'POST', '/zego-zim/groups', { groupId: 'g', members: ['z1', 'z2'] });
    await control(emu, 'POST', '/trtc/rooms', { roomId: 'live', info: { RoomName: 'Live!' } });
    await control(emu, 'POST', '/trtc/rooms/live/users', { userId: 'v' });
    await control(emu, 'POST', '/trtc/rooms/live/muted', { userId: 'v' });
    const state = (await control(emu, 'GET', '/state')).body;
    expect(state.zegoRtc).toEqual([
      expect.objectContaining({ roomId: 'lobby' }),
      { roomId: 'r 1', users: [{ userId: 'bob', userName: 'Bob', role: 1, loginTime: expect.any(Number) }] },
    ]);
    expect(state.zim).toEqual({
      registered: ['z1', 'z2', 'z3'],
      online: ['z2', 'z1', 'z3'],
      rooms: [{ roomId: 'zr', members: ['z3'] }],
      groups: [{ groupId: 'g', members: ['z1', 'z2'] }],
    });
    expect(state.trtc).toEqual([
      { roomId: 'live', info: expect.objectContaining({ RoomName: 'Live!' }), members: ['v'], muted: ['v'] },
    ]);
    expect((await control(emu, 'POST', '/trtc/rooms', { roomId: 'live' })).status).toBe(400);
    expect((await control(emu, 'POST', '/trtc/rooms/none/users', { userId: 'v' })).body.error).toMatch(
      /does not exist/,
    );

    await rtc(emu, 'SendCustomCommand', { RoomId: 'r 1', FromUserId: 's', MessageContent: 'via http' });
    const inbox = await control(emu, 'GET', '/inbox?vendor=zego-rtc&userId=bob');
    expect(inbox.body.messages).toEqual([
      expect.objectContaining({ content: 'via http', callback: 'onIMRecvCustomCommand' }),
    ]);
    expect((await control(emu, 'GET', '/deliveries?roomId=r%201')).body.deliveries).toHaveLength(1);
    expect((await control(emu, 'GET', '/deliveries?roomId=other')).body.deliveries).toHaveLength(0);
    const requests = await control(emu, 'GET', '/requests?vendor=zego-rtc');
    expect(requests.body).toMatchObject({
      count: 1,
      requests: [expect.objectContaining({ action: 'SendCustomCommand', code: 0 })],
    });

    expect((await control(emu, 'DELETE', '/zego-rtc/rooms/r%201/users/bob')).body).toEqual({ removed: true });
    expect((await control(emu, 'DELETE', '/zego-zim/rooms/zr/users/z3')).body).toEqual({ removed: true });
    expect((await control(emu, 'DELETE', '/trtc/rooms/live/users/v')).body).toEqual({ removed: true });
    expect((await control(emu, 'DELETE', '/trtc/rooms/live')).body).toEqual({ removed: true });
    expect((await control(emu, 'GET', '/zego-rtc/rooms')).body.rooms).toHaveLength(1);
    expect((await control(emu, 'GET', '/trtc/rooms')).body.rooms).toEqual([]);
    expect((await control(emu, 'GET', '/zego-zim')).body.online).toEqual(['z2', 'z1', 'z3']);
  });

  it('faults over HTTP, with "forever" counts', async () => {
    emu.zegoRtc.joinRoom('r', 'u');
    const { body } = await control(emu, 'POST', '/faults', {
      kind: 'code',
      code: 50013,
      vendor: 'zego-rtc',
      count: 'forever',
    });
    expect(body.id).toEqual(expect.any(Number));
    const listed = (await control(emu, 'GET', '/faults')).body.faults as { remaining: number | null }[];
    expect(listed).toHaveLength(1);
    for (let i = 0; i < 3; i++) {
      expect(
        (await rtc(emu, 'SendCustomCommand', { RoomId: 'r', FromUserId: 's', MessageContent: 'm' })).body
          .Code,
      ).toBe(50013);
    }
    await control(emu, 'DELETE', `/faults/${body.id}`);
    expect(
      (await rtc(emu, 'SendCustomCommand', { RoomId: 'r', FromUserId: 's', MessageContent: 'm' })).body.Code,
    ).toBe(0);
    await control(emu, 'POST', '/faults', { kind: 'latency', ms: 1 });
    await control(emu, 'DELETE', '/faults');
    expect(emu.faults.list()).toEqual([]);
    expect((await control(emu, 'POST', '/faults', { kind: 'explode' })).status).toBe(400);
  });

  it('reset over HTTP; errors are JSON with a status', async () => {
    emu.zim.setOnline('u', true);
    expect((await control(emu, 'POST', '/reset')).body).toEqual({ ok: true });
    expect(emu.zim.state().online).toEqual([]);
    expect((await control(emu, 'GET', '/nope')).status).toBe(404);
    expect((await control(emu, 'PUT', '/reset')).status).toBe(405);
    expect((await control(emu, 'GET', '/inbox?vendor=agora&userId=x')).status).toBe(400);
    const res = await fetch(`${emu.url}/_emulator/faults`, { method: 'POST', body: '{oops' });
    expect(res.status).toBe(400);
    const pre = await fetch(`${emu.url}/_emulator/state`, { method: 'OPTIONS' });
    expect(pre.status).toBe(204);
    expect(pre.headers.get('access-control-allow-origin')).toBe('*');
    expect((await fetch(`${emu.url}/elsewhere`)).status).toBe(404);
  });
});

describe('SSE event stream', () => {
  it('streams deliveries filtered by vendor, room and user', async () => {
    emu.zim.joinRoom('zr', 'a');
    emu.zim.joinRoom('zr', 'b');
    emu.zegoRtc.joinRoom('rr', 'b');
    const controller = new AbortController();
    const res = await fetch(`${emu.url}/_emulator/events?vendor=zego-zim&userId=b`, {
      signal: controller.signal,
    });
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    let text = '';
    const readUntil = async (needle: string) => {
      while (!text.includes(needle)) {
        const { value, done } = await reader.read();
        if (done) break;
        text += decoder.decode(value);
      }
    };
    await readUntil(': connected');
    await rtc(emu, 'SendCustomCommand', {
      RoomId: 'rr',
      FromUserId: 's',
      MessageContent: 'rtc, filtered out',
    });
    await zim(emu, 'SendRoomMessage', {
      FromUserId: 'a',
      RoomId: 'zr',
      MessageType: 1,
      Priority: 1,
      MessageBody: { Message: 'for b' },
    });
    await readUntil('for b');
    controller.abort();
    const events = text.split('\n\n').filter((e) => e.includes('event: delivery'));
    expect(events).toHaveLength(1);
    const data = JSON.parse(
      events[0]!
        .split('\n')
        .find((l) => l.startsWith('data: '))!
        .slice(6),
    );
    expect(data).toMatchObject({
      vendor: 'zego-zim',
      to: 'b',
      content: 'for b',
      callback: 'roomMessageReceived',
    });
  });

  it('onDelivery listeners get each delivery; close() ends open streams', async () => {
    const local = await start();
    const seen: string[] = [];
    const off = local.onDelivery((d) => seen.push(d.content));
    local.zegoRtc.joinRoom('r', 'u');
    await rtc(local, 'SendCustomCommand', { RoomId: 'r', FromUserId: 's', MessageContent: 'one' });
    off();
    await rtc(local, 'SendCustomCommand', { RoomId: 'r', FromUserId: 's', MessageContent: 'two' });
    expect(seen).toEqual(['one']);
    const res = await fetch(`${local.url}/_emulator/events`);
    const reader = res.body!.getReader();
    await reader.read();
    await local.close();
    let done = false;
    while (!done) done = (await reader.read()).done;
    expect(done).toBe(true);
  });
});
