import type { Random } from '../util/random.js';

/** A ZEGO RequestId: a 19-digit numeric string, like the documented examples. */
export function zegoRequestId(random: Random): string {
  return random.digits(19);
}

/** RTC envelope: `{ Code, Message, RequestId, Data? }` (Data only for APIs that return data). */
export function rtcEnvelope(
  code: number,
  message: string,
  requestId: string,
  data?: Record<string, unknown>,
) {
  return data === undefined
    ? { Code: code, Message: message, RequestId: requestId }
    : { Code: code, Message: message, RequestId: requestId, Data: data };
}

/** ZIM envelope: `{ Code, Message, RequestId }` with the API's fields at the top level (no Data). */
export function zimEnvelope(
  code: number,
  message: string,
  requestId: string,
  fields?: Record<string, unknown>,
) {
  return { Code: code, Message: message, RequestId: requestId, ...fields };
}
