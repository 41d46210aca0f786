import type { OnLimit } from '../rate-limit/limiter.js';
import type { SendProgress } from '../spec/result.js';
import type { RetryOptions } from './retry-policy.js';

/** Per-call options of `rc.send`. Each overrides the registry's setting of the same name. */
export interface SendOptions {
  /** Cancels the send; recipients not yet sent are reported as `ABORTED`. */
  signal?: AbortSignal;
  /** Per-attempt timeout in milliseconds. */
  timeoutMs?: number;
  retry?: RetryOptions;
  /** `wait` (default) queues for the vendor quota in arrival order; `fail` rejects with `RATE_LIMITED`. */
  onLimit?: OnLimit;
  /** Vendor requests of this send in flight at once. */
  concurrency?: number;
  /** Called after each vendor request settles, for progress bars. */
  onProgress?: (progress: SendProgress) => void;
}
