import { jsonResponse, RoomcastError } from '@roomcast/core';
import { PROVIDER_ID } from '../validation/context.js';
import type { ZimBeforeSendReply } from './types.js';

/** `reason` is shown to the sender only through ZEGO support's moderation-reason switch; keep it short. */
const MAX_REASON_LENGTH = 256;

/**
 * The answers to ZIM's `before_send_msg`: `{"result": 0|1|2|3, "reason"?: string}` with HTTP 200.
 *
 * @example
 * ```ts
 * zimBeforeSendReply().drop(); // Response 200 {"result":2}
 * zimBeforeSendReply().reject(undefined, 'links are not allowed'); // {"result":3,"reason":"links are not allowed"}
 * ```
 */
export function zimBeforeSendReply(): ZimBeforeSendReply {
  return {
    canRewrite: false,
    allow: () => jsonResponse({ result: 0 }),
    overrideModeration: () => jsonResponse({ result: 1 }),
    drop: () => jsonResponse({ result: 2 }),
    reject(_code?: number, text?: string) {
      // ZIM has no custom codes: the sender always sees 111101; only the reason travels.
      if (text === undefined || text === '') return jsonResponse({ result: 3 });
      return jsonResponse({ result: 3, reason: text.slice(0, MAX_REASON_LENGTH) });
    },
    rewrite(): Response {
      throw new RoomcastError(
        'UNSUPPORTED',
        'ZIM cannot rewrite a message in before_send_msg (its answers are result 0–3): allow, drop or reject it',
        { provider: PROVIDER_ID },
      );
    },
  };
}
