/**
 * The only Node-specific module of this package. UserSig needs a synchronous HMAC-SHA256 and
 * zlib's deflate with Node's exact default settings (the official `tls-sig-api-v2` calls
 * `zlib.deflateSync(buf)` with no options); WebCrypto offers neither synchronously and has no
 * zlib-wrapped deflate. An edge build swaps this file for one built on other primitives; nothing
 * else in the package imports `node:*`.
 */
import { createHash, createHmac } from 'node:crypto';
import { deflateSync, inflateSync } from 'node:zlib';

/** Standard base64 of HMAC-SHA256(key, message), both taken as UTF-8. */
export function hmacSha256Base64(key: string, message: string): string {
  return createHmac('sha256', key).update(message, 'utf8').digest('base64');
}

/**
 * zlib (RFC 1950) compression with the defaults the official library uses: level 6, windowBits
 * 15, memLevel 8, default strategy. Byte-exact output depends on the zlib build, so UserSig vectors
 * are pinned to the Node version the repository runs on.
 */
export function zlibDeflate(bytes: Uint8Array): Uint8Array {
  return new Uint8Array(deflateSync(bytes));
}

/** Inverse of {@link zlibDeflate}; any valid zlib stream (any level, stored blocks) inflates. */
export function zlibInflate(bytes: Uint8Array): Uint8Array {
  return new Uint8Array(inflateSync(bytes));
}

/** Lowercase hex SHA-256 of the UTF-8 bytes of `text` (Tencent's callback `Sign`). */
export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
