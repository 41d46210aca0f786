import {
  isRoomcastError,
  type Provider,
  type ProviderOutcome,
  type ProviderRequest,
  type RoomcastError,
  SPEC_VERSION,
} from '@roomcast/core';
import { zegoZimCallbacks } from '../callbacks/handler.js';
import type { ZegoZimEvent } from '../callbacks/types.js';
import { createZegoZimClient, type ZegoZimClient, type ZimCallOptions } from '../client/create-client.js';
import { MESSAGE_RULES } from '../client/rules.js';
import type { ZegoZimConfig } from '../config.js';
import type { SendPeerMessageRequest, SendRoomMessageRequest } from '../types/requests.js';
import { contextFor, invalid, PROVIDER_ID } from '../validation/context.js';
import { requireZimRoomId, requireZimUserId } from '../validation/ids.js';
import { encodeMessage } from '../validation/message.js';
import { type ZegoZimKind, zimCapabilities } from './capabilities.js';
import { allFailedOutcome, peerOutcome } from './outcome.js';
import { toVendorMessage } from './to-vendor.js';

/** The `zego-zim` provider, with the vendor client it sends through. */
export interface ZegoZimProvider extends Provider<ZegoZimKind, ZegoZimEvent> {
  /** The ZIM vendor client, for what the unified kinds do not cover (groups, push to all, online state). */
  readonly client: ZegoZimClient;
}

function checkIds(request: ProviderRequest, operation: string): void {
  const context = contextFor(operation);
  const message = request.message as { from?: unknown; roomId?: unknown };
  const from = requireZimUserId(message.from, 'from', context);
  if (request.kind !== 'direct') {
    requireZimRoomId(message.roomId, 'roomId', context);
    return;
  }
  // Count and duplicates are the pipeline's; the id rules and "not to yourself" are ZIM's.
  const recipients = request.recipients ?? request.message.to;
  for (const [index, id] of recipients.entries()) requireZimUserId(id, `to[${index}]`, context);
  if (recipients.includes(from)) {
    throw invalid(
      `"to" must not contain the sender "${from}": ZIM cannot send a message to oneself`,
      context,
    );
  }
}

function isAllFailed(error: unknown): error is RoomcastError {
  return isRoomcastError(error) && error.failures.length > 0 && !error.retryable;
}

/**
 * The ZEGO ZIM provider: `direct` (SendPeerMessage: `text` → text message, `data` → custom
 * message with `type` as SubMsgType, or a command with `messageType: 2`), and the room kinds
 * `signal` (custom or command), `broadcast` (text) and `barrage` (barrage) through SendRoomMessage.
 * Recipients are batched 100 per request by the pipeline; ZIM's `ErrorList` becomes per-recipient
 * failures. Quotas: `zego-zim:<appId>:SendPeerMessage` (20/s) and `zego-zim:<appId>:SendRoomMessage`
 * (10/s, shared by the room kinds).
 *
 * @example
 * ```ts
 * import { createRoomcast } from '@roomcast/core';
 * import { zegoZim } from '@roomcast/zego-zim';
 *
 * const rc = createRoomcast({ providers: { zim: zegoZim({ appId: 1234567890, serverSecret: process.env.ZEGO_SERVER_SECRET! }) } });
 * const result = await rc.send('zim:direct', { from: 'bot', to: ['u1', 'u2'], text: 'hello', priority: 'high' });
 * ```
 */
export function zegoZim(config: ZegoZimConfig): ZegoZimProvider {
  const client = createZegoZimClient(config);
  const capabilities = zimCapabilities(config.appId, client.limits);

  function validate(request: ProviderRequest): void {
    const { action, fields } = toVendorMessage(request);
    checkIds(request, action);
    encodeMessage(fields, MESSAGE_RULES[action], client.limits, contextFor(action));
  }

  async function send(
    request: ProviderRequest,
    context: Parameters<Provider['send']>[1],
  ): Promise<ProviderOutcome> {
    const options: ZimCallOptions = {
      signal: context.signal,
      timeoutMs: context.timeoutMs,
      attempt: context.attempt,
      hooks: context.hooks,
    };
    const { fields } = toVendorMessage(request);
    const message = request.message as { from: string; roomId?: string };
    if (request.kind !== 'direct') {
      const response = await client.sendRoomMessage(
        { ...fields, FromUserId: message.from, RoomId: message.roomId } as SendRoomMessageRequest,
        options,
      );
      return { requestId: response.RequestId || undefined };
    }
    const batch = request.recipients ?? request.message.to;
    try {
      const response = await client.sendPeerMessage(
        { ...fields, FromUserId: message.from, ToUserId: batch } as SendPeerMessageRequest,
        options,
      );
      return peerOutcome(response);
    } catch (error) {
      // ZIM refused every recipient with a reason each: report them per recipient, unless the
      // whole request is worth retrying.
      if (isAllFailed(error)) return allFailedOutcome(error, batch);
      throw error;
    }
  }

  const provider: ZegoZimProvider = {
    specVersion: SPEC_VERSION,
    id: PROVIDER_ID,
    capabilities,
    client,
    validate,
    send,
  };
  // Only with a secret: an unverifiable receiver must not exist (rc.handleCallback says why).
  if (config.callbackSecret === undefined) return provider;
  return { ...provider, callbacks: zegoZimCallbacks({ ...config, callbackSecret: config.callbackSecret }) };
}
