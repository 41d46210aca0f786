import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Emulator } from '../src/index.js';
import { rtc, start, trtc, zim } from './helpers/http.js';
import { zegoCommonParams, zegoQuery } from './helpers/sign.js';

let emu: Emulator;
beforeAll(async () => {
  emu = await start({ rateLimits: 'off' });
});
beforeEach(() => {
  emu.reset();
  emu.zegoRtc.joinRoom('r1', 'bob');
});
afterAll(() => emu.close());

const send = () => rtc(emu, 'SendCustomCommand', { RoomId: 'r1', FromUserId: 'srv', MessageContent: 'm' });
const signedUrl = () =>
  `${emu.zegoRtcUrl}/${zegoQuery('SendCustomCommand', zegoCommonParams(emu.credentials.zegoRtc), { RoomId: 'r1', FromUserId: 's', MessageContent: 'm' })}`;

describe('request log', () => {
  it('logs vendor, action, code, credential (nonce / random) and request id', async () => {
    const { body } = await rtc(
      emu,
      'SendCustomCommand',
      { RoomId: 'r1', FromUserId: 's', MessageContent: 'm' },
      { nonce: 'feedfacecafebeef' },
    );
    emu.trtc.createRoom('t1');
    await trtc(emu, 'get_room_info', { RoomId: 't1' }, { query: { random: '12345' } });
    const entries = emu.requests();
    expect(entries).toEqual([
      expect.objectContaining({
        id: 1,
        vendor: 'zego-rtc',
        action: 'SendCustomCommand',
        method: 'GET',
        httpStatus: 200,
        code: 0,
        credential: 'feedfacecafebeef',
        requestId: body.RequestId,
        roomId: 'r1',
      }),
      expect.objectContaining({
        id: 2,
        vendor: 'trtc',
        action: 'get_room_info',
        method: 'POST',
        httpStatus: 200,
        code: 0,
        credential: '12345',
        roomId: 't1',
      }),
    ]);
    expect(emu.requests({ vendor: 'trtc' })).toHaveLength(1);
    expect(emu.requests({ action: 'SendCustomCommand' })).toHaveLength(1);
    expect(emu.requestCount()).toBe(2);
  });
});

describe('fault injection', () => {
  it('code: forced vendor code in the right envelope, for `count` requests, then normal', async () => {
    emu.faults.inject({ kind: 'code', code: 206, count: 2, vendor: 'zego-rtc' });
    expect((await send()).body).toMatchObject({ Code: 206, Message: 'app QPS over limit' });
    expect((await send()).body.Code).toBe(206);
    expect((await send()).body.Code).toBe(0);
    expect(emu.requests().map((r) => [r.code, r.fault])).toEqual([
      [206, 'code'],
      [206, 'code'],
      [0, undefined],
    ]);
    expect(emu.deliveries()).toHaveLength(1);

    emu.trtc.createRoom('t');
    emu.faults.inject({ kind: 'code', code: 60007, vendor: 'trtc', action: 'get_room_info' });
    const t = await trtc(emu, 'get_room_info', { RoomId: 't' });
    expect(t.body).toMatchObject({ ErrorCode: 60007, ActionStatus: 'FAIL' });
    emu.zim.registerUser('u');
    emu.faults.inject({ kind: 'code', code: 660300005 });
    const z = await zim(emu, 'QueryUserOnlineState', undefined, { method: 'GET', params: { UserId: ['u'] } });
    expect(z.body).toMatchObject({ Code: 660300005 });
    expect(z.body.Result).toBeUndefined();
  });

  it('code faults act after authentication: a bad signature does not use one up', async () => {
    emu.faults.inject({ kind: 'code', code: 206 });
    const bad = await rtc(
      emu,
      'SendCustomCommand',
      { RoomId: 'r1', FromUserId: 's', MessageContent: 'm' },
      { common: { Signature: '0'.repeat(32) } },
    );
    expect(bad.body.Code).toBe(100000005);
    expect((await send()).body.Code).toBe(206);
  });

  it('matches by vendor and action', async () => {
    emu.faults.inject({ kind: 'code', code: 1, action: 'SendBarrageMessage' });
    emu.faults.inject({ kind: 'code', code: 1, vendor: 'trtc' });
    expect((await send()).body.Code).toBe(0);
    expect(emu.faults.list()).toHaveLength(2);
    emu.faults.clear();
    expect(emu.faults.list()).toEqual([]);
  });

  it('share: a seeded share of requests, reproducible', async () => {
    const run = async (seed: number) => {
      const local = await start({ seed, rateLimits: 'off' });
      local.zegoRtc.joinRoom('r1', 'bob');
      local.faults.inject({ kind: 'code', code: 50013, share: 0.5, count: Number.POSITIVE_INFINITY });
      const codes: number[] = [];
      for (let i = 0; i < 40; i++) {
        codes.push(
          (await rtc(local, 'SendCustomCommand', { RoomId: 'r1', FromUserId: 's', MessageContent: 'm' })).body
            .Code as number,
        );
      }
      await local.close();
      return codes;
    };
    const a = await run(7);
    expect(await run(7)).toEqual(a);
    const hits = a.filter((c) => c === 50013).length;
    expect(hits).toBeGreaterThan(8);
    expect(hits).toBeLessThan(32);
  });

  it('latency: answers after the delay', async () => {
    emu.faults.inject({ kind: 'latency', ms: 150 });
    const t0 = performance.now();
    expect((await send()).body.Code).toBe(0);
    expect(performance.now() - t0).toBeGreaterThanOrEqual(140);
    expect(emu.requests()[0]!.fault).toBe('latency');
  });

  it('timeout: no answer until the client gives up; nothing delivered', async () => {
    emu.faults.inject({ kind: 'timeout' });
    await expect(fetch(signedUrl(), { signal: AbortSignal.timeout(150) })).rejects.toThrow();
    expect(emu.requests()[0]).toMatchObject({ fault: 'timeout', httpStatus: null, code: null });
    expect(emu.deliveries()).toEqual([]);
  });

  it('timeout after processing: delivered, but the client never hears', async () => {
    emu.faults.inject({ kind: 'timeout', afterProcessing: true });
    await expect(fetch(signedUrl(), { signal: AbortSignal.timeout(150) })).rejects.toThrow();
    expect(emu.inbox('zego-rtc', 'bob')).toHaveLength(1);
  });

  it('http: an HTML 502/503 page', async () => {
    emu.faults.inject({ kind: 'http', status: 503 });
    const res = await fetch(signedUrl());
    expect(res.status).toBe(503);
    expect(res.headers.get('content-type')).toBe('text/html');
    expect(await res.text()).toContain('503 Service Unavailable');
    expect(emu.requests()[0]).toMatchObject({ httpStatus: 503, code: null });
  });

  it('reset: the connection is destroyed', async () => {
    emu.faults.inject({ kind: 'reset' });
    await expect(fetch(signedUrl())).rejects.toThrow();
    expect((await send()).body.Code).toBe(0);
  });

  it('malformed: HTTP 200 with broken JSON', async () => {
    emu.faults.inject({ kind: 'malformed', afterProcessing: true });
    const res = await fetch(signedUrl());
    expect(res.status).toBe(200);
    await expect(res.json()).rejects.toThrow();
    expect(emu.inbox('zego-rtc', 'bob')).toHaveLength(1);
  });

  it('drop: Tencent answers ErrorCode 0 with MsgDropReason "MsgFreqCtrl" and delivers nothing', async () => {
    emu.trtc.createRoom('t1');
    emu.trtc.joinRoom('t1', 'viewer');
    emu.faults.inject({ kind: 'drop', vendor: 'trtc' });
    const dropped = await trtc(emu, 'send_custom_msg', { RoomId: 't1', BusinessId: 'b', Data: 'd' });
    expect(dropped.body).toMatchObject({
      ErrorCode: 0,
      ActionStatus: 'OK',
      Response: { MsgDropReason: 'MsgFreqCtrl', MsgSeq: 1 },
    });
    expect(emu.inbox('trtc', 'viewer')).toEqual([]);
    const kept = await trtc(emu, 'send_custom_msg', { RoomId: 't1', BusinessId: 'b', Data: 'd' });
    expect(kept.body).toMatchObject({ ErrorCode: 0, Response: { MsgDropReason: '', MsgSeq: 2 } });
    expect(emu.inbox('trtc', 'viewer')).toHaveLength(1);
  });

  it('drop on ZEGO: the ordinary success answer, nothing delivered', async () => {
    emu.faults.inject({ kind: 'drop', vendor: 'zego-rtc' });
    expect((await send()).body.Code).toBe(0);
    expect(emu.deliveries()).toEqual([]);
  });

  it('rejects malformed rules', () => {
    expect(() => emu.faults.inject({ kind: 'nope' } as never)).toThrow(/unknown fault kind/);
    expect(() => emu.faults.inject({ kind: 'code', code: 1.5 })).toThrow(/integer/);
    expect(() => emu.faults.inject({ kind: 'code', code: 1, share: 2 })).toThrow(/share/);
    expect(() => emu.faults.inject({ kind: 'code', code: 1, count: 0 })).toThrow(/count/);
    expect(() => emu.faults.inject({ kind: 'latency', ms: -1 })).toThrow(/ms/);
    expect(() => emu.faults.inject({ kind: 'http', status: 200 })).toThrow(/status/);
    expect(() => emu.faults.inject({ kind: 'code', code: 1, vendor: 'agora' as never })).toThrow(/vendor/);
  });

  it('close() ends connections held by a timeout fault', async () => {
    const local = await start();
    local.faults.inject({ kind: 'timeout' });
    const pending = fetch(`${local.zegoRtcUrl}/?Action=X`).catch((e: unknown) => e);
    await new Promise((r) => setTimeout(r, 50));
    await local.close();
    expect(await pending).toBeInstanceOf(Error);
  });
});
