import type { RoomcastError } from '@roomcast/core';
import type { RedisScriptClient } from './script-client.js';

/**
 * What the store does while Redis cannot be reached. Never "allow everything": an open limiter
 * in N processes sends N times the vendor quota.
 *
 * - `'fail-closed'`: `reserve` rejects with `UNAVAILABLE` (retryable: nothing was sent).
 * - `{ fallback: 'local', share }`: each process limits itself in memory to `share` of the quota
 *   (e.g. `1 / instances`), so the fleet stays within the quota while Redis is away.
 */
export type OnRedisDown = 'fail-closed' | { fallback: 'local'; share: number };

/** A change of the store's view of Redis, for logs and alerts. */
export interface RedisStatusEvent {
  status: 'up' | 'down';
  /** Why Redis counts as down (`status: 'down'` only). */
  error?: RoomcastError | undefined;
}

/** Options of {@link redisRateLimitStore}. */
export interface RedisRateLimitStoreOptions {
  /** An ioredis client (`new Redis(...)` or a `Cluster`); the store never closes it. */
  client: RedisScriptClient;
  /** Prefix of every quota key. Default `'roomcast:rl:'`; the scope follows it. */
  keyPrefix?: string;
  /**
   * Fraction of each quota left unused, so that dispatch jitter (timer lateness, reply latency)
   * cannot push any sliding one-second window over the vendor's limit. Default 0.01: run at 99%.
   */
  headroom?: number;
  /** Behaviour while Redis is unreachable. Default `'fail-closed'`. */
  onRedisDown?: OnRedisDown;
  /** How long one Redis call may take before Redis counts as down. Default 1,000 ms. */
  timeoutMs?: number;
  /** After a failure, how long to stay on the down path before trying Redis again. Default 1,000 ms. */
  retryIntervalMs?: number;
  /** Called when Redis goes down or comes back. Must not throw. */
  onStatusChange?: (event: RedisStatusEvent) => void;
}
