import { type CallbackHandler, RoomcastError, readCallbackBody } from '@roomcast/core';
import { PROVIDER_ID } from '../version.js';
import { queryReader } from './query.js';
import { toTrtcEvent } from './to-event.js';
import type { TrtcCallbackCommon, TrtcEvent } from './types.js';
import { verifyTrtcCallback } from './verify.js';

/** What {@link trtcCallbacks} needs: the SDKAppID and callback Token, optionally a window and clock. */
export interface TrtcCallbackConfig {
  sdkAppId: number;
  callbackToken: string;
  /** Freshness window in seconds (default 60, Tencent's rule). */
  callbackMaxSkewSeconds?: number | undefined;
  /** Clock in milliseconds (default `Date.now`). */
  now?: (() => number) | undefined;
}

/**
 * The Tencent Chat / Live callback receiver: verifies the query's `Sign`, `RequestTime` and
 * `SdkAppid` **before** reading the body, then parses `Group.CallbackBeforeSendMsg`
 * (→ `message.beforeSend` with `reply`), `Group.CallbackAfterSendMsg` (→ `message.sent`) and the
 * live-room events (`room.created`, `room.closed`, `user.joined`/`user.left` from member state);
 * other commands come back as `other`. `trtc({ callbackToken })` sets it as the provider's `callbacks`.
 *
 * @example
 * ```ts
 * const event = await rc.handleCallback(request);
 * if (event.type === 'message.beforeSend' && event.provider === 'trtc' && event.text?.includes('spam')) {
 *   return event.reply.reject(10100, 'Message refused');
 * }
 * return event.ack();
 * ```
 */
export function trtcCallbacks(config: TrtcCallbackConfig): CallbackHandler<TrtcEvent> {
  return {
    async verifyAndParse(request, { alias }) {
      const url = new URL(request.url);
      const nowMs = config.now?.() ?? Date.now();
      verifyTrtcCallback({
        query: url.searchParams,
        token: config.callbackToken,
        maxSkewSeconds: config.callbackMaxSkewSeconds,
        now: Math.floor(nowMs / 1000),
        sdkAppId: config.sdkAppId,
      });
      const { fields } = await readCallbackBody(request, { provider: PROVIDER_ID });
      const read = queryReader(url.searchParams);
      const inQuery = read('CallbackCommand');
      const inBody = typeof fields.CallbackCommand === 'string' ? fields.CallbackCommand : undefined;
      const command = inBody ?? inQuery;
      if (command === undefined || (inQuery !== undefined && inBody !== undefined && inQuery !== inBody)) {
        throw new RoomcastError(
          'INVALID_ARGUMENT',
          command === undefined
            ? 'Tencent callback names no CallbackCommand'
            : `Tencent callback names ${inQuery} in its query but ${inBody} in its body`,
          { provider: PROVIDER_ID },
        );
      }
      const common: TrtcCallbackCommon = {
        CallbackCommand: command,
        query: {
          SdkAppid: read('SdkAppid'),
          CallbackCommand: inQuery,
          contenttype: read('contenttype'),
          ClientIP: read('ClientIP'),
          OptPlatform: read('OptPlatform'),
          RequestTime: read('RequestTime'),
        },
        raw: fields,
      };
      return toTrtcEvent(common, alias, nowMs);
    },
  };
}
