import { isRoomcastError, type QuotaRate } from '@roomcast/core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type RedisRateLimitStore, redisRateLimitStore } from '../src/index.js';
import { maxInWindow } from './helpers/children.js';
import { startRedis, type TestRedis } from './helpers/redis-server.js';

let redis: TestRedis;
beforeAll(async () => {
  redis = await startRedis();
});
afterAll(() => redis?.stop());

const rate: QuotaRate = { limit: 100, intervalMs: 1000, burst: 1 };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Run {
  /** Dispatch times (epoch ms). */
  grants: number[];
  /** The slot each grant was given: on Redis's clock, or this process's for local slots (epoch ms). */
  slots: number[];
  errors: { at: number; code: string }[];
  outage: { from: number; to: number };
}

/** Sixteen loops acquire for 2.4 s; Redis is killed at 0.6 s and back at 1.3 s. */
async function runThroughRestart(store: RedisRateLimitStore): Promise<Run> {
  const grants: number[] = [];
  const slots: number[] = [];
  const errors: { at: number; code: string }[] = [];
  const end = Date.now() + 2400;
  const loop = async () => {
    while (Date.now() < end) {
      try {
        const r = await store.reserve('restart', rate, { cost: 1, maxWaitMs: 1000 });
        if (!r.granted) {
          await sleep(r.retryAfterMs);
          continue;
        }
        slots.push(r.slotAtMs ?? Date.now() + r.waitMs);
        await sleep(r.waitMs);
        grants.push(Date.now());
      } catch (error) {
        errors.push({ at: Date.now(), code: isRoomcastError(error) ? error.code : String(error) });
        await sleep(20);
      }
    }
  };
  const loops = Promise.all(Array.from({ length: 16 }, loop));
  await sleep(600);
  const from = Date.now();
  await redis.kill();
  await sleep(700);
  const to = Date.now(); // Redis is certainly down until here
  await redis.restart();
  await loops;
  return { grants, slots, errors, outage: { from, to } };
}

async function client() {
  const c = redis.client({ enableOfflineQueue: false, retryStrategy: () => 50, maxRetriesPerRequest: 0 });
  if (c.status !== 'ready') await new Promise((resolve) => c.once('ready', resolve));
  return c;
}

/**
 * No burst in the schedule: at most the quota in any second, and in any 300 ms at most 30 slots
 * + 1 (+ 1 for millisecond rounding of local slots). Slots doubled at a hand-over (16 loops keep up
 * to 16 booked ahead) would show as 40 or more. Slot times, not dispatch times: on a busy machine
 * timers fire late and bunch dispatches, which is jitter for the headroom, not the limiter's doing.
 */
function expectNoBurst(slots: number[]) {
  expect(maxInWindow(slots, 1000)).toBeLessThanOrEqual(100);
  expect(maxInWindow(slots, 300)).toBeLessThanOrEqual(32);
}

it('fail-closed: rejects with UNAVAILABLE while Redis is away, then resumes with no burst', async () => {
  const statuses: string[] = [];
  const store = redisRateLimitStore({
    client: await client(),
    timeoutMs: 200,
    retryIntervalMs: 100,
    onStatusChange: (e) => statuses.push(e.status),
  });
  const run = await runThroughRestart(store);
  expect(run.errors.length).toBeGreaterThan(0);
  expect(new Set(run.errors.map((e) => e.code))).toEqual(new Set(['UNAVAILABLE']));
  // Nothing granted while Redis was down, once the up to 16 slots booked before the kill (160 ms) are used.
  const during = run.grants.filter((t) => t > run.outage.from + 200 && t < run.outage.to);
  expect(during).toEqual([]);
  // Back on Redis after the restart, and still within the quota in every window.
  expect(run.grants.filter((t) => t > run.outage.to).length).toBeGreaterThan(50);
  expectNoBurst(run.slots);
  expect(statuses).toEqual(['down', 'up']);
});

it('local fallback: keeps sending at the configured share, then hands over to Redis with no burst', async () => {
  const store = redisRateLimitStore({
    client: await client(),
    timeoutMs: 200,
    retryIntervalMs: 100,
    onRedisDown: { fallback: 'local', share: 0.5 },
  });
  const run = await runThroughRestart(store);
  expect(run.errors).toEqual([]);
  // From the end of the slots booked in Redis before the kill (≤ 160 ms) to the restart.
  const during = run.grants.filter((t) => t > run.outage.from + 200 && t < run.outage.to);
  const seconds = (run.outage.to - run.outage.from - 200) / 1000;
  // Half of 100/s (99/s with the default headroom) while Redis is away.
  expect(during.length).toBeGreaterThan(0.8 * 50 * seconds);
  expect(during.length).toBeLessThanOrEqual(50 * seconds + 1);
  expect(run.grants.filter((t) => t > run.outage.to + 100).length).toBeGreaterThan(50);
  // Slots already booked on one side are not doubled by the other, going down or coming back.
  expectNoBurst(run.slots);
});
