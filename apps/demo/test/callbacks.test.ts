import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_CALLBACK_SECRET } from '../src/backend/backend.js';
import { collectEvents, type Demo, startDemo } from './helpers.js';

// biome-ignore lint/suspicious/noExplicitAny: test assertions walk arbitrary JSON
type Entry = any;

let demo: Demo;

beforeAll(async () => {
  demo = await startDemo();
});
afterAll(async () => {
  await demo.close();
});

const callbacksOf = (events: { type: string; data: unknown }[]): Entry[] =>
  events.filter((e) => e.type === 'callback').map((e) => e.data);

const inboxOf = async (vendor: string, userId: string): Promise<string[]> => {
  const { body } = await demo.get('/api/clients');
  const client = body.clients.find(
    (c: { vendor: string; userId: string; roomId: string }) =>
      c.vendor === vendor && c.userId === userId && c.roomId === 'live-1',
  );
  return client.inbox.map((d: { content: string }) => d.content);
};

describe('vendor callbacks on the event stream', () => {
  it('points the embedded emulator at the demo server', async () => {
    const { body } = await demo.get('/api/callbacks');
    expect(body.receivers).toEqual({
      'zego-rtc': { url: `${demo.base}/api/callbacks/zego` },
      'zego-zim': { url: `${demo.base}/api/callbacks/zim` },
      trtc: { url: `${demo.base}/api/callbacks/tencent` },
    });
    expect(body.beforeSend).toEqual({ 'zego-zim': 'allow', trtc: 'allow' });
  });

  it('a simulated client joining produces room.created and user.joined', async () => {
    const events = await collectEvents(
      demo.base,
      (evs) => callbacksOf(evs).some((c) => c.type === 'user.joined'),
      () => demo.post('/api/clients', { vendor: 'zego-rtc', roomId: 'cb-room', userId: 'dave' }),
    );
    const entries = callbacksOf(events);
    expect(entries.map((c) => c.type)).toEqual(['room.created', 'user.joined']);
    expect(entries[1]).toMatchObject({
      ok: true,
      name: 'room_login',
      provider: 'zego-rtc',
      alias: 'zego',
      roomId: 'cb-room',
      userIds: ['dave'],
      vendor: { event: 'room_login', room_id: 'cb-room', user_account: 'dave' },
    });
    // ZEGO's signature is stripped by the provider; the shared secret never reaches the stream.
    expect(JSON.stringify(entries)).not.toMatch(/"signature"|roomcast-demo-callback/);
  });

  it('a Tencent send produces before-send (allowed) and after-send message events', async () => {
    const data = `cb-${Date.now()}`;
    const events = await collectEvents(
      demo.base,
      (evs) => callbacksOf(evs).some((c) => c.type === 'message.sent'),
      () =>
        demo.post('/api/send', {
          channel: 'tencent:signal',
          message: { roomId: 'live-1', type: 'gift', data },
        }),
    );
    const entries = callbacksOf(events);
    expect(entries.map((c) => c.type)).toEqual(['message.beforeSend', 'message.sent']);
    expect(entries[0]).toMatchObject({
      provider: 'trtc',
      alias: 'tencent',
      name: 'Group.CallbackBeforeSendMsg',
      roomId: 'live-1',
      answer: 'allow',
      vendor: { GroupId: 'live-1' },
    });
    expect(entries[1]).toMatchObject({ name: 'Group.CallbackAfterSendMsg', roomId: 'live-1' });
    expect(await inboxOf('trtc', 'alice')).toContain(data);
  });
});

describe('forged callbacks', () => {
  const forgedZego = () => ({
    event: 'room_login',
    appid: demo.backend.clientConfigs.zegoRtc.appId,
    timestamp: Math.floor(Date.now() / 1000),
    nonce: '123456',
    signature: 'f'.repeat(40),
    room_id: 'forged-room',
    user_account: 'mallory',
  });

  it('a bad ZEGO signature is answered 401 and never becomes an event', async () => {
    let status = 0;
    const events = await collectEvents(
      demo.base,
      (evs) => callbacksOf(evs).length > 0,
      async () => {
        status = (await demo.post('/api/callbacks/zego', forgedZego())).status;
      },
    );
    expect(status).toBe(401);
    expect(callbacksOf(events)).toEqual([
      expect.objectContaining({ ok: false, alias: 'zego', code: 'UNAUTHENTICATED', httpStatus: 401 }),
    ]);
    const { body } = await demo.get('/api/callbacks');
    expect(body.entries[0]).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });
    expect(body.entries.some((e: Entry) => e.ok && e.roomId === 'forged-room')).toBe(false);
    expect(JSON.stringify(body)).not.toContain(DEMO_CALLBACK_SECRET);
  });

  it('an unsigned ZEGO body and a Tencent callback without Sign are refused too', async () => {
    const { signature: _signature, ...unsigned } = forgedZego();
    const zego = await demo.post('/api/callbacks/zego', unsigned);
    expect(zego.status).toBe(401);
    expect(zego.body.error.code).toBe('UNAUTHENTICATED');
    const tencent = await demo.post(
      '/api/callbacks/tencent?CallbackCommand=Group.CallbackBeforeSendMsg&RequestTime=1',
      { CallbackCommand: 'Group.CallbackBeforeSendMsg', GroupId: 'live-1', From_Account: 'mallory' },
    );
    expect(tencent.status).toBe(401);
    const { body } = await demo.get('/api/callbacks');
    expect(body.entries.slice(0, 2).map((e: Entry) => [e.ok, e.alias])).toEqual([
      [false, 'tencent'],
      [false, 'zego'],
    ]);
  });
});

describe('before-send toggles', () => {
  it('Tencent: "drop" makes the next send not delivered (REST says ok), then allows again', async () => {
    const set = await demo.post('/api/before-send', { vendor: 'trtc', action: 'drop' });
    expect(set.body).toEqual({ 'zego-zim': 'allow', trtc: 'drop' });
    const dropped = `dropped-${Date.now()}`;
    const sent = await demo.post('/api/send', {
      channel: 'tencent:signal',
      message: { roomId: 'live-1', type: 'gift', data: dropped },
    });
    expect(sent.status).toBe(200);
    expect(sent.body.status).toBe('ok');

    const { body } = await demo.get('/api/callbacks');
    expect(body.beforeSend.trtc).toBe('allow'); // one-shot
    expect(body.entries.find((e: Entry) => e.type === 'message.beforeSend')).toMatchObject({
      provider: 'trtc',
      answer: 'drop',
    });
    const delivered = `allowed-${Date.now()}`;
    await demo.post('/api/send', {
      channel: 'tencent:signal',
      message: { roomId: 'live-1', type: 'gift', data: delivered },
    });
    const inbox = await inboxOf('trtc', 'alice');
    expect(inbox).toContain(delivered);
    expect(inbox).not.toContain(dropped);
  });

  it('ZIM: "reject" refuses the next client send, which nobody receives', async () => {
    await demo.post('/api/before-send', { vendor: 'zego-zim', action: 'reject' });
    const refused = await demo.post('/api/clients/say', {
      vendor: 'zego-zim',
      roomId: 'live-1',
      userId: 'alice',
      text: 'refused hi',
    });
    expect(refused.body).toMatchObject({ status: 'refused', result: 3 });
    const allowed = await demo.post('/api/clients/say', {
      vendor: 'zego-zim',
      roomId: 'live-1',
      userId: 'alice',
      text: 'allowed hi',
    });
    expect(allowed.body.status).toBe('delivered');
    const inbox = await inboxOf('zego-zim', 'bob');
    expect(inbox).toContain('allowed hi');
    expect(inbox).not.toContain('refused hi');
    const { body } = await demo.get('/api/callbacks');
    const hooks = body.entries.filter((e: Entry) => e.type === 'message.beforeSend' && e.alias === 'zim');
    expect(hooks.slice(0, 2).map((e: Entry) => [e.answer, e.text])).toEqual([
      ['allow', 'allowed hi'],
      ['reject', 'refused hi'],
    ]);
  });

  it('rejects unknown vendors and actions', async () => {
    expect((await demo.post('/api/before-send', { vendor: 'zego-rtc', action: 'drop' })).status).toBe(400);
    expect((await demo.post('/api/before-send', { vendor: 'trtc', action: 'rewrite' })).status).toBe(400);
  });
});
