import {
  assertFresh,
  checkMaxSkew,
  constantTimeEqual,
  describeType,
  nowSeconds,
  parseJsonLossless,
  RoomcastError,
} from '@roomcast/core';
import { sha1Hex } from './sha1.js';

/**
 * Default freshness window for ZEGO callbacks, in seconds. ZEGO states no rule; its retries span
 * 62 s (2+4+8+16+32) and it does not say whether a retry refreshes `timestamp`, so the window must
 * cover the whole retry chain with room for clock drift.
 */
export const ZEGO_CALLBACK_MAX_SKEW_SECONDS = 300;

/** Inputs of {@link signZegoCallback}. */
export interface ZegoCallbackSignatureInput {
  /** The project's CallbackSecret (ZEGO console → Project configuration → Project info). */
  callbackSecret: string;
  /** The callback's `timestamp`, exactly as received (Unix seconds). */
  timestamp: string | number;
  /** The callback's `nonce`, exactly as received. */
  nonce: string | number;
}

/**
 * ZEGO's callback signature (RTC and ZIM alike): lowercase hex
 * `sha1(sort([callbackSecret, timestamp, nonce]).join(''))`, sorted as **strings** by UTF-16 code
 * unit (Java `Arrays.sort`, PHP `SORT_STRING`) — never numerically, never with `localeCompare`.
 *
 * @example
 * ```ts
 * signZegoCallback({ callbackSecret: 'secret', timestamp: 1470820198, nonce: 123412 });
 * // => '5bd59fd62953a8059fb7eaba95720f66d19e4517' (ZEGO's worked example: "1234121470820198secret")
 * ```
 */
export function signZegoCallback(input: ZegoCallbackSignatureInput): string {
  const parts = [input.callbackSecret, String(input.timestamp), String(input.nonce)];
  // Default sort compares UTF-16 code units: ordinal, like the vendor's samples.
  parts.sort();
  return sha1Hex(parts.join(''));
}

/** Inputs of {@link verifyZegoCallback}. */
export interface VerifyZegoCallbackInput {
  /**
   * The callback body: its fields (JSON parsed with `parseJsonLossless`, or form fields), or the
   * raw JSON text. `signature`, `timestamp` and `nonce` are read from it.
   */
  body: Readonly<Record<string, unknown>> | string;
  /** The project's CallbackSecret. */
  callbackSecret: string;
  /** Largest accepted |now − timestamp| in seconds; default {@link ZEGO_CALLBACK_MAX_SKEW_SECONDS} (300). */
  maxSkewSeconds?: number | undefined;
  /** Now, in Unix seconds (default: the clock). */
  now?: number | undefined;
  /** Provider id for errors (default `zego`). */
  provider?: string | undefined;
}

const HEX40 = /^[0-9a-f]{40}$/i;

/**
 * Verifies a ZEGO server callback (RTC or ZIM): the SHA-1 signature over the sorted CallbackSecret,
 * `timestamp` and `nonce` (compared in constant time), then the freshness of `timestamp`.
 * Returns `true` or throws `RoomcastError` `UNAUTHENTICATED` saying why (the secret and the
 * expected signature never appear).
 *
 * The signature does **not** cover the body: a captured `(timestamp, nonce, signature)` can carry
 * any body within the freshness window. Use HTTPS, keep the window short, and de-duplicate.
 *
 * @example
 * ```ts
 * const body = parseJsonLossless(await request.text()) as Record<string, unknown>;
 * verifyZegoCallback({ body, callbackSecret: process.env.ZEGO_CALLBACK_SECRET! }); // true, or throws
 * ```
 */
export function verifyZegoCallback(input: VerifyZegoCallbackInput): true {
  const provider = input.provider ?? 'zego';
  const context = { provider };
  if (typeof input.callbackSecret !== 'string' || input.callbackSecret === '') {
    throw new RoomcastError(
      'INVALID_ARGUMENT',
      `callbackSecret must be the project's CallbackSecret from the ZEGO console, got ${describeType(input.callbackSecret)}`,
      context,
    );
  }
  const maxSkewSeconds = checkMaxSkew(input.maxSkewSeconds, ZEGO_CALLBACK_MAX_SKEW_SECONDS, provider);
  const body = typeof input.body === 'string' ? parseBody(input.body, provider) : input.body;
  if (typeof body !== 'object' || body === null) {
    throw new RoomcastError('UNAUTHENTICATED', 'ZEGO callback body is missing', context);
  }
  const signature = body.signature;
  if (typeof signature !== 'string' || !HEX40.test(signature)) {
    throw new RoomcastError(
      'UNAUTHENTICATED',
      signature === undefined || signature === ''
        ? 'ZEGO callback has no signature field: it is unsigned'
        : 'ZEGO callback signature is not 40 hex characters (a SHA-1 digest)',
      context,
    );
  }
  const timestamp = scalar(body.timestamp);
  const nonce = scalar(body.nonce);
  if (timestamp === undefined || !/^\d+$/.test(timestamp)) {
    throw new RoomcastError(
      'UNAUTHENTICATED',
      'ZEGO callback has no valid timestamp (Unix seconds)',
      context,
    );
  }
  if (nonce === undefined) throw new RoomcastError('UNAUTHENTICATED', 'ZEGO callback has no nonce', context);
  const expected = signZegoCallback({ callbackSecret: input.callbackSecret, timestamp, nonce });
  if (!constantTimeEqual(expected, signature.toLowerCase())) {
    throw new RoomcastError(
      'UNAUTHENTICATED',
      'ZEGO callback signature does not match: the callback is forged or tampered with, or callbackSecret is not this project’s CallbackSecret (some ZEGO pages call it ServerSecret)',
      context,
    );
  }
  assertFresh({
    timestamp: Number(timestamp),
    now: nowSeconds(input.now),
    maxSkewSeconds,
    field: 'timestamp',
    provider,
  });
  return true;
}

/** The decimal text of a string or number field, as it was sent. */
function scalar(value: unknown): string | undefined {
  if (typeof value === 'string' && value !== '') return value;
  if (typeof value === 'number' && Number.isSafeInteger(value)) return String(value);
  return undefined;
}

function parseBody(text: string, provider: string): Record<string, unknown> {
  try {
    return parseJsonLossless(text) as Record<string, unknown>;
  } catch {
    throw new RoomcastError('UNAUTHENTICATED', 'ZEGO callback body is not JSON', { provider });
  }
}
