import {
  type AttemptContext,
  defineProvider,
  type Provider,
  type ProviderOutcome,
  type ProviderRequest,
  SPEC_VERSION,
} from '@roomcast/core';
import { zegoRtcCallbacks } from '../callbacks/handler.js';
import type { ZegoRtcEvent } from '../callbacks/types.js';
import { checkUserId } from '../client/checks.js';
import { createZegoRtcClient, type ZegoRtcClient } from '../client/create-client.js';
import type { ZegoRtcConfig } from '../config.js';
import { customCommandParams } from '../methods/send-custom-command.js';
import { roomTextParams } from '../methods/send-room-text.js';
import { PROVIDER_ID } from '../version.js';
import { type ZegoRtcKind, zegoRtcCapabilities } from './capabilities.js';
import { toCustomCommand, toRoomText } from './map-message.js';
import { customCommandOutcome } from './outcome.js';

/** The zego-rtc provider, with the vendor client it sends through. */
export interface ZegoRtcProvider extends Provider<ZegoRtcKind, ZegoRtcEvent> {
  /** The vendor client, for the actions outside the unified kinds (DescribeUserList, KickoutUser, …). */
  readonly client: ZegoRtcClient;
}

/**
 * The ZEGO RTC provider for `createRoomcast`: `signal` → SendCustomCommand (whole room, or listed
 * users 10 per request; `FailUsers` become per-recipient `USER_OFFLINE` failures), `broadcast` →
 * SendBroadcastMessage, `barrage` → SendBarrageMessage (`category` system/chat → 1/2, default chat).
 * Each `send` makes exactly one signed request; retries, batching and rate limiting are core's.
 *
 * @example
 * ```ts
 * import { createRoomcast } from '@roomcast/core';
 * import { zegoRtc } from '@roomcast/zego-rtc';
 *
 * const rc = createRoomcast({
 *   providers: { zego: zegoRtc({ appId: 1234567890, serverSecret: process.env.ZEGO_SERVER_SECRET! }) },
 * });
 * const result = await rc.send('zego:signal', { roomId: 'live-1', from: 'server', to: ['alice', 'bob'], data: '{"gift":"rose"}' });
 * for (const { userId, error } of result.failed) console.warn(userId, error.code); // USER_OFFLINE
 * ```
 *
 * With `callbackSecret` (the project's CallbackSecret) the provider also receives ZEGO's RTC
 * callbacks through `rc.handleCallback(request)`: see {@link zegoRtcCallbacks}.
 */
export function zegoRtc(config: ZegoRtcConfig): ZegoRtcProvider {
  const client = createZegoRtcClient(config);
  const provider = defineProvider<ZegoRtcKind, ZegoRtcEvent>({
    specVersion: SPEC_VERSION,
    id: PROVIDER_ID,
    capabilities: zegoRtcCapabilities(config.appId, config.isTest),
    validate: validateZegoRtcRequest,
    send: (request, context) => sendZegoRtc(client, request, context),
    // Only with a secret: an unverifiable receiver must not exist (rc.handleCallback says why).
    ...(config.callbackSecret === undefined
      ? {}
      : { callbacks: zegoRtcCallbacks({ ...config, callbackSecret: config.callbackSecret }) }),
  });
  return { ...provider, client };
}

/**
 * The provider's own rules, before any request: everything the vendor client would reject (ids,
 * sizes, categories, extensions), and what ZEGO cannot express (`from` missing, a signal `type`).
 */
export function validateZegoRtcRequest(request: ProviderRequest): void {
  switch (request.kind) {
    case 'signal': {
      // Recipients are checked one by one here; their count per request is the pipeline's batching.
      customCommandParams(toCustomCommand(request.message, undefined), PROVIDER_ID);
      const ctx = { provider: PROVIDER_ID, operation: 'SendCustomCommand' };
      for (const [index, id] of (request.recipients ?? []).entries()) checkUserId(id, `to[${index}]`, ctx);
      return;
    }
    case 'broadcast':
      roomTextParams('SendBroadcastMessage', toRoomText('broadcast', request.message), PROVIDER_ID);
      return;
    case 'barrage':
      roomTextParams('SendBarrageMessage', toRoomText('barrage', request.message), PROVIDER_ID);
      return;
    default:
      return;
  }
}

async function sendZegoRtc(
  client: ZegoRtcClient,
  request: ProviderRequest,
  context: AttemptContext,
): Promise<ProviderOutcome> {
  const options = {
    signal: context.signal,
    timeoutMs: context.timeoutMs,
    attempt: context.attempt,
    hooks: context.hooks,
  };
  switch (request.kind) {
    case 'signal':
      return customCommandOutcome(
        await client.sendCustomCommand(toCustomCommand(request.message, request.recipients), options),
      );
    case 'broadcast': {
      const response = await client.sendBroadcastMessage(toRoomText('broadcast', request.message), options);
      return { messageIds: [String(response.Data.MessageId)], requestId: response.RequestId || undefined };
    }
    case 'barrage': {
      const response = await client.sendBarrageMessage(toRoomText('barrage', request.message), options);
      return { messageIds: [response.Data.MessageId], requestId: response.RequestId || undefined };
    }
    default:
      // Unreachable through createRoomcast: core refuses kinds the capabilities do not declare.
      throw new Error(`zego-rtc cannot send ${(request as { kind: string }).kind}`);
  }
}
