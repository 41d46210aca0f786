import { describe, expect, it } from 'vitest';
import { resolveLimits } from '../src/rate-limit/limits.js';
import { TokenBucket, WindowCounter } from '../src/rate-limit/token-bucket.js';
import { manualClock, rtc, start } from './helpers/http.js';

describe('token bucket', () => {
  it('capacity equals the per-second rate: a burst of N passes, N+1 does not', () => {
    const bucket = new TokenBucket(100, 0);
    for (let i = 0; i < 100; i++) expect(bucket.take(0)).toBe(true);
    expect(bucket.take(0)).toBe(false);
  });

  it('a client pacing exactly at the limit is never rejected, for rates that do not divide 1000', () => {
    for (const rate of [1, 3, 7, 10, 100, 200]) {
      const bucket = new TokenBucket(rate, 0);
      for (let i = 0; i < 5000; i++) expect(bucket.take((i * 1000) / rate)).toBe(true);
    }
  });

  it('window counter: N per window, rolling', () => {
    const w = new WindowCounter(2, 1000);
    expect([w.take(0), w.take(10), w.take(20)]).toEqual([true, true, false]);
    expect(w.take(1000)).toBe(true);
  });
});

describe('rate limit configuration', () => {
  it("'vendor' has the documented numbers; 'off' none; overrides per Action", () => {
    const vendor = resolveLimits('vendor');
    expect(vendor['zego-rtc'].SendCustomCommand).toEqual({ perSecond: 100, perSecondTest: 10 });
    expect(vendor['zego-rtc'].DescribeUserList).toEqual({ perSecond: 200, perRoomPerSecond: 1 });
    expect(vendor['zego-zim'].SendMessageToAllUsers).toEqual({ perSecond: 1, perDay: 100 });
    expect(vendor.trtc.send_custom_msg).toEqual({ perSecond: 200 });
    expect(resolveLimits('off')).toEqual({ 'zego-rtc': {}, 'zego-zim': {}, trtc: {} });
    const custom = resolveLimits({ 'zego-rtc': { SendCustomCommand: { perSecond: 5 }, CloseRoom: 'off' } });
    expect(custom['zego-rtc'].SendCustomCommand).toEqual({ perSecond: 5, perSecondTest: 10 });
    expect(custom['zego-rtc'].CloseRoom).toBeUndefined();
    expect(resolveLimits({ base: 'off', trtc: { send_text_msg: { perSecond: 1 } } }).trtc).toEqual({
      send_text_msg: { perSecond: 1 },
    });
    expect(() => resolveLimits({ trtc: { send_text_msg: { perSecond: 0 } } })).toThrow(/positive/);
  });
});

describe('rate limits over HTTP', () => {
  it('SendCustomCommand: 100/s per AppID (206); pacing at 100/s passes', async () => {
    const clock = manualClock(1_700_000_000);
    const emu = await start({ now: clock.now });
    emu.zegoRtc.joinRoom('r', 'u');
    const send = () =>
      rtc(
        emu,
        'SendCustomCommand',
        { RoomId: 'r', FromUserId: 's', MessageContent: 'm' },
        { timestamp: Math.floor(clock.now() / 1000) },
      );
    const burst = await Promise.all(Array.from({ length: 101 }, send));
    expect(burst.filter((r) => r.body.Code === 206)).toHaveLength(1);
    clock.advance(1000);
    for (let i = 0; i < 300; i++) {
      expect((await send()).body.Code).toBe(0);
      clock.advance(10);
    }
    await emu.close();
  });

  it("rateLimits: 'off' never answers 206", async () => {
    const emu = await start({ rateLimits: 'off' });
    emu.zegoRtc.joinRoom('r', 'u');
    const results = await Promise.all(
      Array.from({ length: 150 }, () =>
        rtc(emu, 'SendCustomCommand', { RoomId: 'r', FromUserId: 's', MessageContent: 'm' }),
      ),
    );
    expect(results.every((r) => r.body.Code === 0)).toBe(true);
    await emu.close();
  });
});
