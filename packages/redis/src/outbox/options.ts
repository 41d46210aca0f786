import type { ProviderMap, RateLimitStore, Roomcast } from '@roomcast/core';
import type { Redis, RedisOptions } from 'ioredis';
import type { OutboxSendOptions } from './send-unit.js';

/** Options of {@link createOutbox}. */
export interface OutboxOptions<P extends ProviderMap> {
  /**
   * The registry jobs are delivered through. Give it the shared `redisRateLimitStore`, so queued
   * and direct sends draw on one quota across every process.
   */
  roomcast: Roomcast<P>;
  /** An ioredis client or its options. Workers open extra (blocking) connections from it. */
  connection: Redis | RedisOptions;
  /** Default `'roomcast-outbox'`. Processes that share a queue name share the outbox. */
  queueName?: string;
  /** BullMQ key prefix. Default `'bull'`; on Redis Cluster use a hash tag such as `'{roomcast}'`. */
  prefix?: string;
  /** Run a worker in this process. Default true; false for producers that only enqueue. */
  worker?: boolean;
  /** Jobs one worker runs at once. Default 16. */
  concurrency?: number;
  /** Vendor requests of one job (a fan-out's batches) in flight at once. Default 4. */
  requestConcurrency?: number;
  /**
   * Cap queued traffic to this share of every quota (0 < share ≤ 1), so direct sends always find
   * the rest. Needs `rateLimitStore` (the registry's store). Default 1: no cap.
   */
  share?: number;
  /** The store the registry uses; needed for `share`. */
  rateLimitStore?: RateLimitStore;
  /** Default for `enqueue`'s `atLeastOnce`. Default false: at-most-once where the vendor cannot de-duplicate. */
  atLeastOnce?: boolean;
  /** Runs per job for requests that certainly did not reach the vendor (rate-limited, Redis away). Default 5. */
  attempts?: number;
  /** Base of the exponential backoff between such runs. Default 1,000 ms. */
  backoffMs?: number;
  /** How long a delivered job (and with it its idempotency key) is kept. Default 86,400 s (a day). */
  keepCompletedSeconds?: number;
  /** How long a failed job is kept. Default 604,800 s (a week). */
  keepFailedSeconds?: number;
  /** A worker's lock on a running job; a crashed worker's jobs are recovered after it expires. Default 30,000 ms. */
  lockDurationMs?: number;
  /** How often workers look for jobs whose lock expired. Default 30,000 ms. */
  stalledIntervalMs?: number;
  /** Recoveries of a job after worker crashes before it is failed. Default 2. */
  maxStalledCount?: number;
  /** How long `enqueue` waits for Redis before rejecting with `UNAVAILABLE` (ambiguous). Default 10,000 ms. */
  enqueueTimeoutMs?: number;
  /** Passed to every `rc.send` (per-attempt timeout, total budget, retry policy). */
  sendOptions?: OutboxSendOptions;
  /** Check `maxmemory-policy` and the version at start-up. Default true. */
  checkRequirements?: boolean;
  /** Receives start-up warnings (e.g. persistence off). Default: ignored. */
  onWarning?: (message: string) => void;
}
