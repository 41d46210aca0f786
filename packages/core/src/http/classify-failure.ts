import { isNetworkError, isTimeoutError } from 'ky';
import { RoomcastError } from '../errors/roomcast-error.js';
import { systemCode } from '../errors/sanitize.js';

/** Socket errors raised before a single byte of the request can have reached the vendor. */
const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);

interface FailureContext {
  provider: string;
  operation: string;
  timeoutMs: number;
  signal: AbortSignal | undefined;
}

/**
 * Classifies a transport failure (no HTTP answer) by what the vendor may have done: a refused
 * connection is safe to retry; a timeout, a reset or an abort after the request left is ambiguous.
 */
export function classifyTransportFailure(error: unknown, context: FailureContext): RoomcastError {
  const { provider, operation } = context;
  if (context.signal?.aborted) {
    return new RoomcastError('ABORTED', `${operation} was aborted while the request was in flight`, {
      provider,
      operation,
      ambiguous: true,
      cause: context.signal.reason,
    });
  }
  if (isTimeoutError(error)) {
    return new RoomcastError(
      'TIMEOUT',
      `${operation} got no answer within ${context.timeoutMs} ms; the vendor may still have acted`,
      { provider, operation, ambiguous: true, cause: error },
    );
  }
  const code = systemCode(error);
  if (code !== undefined && NOT_SENT_CODES.has(code)) {
    return new RoomcastError('NETWORK', `${operation} could not connect (${code}); nothing was sent`, {
      provider,
      operation,
      retryable: true,
      cause: error,
    });
  }
  const known = isNetworkError(error) || code !== undefined;
  return new RoomcastError(
    'NETWORK',
    `${operation} failed on the network${code ? ` (${code})` : ''}; the vendor may have received it`,
    { provider, operation, ambiguous: known || !(error instanceof RoomcastError), cause: error },
  );
}
