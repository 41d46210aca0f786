import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type Child, maxInWindow, spawnChild } from './helpers/children.js';
import { startRedis, type TestRedis } from './helpers/redis-server.js';

const CHILD = join(import.meta.dirname, 'fixtures', 'acquire-child.mjs');
let redis: TestRedis;
beforeAll(async () => {
  redis = await startRedis();
});
afterAll(() => redis?.stop());

// Timing on a shared machine: a CPU burst elsewhere can stall all four children at once and lose
// slots. Such noise is retried; a wrong limiter fails every time.
it('4 processes acquiring on one 200/s scope for 2 s: within [99%, 100%] of the quota, no sliding second over it', {
  retry: 2,
}, async () => {
  const limit = 200;
  const seconds = 2;
  const children: Child[] = Array.from({ length: 4 }, () =>
    spawnChild(CHILD, [JSON.stringify({ port: redis.port, scope: 'shared', limit, loops: 4 })]),
  );
  await Promise.all(children.map((c) => c.ready));
  const startAt = performance.timeOrigin + performance.now() + 200;
  for (const child of children)
    child.process.stdin?.write(`${JSON.stringify({ startAt, endAt: startAt + seconds * 1000 })}\n`);
  const codes = await Promise.all(children.map((c) => c.exited));
  expect(codes, children.map((c) => c.stderr()).join('\n')).toEqual([0, 0, 0, 0]);
  const results = children.map(
    (c) => JSON.parse(c.lines.at(-1) ?? '{}') as { grants: number[]; slots: number[] },
  );
  const grants = results.flatMap((r) => r.grants);

  // The quota over the time the limiter was in use: from the first grant (the children's timers
  // fire a few ms after startAt) to the end of the run.
  const activeSeconds = (startAt + seconds * 1000 - Math.min(...grants)) / 1000;
  const quota = limit * activeSeconds;
  expect(grants.length).toBeGreaterThanOrEqual(0.99 * quota);
  expect(grants.length).toBeLessThanOrEqual(quota);
  // Every process got a share: the schedule is one FIFO, not first-come-takes-all.
  for (const r of results) expect(r.grants.length).toBeGreaterThan(quota / 4 / 2);
  // The schedule Redis handed out (slot times on Redis's clock) never exceeds the quota in any
  // sliding second; dispatch adds jitter on top (timers, reply latency, a busy machine), which the
  // 1% headroom covers up to about 10 ms; allow a little more here for a shared CI machine.
  expect(
    maxInWindow(
      results.flatMap((r) => r.slots),
      1000,
    ),
  ).toBeLessThanOrEqual(limit);
  expect(maxInWindow(grants, 1000)).toBeLessThanOrEqual(limit * 1.02);
});
