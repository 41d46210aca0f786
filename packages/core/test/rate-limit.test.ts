import { describe, expect, it } from 'vitest';
import { memoryRateLimitStore } from '../src/index.js';

const rate = { limit: 100, intervalMs: 1000, burst: 1 };

function fakeClock(start = 1_000) {
  let t = start;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

async function granted(store: ReturnType<typeof memoryRateLimitStore>, scope = 's', maxWaitMs = Infinity) {
  const r = await store.reserve(scope, rate, { cost: 1, maxWaitMs });
  if (!r.granted) throw new Error(`denied, retry after ${r.retryAfterMs}`);
  return r;
}

describe('memoryRateLimitStore', () => {
  it('spaces requests one emission interval apart, in arrival order', async () => {
    const clock = fakeClock();
    const store = memoryRateLimitStore({ now: clock.now });
    const waits = [];
    for (let i = 0; i < 5; i++) waits.push((await granted(store)).waitMs);
    expect(waits).toEqual([0, 10, 20, 30, 40]);
  });

  it('lets `burst` requests go back to back', async () => {
    const store = memoryRateLimitStore({ now: fakeClock().now });
    const burst = { ...rate, burst: 3 };
    const waits = [];
    for (let i = 0; i < 5; i++) {
      const r = await store.reserve('s', burst, { cost: 1, maxWaitMs: Infinity });
      waits.push(r.granted ? r.waitMs : -1);
    }
    expect(waits).toEqual([0, 0, 0, 10, 20]);
  });

  it('never books more than the limit in any window of the interval', async () => {
    const clock = fakeClock();
    const store = memoryRateLimitStore({ now: clock.now });
    const sendTimes: number[] = [];
    for (let i = 0; i < 1000; i++) {
      const r = await granted(store);
      sendTimes.push(clock.now() + r.waitMs);
      clock.advance(Math.random() * 3);
    }
    for (let i = 0; i + 100 < sendTimes.length; i++) {
      expect(sendTimes[i + 100]! - sendTimes[i]!).toBeGreaterThanOrEqual(1000 - 1e-6);
    }
  });

  it('denies without booking when the slot is beyond maxWaitMs', async () => {
    const store = memoryRateLimitStore({ now: fakeClock().now });
    await granted(store);
    const denied = await store.reserve('s', rate, { cost: 1, maxWaitMs: 5 });
    expect(denied).toEqual({ granted: false, retryAfterMs: 10 });
    expect((await granted(store)).waitMs).toBe(10);
  });

  it('hands the newest slot back on release', async () => {
    const store = memoryRateLimitStore({ now: fakeClock().now });
    await granted(store);
    const second = await granted(store);
    await second.release();
    expect((await granted(store)).waitMs).toBe(10);
  });

  it('keeps scopes apart', async () => {
    const store = memoryRateLimitStore({ now: fakeClock().now });
    await granted(store, 'a');
    expect((await granted(store, 'b')).waitMs).toBe(0);
  });

  it('penalize holds every new grant until the pause ends', async () => {
    const store = memoryRateLimitStore({ now: fakeClock().now });
    await store.penalize('s', rate, 500);
    expect((await granted(store)).waitMs).toBe(500);
  });
});

describe('acquireSlots', () => {
  it('hands back slots already booked when a later quota store fails', async () => {
    const { acquireSlots } = await import('../src/rate-limit/limiter.js');
    const store = memoryRateLimitStore({ now: fakeClock().now });
    let calls = 0;
    const failing = {
      reserve: (scope: string, r: typeof rate, o: { cost: number; maxWaitMs: number }) =>
        ++calls === 2 ? Promise.reject(new Error('redis down')) : store.reserve(scope, r, o),
      penalize: store.penalize,
    };
    const quotas = [
      { scope: 'a', rate },
      { scope: 'b', rate },
    ];
    await expect(
      acquireSlots(failing, quotas, {
        onLimit: 'wait',
        maxWaitMs: Infinity,
        signal: undefined,
        provider: 'p',
      }),
    ).rejects.toThrow('redis down');
    expect((await granted(store, 'a')).waitMs).toBe(0);
  });
});
