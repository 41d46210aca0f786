import { type RecipientFailure, RoomcastError, type RoomcastErrorCode } from '@roomcast/core';
import type { OutboxResult } from './types.js';

/** A RoomcastError as stored in Redis: the log-safe fields of `toJSON`, without nested lists. */
export interface ErrorJson {
  code: RoomcastErrorCode;
  message: string;
  provider?: string | undefined;
  operation?: string | undefined;
  providerCode?: number | undefined;
  requestId?: string | undefined;
  retryAfterMs?: number | undefined;
  httpStatus?: number | undefined;
  retryable: boolean;
  ambiguous: boolean;
}

export interface FailureJson {
  userId: string;
  error: ErrorJson;
}

/** {@link OutboxResult} as stored: the job's return value. */
export interface OutboxResultJson extends Omit<OutboxResult, 'failed'> {
  failed: FailureJson[];
}

/** A settled job: its result and, when nothing was accepted, the error `result()` rejects with. */
export interface FinalJson {
  result: OutboxResultJson;
  error?: ErrorJson | undefined;
}

export function errorToJson(error: RoomcastError): ErrorJson {
  return {
    code: error.code,
    message: error.message,
    provider: error.provider,
    operation: error.operation,
    providerCode: error.providerCode,
    requestId: error.requestId,
    retryAfterMs: error.retryAfterMs,
    httpStatus: error.httpStatus,
    retryable: error.retryable,
    ambiguous: error.ambiguous,
  };
}

export function errorFromJson(
  json: ErrorJson,
  extra: { failures?: readonly RecipientFailure[]; result?: OutboxResult } = {},
): RoomcastError {
  return new RoomcastError(json.code, json.message, {
    provider: json.provider,
    operation: json.operation,
    providerCode: json.providerCode,
    requestId: json.requestId,
    retryAfterMs: json.retryAfterMs,
    httpStatus: json.httpStatus,
    retryable: json.retryable,
    ambiguous: json.ambiguous,
    failures: extra.failures,
    result: extra.result,
  });
}

export function failuresToJson(failures: readonly RecipientFailure[]): FailureJson[] {
  return failures.map((f) => ({ userId: f.userId, error: errorToJson(f.error) }));
}

export function resultFromJson(json: OutboxResultJson): OutboxResult {
  return { ...json, failed: json.failed.map((f) => ({ userId: f.userId, error: errorFromJson(f.error) })) };
}

/** The error a failed job's `result()` rejects with, carrying every failure and the result. */
export function finalError(final: FinalJson): RoomcastError | undefined {
  if (final.error === undefined) return undefined;
  const result = resultFromJson(final.result);
  return errorFromJson(final.error, { failures: result.failed, result });
}
