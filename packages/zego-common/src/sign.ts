import { md5Hex } from './md5.js';

/** The inputs of a ZEGO server API v2 signature. */
export interface ZegoSignatureInput {
  /** The numeric AppID from the ZEGO console. */
  appId: number;
  /** The project's ServerSecret (32 hex characters). */
  serverSecret: string;
  /** The `SignatureNonce` sent in the same query. */
  nonce: string;
  /** The `Timestamp` sent in the same query, in Unix seconds. */
  timestamp: number;
}

/**
 * Computes ZEGO's `Signature` (SignatureVersion 2.0):
 * `lowercase_hex(md5(String(AppId) + SignatureNonce + ServerSecret + String(Timestamp)))`.
 *
 * Every part is turned into a string before concatenation: with an all-digit nonce such as the
 * docs' `15215528852396`, `appId + nonce` on numbers would add them and sign the wrong text.
 * The signature covers neither the Action nor the parameters, and is valid for 10 minutes.
 *
 * @example
 * ```ts
 * signZegoRequest({ appId: 12345, serverSecret: '9193cc662a4c0ec135ec71fb57194b38',
 *   nonce: '4fd24687296dd9f3', timestamp: 1615186943 });
 * // => '43e5cfcca828314675f91b001390566a'
 * ```
 */
export function signZegoRequest(input: ZegoSignatureInput): string {
  return md5Hex(
    `${String(input.appId)}${String(input.nonce)}${input.serverSecret}${String(input.timestamp)}`,
  );
}
