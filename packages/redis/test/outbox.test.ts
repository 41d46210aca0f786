import { isRoomcastError } from '@roomcast/core';
import type { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createOutbox, type Outbox, outboxJobId } from '../src/index.js';
import { ambiguousTimeout, connectionRefused, memoryRegistry, uniqueQueue } from './helpers/outbox-setup.js';
import { startRedis, type TestRedis } from './helpers/redis-server.js';

let redis: TestRedis;
let client: Redis;
const open: Outbox<never>[] = [];
beforeAll(async () => {
  redis = await startRedis();
  client = redis.client();
});
afterEach(async () => {
  await Promise.all(open.splice(0).map((o) => o.close()));
});
afterAll(() => redis?.stop());

const connection = () => ({ host: '127.0.0.1', port: redis.port });

async function setup(options: Record<string, unknown> = {}, registry = memoryRegistry(client)) {
  const outbox = await createOutbox({
    roomcast: registry.rc,
    connection: connection(),
    queueName: uniqueQueue(),
    backoffMs: 20,
    ...options,
  });
  open.push(outbox as unknown as Outbox<never>);
  return { outbox, ...registry };
}

describe('enqueue and deliver', () => {
  it('persists, delivers through the registry, and reports the result and a delivered event', async () => {
    const { outbox, mem } = await setup();
    const delivered: string[] = [];
    outbox.on('delivered', (e) => delivered.push(e.jobId));
    const receipt = await outbox.enqueue(
      'mem:broadcast',
      { roomId: 'r1', from: 'system', text: 'hello' },
      { idempotencyKey: 'greeting-1' },
    );
    expect(receipt).toEqual({ jobId: outboxJobId('greeting-1'), duplicate: false });
    expect(receipt.jobId).toMatch(/^rc-[0-9a-f]{40}$/);
    const result = await outbox.result(receipt.jobId);
    expect(result).toMatchObject({
      jobId: receipt.jobId,
      channel: 'mem:broadcast',
      status: 'ok',
      runs: 1,
      attempts: 1,
    });
    expect(mem.sends).toHaveLength(1);
    expect(mem.sends[0]?.request.message).toMatchObject({ roomId: 'r1', text: 'hello' });
    await expect.poll(() => delivered).toEqual([receipt.jobId]);
    // The checkpoints of a completed job are dropped; its result stays with the job.
    await expect.poll(() => client.keys(`bull:${outbox.queueName}:rc:*`)).toEqual([]);
    // Asking again later still answers, from the stored job.
    await expect(outbox.result(receipt.jobId)).resolves.toMatchObject({ status: 'ok' });
  });

  it('stores the message before enqueue resolves', async () => {
    const { outbox } = await setup({ worker: false });
    const { jobId } = await outbox.enqueue(
      'mem:broadcast',
      { roomId: 'r1', from: 's', text: 'kept' },
      { idempotencyKey: 'k' },
    );
    const job = await outbox.queue.getJob(jobId);
    expect(job?.data).toMatchObject({
      channel: 'mem:broadcast',
      message: { text: 'kept' },
      idempotencyKey: 'k',
    });
  });

  it('treats a repeated idempotency key as the same message: one job, one delivery', async () => {
    const { outbox, mem } = await setup();
    const message = { roomId: 'r1', from: 'system', text: 'once' };
    const [a, b] = await Promise.all([
      outbox.enqueue('mem:broadcast', message, { idempotencyKey: 'same' }),
      outbox.enqueue('mem:broadcast', message, { idempotencyKey: 'same' }),
    ]);
    expect(a.jobId).toBe(b.jobId);
    expect([a.duplicate, b.duplicate].sort()).toEqual([false, true]);
    await outbox.result(a.jobId);
    const again = await outbox.enqueue('mem:broadcast', message, { idempotencyKey: 'same' });
    expect(again).toEqual({ jobId: a.jobId, duplicate: true });
    const other = await outbox.enqueue('mem:broadcast', message, { idempotencyKey: 'different' });
    await outbox.result(other.jobId);
    expect(mem.sends).toHaveLength(2);
  });

  it('fans out in vendor-sized batches and reports every recipient', async () => {
    const { outbox, mem } = await setup();
    const to = [...Array.from({ length: 23 }, (_, i) => `u${i}`), 'offline-1', 'u0'];
    const { jobId } = await outbox.enqueue(
      'mem:signal',
      { roomId: 'r1', from: 'bot', to, data: '{}' },
      { idempotencyKey: 'fan' },
    );
    const result = await outbox.result(jobId);
    expect(result.status).toBe('partial');
    expect(result.accepted.sort()).toEqual(Array.from({ length: 23 }, (_, i) => `u${i}`).sort());
    expect(result.failed.map((f) => [f.userId, f.error.code])).toEqual([['offline-1', 'USER_OFFLINE']]);
    expect(isRoomcastError(result.failed[0]?.error)).toBe(true);
    expect(mem.sends.map((s) => s.request.recipients?.length)).toEqual([10, 10, 4]);
    expect(result.messageIds).toHaveLength(3);
  });

  it('rejects result() with a RoomcastError listing the failures when nothing was accepted, and emits failed', async () => {
    const { outbox } = await setup();
    const failed: string[] = [];
    outbox.on('failed', (e) => failed.push(`${e.jobId}:${e.error.code}`));
    const { jobId } = await outbox.enqueue(
      'mem:signal',
      { roomId: 'r1', from: 'bot', to: ['offline-1', 'offline-2'], data: '{}' },
      { idempotencyKey: 'nobody' },
    );
    const error = await outbox.result(jobId).catch((e: unknown) => e);
    expect(isRoomcastError(error) && error.code).toBe('USER_OFFLINE');
    expect(isRoomcastError(error) && error.failures.map((f) => f.userId)).toEqual(['offline-1', 'offline-2']);
    expect(isRoomcastError(error) && error.result?.accepted).toEqual([]);
    await expect.poll(() => failed).toEqual([`${jobId}:USER_OFFLINE`]);
    expect((await outbox.queue.getJob(jobId))?.failedReason).toMatch(/no recipient accepted/);
  });

  it('rejects an enqueue Redis does not confirm in time as UNAVAILABLE (ambiguous); enqueueing again is safe', async () => {
    const { outbox, mem } = await setup({ enqueueTimeoutMs: 100 });
    const message = { roomId: 'r1', from: 's', text: 'maybe' };
    void client.duplicate().call('CLIENT', 'PAUSE', '400', 'WRITE');
    await new Promise((resolve) => setTimeout(resolve, 20));
    const error = await outbox
      .enqueue('mem:broadcast', message, { idempotencyKey: 'slow' })
      .catch((e: unknown) => e);
    expect(isRoomcastError(error) && [error.code, error.ambiguous, error.retryable]).toEqual([
      'UNAVAILABLE',
      true,
      true,
    ]);
    await new Promise((resolve) => setTimeout(resolve, 450));
    // The first attempt did get stored once Redis answered: the retry finds it.
    const again = await outbox.enqueue('mem:broadcast', message, { idempotencyKey: 'slow' });
    expect(again.duplicate).toBe(true);
    await outbox.result(again.jobId);
    expect(mem.sends).toHaveLength(1);
  });

  it('rejects bad input before storing anything', async () => {
    const { outbox } = await setup({ worker: false });
    await expect(
      outbox.enqueue('mem:direct' as never, { from: 'a', to: ['b'], text: 'x' } as never, {
        idempotencyKey: 'x',
      }),
    ).rejects.toThrow(/Unknown channel "mem:direct"/);
    await expect(
      outbox.enqueue('mem:broadcast', { roomId: 'r', from: 's', text: 't' }, { idempotencyKey: '' }),
    ).rejects.toThrow(/idempotencyKey/);
    await expect(outbox.result('rc-unknown')).rejects.toThrow(/No outbox job rc-unknown/);
    expect(await outbox.queue.count()).toBe(0);
  });
});

describe('retries follow core safety rules', () => {
  it('does not re-send a request that failed ambiguously (at-most-once by default)', async () => {
    const { outbox, mem } = await setup();
    mem.failNext(1, ambiguousTimeout);
    const { jobId } = await outbox.enqueue(
      'mem:broadcast',
      { roomId: 'r1', from: 's', text: 't' },
      { idempotencyKey: 'amb' },
    );
    const error = await outbox.result(jobId).catch((e: unknown) => e);
    expect(isRoomcastError(error) && [error.code, error.ambiguous]).toEqual(['TIMEOUT', true]);
    expect(mem.sends).toHaveLength(1);
  });

  it('re-sends it when the caller opted into at-least-once', async () => {
    const { outbox, mem } = await setup();
    mem.failNext(1, ambiguousTimeout);
    const { jobId } = await outbox.enqueue(
      'mem:broadcast',
      { roomId: 'r1', from: 's', text: 't' },
      { idempotencyKey: 'amb-alo', atLeastOnce: true },
    );
    await expect(outbox.result(jobId)).resolves.toMatchObject({ status: 'ok', attempts: 2 });
    expect(mem.sends).toHaveLength(2);
  });

  it('retries a request that certainly was not sent in a later run, with backoff, until it goes through', async () => {
    const { outbox, mem } = await setup();
    // Core tries 3 times per run; the fourth and fifth attempts fall in the job's second run.
    mem.failNext(4, connectionRefused);
    const { jobId } = await outbox.enqueue(
      'mem:broadcast',
      { roomId: 'r1', from: 's', text: 't' },
      { idempotencyKey: 'net' },
    );
    await expect(outbox.result(jobId)).resolves.toMatchObject({ status: 'ok', runs: 2, attempts: 5 });
    expect(mem.sends).toHaveLength(5);
  });

  it('reports such a request failed once the runs are used up', async () => {
    const { outbox, mem } = await setup({ attempts: 2 });
    mem.failNext(6, connectionRefused);
    const { jobId } = await outbox.enqueue(
      'mem:broadcast',
      { roomId: 'r1', from: 's', text: 't' },
      { idempotencyKey: 'net2' },
    );
    const error = await outbox.result(jobId).catch((e: unknown) => e);
    expect(isRoomcastError(error) && [error.code, error.retryable]).toEqual(['NETWORK', true]);
    expect(mem.sends).toHaveLength(6);
  });

  it('after a worker died mid-request: reports that request failed (ambiguous), sends the rest, skips the settled', async () => {
    const { outbox: producer, mem } = await setup({ worker: false });
    const to = Array.from({ length: 30 }, (_, i) => `u${i}`);
    const { jobId } = await producer.enqueue(
      'mem:signal',
      { roomId: 'r1', from: 'bot', to, data: '{}' },
      { idempotencyKey: 'crash' },
    );
    // What a dead worker leaves behind: batch 0 delivered, batch 1 at the vendor, batch 2 never started.
    const job = await producer.queue.getJob(jobId);
    const key = `bull:${producer.queueName}:rc:${jobId}:${job?.data.nonce}`;
    const done = {
      s: 'done',
      o: { accepted: to.slice(0, 10), failed: [], messageIds: ['m0'], requestIds: [], attempts: 1 },
    };
    await client.hset(
      key,
      'u:0',
      JSON.stringify(done),
      'u:1',
      JSON.stringify({ s: 'inflight', at: Date.now() }),
      'runs',
      '1',
    );
    const worker = await setup({ queueName: producer.queueName }, memoryRegistryFor(mem));
    const result = await worker.outbox.result(jobId);
    expect(result.status).toBe('partial');
    expect(result.accepted).toEqual([...to.slice(0, 10), ...to.slice(20)]);
    expect(result.failed.map((f) => f.userId)).toEqual(to.slice(10, 20));
    expect(result.failed.every((f) => f.error.code === 'UNAVAILABLE' && f.error.ambiguous)).toBe(true);
    expect(result.runs).toBe(2);
    expect(mem.sends.map((s) => s.request.recipients)).toEqual([to.slice(20)]);
  });
});

describe('unit claims', () => {
  it('lets only one run claim a request: a second claimant sees it in flight', async () => {
    const { UnitStateStore } = await import('../src/outbox/unit-state.js');
    const state = new UnitStateStore(client, 'claims:', 60_000);
    expect(await state.claim('job', 'n', 0, false)).toBe(true);
    expect(await state.claim('job', 'n', 0, false)).toMatchObject({ s: 'inflight' });
    expect(await state.claim('job', 'n', 0, true)).toBe(true); // at-least-once re-claims
    await state.putBack('job', 'n', 0, 1);
    expect(await state.claim('job', 'n', 0, false)).toBe(true);
    expect((await state.read('job', 'n')).extraAttempts).toBe(1);
  });
});

/** The same memory provider behind a fresh registry (a second process would build its own). */
function memoryRegistryFor(mem: ReturnType<typeof memoryRegistry>['mem']) {
  const registry = memoryRegistry(client);
  return { ...registry, rc: registry.rc.with('mem', mem) };
}

describe('sharing the quota with direct sends', () => {
  it('caps queued traffic to its share, leaving the rest to direct sends', async () => {
    const sent: { at: number; text: string }[] = [];
    const registry = memoryRegistry(client, {
      limit: 400,
      script: (request) => {
        sent.push({ at: performance.now(), text: (request.message as { text: string }).text });
        return undefined;
      },
    });
    const { outbox, rc } = await setup({ share: 0.25, rateLimitStore: registry.store }, registry);
    const queued = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        outbox.enqueue(
          'mem:broadcast',
          { roomId: 'r', from: 's', text: `q${i}` },
          { idempotencyKey: `share-${i}` },
        ),
      ),
    );
    await new Promise((resolve) => setTimeout(resolve, 50));
    const started = performance.now();
    await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        rc.send('mem:broadcast', { roomId: 'r', from: 's', text: `d${i}` }),
      ),
    );
    const directMs = performance.now() - started;
    await Promise.all(queued.map((q) => outbox.result(q.jobId)));
    const times = sent.filter((s) => s.text.startsWith('q')).map((s) => s.at);
    const span = Math.max(...times) - Math.min(...times);
    // 40 queued sends at 0.25 × 400/s = 100/s (99/s with headroom): about 400 ms apart end to end.
    expect(span).toBeGreaterThan(370);
    expect((times.length - 1) / (span / 1000)).toBeLessThanOrEqual(101);
    // Direct sends were not stuck behind the backlog: 40 slots of the remaining ~300/s.
    expect(directMs).toBeLessThan(300);
  });
});

describe('lane deferral', () => {
  it('moves a job whose lane slot is over a second away to delayed, without using an attempt', async () => {
    const sent: number[] = [];
    const registry = memoryRegistry(client, {
      limit: 10,
      script: () => {
        sent.push(performance.now());
        return undefined;
      },
    });
    const { outbox } = await setup({ share: 0.5, rateLimitStore: registry.store, attempts: 1 }, registry);
    // Lane: 5/s. Eight jobs at once: the first ones book within a second, the rest step aside.
    const receipts = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        outbox.enqueue(
          'mem:broadcast',
          { roomId: 'r', from: 's', text: `l${i}` },
          { idempotencyKey: `lane-${i}` },
        ),
      ),
    );
    const results = await Promise.all(receipts.map((r) => outbox.result(r.jobId, { timeoutMs: 10_000 })));
    expect(results.every((r) => r.status === 'ok')).toBe(true);
    expect(results.some((r) => r.runs > 1)).toBe(true);
    sent.sort((a, b) => a - b);
    for (let i = 1; i < sent.length; i++) expect(sent[i]! - sent[i - 1]!).toBeGreaterThan(190);
  });
});

describe('start-up checks', () => {
  it('refuses a Redis that may evict keys, saying what to change', async () => {
    await client.config('SET', 'maxmemory-policy', 'allkeys-lru');
    try {
      const error = await setup().catch((e: unknown) => e);
      expect(isRoomcastError(error) && error.code).toBe('UNSUPPORTED');
      expect(String((error as Error).message)).toMatch(/maxmemory-policy allkeys-lru.*noeviction/);
    } finally {
      await client.config('SET', 'maxmemory-policy', 'noeviction');
    }
  });

  it('warns when persistence is off', async () => {
    const warnings: string[] = [];
    await setup({ onWarning: (w: string) => warnings.push(w) });
    expect(warnings.join('\n')).toMatch(/appendonly no/);
  });
});
