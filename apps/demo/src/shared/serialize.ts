import { isRoomcastError, RoomcastError, type SendResult } from '@roomcast/core';

/** A `SendResult` as JSON: each failed recipient's error is its log-safe `toJSON()`. */
export interface SendResultJson {
  status: SendResult['status'];
  accepted: string[];
  failed: { userId: string; error: Record<string, unknown> }[];
  messageIds: string[];
  requestIds: string[];
  attempts: number;
  durationMs: number;
}

/** What a failed send answers: the error's `toJSON()`, plus the full partial result when there is one. */
export interface SendErrorJson {
  error: Record<string, unknown>;
  result?: SendResultJson;
}

export function serializeResult(result: SendResult): SendResultJson {
  return {
    status: result.status,
    accepted: result.accepted,
    failed: result.failed.map(({ userId, error }) => ({ userId, error: error.toJSON() })),
    messageIds: result.messageIds,
    requestIds: result.requestIds,
    attempts: result.attempts,
    durationMs: Math.round(result.durationMs * 10) / 10,
  };
}

/** Any thrown value as a `RoomcastError` (a foreign error becomes PROVIDER_ERROR, its message URL-stripped by core). */
export function toRoomcastError(error: unknown): RoomcastError {
  if (isRoomcastError(error)) return error;
  return new RoomcastError('PROVIDER_ERROR', error instanceof Error ? error.message : String(error), {
    cause: error,
  });
}

export function serializeError(error: unknown): SendErrorJson {
  const roomcastError = toRoomcastError(error);
  const body: SendErrorJson = { error: roomcastError.toJSON() };
  if (roomcastError.result !== undefined) body.result = serializeResult(roomcastError.result);
  return body;
}

/** Codes that mean "the request was wrong", answered 400; the rest are the vendor's or the network's (502). */
const INPUT_CODES = new Set(['INVALID_ARGUMENT', 'PAYLOAD_TOO_LARGE', 'TOO_MANY_RECIPIENTS', 'UNSUPPORTED']);

export function httpStatusOf(error: RoomcastError): number {
  return INPUT_CODES.has(error.code) ? 400 : 502;
}
