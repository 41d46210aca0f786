import type { RoomcastError } from '../errors/roomcast-error.js';

/** How the pipeline retries a failed vendor request. */
export interface RetryOptions {
  /** Attempts per vendor request, the first included. Default 3. */
  maxAttempts?: number;
  /** Base of the exponential backoff in milliseconds. Default 200. */
  baseDelayMs?: number;
  /** Cap of one backoff delay (vendor hints are honoured up to this too). Default 10,000. */
  maxDelayMs?: number;
  /**
   * Retry ambiguous failures (a timeout or 5xx after the request left) even where the vendor does
   * not de-duplicate: at-least-once delivery, so a recipient may get the message twice. Default false.
   */
  ambiguous?: boolean;
}

/** {@link RetryOptions} with every field set. */
export type ResolvedRetry = Required<RetryOptions>;

export const DEFAULT_RETRY: ResolvedRetry = {
  maxAttempts: 3,
  baseDelayMs: 200,
  maxDelayMs: 10_000,
  ambiguous: false,
};

/** Merges retry options, later ones winning. */
export function resolveRetry(...layers: (RetryOptions | undefined)[]): ResolvedRetry {
  const merged = { ...DEFAULT_RETRY };
  for (const layer of layers) {
    if (layer === undefined) continue;
    for (const [key, value] of Object.entries(layer))
      if (value !== undefined) Object.assign(merged, { [key]: value });
  }
  return merged;
}

/**
 * The safety rule: retry only when the vendor certainly did not act (`retryable`), or when it may
 * have but a repeat is harmless (the vendor de-duplicates) or explicitly accepted (at-least-once).
 * Never after an abort.
 */
export function shouldRetry(
  error: RoomcastError,
  attempt: number,
  retry: ResolvedRetry,
  vendorDeduplicates: boolean,
): boolean {
  if (attempt >= retry.maxAttempts || error.code === 'ABORTED') return false;
  if (error.retryable) return true;
  return error.ambiguous && (vendorDeduplicates || retry.ambiguous);
}

/** Full-jitter exponential backoff, at least the vendor's retry-after hint, capped. */
export function backoffDelay(
  error: RoomcastError,
  attempt: number,
  retry: ResolvedRetry,
  random = Math.random,
): number {
  const ceiling = Math.min(retry.maxDelayMs, retry.baseDelayMs * 2 ** (attempt - 1));
  const jittered = Math.floor(random() * ceiling);
  return Math.min(retry.maxDelayMs, Math.max(jittered, error.retryAfterMs ?? 0));
}
