import { type HttpHooks, isRoomcastError } from '@roomcast/core';
import { createZegoTransport, type ZegoCall, type ZegoEnvelope } from '@roomcast/zego-common';
import { resolveZimConfig, type ZegoZimConfig } from '../config.js';
import { PACKAGE_NAME, PACKAGE_VERSION } from '../package-info.js';
import type { ZimMessageTypeName } from '../types/message-types.js';
import type {
  QueryUserOnlineStateRequest,
  SendGroupMessageRequest,
  SendMessageToAllUsersRequest,
  SendPeerMessageRequest,
  SendRoomMessageRequest,
} from '../types/requests.js';
import type {
  QueryUserOnlineStateResponse,
  SendGroupMessageResponse,
  SendMessageToAllUsersResponse,
  SendPeerMessageResponse,
  SendRoomMessageResponse,
  ZimErrorEntry,
} from '../types/responses.js';
import { PROVIDER_ID } from '../validation/context.js';
import { withRecipientFailures, zimCodeInfo } from './errors.js';
import {
  encodeQueryUserOnlineState,
  encodeSendGroupMessage,
  encodeSendMessageToAllUsers,
  encodeSendPeerMessage,
  encodeSendRoomMessage,
} from './requests.js';
import {
  readEnvelope,
  readErrorList,
  readGroupResponse,
  readOnlineStateResponse,
  readPeerResponse,
  readRoomResponse,
} from './responses.js';

/** Per-call options: cancellation, timeout, and what the pipeline passes down. */
export interface ZimCallOptions {
  signal?: AbortSignal | undefined;
  /** Per-request timeout in milliseconds, overriding the config's. */
  timeoutMs?: number | undefined;
  /** Attempt number reported to hooks (the pipeline's retries). */
  attempt?: number | undefined;
  /** Hooks for this call instead of the config's. */
  hooks?: HttpHooks | undefined;
}

/**
 * The ZIM server messaging API, typed with ZIM's own field names. Every method validates its
 * request before sending (ids, sizes, fields per `MessageType`), signs afresh, POSTs the JSON body
 * (common parameters in the query), and throws a `RoomcastError` for any `Code` ≠ 0.
 */
export interface ZegoZimClient {
  /** The AppID requests are signed for. */
  readonly appId: number;
  /** The origin requests go to. */
  readonly baseUrl: string;
  /** `Message` limits per type in bytes (defaults merged with `maxMessageBytes`). */
  readonly limits: Readonly<Record<ZimMessageTypeName, number>>;
  /**
   * `SendPeerMessage` (20/s). Resolves when at least one recipient got it: a non-empty `ErrorList`
   * lists the others. When all failed ZIM answers `Code` ≠ 0 and this throws, with one entry per
   * recipient in `error.failures` (the `SubCode` as `providerCode`).
   *
   * @example
   * ```ts
   * const res = await zim.sendPeerMessage({ FromUserId: 'bot', ToUserId: ['u1', 'u2'], MessageType: 1,
   *   Priority: 2, MessageBody: { Message: 'hello' } });
   * res.SuccList.map((s) => s.MsgId);
   * ```
   */
  sendPeerMessage(
    request: SendPeerMessageRequest,
    options?: ZimCallOptions,
  ): Promise<SendPeerMessageResponse>;
  /**
   * `SendGroupMessage` (10/s).
   *
   * @example
   * ```ts
   * await zim.sendGroupMessage({ FromUserId: 'bot', GroupId: 'g1', MessageType: 1, Priority: 2,
   *   MessageBody: { Message: 'hi all' }, SendMsgOptions: { NoUnread: true } });
   * ```
   */
  sendGroupMessage(
    request: SendGroupMessageRequest,
    options?: ZimCallOptions,
  ): Promise<SendGroupMessageResponse>;
  /**
   * `SendRoomMessage` (10/s). `MessageType` 20 is a barrage message.
   *
   * @example
   * ```ts
   * await zim.sendRoomMessage({ FromUserId: 'bot', RoomId: 'live-1', MessageType: 20, Priority: 1,
   *   MessageBody: { Message: '666' } });
   * ```
   */
  sendRoomMessage(
    request: SendRoomMessageRequest,
    options?: ZimCallOptions,
  ): Promise<SendRoomMessageResponse>;
  /**
   * `SendMessageToAllUsers` (1/s and 100 per 24 h; ZIM Pro or Flagship).
   *
   * @example
   * ```ts
   * await zim.sendMessageToAllUsers({ FromUserId: 'system', MessageType: 1, PushType: 1,
   *   MessageBody: { Message: 'Maintenance at 02:00 UTC', OfflinePush: { Enable: 1, Title: 'Notice' } } });
   * ```
   */
  sendMessageToAllUsers(
    request: SendMessageToAllUsersRequest,
    options?: ZimCallOptions,
  ): Promise<SendMessageToAllUsersResponse>;
  /**
   * `QueryUserOnlineState` (20/s, up to 100 users). Logged-out or unknown users come back in
   * `ErrorList` (SubCode 660200001).
   *
   * @example
   * ```ts
   * const { Result } = await zim.queryUserOnlineState({ UserId: ['u1', 'u2'] });
   * ```
   */
  queryUserOnlineState(
    request: QueryUserOnlineStateRequest,
    options?: ZimCallOptions,
  ): Promise<QueryUserOnlineStateResponse>;
}

/**
 * Creates the ZIM vendor client.
 *
 * @example
 * ```ts
 * import { createZegoZimClient } from '@roomcast/zego-zim';
 *
 * const zim = createZegoZimClient({ appId: 1234567890, serverSecret: process.env.ZEGO_SERVER_SECRET! });
 * await zim.sendPeerMessage({ FromUserId: 'bot', ToUserId: ['u1'], MessageType: 2, Priority: 3,
 *   MessageBody: { Message: new Uint8Array([1, 2, 3]) } }); // binary command, sent as base64
 * ```
 */
export function createZegoZimClient(config: ZegoZimConfig): ZegoZimClient {
  const { transport: transportConfig, limits } = resolveZimConfig(config);
  const transport = createZegoTransport(transportConfig, {
    product: 'zim',
    provider: PROVIDER_ID,
    packageName: PACKAGE_NAME,
    packageVersion: PACKAGE_VERSION,
  });

  /**
   * One signed call. A `Code` ≠ 0 answer may still list every recipient in `ErrorList` (ZIM's "all
   * failed"); the transport shows the envelope to `mapCode` before it throws, which is where the
   * list is read, and the error is rebuilt with one failure per entry.
   */
  async function call(
    action: string,
    options: ZimCallOptions | undefined,
    request: Pick<ZegoCall, 'method' | 'json' | 'params'>,
  ): Promise<ZegoEnvelope> {
    let failed: ZimErrorEntry[] = [];
    try {
      return await transport.call({
        action,
        ...request,
        signal: options?.signal,
        timeoutMs: options?.timeoutMs,
        attempt: options?.attempt,
        hooks: options?.hooks,
        mapCode: (code, envelope) => {
          failed = readErrorList(envelope.ErrorList);
          return zimCodeInfo(code);
        },
      });
    } catch (error) {
      if (isRoomcastError(error) && failed.length > 0) throw withRecipientFailures(error, failed);
      throw error;
    }
  }

  return {
    appId: config.appId,
    baseUrl: transport.baseUrl,
    limits,
    async sendPeerMessage(request, options) {
      const json = encodeSendPeerMessage(request, limits);
      return readPeerResponse(await call('SendPeerMessage', options, { method: 'POST', json }));
    },
    async sendGroupMessage(request, options) {
      const json = encodeSendGroupMessage(request, limits);
      return readGroupResponse(await call('SendGroupMessage', options, { method: 'POST', json }));
    },
    async sendRoomMessage(request, options) {
      const json = encodeSendRoomMessage(request, limits);
      return readRoomResponse(await call('SendRoomMessage', options, { method: 'POST', json }));
    },
    async sendMessageToAllUsers(request, options) {
      const json = encodeSendMessageToAllUsers(request, limits);
      return readEnvelope(await call('SendMessageToAllUsers', options, { method: 'POST', json }));
    },
    async queryUserOnlineState(request, options) {
      const params = encodeQueryUserOnlineState(request);
      return readOnlineStateResponse(await call('QueryUserOnlineState', options, { method: 'GET', params }));
    },
  };
}
