import { type RecipientFailure, RoomcastError } from '@roomcast/core';
import type { ZegoCodeInfo } from '@roomcast/zego-common';
import { lookupZimCode } from '../codes.js';
import type { ZimErrorEntry } from '../types/responses.js';
import { PROVIDER_ID } from '../validation/context.js';

/** A ZIM business code as the ZEGO transport wants it, or `undefined` when undocumented. */
export function zimCodeInfo(code: number): ZegoCodeInfo | undefined {
  const info = lookupZimCode(code);
  return info && { code: info.code, retryable: info.retryable, message: `${info.meaning}; ${info.action}` };
}

/**
 * The failure of one `ErrorList` entry, classified by its `SubCode` (or by the request's `Code`
 * when ZIM gave none). ZIM does not list its SubCodes; documented return codes are read through
 * the code table, anything else is a `PROVIDER_ERROR` that keeps the number.
 */
export function recipientFailure(
  entry: ZimErrorEntry,
  context: { operation: string; requestId: string | undefined; code?: number | undefined },
): RecipientFailure {
  const providerCode = entry.SubCode !== 0 ? entry.SubCode : (context.code ?? 0);
  const info = lookupZimCode(providerCode);
  const why = info ? `${info.meaning}; ${info.action}` : 'undocumented SubCode; see the ZIM return codes';
  const error = new RoomcastError(
    info?.code ?? 'PROVIDER_ERROR',
    `${context.operation} did not reach "${entry.UserId}": ZIM SubCode ${providerCode} (${why})`,
    {
      provider: PROVIDER_ID,
      operation: context.operation,
      providerCode,
      requestId: context.requestId,
      retryable: info?.retryable ?? false,
    },
  );
  return { userId: entry.UserId, error };
}

/**
 * The transport's error for a `Code` ≠ 0 answer, rebuilt with one failure per `ErrorList` entry:
 * ZIM says every recipient failed, and callers need to know each one's reason.
 */
export function withRecipientFailures(error: RoomcastError, list: readonly ZimErrorEntry[]): RoomcastError {
  const context = {
    operation: error.operation ?? 'request',
    requestId: error.requestId,
    code: error.providerCode,
  };
  const failures = list.map((entry) => recipientFailure(entry, context));
  return error.with({
    message: `${error.message} (all ${list.length} recipients failed; see failures)`,
    failures,
  });
}
