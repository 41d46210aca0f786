// Test-side signing, written independently of src/ so the emulator's verifier is checked against
// a second implementation (and against the shared vectors).
import { createHash, createHmac, randomBytes } from 'node:crypto';
import { deflateSync } from 'node:zlib';

export interface ZegoSignInput {
  appId: number | string;
  serverSecret: string;
  nonce?: string | undefined;
  timestamp?: number | undefined;
}

export function zegoCommonParams(input: ZegoSignInput): Record<string, string> {
  const nonce = input.nonce ?? randomBytes(8).toString('hex');
  const timestamp = String(input.timestamp ?? Math.floor(Date.now() / 1000));
  const appId = String(input.appId);
  const signature = createHash('md5')
    .update(appId + nonce + input.serverSecret + timestamp)
    .digest('hex');
  return {
    AppId: appId,
    SignatureNonce: nonce,
    Timestamp: timestamp,
    Signature: signature,
    SignatureVersion: '2.0',
  };
}

/** Builds `?Action=..&<common>&<params>`; arrays become repeated `Name[]=` keys. */
export function zegoQuery(
  action: string,
  common: Record<string, string>,
  params: Record<string, string | number | string[] | undefined> = {},
  bracket: 'raw' | 'encoded' = 'raw',
): string {
  const parts = [`Action=${encodeURIComponent(action)}`];
  for (const [k, v] of Object.entries(common)) parts.push(`${k}=${encodeURIComponent(v)}`);
  for (const [k, v] of Object.entries(params)) {
    if (v === undefined) continue;
    if (Array.isArray(v)) {
      const key = bracket === 'raw' ? `${k}[]` : `${k}%5B%5D`;
      for (const item of v) parts.push(`${key}=${encodeURIComponent(item)}`);
    } else parts.push(`${k}=${encodeURIComponent(String(v))}`);
  }
  return `?${parts.join('&')}`;
}

export interface UserSigInput {
  sdkAppId: number;
  secretKey: string;
  identifier: string;
  expire: number;
  time: number;
}

/** The Node library's layout: ver, identifier, sdkappid, time, expire, sig; zlib default level. */
export function makeUserSig(input: UserSigInput, level?: number): string {
  const toSign =
    `TLS.identifier:${input.identifier}\nTLS.sdkappid:${input.sdkAppId}\n` +
    `TLS.time:${input.time}\nTLS.expire:${input.expire}\n`;
  const sig = createHmac('sha256', input.secretKey).update(toSign).digest('base64');
  const doc = {
    'TLS.ver': '2.0',
    'TLS.identifier': input.identifier,
    'TLS.sdkappid': input.sdkAppId,
    'TLS.time': input.time,
    'TLS.expire': input.expire,
    'TLS.sig': sig,
  };
  return encodeTicket(JSON.stringify(doc), level);
}

/** Compresses any JSON text into the UserSig wire form. */
export function encodeTicket(json: string, level?: number): string {
  const compressed = deflateSync(Buffer.from(json, 'utf8'), level === undefined ? {} : { level });
  return compressed.toString('base64').replaceAll('+', '*').replaceAll('/', '-').replaceAll('=', '_');
}
