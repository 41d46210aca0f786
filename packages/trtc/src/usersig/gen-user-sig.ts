import { requireObject } from '@roomcast/core';
import { hmacSha256Base64, zlibDeflate } from '../platform.js';
import { bytesToBase64, toTlsBase64 } from './base64.js';
import {
  checkExpireSeconds,
  checkSdkAppId,
  checkSecretKey,
  checkUnixSeconds,
  checkUserId,
} from './inputs.js';

/** Inputs of {@link genUserSig}. */
export interface GenUserSigOptions {
  /** The app's SDKAppID (a positive 32-bit integer). */
  sdkAppId: number;
  /** The app's SecretKey from the console. Never logged, never echoed in errors. */
  secretKey: string;
  /** Who the UserSig is for (`TLS.identifier`): at most 32 UTF-8 bytes. */
  userId: string;
  /**
   * Lifetime in seconds (`TLS.expire`), from 1 to 50 years. The UserSig is valid while
   * `now <= issuedAt + expireSeconds`.
   */
  expireSeconds: number;
  /** Issue time in Unix **seconds** (`TLS.time`). Default: the current time. */
  now?: number | undefined;
}

/** The fields a UserSig signs, in the order the HMAC input lists them. */
export interface UserSigFields {
  identifier: string;
  sdkAppId: number;
  time: number;
  expire: number;
}

/**
 * The exact text TLS v2 signs: one `key:value` line each, every line ending in `\n`.
 *
 * @example
 * ```ts
 * userSigStringToSign({ identifier: 'a', sdkAppId: 1400000000, time: 1700000000, expire: 86400 });
 * // 'TLS.identifier:a\nTLS.sdkappid:1400000000\nTLS.time:1700000000\nTLS.expire:86400\n'
 * ```
 */
export function userSigStringToSign(fields: UserSigFields): string {
  return (
    `TLS.identifier:${fields.identifier}\n` +
    `TLS.sdkappid:${fields.sdkAppId}\n` +
    `TLS.time:${fields.time}\n` +
    `TLS.expire:${fields.expire}\n`
  );
}

/**
 * Generates a Tencent UserSig (TLS v2), byte for byte what Tencent's `tls-sig-api-v2` produces for
 * the same inputs and zlib build: HMAC-SHA256 over the fields, a compact JSON document in the
 * library's key order, zlib deflate with default settings, base64 with `+/=` → `*-_`.
 *
 * Unlike the official library it checks its inputs and throws a `RoomcastError`
 * (`INVALID_ARGUMENT`) for a missing, fractional or non-positive lifetime, an empty key, a bad
 * SDKAppID or an empty or over-long user id. Messages never contain the key.
 *
 * @example
 * ```ts
 * import { genUserSig } from '@roomcast/trtc';
 *
 * const userSig = genUserSig({
 *   sdkAppId: 1400000000,
 *   secretKey: process.env.TRTC_SECRET_KEY!,
 *   userId: 'viewer-42',
 *   expireSeconds: 86_400,
 * });
 * ```
 */
export function genUserSig(options: GenUserSigOptions): string {
  const context = { provider: 'trtc', operation: 'genUserSig' };
  // A JavaScript caller's genUserSig() used to crash with a TypeError reading `sdkAppId`.
  requireObject(options, 'genUserSig options', context);
  const sdkAppId = checkSdkAppId(options.sdkAppId, context);
  const secretKey = checkSecretKey(options.secretKey, context);
  const identifier = checkUserId(options.userId, 'userId', context);
  const expire = checkExpireSeconds(options.expireSeconds, 'expireSeconds', context);
  const time =
    options.now === undefined ? Math.floor(Date.now() / 1000) : checkUnixSeconds(options.now, 'now', context);

  const sig = hmacSha256Base64(secretKey, userSigStringToSign({ identifier, sdkAppId, time, expire }));
  // Key order is part of the byte-exact output: it is the order the official Node library emits.
  const document = JSON.stringify({
    'TLS.ver': '2.0',
    'TLS.identifier': identifier,
    'TLS.sdkappid': sdkAppId,
    'TLS.time': time,
    'TLS.expire': expire,
    'TLS.sig': sig,
  });
  return toTlsBase64(bytesToBase64(zlibDeflate(new TextEncoder().encode(document))));
}
