import type { RecipientFailure } from '../errors/roomcast-error.js';

/**
 * The outcome of one `send`: every recipient is either in `accepted` or in `failed`, exactly once.
 * A whole-room send has no recipients to list: it either resolves (accepted) or throws.
 */
export interface SendResult {
  /** `ok`: everything accepted; `partial`: some recipients failed (see `failed`). */
  status: 'ok' | 'partial';
  /** User ids the vendor accepted; empty for whole-room sends. */
  accepted: string[];
  /** Recipients that did not get the message, each with a typed error. */
  failed: RecipientFailure[];
  /** Vendor message ids or sequence numbers, as strings, in request order. */
  messageIds: string[];
  /** Vendor request ids of every answered request, in request order. */
  requestIds: string[];
  /** Vendor requests made, retries included. */
  attempts: number;
  /** Wall time of the whole send, rate-limit waits included. */
  durationMs: number;
}

/** Progress of a send that spans several vendor requests. */
export interface SendProgress {
  /** Recipients whose outcome is known. */
  settled: number;
  /** Recipients in the send (1 for a whole-room send). */
  total: number;
  accepted: number;
  failed: number;
  /** Vendor requests made so far. */
  attempts: number;
}
