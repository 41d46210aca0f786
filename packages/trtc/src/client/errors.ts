import { RoomcastError } from '@roomcast/core';
import { trtcCodeInfo } from '../codes.js';
import { PROVIDER_ID } from '../version.js';
import type { TrtcEnvelope } from './envelope.js';

const MAX_ERROR_INFO_CHARS = 300;

/**
 * Removes known secrets from vendor text before it reaches an error message. Tencent's ErrorInfo
 * is not documented to echo credentials, but an error message is forever (logs, trackers), so the
 * SecretKey and the UserSig in use are cut out whatever the vendor writes.
 */
export function redactSecrets(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) {
    if (secret.length > 0) out = out.split(secret).join('[redacted]');
  }
  return out.length > MAX_ERROR_INFO_CHARS ? `${out.slice(0, MAX_ERROR_INFO_CHARS)}…` : out;
}

/** What the caller of {@link envelopeError} knows beyond the envelope. */
export interface EnvelopeErrorContext {
  operation: string;
  /** Values that must never appear in the message (SecretKey, UserSig). */
  secrets: readonly string[];
  /** True when this answer came after re-signing for a previous 70001. */
  afterRenewal?: boolean;
}

/** The `RoomcastError` for a non-zero `ErrorCode`, classified by the `TRTC_CODES` table. */
export function envelopeError(envelope: TrtcEnvelope, context: EnvelopeErrorContext): RoomcastError {
  const { operation } = context;
  const code = envelope.ErrorCode;
  const vendorText = redactSecrets(envelope.ErrorInfo, context.secrets);
  const detail = vendorText === '' ? '' : ` (Tencent: "${vendorText}")`;
  const base = { provider: PROVIDER_ID, operation, providerCode: code, requestId: envelope.RequestId };
  const known = trtcCodeInfo(code);
  if (known === undefined) {
    return new RoomcastError(
      'PROVIDER_ERROR',
      `${operation} failed with Tencent ErrorCode ${code}, which roomcast does not know${detail}`,
      base,
    );
  }
  if (known.renewsUserSig && context.afterRenewal) {
    return new RoomcastError(
      'UNAUTHENTICATED',
      `${operation} failed with Tencent ErrorCode ${code} even with a freshly signed UserSig; check this server's clock (Tencent compares TLS.time plus the lifetime with its own time)${detail}`,
      base,
    );
  }
  return new RoomcastError(
    known.code,
    `${operation} failed with Tencent ErrorCode ${code}: ${known.message}${detail}`,
    {
      ...base,
      retryable: known.retryable,
      ambiguous: known.ambiguous ?? false,
      retryAfterMs: known.retryAfterMs,
    },
  );
}

/**
 * A message Tencent accepted with `ErrorCode 0` but then dropped (`MsgDropReason`, today only
 * `MsgFreqCtrl`: the room's message frequency control). It was not delivered, so it is a failure,
 * and resending later is safe.
 */
export function droppedError(
  operation: string,
  reason: string,
  requestId: string | undefined,
): RoomcastError {
  const why = reason === 'MsgFreqCtrl' ? "the room's message frequency limit" : 'see the reason';
  return new RoomcastError(
    'RATE_LIMITED',
    `${operation} was answered with success, but Tencent dropped the message (MsgDropReason "${reason.slice(0, 100)}": ${why}); it was not delivered, send it again later`,
    { provider: PROVIDER_ID, operation, requestId, retryable: true },
  );
}
