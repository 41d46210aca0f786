import { type RecipientFailure, RoomcastError } from '../errors/roomcast-error.js';
import type { SendResult } from '../spec/result.js';
import type { BatchOutcome } from './send-batch.js';

/**
 * Folds batch outcomes into one {@link SendResult}, or the error to throw when nothing was accepted.
 * Every recipient appears exactly once, in `accepted` or in `failed`.
 */
export function aggregate(
  outcomes: readonly BatchOutcome[],
  meta: { attempts: number; durationMs: number; provider: string; wholeRoom: boolean },
): SendResult {
  const accepted: string[] = [];
  const failed: RecipientFailure[] = [];
  const messageIds: string[] = [];
  const requestIds: string[] = [];
  for (const outcome of outcomes) {
    accepted.push(...outcome.accepted);
    failed.push(...outcome.failed);
    messageIds.push(...outcome.messageIds);
    requestIds.push(...outcome.requestIds);
  }
  const result: SendResult = {
    status: failed.length === 0 ? 'ok' : 'partial',
    accepted,
    failed,
    messageIds,
    requestIds,
    attempts: meta.attempts,
    durationMs: meta.durationMs,
  };
  const roomError = meta.wholeRoom ? outcomes[0]?.error : undefined;
  if (roomError !== undefined) throw roomError.with({ result });
  if (!meta.wholeRoom && accepted.length === 0) throw nothingAccepted(failed, result, meta.provider);
  return result;
}

/**
 * The error of a send in which no recipient was accepted. When every failure has the same cause its
 * fields are kept (code, vendor code, request id); otherwise the code is the most common one.
 */
function nothingAccepted(failed: RecipientFailure[], result: SendResult, provider: string): RoomcastError {
  const counts = new Map<string, number>();
  for (const { error } of failed) counts.set(error.code, (counts.get(error.code) ?? 0) + 1);
  const summary = [...counts].map(([code, n]) => `${code} ×${n}`).join(', ');
  const first = failed[0]?.error;
  const uniform = first !== undefined && failed.every((f) => f.error === first);
  const message = `No recipient accepted the message: ${failed.length} failed (${summary})`;
  if (uniform && first) {
    return first.with({ message: `${message}: ${first.message}`, failures: failed, result });
  }
  const [topCode] = [...counts].sort((a, b) => b[1] - a[1])[0] ?? ['PROVIDER_ERROR'];
  return new RoomcastError(topCode as RoomcastError['code'], message, {
    provider,
    failures: failed,
    result,
    ambiguous: failed.some((f) => f.error.ambiguous),
    retryable: failed.every((f) => f.error.retryable),
  });
}
