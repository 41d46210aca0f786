import { createHmac, timingSafeEqual } from 'node:crypto';
import { inflateSync } from 'node:zlib';

/** The fields of a decoded TLS v2 ticket. */
export interface DecodedUserSig {
  identifier: string;
  sdkAppId: number;
  time: number;
  expire: number;
  sig: string;
  userbuf?: string | undefined;
}

export interface UserSigFailure {
  code: number;
  message: string;
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
/** A UserSig JSON is ~200 bytes; inflating far more means it is not one (or is a zip bomb). */
const MAX_INFLATED_BYTES = 64 * 1024;

/**
 * Decodes a UserSig: undo the URL-safe substitutions (`*`→`+`, `-`→`/`, `_`→`=`), base64-decode,
 * zlib-inflate (any valid RFC 1950 stream: any level, stored blocks, any deflate implementation),
 * JSON-parse (any key order, whitespace or escaping). Returns undefined when any step fails.
 */
export function decodeUserSig(userSig: string): DecodedUserSig | undefined {
  const b64 = userSig.replaceAll('*', '+').replaceAll('-', '/').replaceAll('_', '=');
  if (!BASE64.test(b64) || b64.length % 4 === 1) return undefined;
  let json: unknown;
  try {
    const inflated = inflateSync(Buffer.from(b64, 'base64'), { maxOutputLength: MAX_INFLATED_BYTES });
    json = JSON.parse(inflated.toString('utf8'));
  } catch {
    return undefined;
  }
  if (typeof json !== 'object' || json === null) return undefined;
  const doc = json as Record<string, unknown>;
  if (doc['TLS.ver'] !== '2.0') return undefined;
  const identifier = doc['TLS.identifier'];
  const sdkAppId = integerField(doc['TLS.sdkappid']);
  const time = integerField(doc['TLS.time']);
  const expire = integerField(doc['TLS.expire']);
  const sig = doc['TLS.sig'];
  const userbuf = doc['TLS.userbuf'];
  if (typeof identifier !== 'string' || typeof sig !== 'string') return undefined;
  if (sdkAppId === undefined || time === undefined || expire === undefined) return undefined;
  if (userbuf !== undefined && typeof userbuf !== 'string') return undefined;
  return { identifier, sdkAppId, time, expire, sig, userbuf };
}

/** Libraries emit numbers; a few JSON libraries quote them. Both are read as integers. */
function integerField(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isSafeInteger(value)) return value;
  if (typeof value === 'string' && /^\d{1,15}$/.test(value)) return Number(value);
  return undefined;
}

/** HMAC-SHA256 over the documented string to sign, standard base64. */
export function userSigHmac(secretKey: string, sig: Omit<DecodedUserSig, 'sig'>): string {
  let text =
    `TLS.identifier:${sig.identifier}\n` +
    `TLS.sdkappid:${sig.sdkAppId}\n` +
    `TLS.time:${sig.time}\n` +
    `TLS.expire:${sig.expire}\n`;
  if (sig.userbuf !== undefined) text += `TLS.userbuf:${sig.userbuf}\n`;
  return createHmac('sha256', secretKey).update(text, 'utf8').digest('base64');
}

export interface VerifyInput {
  userSig: string;
  /** `identifier` from the URL. */
  identifier: string;
  /** `sdkappid` from the URL. */
  sdkAppId: number;
  /** The SecretKey of the app the URL names, or undefined when the emulator has no such app. */
  secretKey: string | undefined;
  nowSeconds: number;
}

/**
 * Verifies a UserSig the way the official Go `VerifyUserSig` orders its checks: sdkappid, identifier,
 * expiry (`now > time + expire`), then the HMAC. Codes: 70002 empty, 70003 not decodable, 70014
 * sdkappid mismatch, 70013 identifier mismatch, 70020 unknown app, 70001 expired, 70009 HMAC mismatch.
 */
export function verifyUserSig(input: VerifyInput): UserSigFailure | undefined {
  if (input.userSig === '') return { code: 70002, message: 'UserSig is empty' };
  const sig = decodeUserSig(input.userSig);
  if (!sig) return { code: 70003, message: 'illegal UserSig: not a base64 zlib TLS v2 ticket' };
  if (sig.sdkAppId !== input.sdkAppId) {
    return { code: 70014, message: 'sdkappid in the URL does not match the UserSig' };
  }
  if (sig.identifier !== input.identifier) {
    return { code: 70013, message: 'identifier in the URL does not match the UserSig' };
  }
  if (input.secretKey === undefined) return { code: 70020, message: `SDKAppID ${input.sdkAppId} not found` };
  if (input.nowSeconds > sig.time + sig.expire) {
    return { code: 70001, message: 'UserSig expired: generate a new one' };
  }
  const expected = Buffer.from(userSigHmac(input.secretKey, sig), 'base64');
  const given = Buffer.from(sig.sig, 'base64');
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
    return { code: 70009, message: 'UserSig verification failed: signed with another SecretKey or SDKAppID' };
  }
  return undefined;
}
