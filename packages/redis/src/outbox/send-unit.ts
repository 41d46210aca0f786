import {
  isRoomcastError,
  type RecipientFailure,
  type Roomcast,
  RoomcastError,
  type SendOptions,
  type SendResult,
} from '@roomcast/core';
import { errorToJson, failuresToJson } from './serialize.js';
import type { UnitOutcome } from './unit-state.js';
import { type Unit, unitMessage } from './units.js';

/** Options of `rc.send` an outbox passes on. */
export type OutboxSendOptions = Pick<SendOptions, 'timeoutMs' | 'totalTimeoutMs' | 'retry'>;

/**
 * How one unit ended: `done` (the outcome is final: accepted, or failed in a way that must not be
 * re-sent blindly), or `later` (certainly not sent, e.g. rate-limited or Redis away: safe to send
 * in a later run).
 */
export type UnitResult =
  | { kind: 'done'; outcome: UnitOutcome }
  | { kind: 'later'; error: RoomcastError; attempts: number };

/**
 * Sends one unit through the registry, so it takes its slot from the registry's rate-limit store
 * and follows core's retry rules. `atLeastOnce` lets core retry ambiguous failures as well.
 */
export async function sendUnit(
  rc: Roomcast<never>,
  channel: string,
  message: Record<string, unknown>,
  unit: Unit,
  options: OutboxSendOptions,
  atLeastOnce: boolean,
): Promise<UnitResult> {
  const retry = atLeastOnce ? { ...options.retry, ambiguous: true } : options.retry;
  const send = rc.send as (channel: string, message: unknown, options: SendOptions) => Promise<SendResult>;
  try {
    const result = await send(channel, unitMessage(message, unit), { ...options, ...(retry && { retry }) });
    return { kind: 'done', outcome: fromResult(result) };
  } catch (thrown) {
    const error = isRoomcastError(thrown)
      ? thrown
      : new RoomcastError(
          'PROVIDER_ERROR',
          `${channel}: the send failed unexpectedly; the vendor may have acted`,
          {
            ambiguous: true,
            cause: thrown,
          },
        );
    const attempts = error.result?.attempts ?? 0;
    if (error.retryable && !error.ambiguous) return { kind: 'later', error, attempts };
    return { kind: 'done', outcome: failedOutcome(unit, error, error.result) };
  }
}

function fromResult(result: SendResult): UnitOutcome {
  return {
    accepted: result.accepted,
    failed: failuresToJson(result.failed),
    messageIds: result.messageIds,
    requestIds: result.requestIds,
    attempts: result.attempts,
  };
}

/** A unit that failed as a whole: every recipient gets `error` (or the per-recipient errors core reported). */
export function failedOutcome(unit: Unit, error: RoomcastError, result?: SendResult): UnitOutcome {
  const failures: RecipientFailure[] =
    result !== undefined && result.failed.length > 0
      ? result.failed
      : (unit.recipients ?? []).map((userId) => ({ userId, error }));
  return {
    accepted: result?.accepted ?? [],
    failed: failuresToJson(failures),
    messageIds: result?.messageIds ?? [],
    requestIds: result?.requestIds ?? [],
    attempts: result?.attempts ?? 0,
    error: unit.recipients === undefined ? errorToJson(error) : undefined,
  };
}

/** A unit found `inflight` on a re-run, not to be re-sent: the vendor may or may not have it. */
export function unknownOutcome(unit: Unit, channel: string): UnitOutcome {
  const error = new RoomcastError(
    'UNAVAILABLE',
    `${channel}: a worker stopped while this request was in flight, so the vendor may or may not have received it; not re-sent (at-most-once). Enqueue with atLeastOnce: true to re-send in this case`,
    { ambiguous: true },
  );
  return failedOutcome(unit, error);
}
