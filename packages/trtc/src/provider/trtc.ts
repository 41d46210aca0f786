import { type Provider, SPEC_VERSION } from '@roomcast/core';
import { trtcCallbacks } from '../callbacks/handler.js';
import type { TrtcEvent } from '../callbacks/types.js';
import { createTrtcClient } from '../client/create-client.js';
import type { TrtcClient, TrtcConfig } from '../client/types.js';
import { PROVIDER_ID } from '../version.js';
import { type TrtcKind, trtcCapabilities } from './capabilities.js';
import { mapRequest } from './map-message.js';

/** The `trtc` provider, with its vendor client for everything beyond the unified kinds. */
export interface TrtcProvider extends Provider<TrtcKind, TrtcEvent> {
  /** The client the provider sends through (rooms, any other live-engine command). */
  readonly client: TrtcClient;
}

/**
 * The Tencent RTC live-room provider (id `trtc`):
 * - `signal` → `send_custom_msg`: whole room only (`to` is `UNSUPPORTED`); `type` is required and
 *   becomes the `BusinessId`; `from` (optional) the `Sender_Account`.
 * - `broadcast` → `send_text_msg`: `from` is the `Sender_Account`, `text` the `TextContent`;
 *   `extensions.trtc.ExtensionInfo` is passed through.
 *
 * Each `send` makes one request (plus one re-signed resend after a 70001). A dropped message
 * (`MsgDropReason`) throws `RATE_LIMITED`, retryable.
 *
 * @example
 * ```ts
 * import { createRoomcast } from '@roomcast/core';
 * import { trtc } from '@roomcast/trtc';
 *
 * const rc = createRoomcast({
 *   providers: { tencent: trtc({ sdkAppId: 1400000000, secretKey: process.env.TRTC_SECRET_KEY!, adminUserId: 'administrator' }) },
 * });
 * await rc.send('tencent:signal', { roomId: 'live-1', type: 'gift', data: '{"giftId":7}' });
 * ```
 *
 * With `callbackToken` the provider also receives Tencent's Chat / Live callbacks through
 * `rc.handleCallback(request)`: see {@link trtcCallbacks}.
 */
export function trtc(config: TrtcConfig): TrtcProvider {
  const client = createTrtcClient(config);
  const provider: TrtcProvider = {
    specVersion: SPEC_VERSION,
    id: PROVIDER_ID,
    capabilities: trtcCapabilities(client.sdkAppId),
    client,
    validate(request) {
      mapRequest(request);
    },
    async send(request, context) {
      const mapped = mapRequest(request);
      const options = {
        signal: context.signal,
        timeoutMs: context.timeoutMs,
        attempt: context.attempt,
        hooks: context.hooks,
      };
      const result =
        mapped.command === 'send_custom_msg'
          ? await client.sendCustomMsg(mapped.body, options)
          : await client.sendTextMsg(mapped.body, options);
      return { messageIds: [String(result.Response.MsgSeq)], requestId: result.RequestId };
    },
  };
  // Only with a token: an unverifiable receiver must not exist (rc.handleCallback says why).
  if (config.callbackToken === undefined) return provider;
  return {
    ...provider,
    callbacks: trtcCallbacks({
      sdkAppId: client.sdkAppId,
      callbackToken: config.callbackToken,
      callbackMaxSkewSeconds: config.callbackMaxSkewSeconds,
      now: config.now,
    }),
  };
}
