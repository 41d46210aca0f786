import { describeType, RoomcastError } from '@roomcast/core';
import { zlibInflate } from '../platform.js';
import { base64ToBytes, fromTlsBase64 } from './base64.js';

/** What a UserSig says about itself. The signature is deliberately left out. */
export interface UserSigInfo {
  /** `TLS.ver`, `"2.0"` for every UserSig this package makes. */
  version: string;
  /** `TLS.identifier`: the user the UserSig was issued for. */
  identifier: string;
  /** `TLS.sdkappid`. */
  sdkAppId: number;
  /** `TLS.time`: issue time in Unix seconds. */
  issuedAt: number;
  /** `TLS.expire`: lifetime in seconds. */
  expireSeconds: number;
  /** `issuedAt + expireSeconds`: the last Unix second the UserSig is valid. */
  expiresAt: number;
  /** True for PrivateMapKey-style tickets that carry a `TLS.userbuf`. */
  hasUserBuf: boolean;
}

function undecodable(reason: string): RoomcastError {
  // The UserSig itself is a credential: the message says why decoding failed, never what it was.
  return new RoomcastError('INVALID_ARGUMENT', `userSig is not a decodable TLS v2 UserSig (${reason})`, {
    provider: 'trtc',
    operation: 'inspectUserSig',
  });
}

/**
 * Decodes a UserSig for debugging ("which user, which app, when does it expire?") without
 * checking its signature. Accepts any key order and JSON spacing, so tickets from Tencent's
 * Python, Go or Java libraries decode too. The signature is never returned.
 *
 * @example
 * ```ts
 * const info = inspectUserSig(userSig);
 * console.log(info.identifier, new Date(info.expiresAt * 1000).toISOString());
 * ```
 */
export function inspectUserSig(userSig: string): UserSigInfo {
  if (typeof userSig !== 'string' || userSig.length === 0) {
    throw undecodable(`expected a non-empty string, got ${describeType(userSig)}`);
  }
  let json: string;
  try {
    json = new TextDecoder('utf-8', { fatal: true }).decode(
      zlibInflate(base64ToBytes(fromTlsBase64(userSig))),
    );
  } catch {
    throw undecodable('not base64-wrapped zlib data');
  }
  let doc: unknown;
  try {
    doc = JSON.parse(json);
  } catch {
    throw undecodable('the inflated content is not JSON');
  }
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) throw undecodable('not a JSON object');
  const fields = doc as Record<string, unknown>;
  const version = fields['TLS.ver'];
  const identifier = fields['TLS.identifier'];
  const sdkAppId = fields['TLS.sdkappid'];
  const issuedAt = fields['TLS.time'];
  const expireSeconds = fields['TLS.expire'];
  if (typeof version !== 'string') throw undecodable('TLS.ver is missing');
  if (typeof identifier !== 'string') throw undecodable('TLS.identifier is missing');
  if (!Number.isInteger(sdkAppId)) throw undecodable('TLS.sdkappid is not an integer');
  if (!Number.isInteger(issuedAt)) throw undecodable('TLS.time is not an integer');
  if (!Number.isInteger(expireSeconds)) throw undecodable('TLS.expire is not an integer');
  return {
    version,
    identifier,
    sdkAppId: sdkAppId as number,
    issuedAt: issuedAt as number,
    expireSeconds: expireSeconds as number,
    expiresAt: (issuedAt as number) + (expireSeconds as number),
    hasUserBuf: typeof fields['TLS.userbuf'] === 'string',
  };
}
