import { createHash } from 'node:crypto';

/*
 * The emulator's own signing, written from the vendor docs (it imports no provider code).
 */

/** ZEGO: lowercase hex sha1 of [secret, timestamp, nonce] sorted as strings and joined. */
export function zegoCallbackSignature(secret: string, timestamp: string, nonce: string): string {
  const parts = [secret, timestamp, nonce].sort();
  return createHash('sha1').update(parts.join(''), 'utf8').digest('hex');
}

/** Tencent: lowercase hex sha256 of token + RequestTime. */
export function tencentCallbackSign(token: string, requestTime: string): string {
  return createHash('sha256')
    .update(token + requestTime, 'utf8')
    .digest('hex');
}

const BIG = '\u0000big:';

/**
 * JSON text in which `bigint` values are bare numbers, as ZEGO and Tencent write 64-bit ids
 * (`"room_session_id": 858012925204410400`): receivers must parse such text losslessly.
 */
export function toVendorJson(value: unknown): string {
  const text = JSON.stringify(value, (_key, v) => (typeof v === 'bigint' ? `${BIG}${v}` : v));
  return text.replace(/"\\u0000big:(-?\d+)"/g, '$1');
}
