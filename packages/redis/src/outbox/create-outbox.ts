import {
  type ChannelId,
  type ChannelInfo,
  type MessageFor,
  type ProviderMap,
  type Roomcast,
  RoomcastError,
} from '@roomcast/core';
import { type ConnectionOptions, Queue, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { withTimeout } from '../store/run-script.js';
import type { OutboxJobData } from './job-data.js';
import { outboxJobId } from './job-id.js';
import type { OutboxOptions } from './options.js';
import { createProcessor, reportFromState } from './processor.js';
import { checkRedisRequirements } from './requirements.js';
import type { EnqueueOptions, EnqueueReceipt, OutboxEvents, OutboxResult } from './types.js';
import { UnitStateStore } from './unit-state.js';
import { OutboxWatcher } from './watcher.js';

/** A durable outbox on BullMQ; see {@link createOutbox}. */
export interface Outbox<P extends ProviderMap> {
  readonly queueName: string;
  /**
   * Stores a message in Redis and resolves once it is stored; a worker delivers it later.
   * Enqueueing the same `idempotencyKey` again (while the job is kept) stores nothing new.
   */
  enqueue<C extends ChannelId<P>>(
    channel: C,
    message: MessageFor<C>,
    options: EnqueueOptions,
  ): Promise<EnqueueReceipt>;
  /**
   * The job's outcome: resolves with the result when at least part was accepted, rejects with a
   * `RoomcastError` (with `failures` and `result`) when nothing was. Works from any process.
   */
  result(jobId: string, options?: { timeoutMs?: number }): Promise<OutboxResult>;
  /** Subscribes to outcomes of every job of the queue; returns the unsubscribe function. */
  on<E extends keyof OutboxEvents>(event: E, listener: (event: OutboxEvents[E]) => void): () => void;
  /** The job id an idempotency key maps to. */
  jobId(idempotencyKey: string): string;
  /** Stops the worker (after its running jobs finish) and closes every connection it opened. */
  close(): Promise<void>;
  /** The BullMQ queue, for dashboards and maintenance. */
  readonly queue: Queue;
}

/**
 * Creates a durable outbox: `enqueue` persists a message in Redis before it resolves, and workers
 * in any number of processes deliver it through the registry, sharing its vendor quotas. Checks
 * the Redis settings the outbox depends on first, and rejects with `UNSUPPORTED` saying what to
 * change (e.g. `maxmemory-policy noeviction`).
 *
 * Delivery is at-most-once per recipient by default: a request whose outcome is unknown (a worker
 * died while it was at the vendor, or the vendor timed out) is reported failed and ambiguous, not
 * re-sent. With `atLeastOnce: true` it is re-sent, so a recipient may get a message twice.
 *
 * @example
 * ```ts
 * const outbox = await createOutbox({ roomcast: rc, connection: { host: '127.0.0.1', port: 6379 } });
 * const { jobId } = await outbox.enqueue('zego:broadcast',
 *   { roomId: 'live-1', from: 'system', text: 'Doors open' },
 *   { idempotencyKey: 'event-42:doors-open' });
 * const result = await outbox.result(jobId); // { status: 'ok', accepted, failed, runs, ... }
 * ```
 */
export async function createOutbox<const P extends ProviderMap>(
  options: OutboxOptions<P>,
): Promise<Outbox<P>> {
  const settings = resolve(options);
  const ownsClient = !isClient(options.connection);
  // ioredis's option types clash with exactOptionalPropertyTypes; the object is passed through as is.
  const client = isClient(options.connection) ? options.connection : new Redis(options.connection as never);
  const connection = options.connection as ConnectionOptions;
  client.on?.('error', () => {
    // Reported through the operations that fail; an unhandled 'error' event would crash the process.
  });
  try {
    if (settings.checkRequirements) {
      const { warnings } = await checkRedisRequirements(client);
      for (const warning of warnings) options.onWarning?.(warning);
    }
  } catch (error) {
    if (ownsClient) client.disconnect();
    throw error;
  }

  const rc = options.roomcast as unknown as Roomcast<never>;
  const channels = new Map<string, ChannelInfo>(rc.channels().map((c) => [c.id, c]));
  const { prefix, queueName } = settings;
  const state = new UnitStateStore(client, `${prefix}:${queueName}:rc:`, settings.keepFailedSeconds * 1000);
  const queue: Queue = new Queue(queueName, {
    connection,
    prefix,
    defaultJobOptions: {
      attempts: settings.attempts,
      backoff: { type: 'exponential', delay: settings.backoffMs },
      removeOnComplete: { age: settings.keepCompletedSeconds },
      removeOnFail: { age: settings.keepFailedSeconds },
    },
  });
  const report = (jobId: string, data: OutboxJobData, reason: string) =>
    reportFromState({ channels, state }, jobId, data, reason);
  const watcher = new OutboxWatcher(queue, client, connection, prefix, report);
  queue.on('error', (error) => watcher.emitError(error));

  let worker: Worker<OutboxJobData> | undefined;
  if (settings.worker) {
    worker = new Worker<OutboxJobData>(
      queueName,
      createProcessor({
        rc,
        channels,
        state,
        sendOptions: options.sendOptions ?? {},
        requestConcurrency: settings.requestConcurrency,
        lane:
          settings.share < 1 && options.rateLimitStore
            ? { store: options.rateLimitStore, share: settings.share }
            : undefined,
      }),
      {
        connection,
        prefix,
        concurrency: settings.concurrency,
        lockDuration: settings.lockDurationMs,
        stalledInterval: settings.stalledIntervalMs,
        maxStalledCount: settings.maxStalledCount,
      },
    );
    worker.on('error', (error) => watcher.emitError(error));
    // Only once BullMQ has the job completed: until then a re-run needs the checkpoints, or it
    // would send everything again. (A worker that dies in between leaves them to expire.)
    worker.on('completed', (job) => {
      if (job.id !== undefined)
        state.forget(job.id, job.data.nonce).catch((error: unknown) => watcher.emitError(error));
    });
  }

  return {
    queueName,
    queue,
    jobId: outboxJobId,
    async enqueue(channel, message, enqueue) {
      const jobId = outboxJobId(enqueue?.idempotencyKey);
      if (!channels.has(channel)) {
        throw new RoomcastError(
          'INVALID_ARGUMENT',
          `Unknown channel "${channel}"; the registry has: ${[...channels.keys()].join(', ') || '(none)'}`,
        );
      }
      const data: OutboxJobData = {
        channel,
        message: storable(message),
        idempotencyKey: enqueue.idempotencyKey,
        nonce: crypto.randomUUID(),
        atLeastOnce: enqueue.atLeastOnce ?? settings.atLeastOnce,
        enqueuedAt: Date.now(),
      };
      try {
        const add = async () => {
          await queue.add('send', data, {
            jobId,
            ...(enqueue.delayMs !== undefined && { delay: enqueue.delayMs }),
          });
          // BullMQ answers a repeated id with the caller's data, not the stored job's: compare nonces.
          const stored = (await queue.getJob(jobId)) as { data: OutboxJobData } | undefined;
          return { jobId, duplicate: stored !== undefined && stored.data.nonce !== data.nonce };
        };
        return await withTimeout(
          add(),
          settings.enqueueTimeoutMs,
          () => new Error(`no answer within ${settings.enqueueTimeoutMs} ms`),
        );
      } catch (error) {
        throw new RoomcastError(
          'UNAVAILABLE',
          `Could not confirm that the message was stored in Redis (${(error as Error).message}); enqueue it again with the same idempotencyKey: a repeat is not a second message`,
          { ambiguous: true, retryable: true, cause: error },
        );
      }
    },
    result(jobId, resultOptions) {
      return watcher.result(jobId, resultOptions?.timeoutMs);
    },
    on(event, listener) {
      return watcher.on(event, listener);
    },
    async close() {
      await worker?.close();
      await watcher.close();
      await queue.close();
      if (ownsClient) await client.quit().catch(() => client.disconnect());
    },
  };
}

function isClient(connection: unknown): connection is Redis {
  return (
    typeof (connection as Redis).duplicate === 'function' && typeof (connection as Redis).info === 'function'
  );
}

/** The message as JSON: an AbortSignal cannot be stored (cancel a queued job by removing it). */
function storable(message: unknown): Record<string, unknown> {
  if (typeof message !== 'object' || message === null || Array.isArray(message)) {
    throw new RoomcastError('INVALID_ARGUMENT', 'The message must be an object');
  }
  const { signal: _signal, ...rest } = message as Record<string, unknown>;
  try {
    return JSON.parse(JSON.stringify(rest)) as Record<string, unknown>;
  } catch (error) {
    throw new RoomcastError('INVALID_ARGUMENT', 'The message must be JSON-serializable to be stored', {
      cause: error,
    });
  }
}

function resolve<P extends ProviderMap>(options: OutboxOptions<P>) {
  if (typeof options?.roomcast?.send !== 'function' || typeof options.roomcast.channels !== 'function') {
    throw new RoomcastError(
      'INVALID_ARGUMENT',
      'createOutbox needs { roomcast }: a registry from createRoomcast',
    );
  }
  if (typeof options.connection !== 'object' || options.connection === null) {
    throw new RoomcastError(
      'INVALID_ARGUMENT',
      'createOutbox needs { connection }: an ioredis client or its options',
    );
  }
  const share = options.share ?? 1;
  if (!(share > 0 && share <= 1)) {
    throw new RoomcastError('INVALID_ARGUMENT', `share must be in (0, 1]; got ${share}`);
  }
  if (share < 1 && options.rateLimitStore === undefined) {
    throw new RoomcastError(
      'INVALID_ARGUMENT',
      'share needs { rateLimitStore }: the store the registry uses (e.g. the redisRateLimitStore), to pace queued sends',
    );
  }
  const positive = (name: string, value: number | undefined, fallback: number) => {
    const v = value ?? fallback;
    if (!(Number.isFinite(v) && v > 0))
      throw new RoomcastError('INVALID_ARGUMENT', `${name} must be a positive number; got ${v}`);
    return v;
  };
  return {
    queueName: options.queueName ?? 'roomcast-outbox',
    prefix: options.prefix ?? 'bull',
    worker: options.worker ?? true,
    share,
    atLeastOnce: options.atLeastOnce ?? false,
    checkRequirements: options.checkRequirements ?? true,
    concurrency: positive('concurrency', options.concurrency, 16),
    requestConcurrency: positive('requestConcurrency', options.requestConcurrency, 4),
    attempts: positive('attempts', options.attempts, 5),
    backoffMs: positive('backoffMs', options.backoffMs, 1000),
    keepCompletedSeconds: positive('keepCompletedSeconds', options.keepCompletedSeconds, 86_400),
    keepFailedSeconds: positive('keepFailedSeconds', options.keepFailedSeconds, 604_800),
    lockDurationMs: positive('lockDurationMs', options.lockDurationMs, 30_000),
    stalledIntervalMs: positive('stalledIntervalMs', options.stalledIntervalMs, 30_000),
    maxStalledCount: positive('maxStalledCount', options.maxStalledCount, 2),
    enqueueTimeoutMs: positive('enqueueTimeoutMs', options.enqueueTimeoutMs, 10_000),
  };
}
