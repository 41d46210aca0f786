import type { CallbackHandler } from '@roomcast/core';
import { readZegoCallback } from '@roomcast/zego-common';
import { PROVIDER_ID } from '../version.js';
import { toZegoRtcEvent } from './to-event.js';
import type { ZegoRtcEvent } from './types.js';

/** What {@link zegoRtcCallbacks} needs: the AppID and CallbackSecret, optionally a window and clock. */
export interface ZegoRtcCallbackConfig {
  appId: number;
  callbackSecret: string;
  /** Freshness window in seconds (default 300). */
  callbackMaxSkewSeconds?: number | undefined;
  /** Clock in milliseconds (default `Date.now`). */
  now?: (() => number) | undefined;
}

/**
 * The RTC callback receiver: verifies ZEGO's signature, freshness and AppID, then parses the six
 * room/stream callbacks into unified events (`room.created`, `room.closed`, `user.joined`,
 * `user.left`, `stream.created`, `stream.closed`); other RTC callbacks come back as `other`.
 * `zegoRtc({ callbackSecret })` sets it as the provider's `callbacks`; use it alone without a registry.
 *
 * @example
 * ```ts
 * const callbacks = zegoRtcCallbacks({ appId: 1234567890, callbackSecret: process.env.ZEGO_CALLBACK_SECRET! });
 * const event = await callbacks.verifyAndParse(request, { alias: 'zego' });
 * if (event.type === 'user.joined') console.log(event.roomId, event.userIds, event.vendor.session_id);
 * ```
 */
export function zegoRtcCallbacks(config: ZegoRtcCallbackConfig): CallbackHandler<ZegoRtcEvent> {
  return {
    async verifyAndParse(request, { alias }) {
      const verified = await readZegoCallback(request, {
        provider: PROVIDER_ID,
        appId: config.appId,
        callbackSecret: config.callbackSecret,
        maxSkewSeconds: config.callbackMaxSkewSeconds,
        now: config.now,
      });
      return toZegoRtcEvent(verified, alias);
    },
  };
}
