import {
  assertFresh,
  checkMaxSkew,
  constantTimeEqual,
  describeType,
  nowSeconds,
  RoomcastError,
} from '@roomcast/core';
import { sha256Hex } from '../platform.js';
import { PROVIDER_ID } from '../version.js';
import { queryReader, type TrtcCallbackQuery } from './query.js';

/**
 * Default freshness window for Tencent callbacks, in seconds: Tencent's Live webhook overview says
 * to treat a `RequestTime` more than one minute from now as invalid.
 */
export const TRTC_CALLBACK_MAX_SKEW_SECONDS = 60;

/** Inputs of {@link verifyTrtcCallback}. */
export interface VerifyTrtcCallbackInput {
  /** The callback URL's query (`Sign`, `RequestTime`, `SdkAppid`…), in any form. */
  query: TrtcCallbackQuery;
  /** The callback authentication Token from the Chat / Live console (or `set_callback_token`). */
  token: string;
  /** Largest accepted |now − RequestTime| in seconds (default 60). */
  maxSkewSeconds?: number | undefined;
  /** Now, in Unix seconds (default: the clock). */
  now?: number | undefined;
  /** When given, the query's `SdkAppid` must equal it (Tencent asks you to check). */
  sdkAppId?: number | undefined;
}

const HEX64 = /^[0-9a-f]{64}$/i;

/**
 * Lowercase hex `sha256(token + RequestTime)`: Tencent's callback `Sign` (Chat and Live).
 *
 * @example
 * ```ts
 * signTrtcCallback({ token: 'xxxxyyyy', requestTime: 1669872112 });
 * // => '17773bc39a671d7b9aa835458704d2a6db81360a5940292b587d6d760d484061' (Tencent's example)
 * ```
 */
export function signTrtcCallback(input: { token: string; requestTime: string | number }): string {
  return sha256Hex(`${input.token}${String(input.requestTime)}`);
}

/**
 * Verifies a Tencent Chat / Live callback from its URL query: `Sign` must equal
 * `sha256_hex(token + RequestTime)` (constant-time compare), `RequestTime` must be within
 * `maxSkewSeconds` of now, and `SdkAppid` must match when `sdkAppId` is given. Returns `true` or
 * throws `RoomcastError` `UNAUTHENTICATED` saying why; the token never appears.
 *
 * The Sign covers neither the body nor the command, and is the same for every callback in the same
 * second: a captured URL can carry any body for a minute. Use HTTPS; do not de-duplicate by Sign.
 *
 * @example
 * ```ts
 * verifyTrtcCallback({ query: new URL(request.url).searchParams, token: process.env.TRTC_CALLBACK_TOKEN! });
 * ```
 */
export function verifyTrtcCallback(input: VerifyTrtcCallbackInput): true {
  const context = { provider: PROVIDER_ID };
  if (typeof input.token !== 'string' || input.token === '') {
    throw new RoomcastError(
      'INVALID_ARGUMENT',
      `token must be the callback authentication Token from the Tencent console, got ${describeType(input.token)}`,
      context,
    );
  }
  const maxSkewSeconds = checkMaxSkew(input.maxSkewSeconds, TRTC_CALLBACK_MAX_SKEW_SECONDS, PROVIDER_ID);
  const read = queryReader(input.query);
  const sign = read('Sign');
  const requestTime = read('RequestTime');
  if (sign === undefined || sign === '' || requestTime === undefined || requestTime === '') {
    throw new RoomcastError(
      'UNAUTHENTICATED',
      'Tencent callback has no Sign/RequestTime in its query: it is unsigned (turn on callback authentication with a Token in the console)',
      context,
    );
  }
  if (!HEX64.test(sign)) {
    throw new RoomcastError('UNAUTHENTICATED', 'Tencent callback Sign is not 64 hex characters', context);
  }
  if (!/^\d+$/.test(requestTime)) {
    throw new RoomcastError('UNAUTHENTICATED', 'Tencent callback RequestTime is not Unix seconds', context);
  }
  const expected = signTrtcCallback({ token: input.token, requestTime });
  if (!constantTimeEqual(expected, sign.toLowerCase())) {
    throw new RoomcastError(
      'UNAUTHENTICATED',
      'Tencent callback Sign does not match: the callback is forged, or token is not the callback Token set in the console',
      context,
    );
  }
  assertFresh({
    timestamp: Number(requestTime),
    now: nowSeconds(input.now),
    maxSkewSeconds,
    field: 'RequestTime',
    provider: PROVIDER_ID,
  });
  if (input.sdkAppId !== undefined) {
    const sdkAppId = read('SdkAppid');
    if (sdkAppId !== String(input.sdkAppId)) {
      throw new RoomcastError(
        'UNAUTHENTICATED',
        `Tencent callback is for SdkAppid ${sdkAppId === undefined ? '(none)' : sdkAppId.slice(0, 20)}; this provider is configured for ${input.sdkAppId}`,
        context,
      );
    }
  }
  return true;
}
