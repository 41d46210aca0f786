import type { SendResult } from '../spec/result.js';
import type { RoomcastErrorCode } from './codes.js';
import { type SafeCause, stripUrlQueries, toSafeCause } from './sanitize.js';

const BRAND = Symbol.for('roomcast.error');

/** A recipient that did not get the message, and why. */
export interface RecipientFailure {
  readonly userId: string;
  readonly error: RoomcastError;
}

/** Everything a {@link RoomcastError} can carry besides its code and message. */
export interface RoomcastErrorOptions {
  /** Provider id (`zego-rtc`, `trtc`, …) that produced the error, when one did. */
  provider?: string | undefined;
  /** The vendor operation (`SendCustomCommand`, `send_custom_msg`), never its URL. */
  operation?: string | undefined;
  /** The vendor's own return code (`50003`, `70001`, `660300005`, …). */
  providerCode?: number | undefined;
  /** The vendor's request id, for support tickets. */
  requestId?: string | undefined;
  /** True when the same request can be sent again safely: the vendor certainly did not act. */
  retryable?: boolean | undefined;
  /** The vendor's or HTTP's hint for how long to wait before trying again. */
  retryAfterMs?: number | undefined;
  httpStatus?: number | undefined;
  /**
   * True when the vendor may have acted (a timeout or 5xx after the request left). Such errors are
   * never retried unless the vendor de-duplicates or the caller opted into at-least-once.
   */
  ambiguous?: boolean | undefined;
  /** The underlying error. Reduced to a safe summary at construction unless it is a RoomcastError. */
  cause?: unknown;
  /** Per-recipient failures, when the error concerns several recipients. */
  failures?: readonly RecipientFailure[] | undefined;
  /** What was achieved before failing, when a send throws because nothing was accepted. */
  result?: SendResult | undefined;
}

/**
 * The one error class of roomcast. Every failure, from bad input to a vendor's return code, is a
 * `RoomcastError` with a stable {@link RoomcastErrorCode}.
 *
 * Redaction happens here, at construction, by allowlist: only the fields above are kept; a foreign
 * `cause` is reduced to its name, a URL-stripped message and a system code, so request URLs (which
 * carry signatures and UserSigs in their query), headers and bodies never reach logs.
 *
 * @example
 * ```ts
 * try {
 *   await rc.send('zego:signal', { roomId: 'r1', from: 'bot', data: 'x'.repeat(2000) });
 * } catch (error) {
 *   if (isRoomcastError(error) && error.code === 'PAYLOAD_TOO_LARGE') console.warn(error.message);
 * }
 * ```
 */
export class RoomcastError extends Error {
  override readonly name = 'RoomcastError';
  readonly code: RoomcastErrorCode;
  readonly provider: string | undefined;
  readonly operation: string | undefined;
  readonly providerCode: number | undefined;
  readonly requestId: string | undefined;
  readonly retryable: boolean;
  readonly retryAfterMs: number | undefined;
  readonly httpStatus: number | undefined;
  readonly ambiguous: boolean;
  override readonly cause: RoomcastError | SafeCause | undefined;
  readonly failures: readonly RecipientFailure[];
  readonly result: SendResult | undefined;

  constructor(code: RoomcastErrorCode, message: string, options: RoomcastErrorOptions = {}) {
    super(stripUrlQueries(message));
    this.code = code;
    this.provider = options.provider;
    this.operation = options.operation;
    this.providerCode = options.providerCode;
    this.requestId = options.requestId;
    this.retryable = options.retryable ?? false;
    this.retryAfterMs = options.retryAfterMs;
    this.httpStatus = options.httpStatus;
    this.ambiguous = options.ambiguous ?? false;
    this.cause = isRoomcastError(options.cause) ? options.cause : toSafeCause(options.cause);
    this.failures = options.failures ?? [];
    this.result = options.result;
    Object.defineProperty(this, BRAND, { value: true });
  }

  /**
   * A copy with some fields changed: the one way to add context (a result, per-recipient
   * failures, a clearer message) to an error without losing its vendor code and request id.
   *
   * @example
   * ```ts
   * throw error.with({ message: `${error.message} (all 3 recipients failed)`, failures });
   * ```
   */
  with(changes: RoomcastErrorOptions & { message?: string }): RoomcastError {
    const { message = this.message, ...options } = changes;
    return new RoomcastError(this.code, message, {
      provider: this.provider,
      operation: this.operation,
      providerCode: this.providerCode,
      requestId: this.requestId,
      retryable: this.retryable,
      retryAfterMs: this.retryAfterMs,
      httpStatus: this.httpStatus,
      ambiguous: this.ambiguous,
      cause: this.cause,
      failures: this.failures,
      result: this.result,
      ...options,
    });
  }

  /** A plain, log-safe object with every public field (nested errors serialized the same way). */
  toJSON(): Record<string, unknown> {
    const json: Record<string, unknown> = { name: this.name, code: this.code, message: this.message };
    const optional = {
      provider: this.provider,
      operation: this.operation,
      providerCode: this.providerCode,
      requestId: this.requestId,
      retryAfterMs: this.retryAfterMs,
      httpStatus: this.httpStatus,
    };
    for (const [key, value] of Object.entries(optional)) if (value !== undefined) json[key] = value;
    json.retryable = this.retryable;
    json.ambiguous = this.ambiguous;
    if (this.cause !== undefined) {
      json.cause = isRoomcastError(this.cause) ? this.cause.toJSON() : { ...this.cause };
    }
    if (this.failures.length > 0) {
      json.failures = this.failures.map((f) => ({ userId: f.userId, error: f.error.toJSON() }));
    }
    if (this.result !== undefined) json.result = resultSummary(this.result);
    return json;
  }
}

function resultSummary(result: SendResult): Record<string, unknown> {
  return {
    status: result.status,
    accepted: result.accepted.length,
    failed: result.failed.length,
    messageIds: result.messageIds,
    requestIds: result.requestIds,
    attempts: result.attempts,
    durationMs: result.durationMs,
  };
}

/**
 * True for any `RoomcastError`, including one thrown by another copy of `@roomcast/core` in the
 * same process (the brand is a global `Symbol.for`, not `instanceof`).
 */
export function isRoomcastError(value: unknown): value is RoomcastError {
  return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[BRAND] === true;
}
