import type { RoomcastErrorCode } from '@roomcast/core';

/**
 * Where a code's meaning comes from:
 * - `rest`: Tencent's current Chat REST error-code table (trtc.io/document/34348);
 * - `sdk-header`: only the Chat SDK's `ERR_SVR_*` enum, not the REST table;
 * - `live-engine`: the private codes of the live_engine_http_srv pages;
 * - `unconfirmed`: seen only on the English send_custom_msg page (the seed copy), not in any
 *   source the fact sheet could verify: mapped, but treat the meaning as provisional.
 */
export type TrtcCodeSource = 'rest' | 'sdk-header' | 'live-engine' | 'unconfirmed';

/** What a Tencent `ErrorCode` means for a caller, as data. */
export interface TrtcCodeInfo {
  /** The roomcast code callers branch on. */
  code: RoomcastErrorCode;
  /** True when resending the same request is safe: Tencent certainly did not act. */
  retryable: boolean;
  /** True when Tencent may have acted before failing (never retried by default). */
  ambiguous?: boolean;
  /** A wait Tencent asks for before trying again. */
  retryAfterMs?: number;
  /** True when the client should sign a fresh admin UserSig and resend once. */
  renewsUserSig?: boolean;
  /** What it means and what to do. */
  message: string;
  source: TrtcCodeSource;
}

function info(
  code: RoomcastErrorCode,
  message: string,
  source: TrtcCodeSource,
  extra: Partial<Omit<TrtcCodeInfo, 'code' | 'message' | 'source'>> = {},
): TrtcCodeInfo {
  return { code, retryable: false, ...extra, message, source };
}

const BAD_REQUEST = 'roomcast sent a request Tencent could not parse; please report it with the request id';
const SIGNATURE = 'check sdkAppId, secretKey and adminUserId, and that region matches the app';

/**
 * Every documented Tencent code this package maps: the live-engine private codes and the common
 * Chat REST codes (60002–80005). One table, so the mapping can be read, tested and reviewed in one
 * place. A code not listed becomes `PROVIDER_ERROR`, not retryable.
 *
 * @example
 * ```ts
 * TRTC_CODES[60007]; // { code: 'RATE_LIMITED', retryable: true, message: 'the REST API call rate…', source: 'rest' }
 * ```
 */
export const TRTC_CODES: Readonly<Record<number, TrtcCodeInfo>> = {
  // live_engine_http_srv private codes.
  100001: info(
    'UNAVAILABLE',
    'Tencent reported an internal error; it suggests trying again, but the call may have taken effect',
    'live-engine',
    { ambiguous: true },
  ),
  100002: info('INVALID_ARGUMENT', 'Tencent rejected a parameter; see the error info', 'live-engine'),
  100003: info('INVALID_ARGUMENT', 'the room id already exists; choose another', 'live-engine'),
  100004: info(
    'ROOM_NOT_FOUND',
    'the live room does not exist (never created, or already dismissed)',
    'live-engine',
  ),
  100006: info(
    'PERMISSION_DENIED',
    'the room is not a live room, or the caller lacks permission for it',
    'live-engine',
  ),
  100007: info('PERMISSION_DENIED', 'no paid plan: purchase a live package in the console', 'live-engine'),
  100010: info(
    'INVALID_ARGUMENT',
    'the room already exists with the same owner; it can be used as is',
    'live-engine',
  ),
  100011: info('INVALID_ARGUMENT', 'the room id is taken by a Chat group; choose another', 'live-engine'),
  100012: info('RATE_LIMITED', 'a room with this id can be created once per second', 'live-engine', {
    retryable: true,
    retryAfterMs: 1000,
  }),
  100026: info(
    'INVALID_ARGUMENT',
    'the room name or another field contains sensitive content',
    'live-engine',
  ),
  100601: info('MUTED', 'the sender is muted in this room', 'unconfirmed'),
  100602: info(
    'RATE_LIMITED',
    'the room message frequency limit was reached; nothing was sent',
    'unconfirmed',
    { retryable: true },
  ),
  100603: info('PAYLOAD_TOO_LARGE', 'the message is over 12 KB', 'unconfirmed'),

  // Common Chat REST codes.
  60002: info('INVALID_ARGUMENT', `the URL could not be parsed; ${BAD_REQUEST}`, 'rest'),
  60003: info('INVALID_ARGUMENT', `the JSON body could not be parsed; ${BAD_REQUEST}`, 'rest'),
  60004: info('UNAUTHENTICATED', `the account or UserSig check failed; ${SIGNATURE}`, 'rest'),
  60005: info('UNAUTHENTICATED', `the account or UserSig check failed; ${SIGNATURE}`, 'rest'),
  60006: info('UNAUTHENTICATED', 'the SDKAppID is invalid; check sdkAppId', 'rest'),
  60007: info('RATE_LIMITED', 'the REST API call rate is over its limit', 'rest', { retryable: true }),
  60008: info('TIMEOUT', 'Tencent timed out serving the request; it may have taken effect', 'rest', {
    ambiguous: true,
  }),
  60009: info('INVALID_ARGUMENT', `the requested resource does not exist; ${BAD_REQUEST}`, 'rest'),
  60010: info(
    'PERMISSION_DENIED',
    'the identifier is not an App administrator; set adminUserId to an admin account',
    'rest',
  ),
  60011: info('RATE_LIMITED', 'the SDKAppID request rate is over its limit', 'rest', { retryable: true }),
  60012: info('INVALID_ARGUMENT', `the URL has no SDKAppID; ${BAD_REQUEST}`, 'rest'),
  60013: info(
    'PROVIDER_ERROR',
    'Tencent failed to build its JSON answer; the call may have taken effect',
    'rest',
    { ambiguous: true },
  ),
  60014: info('UNAVAILABLE', 'the account check timed out before the request was processed', 'rest', {
    retryable: true,
  }),
  60015: info('INVALID_ARGUMENT', 'an account field in the body must be a string', 'rest'),
  60016: info('PERMISSION_DENIED', 'the SDKAppID is disabled', 'rest'),
  60017: info('PERMISSION_DENIED', 'this request is disabled for the app', 'rest'),
  60018: info('RATE_LIMITED', 'requests are too frequent', 'rest', { retryable: true }),
  60019: info('RATE_LIMITED', 'requests are too frequent', 'rest', { retryable: true }),
  60020: info(
    'PERMISSION_DENIED',
    'the service is unavailable: plan not purchased, expired or in arrears (a new purchase takes about 5 minutes)',
    'rest',
  ),
  60021: info('PERMISSION_DENIED', "this server's IP address is not allowed to call the REST API", 'rest'),
  60025: info(
    'INVALID_ARGUMENT',
    `a URL parameter (sdkappid, identifier, usersig, contenttype) is wrong; ${BAD_REQUEST}`,
    'rest',
  ),
  60026: info(
    'INVALID_ARGUMENT',
    "the domain does not match the app's data centre; set region (or baseUrl) to the app's region",
    'rest',
  ),
  60027: info('PERMISSION_DENIED', 'the app may not access this resource', 'rest'),
  60028: info('RATE_LIMITED', 'the trial edition 24-hour REST quota is used up; upgrade or wait', 'rest'),
  70001: info(
    'UNAUTHENTICATED',
    "the UserSig expired; the client re-signs once, so a repeat points at this server's clock",
    'rest',
    { renewsUserSig: true },
  ),
  70002: info('UNAUTHENTICATED', 'the UserSig was empty', 'sdk-header'),
  70003: info('UNAUTHENTICATED', `the UserSig is illegal; ${SIGNATURE}`, 'rest'),
  70005: info('UNAUTHENTICATED', `the UserSig check failed; ${SIGNATURE}`, 'sdk-header'),
  70009: info(
    'UNAUTHENTICATED',
    'the UserSig did not verify: secretKey is wrong or belongs to another app',
    'rest',
  ),
  70013: info('UNAUTHENTICATED', 'the identifier differs from the one in the UserSig', 'rest'),
  70014: info('UNAUTHENTICATED', 'the SDKAppID differs from the one in the UserSig', 'rest'),
  70016: info('UNAUTHENTICATED', 'Tencent has no key for this app in this data centre; check region', 'rest'),
  70020: info('UNAUTHENTICATED', 'the SDKAppID was not found; check sdkAppId and region', 'rest'),
  70050: info(
    'UNAUTHENTICATED',
    'too many failed UserSig checks; fix the credentials, then wait at least 60 seconds',
    'rest',
    { retryAfterMs: 60_000 },
  ),
  70051: info('PERMISSION_DENIED', 'the account is blocklisted', 'rest'),
  70052: info('UNAUTHENTICATED', 'the UserSig was invalidated; the client re-signs once', 'sdk-header', {
    renewsUserSig: true,
  }),
  70107: info('USER_NOT_FOUND', 'the account has not been imported into Tencent Chat', 'rest'),
  70114: info('PERMISSION_DENIED', 'the request is restricted for security reasons', 'sdk-header'),
  70169: info('TIMEOUT', 'Tencent timed out internally; the call may have taken effect', 'rest', {
    ambiguous: true,
  }),
  70206: info('INVALID_ARGUMENT', 'the batch count is invalid', 'sdk-header'),
  70398: info('PERMISSION_DENIED', "the app's account count is over its plan limit", 'rest'),
  70399: info('INVALID_ARGUMENT', 'a deleted account cannot be re-imported within 3 months', 'rest'),
  70402: info('INVALID_ARGUMENT', 'a parameter is invalid; see the error info', 'rest'),
  70403: info('PERMISSION_DENIED', 'this request requires an App administrator', 'sdk-header'),
  70404: info('UNSUPPORTED', 'the SDK version is too low for this feature', 'rest'),
  70500: info(
    'UNAVAILABLE',
    'Tencent reported an internal server error; the call may have taken effect',
    'rest',
    { ambiguous: true },
  ),
  71000: info('UNSUPPORTED', 'deleting this account is not supported', 'rest'),
  72000: info('PERMISSION_DENIED', "the trial edition's daily active user quota is used up", 'rest'),
  72001: info('UNSUPPORTED', 'the feature is not enabled for this app', 'rest'),
  72002: info('PERMISSION_DENIED', "the trial edition's monthly active user quota is used up", 'rest'),
  72010: info('RATE_LIMITED', 'this user makes requests too frequently', 'rest', { retryable: true }),
  72011: info('UNSUPPORTED', 'the feature is not enabled for this app', 'rest'),
  72012: info('UNSUPPORTED', 'the feature is not enabled for this app', 'rest'),
  80001: info('INVALID_ARGUMENT', 'the text was rejected as sensitive content', 'rest'),
  80002: info('PAYLOAD_TOO_LARGE', 'the message body is too long (12 KB)', 'rest'),
  80003: info(
    'UNAVAILABLE',
    "the app's before-send callback failed or timed out, so the message was not sent",
    'rest',
    { retryable: true },
  ),
  80004: info('INVALID_ARGUMENT', 'an image was rejected as sensitive content', 'rest'),
  80005: info('PERMISSION_DENIED', 'the service is deactivated (expired or in arrears)', 'rest'),
};

/**
 * The mapping of a Tencent `ErrorCode`, or `undefined` when the code is not documented.
 *
 * @example
 * ```ts
 * if (trtcCodeInfo(error.providerCode ?? 0)?.source === 'unconfirmed') log.warn('provisional mapping');
 * ```
 */
export function trtcCodeInfo(errorCode: number): TrtcCodeInfo | undefined {
  return Object.hasOwn(TRTC_CODES, errorCode) ? TRTC_CODES[errorCode] : undefined;
}
