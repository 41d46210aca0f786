import { createHash } from 'node:crypto';
import { RoomcastError } from '@roomcast/core';

/**
 * The job id of an idempotency key: `rc-` and 40 hex digits of its SHA-256. Deterministic, so a
 * repeated enqueue finds the existing job; never contains ':' nor is all digits (BullMQ rejects both).
 *
 * @example
 * ```ts
 * outboxJobId('order-1234:shipped'); // 'rc-…' — the same for every process
 * ```
 */
export function outboxJobId(idempotencyKey: string): string {
  if (typeof idempotencyKey !== 'string' || idempotencyKey.length === 0) {
    throw new RoomcastError(
      'INVALID_ARGUMENT',
      'enqueue needs { idempotencyKey }: a non-empty string naming this message (e.g. an order or event id)',
    );
  }
  return `rc-${createHash('sha256').update(idempotencyKey).digest('hex').slice(0, 40)}`;
}
