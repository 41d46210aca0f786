import type { Capabilities } from '@roomcast/core';
import { MAX_MESSAGE_BYTES } from '../client/validate.js';

/** Tencent's documented rate limit of each live-engine API: 200 calls per second. */
export const TRTC_API_RATE_PER_SECOND = 200;

/**
 * The largest `data` a signal declares: 12 KB minus room for Tencent's wrapper
 * (`{"BusinessId":"…","Data":"…"}`, 27 bytes) and a BusinessId of up to 261 bytes. The exact
 * limit depends on the BusinessId and on JSON escapes, so `validate` checks the wrapped size too.
 */
export const SIGNAL_MAX_DATA_BYTES = 12_000;

/** The kinds a `trtc` provider supports. */
export type TrtcKind = 'signal' | 'broadcast';

/**
 * Capabilities of one app. Quotas are per SDKAppID **and per API** (`trtc:<sdkAppId>:<command>`):
 * every live-engine page states its own "200 calls/second", so a burst of custom messages does not
 * slow text messages. Tencent also has an app-wide limit (60011) whose value it does not document.
 *
 * @example
 * ```ts
 * trtcCapabilities(1400000000).signal.quotas; // [{ scope: 'trtc:1400000000:send_custom_msg', limit: 200, intervalMs: 1000 }]
 * ```
 */
export function trtcCapabilities(sdkAppId: number): Capabilities<TrtcKind> {
  const quota = (command: string) => [
    { scope: `trtc:${sdkAppId}:${command}`, limit: TRTC_API_RATE_PER_SECOND, intervalMs: 1000 },
  ];
  return {
    signal: {
      audiences: ['room'],
      maxPayloadBytes: SIGNAL_MAX_DATA_BYTES,
      maxRecipientsPerRequest: 0,
      delivery: 'acknowledged',
      vendorDeduplicates: false,
      quotas: quota('send_custom_msg'),
      operation: 'send_custom_msg',
    },
    broadcast: {
      audiences: ['room'],
      maxPayloadBytes: MAX_MESSAGE_BYTES,
      maxRecipientsPerRequest: 0,
      delivery: 'acknowledged',
      vendorDeduplicates: false,
      quotas: quota('send_text_msg'),
      operation: 'send_text_msg',
    },
  };
}
