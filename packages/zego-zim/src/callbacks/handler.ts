import type { CallbackHandler } from '@roomcast/core';
import { readZegoCallback } from '@roomcast/zego-common';
import { PROVIDER_ID } from '../validation/context.js';
import { toZegoZimEvent } from './to-event.js';
import type { ZegoZimEvent } from './types.js';

/** What {@link zegoZimCallbacks} needs: the AppID and CallbackSecret, optionally a window and clock. */
export interface ZegoZimCallbackConfig {
  appId: number;
  callbackSecret: string;
  /** Freshness window in seconds (default 300). */
  callbackMaxSkewSeconds?: number | undefined;
  /** Clock in milliseconds (default `Date.now`). */
  now?: (() => number) | undefined;
}

/**
 * The ZIM callback receiver: verifies ZEGO's signature, freshness and AppID, then parses
 * `before_send_msg` (→ `message.beforeSend` with `reply`), `send_msg`/`bot_msg` (→ `message.sent`)
 * and the room events (`room.created`, `room.closed`, `user.joined`, `user.left`); other ZIM
 * callbacks come back as `other`. `zegoZim({ callbackSecret })` sets it as the provider's `callbacks`.
 *
 * @example
 * ```ts
 * const event = await rc.handleCallback(request);
 * if (event.type === 'message.beforeSend' && event.text?.includes('http')) return event.reply.reject(undefined, 'no links');
 * return event.ack(); // {"result":0} for before_send_msg, 200 for the rest
 * ```
 */
export function zegoZimCallbacks(config: ZegoZimCallbackConfig): CallbackHandler<ZegoZimEvent> {
  return {
    async verifyAndParse(request, { alias }) {
      const verified = await readZegoCallback(request, {
        provider: PROVIDER_ID,
        appId: config.appId,
        callbackSecret: config.callbackSecret,
        maxSkewSeconds: config.callbackMaxSkewSeconds,
        now: config.now,
      });
      return toZegoZimEvent(verified, alias);
    },
  };
}
