import type { RoomcastErrorCode } from '@roomcast/core';

/** How roomcast reads one ZIM return code. */
export interface ZimCodeInfo {
  /** The unified error code. */
  code: RoomcastErrorCode;
  /** True when resending is safe and useful (ZIM did not act and says to retry). */
  retryable: boolean;
  /** What ZIM means by it. */
  meaning: string;
  /** What to do about it. */
  action: string;
}

/** A table row: one code, or a documented range of codes that share a meaning. */
export interface ZimCodeRow extends ZimCodeInfo {
  codes: number | readonly [first: number, last: number];
}

const row = (
  codes: ZimCodeRow['codes'],
  code: RoomcastErrorCode,
  retryable: boolean,
  meaning: string,
  action: string,
): ZimCodeRow => ({ codes, code, retryable, meaning, action });

const FIX = 'fix the request; resending it unchanged will fail again';
const LATER = 'retry later with backoff';
const SUPPORT = 'contact ZEGO support if it persists';

/**
 * Every documented ZIM server return code except the gateway's 100000000–100000017 (those are
 * shared with ZEGO RTC and mapped in `@roomcast/zego-common`). Single codes win over ranges.
 * Source: ZIM server return codes page, the per-API pages and the messaging docs.
 */
export const ZIM_CODE_TABLE: readonly ZimCodeRow[] = [
  // Common codes.
  row(1, 'UNAVAILABLE', true, 'request failed: server busy', LATER),
  row(2, 'INVALID_ARGUMENT', false, 'input parameter error', FIX),
  row(3, 'UNAUTHENTICATED', false, 'authentication failed', `check AppId and ServerSecret; ${SUPPORT}`),
  row(7, 'RATE_LIMITED', true, 'requests per second exceed the system limit', LATER),
  row(50014, 'INVALID_ARGUMENT', false, 'login failed: UserName is too long (256 bytes at most)', FIX),
  row(
    51102,
    'USER_NOT_FOUND',
    false,
    'user does not exist: never logged in to ZIM',
    'log the user in or register it first',
  ),
  row(105001, 'UNAVAILABLE', false, 'database request failed', SUPPORT),
  // 6600000xx: general business errors.
  row(660000001, 'PROVIDER_ERROR', true, 'business error', LATER),
  row(660000002, 'INVALID_ARGUMENT', false, 'a parameter is missing or invalid', FIX),
  row(660000003, 'PROVIDER_ERROR', true, 'logic processing error', LATER),
  row(
    660000011,
    'TOO_MANY_RECIPIENTS',
    false,
    'too many users in the list',
    'send to at most 100 users per request',
  ),
  row(660000012, 'INVALID_ARGUMENT', false, 'a UserID is longer than 32 bytes', FIX),
  row(660000022, 'INVALID_ARGUMENT', false, 'message not found or deleted', FIX),
  row(660000023, 'INVALID_ARGUMENT', false, 'message already recalled', 'nothing to do'),
  row(
    660000024,
    'PERMISSION_DENIED',
    false,
    'the recall window has passed',
    'messages can be recalled for 2 minutes',
  ),
  row(
    660000025,
    'INVALID_ARGUMENT',
    false,
    'IsBase64 is 1 but Message is not valid base64',
    'base64-encode Message or set IsBase64 to 0',
  ),
  row(660000026, 'PERMISSION_DENIED', false, 'the message to recall was not sent by FromUserId', FIX),
  row(
    660000027,
    'UNSUPPORTED',
    false,
    'room message storage is not enabled',
    'enable it in the ZEGO console',
  ),
  row(660000028, 'UNSUPPORTED', false, 'feature not available on the free plan', 'upgrade the ZIM plan'),
  // 6602xxxxx: users.
  row(
    660200001,
    'USER_NOT_FOUND',
    false,
    'user not found or logged out',
    'the user must log in or be registered',
  ),
  // 6603xxxxx: rooms.
  row(
    660300001,
    'ROOM_NOT_FOUND',
    false,
    'room not found or destroyed',
    'check RoomId; someone must create or join the room first',
  ),
  row(660300002, 'USER_NOT_FOUND', false, 'user is not in the room', 'join the room first'),
  row(660300005, 'RATE_LIMITED', true, 'app-level rate limit exceeded', LATER),
  row(660300006, 'RATE_LIMITED', true, 'room- or group-level rate limit exceeded', LATER),
  row(660300007, 'UNAVAILABLE', false, 'getting the room failed (internal error)', SUPPORT),
  row(
    660300008,
    'ROOM_NOT_FOUND',
    false,
    'room user list is empty: the room is being destroyed',
    'check the room',
  ),
  row(660300012, 'USER_NOT_FOUND', false, 'user is not in the specified room', 'join the room first'),
  row(660300013, 'INVALID_ARGUMENT', false, 'room messages cannot carry receipts', 'remove HasReceipt'),
  row(660300014, 'INVALID_ARGUMENT', false, 'room already exists', 'use another RoomId'),
  row(
    660300015,
    'PERMISSION_DENIED',
    false,
    'room count limit reached',
    'destroy unused rooms or raise the limit',
  ),
  // 6604xxxxx: messages.
  row(
    660400001,
    'PAYLOAD_TOO_LARGE',
    false,
    'message too large',
    'shorten Message, or ask ZEGO to raise the limit (up to 32 KB)',
  ),
  // 6605xxxxx: senders, moderation, callbacks.
  row(
    660500002,
    'USER_NOT_FOUND',
    false,
    'the operator is not registered and never logged in',
    'log the sender in or call UserRegister',
  ),
  row(
    660500003,
    'RATE_LIMITED',
    true,
    'SendMessageToAllUsers frequency exceeded (1/s, 100 per 24 h)',
    'retry after a second, or tomorrow when the daily 100 are used',
  ),
  row(660500004, 'UNAVAILABLE', false, 'text moderation request error', SUPPORT),
  row(660500005, 'PERMISSION_DENIED', false, 'text failed moderation', 'change the text'),
  row(660500006, 'UNAVAILABLE', false, 'image moderation request error', SUPPORT),
  row(660500007, 'PERMISSION_DENIED', false, 'image failed moderation', 'change the image'),
  row(
    660500009,
    'PERMISSION_DENIED',
    false,
    'your pre-send callback returned 2: sent silently',
    'see your pre-send callback',
  ),
  row(
    660500010,
    'PERMISSION_DENIED',
    false,
    'your pre-send callback returned 3: rejected',
    'see your pre-send callback',
  ),
  // 6606xxxxx: groups.
  row(660600001, 'ROOM_NOT_FOUND', false, 'group not found', 'check GroupId'),
  row(660600003, 'UNAVAILABLE', false, 'querying the group member list failed', SUPPORT),
  row(660600004, 'RATE_LIMITED', true, 'QueryGroupMemberList rate limit exceeded', LATER),
  row(660600005, 'RATE_LIMITED', true, 'KickoutGroupUser rate limit exceeded', LATER),
  row(660600006, 'UNAVAILABLE', false, 'querying the group list failed', SUPPORT),
  row(660600007, 'RATE_LIMITED', true, 'QueryAppGroupList rate limit exceeded', LATER),
  row(660600010, 'RATE_LIMITED', true, 'CreateGroup rate limit exceeded', LATER),
  row(
    [660600008, 660600033],
    'PERMISSION_DENIED',
    false,
    'group error (membership, existence, limits, attributes, role or permission)',
    FIX,
  ),
  // 6607xxxxx: user management.
  row(660700001, 'RATE_LIMITED', true, 'UserRegister rate limit exceeded (20/s)', LATER),
  row(660700002, 'INVALID_ARGUMENT', false, 'user already exists', 'nothing to do'),
  row(660700006, 'INVALID_ARGUMENT', false, 'UserName is longer than 256 bytes', FIX),
  row(660700007, 'INVALID_ARGUMENT', false, 'avatar URL is longer than 500 bytes', FIX),
  row(
    [660700008, 660700017],
    'USER_NOT_FOUND',
    false,
    'user information error or user not registered',
    'register the user first',
  ),
  // 6608xxxxx: conversations, friends, block lists.
  row(660800045, 'PERMISSION_DENIED', false, 'the sender is blocked by the receiver', 'nothing to do'),
  row([660800001, 660800053], 'PROVIDER_ERROR', false, 'conversation, friend or block-list error', FIX),
  // 6609xxxxx: call invitations.
  row([660900003, 660900008], 'PROVIDER_ERROR', false, 'call invitation error', FIX),
  // 6610xxxxx: editing.
  row(
    661000001,
    'PERMISSION_DENIED',
    false,
    'the edit window has passed',
    'messages can be edited for 24 hours',
  ),
  row(661000005, 'PROVIDER_ERROR', false, 'editing the message failed', SUPPORT),
];

const EXACT = new Map<number, ZimCodeInfo>();
const RANGES: ZimCodeRow[] = [];
for (const entry of ZIM_CODE_TABLE) {
  if (typeof entry.codes === 'number') EXACT.set(entry.codes, entry);
  else RANGES.push(entry);
}

/** What a ZIM return code means, or `undefined` for an undocumented code. */
export function lookupZimCode(code: number): ZimCodeInfo | undefined {
  const exact = EXACT.get(code);
  if (exact !== undefined) return exact;
  return RANGES.find((entry) => {
    const [first, last] = entry.codes as readonly [number, number];
    return code >= first && code <= last;
  });
}
