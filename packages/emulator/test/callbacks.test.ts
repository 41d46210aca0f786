import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { tencentCallbackSign, toVendorJson, zegoCallbackSignature } from '../src/callbacks/wire.js';
import { type Emulator, startEmulator } from '../src/index.js';

/** A receiver that records every callback and answers with `answer` (default 200 {}). */
interface Received {
  url: string;
  body: string;
  json: Record<string, unknown>;
}
let received: Received[] = [];
let answer: (r: Received) => { status: number; body?: unknown; delayMs?: number } = () => ({
  status: 200,
  body: {},
});
let receiverUrl = '';
const receiver = createServer((req: IncomingMessage, res: ServerResponse) => {
  let body = '';
  req.on('data', (chunk) => {
    body += chunk;
  });
  req.on('end', () => {
    const entry = { url: req.url ?? '', body, json: JSON.parse(body) as Record<string, unknown> };
    received.push(entry);
    const { status, body: reply, delayMs } = answer(entry);
    setTimeout(() => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(reply === undefined ? '' : JSON.stringify(reply));
    }, delayMs ?? 0);
  });
});

let emu: Emulator;
const SECRET = 'f0e1d2c3b4a5968778695a4b3c2d1e0f';
const TOKEN = 'my-im-callback-token';
beforeAll(async () => {
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
  emu = await startEmulator({ port: 0, callbacks: { retryScale: 0.001 } });
});
afterEach(async () => {
  await emu.callbacks.idle();
  emu.reset();
  for (const vendor of ['zego-rtc', 'zego-zim', 'trtc'] as const) emu.callbacks.configure(vendor, null);
  received = [];
  answer = () => ({ status: 200, body: {} });
});
afterAll(async () => {
  await emu.close();
  await new Promise<void>((resolve) => receiver.close(() => resolve()));
});

describe('the emulator’s own callback signing (vendor-callbacks.md §5)', () => {
  it('matches the ZEGO vectors, including the one that catches numeric sorting', () => {
    expect(zegoCallbackSignature('secret', '1470820198', '123412')).toBe(
      '5bd59fd62953a8059fb7eaba95720f66d19e4517',
    );
    expect(zegoCallbackSignature(SECRET, '1499676978', '9')).toBe('02b449ccf22b84dc6d24339d3bbe488748e53664');
    expect(zegoCallbackSignature('S3cr3tKEY', '1700000000', 'abc123')).toBe(
      '482421ee6eaf699b9492687ea7c6e9589e3f059a',
    );
  });

  it('matches the Tencent vectors', () => {
    expect(tencentCallbackSign('xxxxyyyy', '1669872112')).toBe(
      '17773bc39a671d7b9aa835458704d2a6db81360a5940292b587d6d760d484061',
    );
    expect(tencentCallbackSign('令牌Token', '1750074537')).toBe(
      '2b7646daf4bb404a524352b5312b0855aacc3b4436a35f5e2c867990626934da',
    );
  });

  it('writes bigint ids as bare JSON numbers', () => {
    expect(toVendorJson({ room_session_id: 858012925204410400n, s: 'x' })).toBe(
      '{"room_session_id":858012925204410400,"s":"x"}',
    );
  });
});

describe('ZEGO RTC callbacks', () => {
  it('posts room_create, room_login, room_logout and room_close, signed and typed like ZEGO', async () => {
    emu.callbacks.configure('zego-rtc', { url: `${receiverUrl}/zego`, secret: SECRET });
    emu.zegoRtc.joinRoom('r1', 'alice');
    emu.zegoRtc.leaveRoom('r1', 'alice');
    await emu.callbacks.idle();
    expect(received.map((r) => r.json.event).sort()).toEqual([
      'room_close',
      'room_create',
      'room_login',
      'room_logout',
    ]);
    for (const { json } of received) {
      const sig = zegoCallbackSignature(SECRET, String(json.timestamp), String(json.nonce));
      expect(json.signature).toBe(sig);
    }
    const create = received.find((r) => r.json.event === 'room_create')!;
    expect(typeof create.json.appid).toBe('number');
    expect(create.body).toMatch(/"room_session_id":\d{18,}/); // a bare UInt64
    const login = received.find((r) => r.json.event === 'room_login')!;
    expect(login.json).toMatchObject({
      room_id: 'r1',
      user_account: 'alice',
      appid: String(emu.credentials.zegoRtc.appId),
    });
    expect(typeof login.json.timestamp).toBe('string');
  });

  it('retries a failing receiver 5 times on 2/4/8/16/32 s (scaled), re-signing each attempt', async () => {
    emu.callbacks.configure('zego-rtc', { url: `${receiverUrl}/zego`, secret: SECRET });
    answer = () => ({ status: 500 });
    emu.zegoRtc.joinRoom('r2', 'bob');
    await emu.callbacks.idle();
    const attempts = emu.callbacks.attempts({ event: 'room_login' });
    expect(attempts.map((a) => a.attempt)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(attempts.every((a) => a.status === 500 && !a.ok)).toBe(true);
    expect(new Set(attempts.map((a) => JSON.parse(a.body).nonce)).size).toBe(6);
  });

  it('stops retrying once the receiver answers 2xx', async () => {
    emu.callbacks.configure('zego-rtc', { url: `${receiverUrl}/zego`, secret: SECRET });
    let failures = 2;
    answer = () => (failures-- > 0 ? { status: 503 } : { status: 204 });
    emu.zegoRtc.joinRoom('r3', 'carol');
    await emu.callbacks.idle();
    const statuses = emu.callbacks.attempts().map((a) => a.status);
    expect(statuses.filter((s) => s === 204).length).toBe(2); // room_create + room_login eventually
    expect(statuses.filter((s) => s === 503).length).toBe(2);
  });
});

describe('ZIM callbacks and before_send_msg', () => {
  const setup = () => {
    emu.callbacks.configure('zego-zim', { url: `${receiverUrl}/zim`, secret: SECRET });
    emu.zim.joinRoom('room', 'alice');
    emu.zim.joinRoom('room', 'bob');
  };

  it.each([
    [0, 'delivered', 1],
    [1, 'delivered', 1],
    [2, 'silent', 0],
    [3, 'refused', 0],
  ])('result %i → %s', async (result, status, delivered) => {
    setup();
    answer = (r) =>
      r.json.event === 'before_send_msg' ? { status: 200, body: { result } } : { status: 200, body: {} };
    const outcome = await emu.zim.sendAsClient({ from: 'alice', roomId: 'room', text: 'hello' });
    expect(outcome.status).toBe(status);
    expect(emu.inbox('zego-zim', 'bob').filter((d) => d.content === 'hello')).toHaveLength(delivered);
    await emu.callbacks.idle();
    const sendMsg = received.find((r) => r.json.event === 'send_msg');
    expect(sendMsg?.json.send_result).toBe({ 0: 0, 1: 0, 2: 660500009, 3: 660500010 }[result]);
  });

  it('fails closed after two unanswered attempts (2.5 s each in the vendor; no receiver here)', async () => {
    setup();
    emu.callbacks.configure('zego-zim', { url: 'http://127.0.0.1:1/zim', secret: SECRET });
    const outcome = await emu.zim.sendAsClient({ from: 'alice', roomId: 'room', text: 'x' });
    expect(outcome.status).toBe('failed');
    expect(emu.callbacks.attempts({ event: 'before_send_msg' }).map((a) => a.attempt)).toEqual([1, 2]);
    expect(emu.inbox('zego-zim', 'bob')).toHaveLength(0);
  });

  it('posts room_create/room_enter/room_exit/room_destroy and send_msg for server-API sends', async () => {
    setup();
    emu.zim.leaveRoom('room', 'alice');
    emu.zim.leaveRoom('room', 'bob');
    await emu.callbacks.idle();
    const events = received.map((r) => r.json.event);
    expect(events).toEqual(
      expect.arrayContaining(['room_create', 'room_enter', 'room_exit', 'room_destroy', 'user_action']),
    );
  });
});

describe('Tencent callbacks', () => {
  it('signs the query with sha256(token + RequestTime) and posts live-room events', async () => {
    emu.callbacks.configure('trtc', { url: `${receiverUrl}/tencent?provider=tencent`, token: TOKEN });
    emu.trtc.createRoom('live-1', { Owner_Account: '144115216631667826' });
    emu.trtc.joinRoom('live-1', 'fan');
    emu.trtc.leaveRoom('live-1', 'fan');
    emu.trtc.destroyRoom('live-1');
    await emu.callbacks.idle();
    expect(received.map((r) => r.json.CallbackCommand)).toEqual([
      'Live.CallbackAfterCreateRoom',
      'Live.CallbackAfterMemberStateChanged',
      'Live.CallbackAfterMemberStateChanged',
      'Live.CallbackAfterDestroyRoom',
    ]);
    for (const r of received) {
      const query = new URL(r.url, 'http://x').searchParams;
      expect(query.get('provider')).toBe('tencent');
      expect(query.get('SdkAppid')).toBe(String(emu.credentials.trtc.sdkAppId));
      const sign = createHash('sha256')
        .update(TOKEN + query.get('RequestTime'))
        .digest('hex');
      expect(query.get('Sign')).toBe(sign);
    }
    expect(received[0]?.body).toContain('"Owner_Account":144115216631667826');
  });
});

describe('callbacks over the control API', () => {
  it('PUT/GET/DELETE /_emulator/callbacks and POST /_emulator/zego-zim/client-messages', async () => {
    const control = (path: string, method = 'GET', body?: unknown) =>
      fetch(`${emu.url}/_emulator${path}`, {
        method,
        ...(body === undefined
          ? {}
          : { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } }),
      }).then(async (r) => ({ status: r.status, json: (await r.json()) as Record<string, unknown> }));
    expect((await control('/callbacks/zego-zim', 'PUT', { url: `${receiverUrl}/zim` })).status).toBe(400); // no secret
    expect(
      (await control('/callbacks/zego-zim', 'PUT', { url: `${receiverUrl}/zim`, secret: SECRET })).status,
    ).toBe(200);
    emu.zim.joinRoom('room', 'alice');
    emu.zim.joinRoom('room', 'bob');
    answer = (r) =>
      r.json.event === 'before_send_msg' ? { status: 200, body: { result: 2 } } : { status: 200, body: {} };
    const sent = await control('/zego-zim/client-messages', 'POST', {
      from: 'alice',
      roomId: 'room',
      text: 'psst',
    });
    expect(sent.json).toMatchObject({ status: 'silent', result: 2 });
    await emu.callbacks.idle();
    const listed = await control('/callbacks?event=before_send_msg');
    expect(listed.json.targets).toEqual({ 'zego-zim': { url: `${receiverUrl}/zim` } });
    expect((listed.json.attempts as unknown[]).length).toBe(1);
    expect(JSON.stringify(listed.json.targets)).not.toContain(SECRET);
    await control('/callbacks/zego-zim', 'DELETE');
    expect((await control('/callbacks')).json.targets).toEqual({});
  });
});
