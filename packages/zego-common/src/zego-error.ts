import { RoomcastError } from '@roomcast/core';
import type { ZegoCodeInfo } from './code-info.js';

/** Where a ZEGO code was returned, for the error. */
export interface ZegoErrorContext {
  provider: string;
  /** The Action, e.g. `SendCustomCommand`. */
  operation: string;
  requestId?: string | undefined;
  httpStatus?: number | undefined;
}

/**
 * Builds the `RoomcastError` for a ZEGO return code from its {@link ZegoCodeInfo}. The message
 * names the action and the code and says what to do; it never contains the request URL.
 *
 * @example
 * ```ts
 * createZegoError(50003, { code: 'USER_OFFLINE', retryable: false, message: 'the user is not online' },
 *   { provider: 'zego-rtc', operation: 'SendCustomCommand' });
 * ```
 */
export function createZegoError(
  providerCode: number,
  info: ZegoCodeInfo,
  context: ZegoErrorContext,
): RoomcastError {
  return new RoomcastError(
    info.code,
    `${context.operation} failed with ZEGO code ${providerCode}: ${info.message}`,
    {
      provider: context.provider,
      operation: context.operation,
      providerCode,
      requestId: context.requestId,
      httpStatus: context.httpStatus,
      retryable: info.retryable,
      ambiguous: info.ambiguous ?? false,
    },
  );
}

/**
 * The info for a code nobody mapped: a `PROVIDER_ERROR`, not retryable (nothing says it is safe),
 * quoting ZEGO's own message, cut short and with anything shaped like a signature or secret removed.
 */
export function unknownZegoCode(vendorMessage: string, secrets: readonly string[]): ZegoCodeInfo {
  let text = vendorMessage;
  for (const secret of secrets) if (secret !== '') text = text.split(secret).join('[redacted]');
  text = text.replace(/\b[0-9a-f]{32}\b/gi, '[redacted]').slice(0, 200);
  const quoted = text.trim() === '' ? 'no message' : `"${text}"`;
  return {
    code: 'PROVIDER_ERROR',
    retryable: false,
    message: `ZEGO returned an undocumented code (${quoted}); check the ZEGO return-code reference`,
  };
}
