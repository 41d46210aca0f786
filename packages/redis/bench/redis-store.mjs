// Benchmark of @roomcast/redis's shared rate-limit store (run after `pnpm build`):
//   node bench/redis-store.mjs [--seconds 3] [--sends 3000]
// Starts its own redis-server on 127.0.0.1 (REDIS_SERVER, default `redis-server`) and measures
//  1. Redis round trips per acquire (EVALSHA/EVAL per grant, from INFO commandstats), immediate and waiting;
//  2. per-send overhead of rc.send with the Redis store vs the in-memory store (a no-op provider);
//  3. accuracy with 1/2/4/8 processes sharing one 200/s scope (4 acquire loops each).
// Prints Markdown tables, then one JSON line with every number.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { createRoomcast, defineProvider, memoryRateLimitStore } from '@roomcast/core';
import { Redis } from 'ioredis';
import { redisRateLimitStore } from '../dist/index.js';

const { values } = parseArgs({
  options: { seconds: { type: 'string', default: '3' }, sends: { type: 'string', default: '3000' } },
});
const SECONDS = Number(values.seconds);
const SENDS = Number(values.sends);
const CHILD = join(import.meta.dirname, '..', 'test', 'fixtures', 'acquire-child.mjs');
const LIMIT = 200;

const server = await startRedis();
const client = new Redis({ host: '127.0.0.1', port: server.port, enableOfflineQueue: false });
await once(client, 'ready');
const report = {
  node: process.version,
  redis: (await client.info('server')).match(/redis_version:(\S+)/)?.[1],
  cpus: cpus().length,
  loadBefore: round(loadavg()[0], 2),
};
try {
  report.roundTrips = await roundTrips();
  report.overhead = await overhead();
  report.accuracy = [];
  for (const processes of [1, 2, 4, 8]) report.accuracy.push(await accuracy(processes));
  print(report);
} finally {
  client.disconnect();
  server.process.kill('SIGKILL');
}

async function scriptCalls() {
  const stats = await client.info('commandstats');
  const calls = (name) => Number(new RegExp(`cmdstat_${name}:calls=(\\d+)`).exec(stats)?.[1] ?? 0);
  return calls('evalsha') + calls('eval');
}

/** EVALSHA/EVAL calls per grant: a free scope (no wait) and a busy one (every caller waits). */
async function roundTrips() {
  const store = redisRateLimitStore({ client });
  await client.config('RESETSTAT');
  const n = 2000;
  for (let i = 0; i < n; i++)
    await store.reserve('rt-free', { limit: 1e9, intervalMs: 1000, burst: 1 }, { cost: 1, maxWaitMs: 0 });
  const free = (await scriptCalls()) / n;
  await client.config('RESETSTAT');
  let grants = 0;
  const end = performance.now() + 1000;
  const loop = async () => {
    while (performance.now() < end) {
      const r = await store.reserve(
        'rt-busy',
        { limit: LIMIT, intervalMs: 1000, burst: 1 },
        { cost: 1, maxWaitMs: Number.POSITIVE_INFINITY },
      );
      await new Promise((resolve) => setTimeout(resolve, r.waitMs));
      grants++;
    }
  };
  await Promise.all(Array.from({ length: 8 }, loop));
  const busy = (await scriptCalls()) / grants;
  return { free: round(free, 3), waiting: round(busy, 3), waitingGrants: grants };
}

/** Mean and percentiles of one rc.send through a provider that does nothing, per store. */
async function overhead() {
  const provider = defineProvider({
    specVersion: 'roomcast/v1',
    id: 'noop',
    capabilities: {
      broadcast: {
        audiences: ['room'],
        maxPayloadBytes: 1024,
        maxRecipientsPerRequest: 0,
        delivery: 'acknowledged',
        vendorDeduplicates: false,
        operation: 'Noop',
        quotas: [{ scope: 'noop:app', limit: 1e9, intervalMs: 1000 }],
      },
    },
    async send() {
      return {};
    },
  });
  const measure = async (rateLimitStore) => {
    const rc = createRoomcast({ providers: { noop: provider }, rateLimitStore });
    const message = { roomId: 'r', from: 'bench', text: 'x' };
    for (let i = 0; i < 300; i++) await rc.send('noop:broadcast', message);
    const samples = [];
    for (let i = 0; i < SENDS; i++) {
      const t = performance.now();
      await rc.send('noop:broadcast', message);
      samples.push((performance.now() - t) * 1000);
    }
    samples.sort((a, b) => a - b);
    const mean = samples.reduce((a, b) => a + b, 0) / samples.length;
    return {
      meanUs: round(mean, 1),
      p50Us: round(samples[samples.length >> 1], 1),
      p99Us: round(samples[Math.floor(samples.length * 0.99)], 1),
    };
  };
  const memory = await measure(memoryRateLimitStore());
  const redis = await measure(redisRateLimitStore({ client }));
  return { sends: SENDS, memory, redis, addedUs: round(redis.meanUs - memory.meanUs, 1) };
}

/** N processes × 4 loops acquiring on one 200/s scope (1% headroom) for SECONDS. */
async function accuracy(processes) {
  const scope = `accuracy-${processes}`;
  const children = Array.from({ length: processes }, () => {
    const child = spawn(
      process.execPath,
      [CHILD, JSON.stringify({ port: server.port, scope, limit: LIMIT, loops: 4 })],
      { stdio: ['pipe', 'pipe', 'inherit'] },
    );
    const lines = [];
    const ready = new Promise((resolve) =>
      createInterface({ input: child.stdout }).on('line', (line) =>
        line === 'ready' ? resolve() : lines.push(line),
      ),
    );
    return { child, lines, ready, exited: once(child, 'exit') };
  });
  await Promise.all(children.map((c) => c.ready));
  await client.config('RESETSTAT');
  const startAt = performance.timeOrigin + performance.now() + 200;
  const endAt = startAt + SECONDS * 1000;
  for (const c of children) c.child.stdin.write(`${JSON.stringify({ startAt, endAt })}\n`);
  await Promise.all(children.map((c) => c.exited));
  const calls = await scriptCalls();
  const outcomes = children.map((c) => JSON.parse(c.lines.at(-1)));
  const grants = outcomes.flatMap((o) => o.grants).sort((a, b) => a - b);
  // Each loop ends with one denied call (its next slot lies past the end): counted as a call.
  const denied = outcomes.reduce((n, o) => n + o.denied, 0);
  const active = (endAt - grants[0]) / 1000;
  let maxSliding = 0;
  for (let i = 0, j = 0; i < grants.length; i++) {
    while (grants[i] - grants[j] >= 1000) j++;
    maxSliding = Math.max(maxSliding, i - j + 1);
  }
  const slots = outcomes.flatMap((o) => o.slots).sort((a, b) => a - b);
  let maxSlots = 0;
  for (let i = 0, j = 0; i < slots.length; i++) {
    while (slots[i] - slots[j] >= 1000) j++;
    maxSlots = Math.max(maxSlots, i - j + 1);
  }
  const gaps = grants.slice(1).map((t, i) => t - grants[i]);
  return {
    processes,
    grants: grants.length,
    ratePerSecond: round(grants.length / active, 2),
    ofQuota: round(grants.length / (active * LIMIT), 4),
    maxSliding1s: maxSliding,
    maxSliding1sSlots: maxSlots,
    scriptCallsPerReserve: round(calls / (grants.length + denied), 3),
    deniedAtEnd: denied,
    minGapMs: round(Math.min(...gaps), 2),
  };
}

function print(r) {
  console.log(
    `@roomcast/redis store benchmark — Node ${r.node}, Redis ${r.redis}, loopback, ${r.cpus} CPUs, load ${r.loadBefore}\n`,
  );
  console.log('| Redis calls per acquire | free scope | every caller waits |');
  console.log('|---|---|---|');
  console.log(
    `| EVALSHA (+EVAL) per grant | ${r.roundTrips.free} | ${r.roundTrips.waiting} (${r.roundTrips.waitingGrants} grants) |\n`,
  );
  console.log(`| rc.send, no-op provider (${r.overhead.sends} sequential) | mean µs | p50 µs | p99 µs |`);
  console.log('|---|---|---|---|');
  console.log(
    `| memoryRateLimitStore | ${r.overhead.memory.meanUs} | ${r.overhead.memory.p50Us} | ${r.overhead.memory.p99Us} |`,
  );
  console.log(
    `| redisRateLimitStore | ${r.overhead.redis.meanUs} | ${r.overhead.redis.p50Us} | ${r.overhead.redis.p99Us} |`,
  );
  console.log(`| added by Redis | ${r.overhead.addedUs} | | |\n`);
  console.log(
    `| processes (4 loops each), ${LIMIT}/s, headroom 1%, ${SECONDS} s | grants | rate/s | of quota | max in any sliding 1 s: slots (Redis clock) / dispatches | Redis calls per reserve | min gap ms |`,
  );
  console.log('|---|---|---|---|---|---|---|');
  for (const a of r.accuracy) {
    console.log(
      `| ${a.processes} | ${a.grants} | ${a.ratePerSecond} | ${(a.ofQuota * 100).toFixed(2)}% | ${a.maxSliding1sSlots} / ${a.maxSliding1s} | ${a.scriptCallsPerReserve} | ${a.minGapMs} |`,
    );
  }
  console.log(`\n${JSON.stringify(r)}`);
}

function round(x, digits) {
  return Number(x.toFixed(digits));
}

async function startRedis() {
  const probe = createServer().listen(0, '127.0.0.1');
  await once(probe, 'listening');
  const { port } = probe.address();
  probe.close();
  const binary = process.env.REDIS_SERVER ?? 'redis-server';
  const child = spawn(
    binary,
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    { stdio: 'ignore' },
  );
  child.on('error', (error) => {
    console.error(`could not start ${binary} (${error.message}); install redis-server or set REDIS_SERVER`);
    process.exit(1);
  });
  for (let i = 0; i < 200; i++) {
    const ping = new Redis({
      host: '127.0.0.1',
      port,
      lazyConnect: true,
      retryStrategy: () => null,
      maxRetriesPerRequest: 0,
    });
    ping.on('error', () => {});
    const ok = await ping.connect().then(
      () => true,
      () => false,
    );
    ping.disconnect();
    if (ok) return { port, process: child };
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error('redis-server did not start');
}
