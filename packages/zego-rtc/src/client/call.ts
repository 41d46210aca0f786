import type { ZegoEnvelope, ZegoQueryParams, ZegoTransport } from '@roomcast/zego-common';
import type { ZegoRtcAction } from '../actions.js';
import { mapZegoRtcCode } from '../codes.js';
import type { ZegoRtcCallOptions } from '../types.js';

/** What every method needs: the signing transport and the provider id for errors. */
export interface RtcCore {
  transport: ZegoTransport;
  provider: string;
}

/** Sends one room-signaling action (all are GET: every parameter in the query) with the RTC code table. */
export function callAction(
  core: RtcCore,
  action: ZegoRtcAction,
  params: ZegoQueryParams,
  callOptions?: ZegoRtcCallOptions,
): Promise<ZegoEnvelope> {
  // `null` from a JavaScript caller means "no options", like undefined (it used to be a TypeError).
  const options = callOptions ?? {};
  return core.transport.call({
    action,
    method: 'GET',
    params,
    signal: options.signal,
    timeoutMs: options.timeoutMs,
    attempt: options.attempt,
    hooks: options.hooks,
    mapCode: mapZegoRtcCode,
  });
}

/** Repeated bracket parameters: `ToUserId[]=a&ToUserId[]=b`. */
export function repeated(key: string, values: readonly string[]): [string, string][] {
  return values.map((value) => [`${key}[]`, value]);
}
