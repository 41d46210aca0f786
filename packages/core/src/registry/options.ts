import type { HttpHooks } from '../http/hooks.js';
import type { RetryOptions } from '../pipeline/retry-policy.js';
import type { OnLimit } from '../rate-limit/limiter.js';
import type { RateLimitStore } from '../rate-limit/store.js';

/** Registry-wide settings; `send` options override them per call. */
export interface RoomcastSettings {
  /** Retry policy; see {@link RetryOptions}. At-most-once by default. */
  retry?: RetryOptions;
  /** Per-attempt timeout in milliseconds. Default 10,000. */
  timeoutMs?: number;
  /** Budget of a whole send, retries and rate-limit waits included. Default: none. */
  totalTimeoutMs?: number;
  /** Where quota state lives. Default: one in-memory store per registry (shared by `with()` copies). */
  rateLimitStore?: RateLimitStore;
  /** `wait` (default): queue for the quota in arrival order. `fail`: reject with `RATE_LIMITED`. */
  onLimit?: OnLimit;
  /** Longest wait for a quota slot before `RATE_LIMITED`. Default: unbounded (a fan-out waits its turn). */
  maxQueueWaitMs?: number;
  /** Vendor requests in flight at once per send. Default 8. */
  concurrency?: number;
  /** Largest recipient list one send accepts. Default 100,000. */
  maxRecipientsPerSend?: number;
  /** Observability hooks, passed to every provider's HTTP layer. */
  hooks?: HttpHooks;
}

export const DEFAULT_CONCURRENCY = 8;
export const DEFAULT_MAX_RECIPIENTS_PER_SEND = 100_000;
