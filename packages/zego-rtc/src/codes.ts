import type { ZegoCodeInfo } from '@roomcast/zego-common';

const info = (
  code: ZegoCodeInfo['code'],
  retryable: boolean,
  message: string,
  ambiguous?: boolean,
): ZegoCodeInfo =>
  ambiguous === undefined ? { code, retryable, message } : { code, retryable, message, ambiguous };

/**
 * Every documented ZEGO RTC room-signaling return code, as data (gateway codes 1000000xx live in
 * `@roomcast/zego-common`). `retryable` is true only where ZEGO certainly did not deliver: rate-limit
 * rejections and the failures ZEGO's own docs say to retry. Legacy codes from the older English
 * reference (7, 50002, 50004, …) are kept because old deployments still return them.
 */
export const ZEGO_RTC_CODES: Readonly<Record<number, ZegoCodeInfo>> = {
  1: info(
    'UNAVAILABLE',
    false,
    'ZEGO could not process the request (older docs: server busy); it may or may not have acted — contact ZEGO support if it persists',
    true,
  ),
  2: info(
    'INVALID_ARGUMENT',
    false,
    'a parameter is invalid: check ids and values against the API reference',
  ),
  3: info('INVALID_ARGUMENT', false, 'a parameter is too long: room ids allow 128 bytes, user ids 64 bytes'),
  4: info('INVALID_ARGUMENT', false, 'unknown CDN type (legacy code)'),
  7: info('RATE_LIMITED', true, 'too many requests per second (legacy rate-limit code): back off and retry'),
  8: info('INVALID_ARGUMENT', false, 'ZEGO could not decode the request parameters: check their encoding'),
  9: info('PERMISSION_DENIED', false, 'this AppID has no permission for this API: ask ZEGO to enable it'),
  104: info('ROOM_NOT_FOUND', false, 'the room does not exist (rooms exist only while someone is logged in)'),
  105: info('USER_NOT_FOUND', false, 'the user does not exist'),
  121: info('UNAVAILABLE', true, 'ZEGO failed to save the broadcast message, so it was not sent; retry'),
  122: info('UNAVAILABLE', true, 'ZEGO failed to generate a message id, so nothing was sent; retry'),
  123: info('UNAVAILABLE', true, 'ZEGO failed to set the stream information; retry'),
  124: info('UNAVAILABLE', true, 'ZEGO failed to delete the stream information; retry'),
  138: info('PROVIDER_ERROR', false, 'the stream information was not found: check the StreamId'),
  151: info('UNAVAILABLE', true, 'ZEGO failed to push the broadcast message; retry'),
  154: info('UNAVAILABLE', true, 'ZEGO failed to read the list; retry'),
  206: info(
    'RATE_LIMITED',
    true,
    'over the per-AppID requests-per-second limit of this action: back off and retry',
  ),
  207: info(
    'RATE_LIMITED',
    true,
    'over the per-room requests-per-second limit of this action: back off and retry',
  ),
  1008: info('INVALID_ARGUMENT', false, 'MessageContent is empty'),
  1012: info('PROVIDER_ERROR', false, 'several users are operating the same stream at once'),
  5018: info(
    'ROOM_NOT_FOUND',
    false,
    'the room was destroyed or does not exist (older docs: room status mismatch, try again later)',
  ),
  5024: info(
    'ROOM_NOT_FOUND',
    false,
    'the room does not exist (rooms exist only while someone is logged in)',
  ),
  5201: info('UNAVAILABLE', true, 'ZEGO failed to encode the broadcast message, so it was not sent; retry'),
  5202: info('UNAVAILABLE', true, 'ZEGO failed to generate a message id, so nothing was sent; retry'),
  50001: info(
    'ROOM_NOT_FOUND',
    false,
    'the room does not exist: ZEGO destroys a room when its last user leaves or its heartbeat times out (100 s)',
  ),
  50002: info('USER_NOT_FOUND', false, 'the user id does not exist'),
  50003: info('USER_OFFLINE', false, 'the user is not online in the room'),
  50004: info('USER_OFFLINE', false, 'ZEGO could not read the user information: check the user is online'),
  50009: info('UNAVAILABLE', true, 'content moderation failed, so the message was not sent; retry later'),
  50011: info('TOO_MANY_RECIPIENTS', false, 'the user list is longer than this action allows'),
  50012: info('PAYLOAD_TOO_LARGE', false, 'MessageContent is longer than 1,024 bytes'),
  50013: info('UNAVAILABLE', true, 'ZEGO failed to send the custom command; retry'),
  50107: info('PROVIDER_ERROR', false, 'ZEGO failed to add to the blacklist (legacy code)'),
  50108: info('PROVIDER_ERROR', false, 'ZEGO failed to remove from the blacklist (legacy code)'),
  50123: info('PROVIDER_ERROR', false, 'too many active ban rules: delete some first'),
  50124: info('PROVIDER_ERROR', false, 'the ban rule to delete does not exist'),
};

/** Looks up a room-signaling code for the transport; `undefined` for codes ZEGO does not document. */
export function mapZegoRtcCode(code: number): ZegoCodeInfo | undefined {
  return ZEGO_RTC_CODES[code];
}
