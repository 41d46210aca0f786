import type { RoomcastError, SendResult } from '@roomcast/core';

/** Options of one {@link Outbox.enqueue}. */
export interface EnqueueOptions {
  /**
   * The message's identity, chosen by the caller (an order id, an event id). The job id is derived
   * from it, so enqueueing the same key again, while the job is kept, is not a second message.
   */
  idempotencyKey: string;
  /**
   * Re-send a request whose outcome is unknown (a worker died while it was in flight, or the vendor
   * timed out): at-least-once, so a recipient may get it twice. Default: the outbox's setting.
   */
  atLeastOnce?: boolean;
  /** Deliver no earlier than this many milliseconds from now. */
  delayMs?: number;
}

/** What {@link Outbox.enqueue} resolves with, once the message is stored in Redis. */
export interface EnqueueReceipt {
  /** Await the outcome with `outbox.result(jobId)`. */
  jobId: string;
  /** True when a job with this idempotency key already existed: nothing new was stored. */
  duplicate: boolean;
}

/** A delivered job: `SendResult` for the whole message, across every worker run. */
export interface OutboxResult extends SendResult {
  jobId: string;
  channel: string;
  /** Worker runs the job took: 1, more after a retry or a worker crash. */
  runs: number;
}

/** Events of an outbox, for every job of its queue whichever process ran it. */
export interface OutboxEvents {
  /** Accepted for at least part of the recipients (`status` `ok` or `partial`). */
  delivered: { jobId: string; result: OutboxResult };
  /** Settled with nothing accepted; `error.failures` lists every recipient, `error.result` the rest. */
  failed: { jobId: string; error: RoomcastError };
  /** A queue, worker or Redis problem (not a message's failure). */
  error: { error: Error };
}
