/** What a job stores: the message and how to deliver it. */
export interface OutboxJobData {
  channel: string;
  message: Record<string, unknown>;
  idempotencyKey: string;
  /** Random per enqueue: names this job instance's checkpoints and detects a duplicate enqueue. */
  nonce: string;
  atLeastOnce: boolean;
  /** Epoch ms, for the result's `durationMs`. */
  enqueuedAt: number;
}
