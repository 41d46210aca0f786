import type { OnLimit } from '../rate-limit/limiter.js';
import type { SendProgress } from '../spec/result.js';
import type { RetryOptions } from './retry-policy.js';

/** Per-call options of `rc.send`. Each overrides the registry's setting of the same name. */
export interface SendOptions {
  /** Cancels the send; recipients not yet sent are reported as `ABORTED`. */
  signal?: AbortSignal;
  /** Per-attempt timeout in milliseconds. */
  timeoutMs?: number;
  /**
   * Budget of the whole send (rate-limit waits and retries included). When it runs out, requests
   * not yet sent fail with `TIMEOUT`; requests in flight fail with `TIMEOUT`, ambiguous.
   */
  totalTimeoutMs?: number;
  retry?: RetryOptions;
  /** `wait` (default) queues for the vendor quota in arrival order; `fail` rejects with `RATE_LIMITED`. */
  onLimit?: OnLimit;
  /** Vendor requests of this send in flight at once. */
  concurrency?: number;
  /** Called after each vendor request settles, for progress bars. */
  onProgress?: (progress: SendProgress) => void;
}
