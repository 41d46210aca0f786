import { RoomcastError } from '@roomcast/core';
import { type ConnectionOptions, Job, type Queue, QueueEvents } from 'bullmq';
import type { Redis } from 'ioredis';
import type { OutboxJobData } from './job-data.js';
import { type FinalJson, finalError, type OutboxResultJson, resultFromJson } from './serialize.js';
import type { OutboxEvents, OutboxResult } from './types.js';

type Listener<E extends keyof OutboxEvents> = (event: OutboxEvents[E]) => void;
type Waiter = { resolve: (result: OutboxResult) => void; reject: (error: RoomcastError) => void };

/**
 * Follows the queue's event stream (every job, whichever process ran it) to emit `delivered` and
 * `failed` and to settle `result()` calls. Started on first use; it needs one blocking connection.
 */
export class OutboxWatcher {
  #events: QueueEvents | undefined;
  #starting: Promise<void> | undefined;
  readonly #waiters = new Map<string, Set<Waiter>>();
  readonly #listeners: { [E in keyof OutboxEvents]: Set<Listener<E>> } = {
    delivered: new Set(),
    failed: new Set(),
    error: new Set(),
  };

  constructor(
    private readonly queue: Queue,
    private readonly client: Redis,
    private readonly connection: ConnectionOptions,
    private readonly prefix: string,
    /** A failed job's report from its checkpoints. */
    private readonly reportFailure: (
      jobId: string,
      data: OutboxJobData,
      reason: string,
    ) => Promise<FinalJson>,
  ) {}

  on<E extends keyof OutboxEvents>(event: E, listener: Listener<E>): () => void {
    (this.#listeners[event] as Set<Listener<E>>).add(listener);
    if (event !== 'error') void this.start().catch((error: unknown) => this.emitError(error));
    return () => (this.#listeners[event] as Set<Listener<E>>).delete(listener);
  }

  emitError(error: unknown): void {
    const wrapped = error instanceof Error ? error : new Error(String(error));
    for (const listener of this.#listeners.error) safely(() => listener({ error: wrapped }));
  }

  async result(jobId: string, timeoutMs: number | undefined): Promise<OutboxResult> {
    await this.start();
    let waiter!: Waiter;
    const settled = new Promise<OutboxResult>((resolve, reject) => {
      waiter = { resolve, reject };
    });
    // The outcome may arrive (as an event) while the stored state is still being read, before
    // anything awaits `settled`: mark it handled so that is not an unhandled rejection.
    settled.catch(() => {});
    const set = this.#waiters.get(jobId) ?? new Set();
    set.add(waiter);
    this.#waiters.set(jobId, set);
    let timer: NodeJS.Timeout | undefined;
    try {
      // Subscribed first, then read: an outcome is either already stored or still to come as an event.
      const final = await this.#finalOf(jobId);
      if (final !== undefined) this.#settle(jobId, final, false);
      if (timeoutMs !== undefined) {
        timer = setTimeout(
          () =>
            waiter.reject(
              new RoomcastError(
                'TIMEOUT',
                `Outbox job ${jobId} has not settled within ${timeoutMs} ms; it is still queued or running`,
              ),
            ),
          timeoutMs,
        );
      }
      return await settled;
    } finally {
      clearTimeout(timer);
      set.delete(waiter);
      if (set.size === 0) this.#waiters.delete(jobId);
    }
  }

  async close(): Promise<void> {
    await this.#starting?.catch(() => {});
    await this.#events?.close();
  }

  start(): Promise<void> {
    this.#starting ??= this.#start();
    return this.#starting;
  }

  async #start(): Promise<void> {
    // Read from the stream's current end, fixed before any state is read, so no event falls in between.
    const last = await this.client.xrevrange(
      `${this.prefix}:${this.queue.name}:events`,
      '+',
      '-',
      'COUNT',
      1,
    );
    const events = new QueueEvents(this.queue.name, {
      connection: this.connection,
      prefix: this.prefix,
      lastEventId: last[0]?.[0] ?? '0',
    });
    events.on('error', (error) => this.emitError(error));
    events.on('completed', ({ jobId, returnvalue }) => {
      const result = (
        typeof returnvalue === 'string' ? JSON.parse(returnvalue) : returnvalue
      ) as OutboxResultJson;
      this.#settle(jobId, { result }, true);
    });
    events.on('failed', ({ jobId, failedReason }) => {
      this.#failedOutcome(jobId, failedReason)
        .then((final) => final && this.#settle(jobId, final, true))
        .catch((error: unknown) => this.emitError(error));
    });
    this.#events = events;
    await events.waitUntilReady();
  }

  /** The stored outcome of a settled job, undefined while it is pending; throws when there is no such job. */
  async #finalOf(jobId: string): Promise<FinalJson | undefined> {
    const missing = () =>
      new RoomcastError(
        'INVALID_ARGUMENT',
        `No outbox job ${jobId}: never enqueued, or removed after its retention (keepCompletedSeconds / keepFailedSeconds)`,
      );
    const job = await Job.fromId<OutboxJobData>(this.queue, jobId);
    if (job === undefined) throw missing();
    const state = await job.getState();
    if (state !== 'completed' && state !== 'failed') return undefined;
    // Read again: the job may have finished between the first read and getState.
    const finished = await Job.fromId<OutboxJobData>(this.queue, jobId);
    if (finished === undefined) throw missing();
    if (state === 'completed') return { result: finished.returnvalue as OutboxResultJson };
    return this.reportFailure(jobId, finished.data, finished.failedReason);
  }

  async #failedOutcome(jobId: string, reason: string): Promise<FinalJson | undefined> {
    const job = await Job.fromId<OutboxJobData>(this.queue, jobId);
    return job && this.reportFailure(jobId, job.data, reason);
  }

  #settle(jobId: string, final: FinalJson, announce: boolean): void {
    const error = finalError(final);
    const result = error === undefined ? resultFromJson(final.result) : undefined;
    for (const waiter of this.#waiters.get(jobId) ?? []) {
      if (error) waiter.reject(error);
      else waiter.resolve(result!);
    }
    if (!announce) return;
    if (error) for (const listener of this.#listeners.failed) safely(() => listener({ jobId, error }));
    else for (const listener of this.#listeners.delivered) safely(() => listener({ jobId, result: result! }));
  }
}

function safely(fn: () => void): void {
  try {
    fn();
  } catch {
    // A listener's bug must not stop other listeners or the event stream.
  }
}
