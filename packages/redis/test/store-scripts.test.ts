import { isRoomcastError, type QuotaRate } from '@roomcast/core';
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { redisRateLimitStore } from '../src/index.js';
import { startRedis, type TestRedis } from './helpers/redis-server.js';

let redis: TestRedis;
let client: Redis;
beforeAll(async () => {
  redis = await startRedis();
  client = redis.client();
});
afterAll(() => redis?.stop());
beforeEach(async () => {
  await client.flushall();
});

const tenPerSecond: QuotaRate = { limit: 10, intervalMs: 1000, burst: 1 };
const store = () => redisRateLimitStore({ client, headroom: 0 });

async function waits(s: ReturnType<typeof store>, scope: string, rate: QuotaRate, count: number) {
  const out: number[] = [];
  for (let i = 0; i < count; i++) {
    const r = await s.reserve(scope, rate, { cost: 1, maxWaitMs: Number.POSITIVE_INFINITY });
    if (!r.granted) throw new Error('denied');
    out.push(r.waitMs);
  }
  return out;
}

describe('acquire: spacing', () => {
  it('spaces slots one emission interval apart, the first at once', async () => {
    const w = await waits(store(), 'spacing', tenPerSecond, 5);
    expect(w[0]).toBe(0);
    for (let i = 1; i < w.length; i++) {
      // Each booking is 100 ms after the previous one, minus the few ms that passed between calls.
      expect(w[i]! - w[i - 1]!).toBeGreaterThan(90);
      expect(w[i]! - w[i - 1]!).toBeLessThanOrEqual(101);
    }
  });

  it("reports each slot's time on Redis's clock, exactly one interval apart", async () => {
    const s = store();
    const infinite = { cost: 1, maxWaitMs: Number.POSITIVE_INFINITY };
    const first = await s.reserve('slot-at', tenPerSecond, infinite);
    const second = await s.reserve('slot-at', tenPerSecond, infinite);
    if (!first.granted || !second.granted) throw new Error('denied');
    expect(second.slotAtMs! - first.slotAtMs!).toBeCloseTo(100, 2);
    // Same machine: Redis's clock and ours agree to well within a few ms.
    expect(Math.abs(first.slotAtMs! - Date.now())).toBeLessThan(50);
  });

  it('lets `burst` requests go back to back, then paces', async () => {
    const w = await waits(store(), 'burst', { limit: 10, intervalMs: 1000, burst: 3 }, 5);
    expect(w.slice(0, 3)).toEqual([0, 0, 0]);
    expect(w[3]).toBeGreaterThan(90);
    expect(w[4]! - w[3]!).toBeGreaterThan(90);
  });

  it('applies the headroom: 0.5 doubles the spacing', async () => {
    const half = redisRateLimitStore({ client, headroom: 0.5 });
    const w = await waits(half, 'headroom', tenPerSecond, 3);
    expect(w[1]).toBeGreaterThan(190);
    expect(w[2]! - w[1]!).toBeGreaterThan(190);
  });

  it('charges `cost` slots at once', async () => {
    const s = store();
    await s.reserve('cost', tenPerSecond, { cost: 3, maxWaitMs: Number.POSITIVE_INFINITY });
    const next = await s.reserve('cost', tenPerSecond, { cost: 1, maxWaitMs: Number.POSITIVE_INFINITY });
    expect(next.granted && next.waitMs).toBeGreaterThan(290);
  });

  it('keeps scopes apart, under the key prefix', async () => {
    const s = redisRateLimitStore({ client, headroom: 0, keyPrefix: 'app1:' });
    await waits(s, 'a', tenPerSecond, 2);
    expect(await waits(s, 'b', tenPerSecond, 1)).toEqual([0]);
    expect((await client.keys('*')).sort()).toEqual(['app1:a', 'app1:b']);
  });
});

describe('acquire: FIFO across clients', () => {
  it('books concurrent callers from two connections one after another, each in its own order', async () => {
    const other = redis.client();
    const a = store();
    const b = redisRateLimitStore({ client: other, headroom: 0 });
    const rate: QuotaRate = { limit: 100, intervalMs: 1000, burst: 1 };
    const infinite = { cost: 1, maxWaitMs: Number.POSITIVE_INFINITY };
    // Warm the script cache so no call takes the EVAL path (which would not change order, but adds noise).
    await a.reserve('warm', rate, infinite);
    const fromA = Array.from({ length: 10 }, () => a.reserve('fifo', rate, infinite));
    const fromB = Array.from({ length: 10 }, () => b.reserve('fifo', rate, infinite));
    const waitsA = (await Promise.all(fromA)).map((r) => (r.granted ? r.waitMs : -1));
    const waitsB = (await Promise.all(fromB)).map((r) => (r.granted ? r.waitMs : -1));
    for (const w of [waitsA, waitsB])
      for (let i = 1; i < w.length; i++) expect(w[i]).toBeGreaterThan(w[i - 1]!);
    // Twenty distinct slots: no two callers were given the same one.
    const all = [...waitsA, ...waitsB].sort((x, y) => x - y);
    expect(new Set(all).size).toBe(20);
    expect(all[19]! - all[0]!).toBeGreaterThanOrEqual(180);
  });
});

describe('acquire: deadline', () => {
  it('books nothing beyond maxWaitMs and says when the next slot is', async () => {
    const s = store();
    await waits(s, 'deadline', tenPerSecond, 4); // next slot ≈ 400 ms away
    const before = await client.get('roomcast:rl:deadline');
    const denied = await s.reserve('deadline', tenPerSecond, { cost: 1, maxWaitMs: 100 });
    expect(denied.granted).toBe(false);
    if (!denied.granted) {
      expect(denied.retryAfterMs).toBeGreaterThan(380);
      expect(denied.retryAfterMs).toBeLessThanOrEqual(401);
    }
    expect(await client.get('roomcast:rl:deadline')).toBe(before);
    const granted = await s.reserve('deadline', tenPerSecond, { cost: 1, maxWaitMs: 1000 });
    expect(granted.granted).toBe(true);
  });

  it('grants with maxWaitMs 0 only when the slot is free now', async () => {
    const s = store();
    const first = await s.reserve('now', tenPerSecond, { cost: 1, maxWaitMs: 0 });
    const second = await s.reserve('now', tenPerSecond, { cost: 1, maxWaitMs: 0 });
    expect(first).toMatchObject({ granted: true, waitMs: 0 });
    expect(second.granted).toBe(false);
  });
});

describe('release', () => {
  it('hands back the newest booking, so the next caller gets that slot', async () => {
    const s = store();
    const infinite = { cost: 1, maxWaitMs: Number.POSITIVE_INFINITY };
    await s.reserve('release', tenPerSecond, infinite);
    const before = await client.get('roomcast:rl:release');
    const newest = await s.reserve('release', tenPerSecond, infinite);
    if (!newest.granted) throw new Error('denied');
    await newest.release();
    expect(await client.get('roomcast:rl:release')).toBe(before);
    const again = await s.reserve('release', tenPerSecond, infinite);
    expect(again.granted && again.waitMs).toBeGreaterThan(90);
    expect(again.granted && again.waitMs).toBeLessThanOrEqual(100);
  });

  it('leaves an older booking in place (refunding it would move later ones earlier)', async () => {
    const s = store();
    const infinite = { cost: 1, maxWaitMs: Number.POSITIVE_INFINITY };
    await s.reserve('older', tenPerSecond, infinite);
    const middle = await s.reserve('older', tenPerSecond, infinite);
    await s.reserve('older', tenPerSecond, infinite);
    const before = await client.get('roomcast:rl:older');
    if (!middle.granted) throw new Error('denied');
    await middle.release();
    expect(await client.get('roomcast:rl:older')).toBe(before);
  });

  it('deletes the key when the released slot was the only one', async () => {
    const s = store();
    const only = await s.reserve('only', tenPerSecond, { cost: 1, maxWaitMs: 0 });
    if (!only.granted) throw new Error('denied');
    await only.release();
    expect(await client.exists('roomcast:rl:only')).toBe(0);
  });
});

describe('penalize', () => {
  it('holds every caller back for the pause, and never moves the schedule earlier', async () => {
    const s = store();
    const other = redisRateLimitStore({ client: redis.client(), headroom: 0 });
    await s.penalize('penalty', tenPerSecond, 2000);
    const next = await other.reserve('penalty', tenPerSecond, {
      cost: 1,
      maxWaitMs: Number.POSITIVE_INFINITY,
    });
    expect(next.granted && next.waitMs).toBeGreaterThan(1980);
    expect(next.granted && next.waitMs).toBeLessThanOrEqual(2001);
    const before = await client.get('roomcast:rl:penalty');
    await s.penalize('penalty', tenPerSecond, 500);
    expect(await client.get('roomcast:rl:penalty')).toBe(before);
  });

  it('with a burst, still lets nothing through before the pause ends', async () => {
    const s = store();
    const rate = { limit: 10, intervalMs: 1000, burst: 5 };
    await s.penalize('penalty-burst', rate, 1000);
    const next = await s.reserve('penalty-burst', rate, { cost: 1, maxWaitMs: Number.POSITIVE_INFINITY });
    expect(next.granted && next.waitMs).toBeGreaterThan(980);
  });
});

describe('precision and Redis usage', () => {
  it('stores integer microseconds without exponent notation, spacing fractional intervals exactly', async () => {
    const s = store();
    const third = { limit: 3, intervalMs: 1000, burst: 1 }; // T = 333,333.33 µs
    const tats: number[] = [];
    for (let i = 0; i < 6; i++) {
      await s.reserve('precise', third, { cost: 1, maxWaitMs: Number.POSITIVE_INFINITY });
      const raw = (await client.get('roomcast:rl:precise')) ?? '';
      expect(raw).toMatch(/^\d{16}$/);
      tats.push(Number(raw));
    }
    for (let i = 1; i < tats.length; i++) {
      const step = tats[i]! - tats[i - 1]!;
      expect(step).toBeGreaterThanOrEqual(333_333.33);
      expect(step).toBeLessThanOrEqual(333_334.34);
    }
    const pttl = await client.pttl('roomcast:rl:precise');
    // Six slots booked from now: the key lives until the schedule's end, 6 × 333 ms ahead.
    expect(pttl).toBeGreaterThan(1950);
    expect(pttl).toBeLessThanOrEqual(2002);
  });

  it('makes one EVALSHA per reserve, falling back to EVAL once after SCRIPT FLUSH', async () => {
    await client.script('FLUSH');
    await client.config('RESETSTAT');
    const s = store();
    for (let i = 0; i < 20; i++)
      await s.reserve('calls', { limit: 1000, intervalMs: 1000, burst: 1 }, { cost: 1, maxWaitMs: 5000 });
    const stats = await client.info('commandstats');
    const calls = (name: string) => Number(new RegExp(`cmdstat_${name}:calls=(\\d+)`).exec(stats)?.[1] ?? 0);
    expect(calls('evalsha')).toBe(20);
    expect(calls('eval')).toBe(1);
  });

  it('waits for a client that is still connecting (enableOfflineQueue: false) instead of failing', async () => {
    const fresh = redis.client({ enableOfflineQueue: false });
    expect(fresh.status).toBe('connecting');
    const s = redisRateLimitStore({ client: fresh });
    const both = await Promise.all([
      s.reserve('fresh', tenPerSecond, { cost: 1, maxWaitMs: 1000 }),
      s.reserve('fresh', tenPerSecond, { cost: 1, maxWaitMs: 1000 }),
    ]);
    expect(both.map((r) => r.granted)).toEqual([true, true]);
    expect(fresh.listenerCount('ready')).toBe(0);
  });

  it('rejects bad options with INVALID_ARGUMENT', () => {
    expect(() => redisRateLimitStore({ client, headroom: 1 })).toThrow(/headroom/);
    expect(() => redisRateLimitStore({ client, onRedisDown: { fallback: 'local', share: 0 } })).toThrow(
      /share/,
    );
    expect(() => redisRateLimitStore({ client: {} as never })).toThrow(/evalsha/);
  });
});

describe('Redis unreachable', () => {
  const unreachable = () => {
    const dead = redis.client({
      port: 1,
      lazyConnect: true,
      enableOfflineQueue: false,
      retryStrategy: () => null,
    });
    return dead;
  };

  it('fails closed by default: reserve rejects with UNAVAILABLE (retryable, nothing was sent)', async () => {
    const s = redisRateLimitStore({ client: unreachable(), timeoutMs: 200 });
    const error = await s.reserve('down', tenPerSecond, { cost: 1, maxWaitMs: 0 }).catch((e: unknown) => e);
    expect(isRoomcastError(error) && error.code).toBe('UNAVAILABLE');
    expect(isRoomcastError(error) && error.retryable).toBe(true);
    expect(String((error as Error).message)).toMatch(/fail/i);
    expect(s.redisStatus).toBe('down');
    await expect(s.penalize('down', tenPerSecond, 100)).resolves.toBeUndefined();
  });

  it('times out a Redis that does not answer', async () => {
    // A paused server accepts the connection but answers nothing.
    const s = redisRateLimitStore({ client: redis.client(), timeoutMs: 100 });
    const pause = redis.client();
    void pause.call('CLIENT', 'PAUSE', '300', 'ALL');
    await new Promise((resolve) => setTimeout(resolve, 20));
    const started = performance.now();
    const error = await s.reserve('slow', tenPerSecond, { cost: 1, maxWaitMs: 0 }).catch((e: unknown) => e);
    expect(performance.now() - started).toBeLessThan(400);
    expect(isRoomcastError(error) && error.message).toMatch(/100 ms/);
    await new Promise((resolve) => setTimeout(resolve, 400));
  });

  it('falls back to a local limiter at the configured share', async () => {
    const events: string[] = [];
    const s = redisRateLimitStore({
      client: unreachable(),
      headroom: 0,
      timeoutMs: 200,
      onRedisDown: { fallback: 'local', share: 0.5 },
      onStatusChange: (e) => events.push(e.status),
    });
    const w = await waits(s, 'local', tenPerSecond, 3);
    expect(w[0]).toBe(0);
    // Half of 10/s: 200 ms apart.
    expect(w[1]).toBeGreaterThan(195);
    expect(w[2]! - w[1]!).toBeGreaterThan(195);
    expect(events).toEqual(['down']);
  });
});
