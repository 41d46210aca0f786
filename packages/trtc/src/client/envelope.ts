import { type BodySummary, RoomcastError } from '@roomcast/core';
import { PROVIDER_ID } from '../version.js';

/**
 * The envelope every Tencent REST answer shares. Always HTTP 200; the outcome is in the body.
 * Live-engine APIs put their results in `Response`.
 */
export interface TrtcEnvelope<R = unknown> {
  /** `OK` on success, `FAIL` otherwise. */
  ActionStatus: 'OK' | 'FAIL';
  /** 0 on success; see the `TRTC_CODES` table for the rest. */
  ErrorCode: number;
  /** Tencent's explanation; empty on success. */
  ErrorInfo: string;
  /** Quote it in support tickets. Older Chat APIs omit it. */
  RequestId: string | undefined;
  /** The API's result object, when it has one. */
  Response: R;
}

/** Reads the request id and return code for hooks, before the body is trusted. */
export function summarizeEnvelope(body: unknown): BodySummary {
  if (typeof body !== 'object' || body === null) return {};
  const { RequestId, ErrorCode } = body as Record<string, unknown>;
  return {
    requestId: typeof RequestId === 'string' ? RequestId : undefined,
    providerCode: typeof ErrorCode === 'number' ? ErrorCode : undefined,
  };
}

/** A body that is JSON but not the envelope: Tencent may have acted, we cannot tell. */
export function malformed(operation: string, what: string, requestId: string | undefined): RoomcastError {
  return new RoomcastError('PROVIDER_ERROR', `${operation} answered with a malformed body (${what})`, {
    provider: PROVIDER_ID,
    operation,
    requestId,
    ambiguous: true,
  });
}

/**
 * Checks the envelope's shape. Returns it typed (with `Response` unchecked, as `unknown`) whatever
 * the `ErrorCode`; throws `PROVIDER_ERROR` (ambiguous) when the body is not an envelope.
 */
export function parseEnvelope(body: unknown, operation: string): TrtcEnvelope {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw malformed(operation, 'not a JSON object', undefined);
  }
  const fields = body as Record<string, unknown>;
  const requestId = typeof fields.RequestId === 'string' ? fields.RequestId : undefined;
  const { ActionStatus, ErrorCode, ErrorInfo, Response } = fields;
  if (typeof ErrorCode !== 'number' || !Number.isInteger(ErrorCode)) {
    throw malformed(operation, 'ErrorCode is missing or not an integer', requestId);
  }
  if (ActionStatus !== 'OK' && ActionStatus !== 'FAIL') {
    throw malformed(operation, 'ActionStatus is neither "OK" nor "FAIL"', requestId);
  }
  // A success code with FAIL is contradictory; a non-zero code with OK is still an error.
  if (ErrorCode === 0 && ActionStatus === 'FAIL') {
    throw malformed(operation, 'ActionStatus is "FAIL" with ErrorCode 0', requestId);
  }
  if (ErrorInfo !== undefined && typeof ErrorInfo !== 'string') {
    throw malformed(operation, 'ErrorInfo is not a string', requestId);
  }
  if (fields.RequestId !== undefined && requestId === undefined) {
    throw malformed(operation, 'RequestId is not a string', requestId);
  }
  if (
    Response !== undefined &&
    (typeof Response !== 'object' || Response === null || Array.isArray(Response))
  ) {
    throw malformed(operation, 'Response is not an object', requestId);
  }
  return { ActionStatus, ErrorCode, ErrorInfo: ErrorInfo ?? '', RequestId: requestId, Response };
}
