import { createHash, timingSafeEqual } from 'node:crypto';
import type { ParsedQuery } from '../server/query.js';
import type { ZegoAppCredentials } from '../types.js';

/** ZEGO gateway (common) return codes, fact sheet §1.7. */
export const GATEWAY_MESSAGES: Readonly<Record<number, string>> = {
  100000001: 'AppId format error: AppId must be a Uint32',
  100000002: 'Timestamp is empty',
  100000003: 'Timestamp format error: must be Unix seconds',
  100000004: 'signature expired: Timestamp is more than 600 seconds from server time; sign again',
  100000005:
    'signature error: Signature does not match md5(AppId + SignatureNonce + ServerSecret + Timestamp)',
  100000006: 'Action is empty',
  100000007: 'unsupported Action',
  100000008: 'SignatureNonce is empty',
  100000009: 'Signature is empty',
  100000010: 'failed to get ServerSecret: unknown AppId',
  100000012: 'failed to read HTTP body',
  100000013: 'SignatureVersion is empty',
  100000014: 'unsupported SignatureVersion: only 2.0',
  100000015: 'gateway internal error',
  100000016: 'app has no production environment: send IsTest=true',
};

/** The documented tolerance between the request Timestamp and server time, inclusive. */
export const SIGNATURE_WINDOW_SECONDS = 600;

const UINT32 = /^\d{1,10}$/;
const INT64 = /^-?\d{1,19}$/;

export interface GatewayFailure {
  code: number;
  message: string;
}

export interface GatewayInput {
  query: ParsedQuery;
  app: ZegoAppCredentials;
  nowSeconds: number;
  knownActions: ReadonlySet<string>;
  acceptUppercaseSignature: boolean;
}

/**
 * The gateway checks in the documented order (fact sheet §4): Action, AppId, SignatureNonce,
 * Timestamp, Signature, SignatureVersion, the ±600 s window, then the md5 comparison.
 */
export function checkGateway(input: GatewayInput): GatewayFailure | undefined {
  const q = input.query;
  const action = q.get('Action');
  if (!action) return failure(100000006);
  if (!input.knownActions.has(action)) {
    return { code: 100000007, message: `unsupported Action ${JSON.stringify(action)}` };
  }
  const appId = q.get('AppId');
  if (!appId || !UINT32.test(appId) || Number(appId) > 0xffffffff) return failure(100000001);
  if (Number(appId) !== input.app.appId) return failure(100000010);
  const nonce = q.get('SignatureNonce');
  if (!nonce) return failure(100000008);
  const timestamp = q.get('Timestamp');
  if (!timestamp) return failure(100000002);
  if (!INT64.test(timestamp)) return failure(100000003);
  const signature = q.get('Signature');
  if (!signature) return failure(100000009);
  const version = q.get('SignatureVersion');
  if (!version) return failure(100000013);
  if (version !== '2.0') return failure(100000014);
  if (Math.abs(input.nowSeconds - Number(timestamp)) > SIGNATURE_WINDOW_SECONDS) return failure(100000004);
  const expected = zegoSignature(appId, nonce, input.app.serverSecret, timestamp);
  const given = input.acceptUppercaseSignature ? signature.toLowerCase() : signature;
  if (!constantTimeEqual(given, expected)) return failure(100000005);
  return undefined;
}

/** md5 hex of the four values concatenated as strings (never added as numbers). */
export function zegoSignature(appId: string, nonce: string, secret: string, timestamp: string): string {
  return createHash('md5').update(`${appId}${nonce}${secret}${timestamp}`, 'utf8').digest('hex');
}

function constantTimeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a, 'utf8');
  const right = Buffer.from(b, 'utf8');
  return left.length === right.length && timingSafeEqual(left, right);
}

function failure(code: number): GatewayFailure {
  return { code, message: GATEWAY_MESSAGES[code] ?? 'gateway error' };
}
