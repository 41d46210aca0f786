import type { RoomcastErrorCode } from '@roomcast/core';
import type { ErrorJson, FailureJson, FinalJson, OutboxResultJson } from './serialize.js';
import type { UnitOutcome } from './unit-state.js';

/** Identity and bookkeeping of a job, for its result. */
export interface JobMeta {
  jobId: string;
  channel: string;
  runs: number;
  enqueuedAt: number;
  extraAttempts: number;
}

/**
 * Folds unit outcomes into the job's result, the way core folds batches: every recipient once, in
 * `accepted` or `failed`. A whole-room job that failed, or a job in which no recipient was
 * accepted, also gets the `error` that `outbox.result()` rejects with.
 */
export function summarize(outcomes: readonly UnitOutcome[], meta: JobMeta): FinalJson {
  const accepted: string[] = [];
  const failed: FailureJson[] = [];
  const messageIds: string[] = [];
  const requestIds: string[] = [];
  let attempts = meta.extraAttempts;
  for (const outcome of outcomes) {
    accepted.push(...outcome.accepted);
    failed.push(...outcome.failed);
    messageIds.push(...outcome.messageIds);
    requestIds.push(...outcome.requestIds);
    attempts += outcome.attempts;
  }
  const result: OutboxResultJson = {
    jobId: meta.jobId,
    channel: meta.channel,
    status: failed.length === 0 ? 'ok' : 'partial',
    accepted,
    failed,
    messageIds,
    requestIds,
    attempts,
    durationMs: Math.max(0, Date.now() - meta.enqueuedAt),
    runs: meta.runs,
  };
  const roomError = outcomes.length === 1 ? outcomes[0]?.error : undefined;
  if (roomError !== undefined) {
    return { result, error: { ...roomError, message: `Outbox job ${meta.jobId}: ${roomError.message}` } };
  }
  if (accepted.length === 0 && failed.length > 0)
    return { result, error: nothingAccepted(meta.jobId, failed) };
  return { result };
}

/** Like core: a uniform cause keeps its fields; otherwise the most common code, ambiguous if any was. */
function nothingAccepted(jobId: string, failed: readonly FailureJson[]): ErrorJson {
  const counts = new Map<RoomcastErrorCode, number>();
  for (const { error } of failed) counts.set(error.code, (counts.get(error.code) ?? 0) + 1);
  const summary = [...counts].map(([code, n]) => `${code} ×${n}`).join(', ');
  const message = `Outbox job ${jobId}: no recipient accepted the message: ${failed.length} failed (${summary})`;
  const first = failed[0]!.error;
  if (failed.every((f) => JSON.stringify(f.error) === JSON.stringify(first))) {
    return { ...first, message: `${message}: ${first.message}` };
  }
  const [code] = [...counts].sort((a, b) => b[1] - a[1])[0]!;
  return {
    code,
    message,
    retryable: failed.every((f) => f.error.retryable),
    ambiguous: failed.some((f) => f.error.ambiguous),
  };
}
