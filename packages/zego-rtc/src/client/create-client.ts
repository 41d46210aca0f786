import { createZegoTransport } from '@roomcast/zego-common';
import { validateZegoRtcConfig, type ZegoRtcConfig } from '../config.js';
import { describeUserList, paginateDescribeUserList } from '../methods/describe-user-list.js';
import { describeUserNum, describeUsers } from '../methods/describe-users.js';
import { closeRoom, kickoutUser } from '../methods/room-admin.js';
import { sendCustomCommand } from '../methods/send-custom-command.js';
import { sendBarrageMessage, sendBroadcastMessage } from '../methods/send-room-text.js';
import type {
  CloseRoomRequest,
  CloseRoomResponse,
  DescribeUserListPagesOptions,
  DescribeUserListRequest,
  DescribeUserListResponse,
  DescribeUserNumRequest,
  DescribeUserNumResponse,
  DescribeUsersRequest,
  DescribeUsersResponse,
  KickoutUserRequest,
  KickoutUserResponse,
  SendBarrageMessageRequest,
  SendBarrageMessageResponse,
  SendBroadcastMessageRequest,
  SendBroadcastMessageResponse,
  SendCustomCommandRequest,
  SendCustomCommandResponse,
  ZegoRtcCallOptions,
} from '../types.js';
import { PACKAGE_NAME, PACKAGE_VERSION, PROVIDER_ID } from '../version.js';
import type { RtcCore } from './call.js';

/**
 * The ZEGO RTC Server API v2 room-signaling actions, with ZEGO's own names and types. Every
 * method validates its input against the documented limits before sending, signs afresh, makes one
 * request and resolves with the answer (`Code` 0) or throws a `RoomcastError` carrying ZEGO's
 * `providerCode` and `RequestId`. Methods make no retries: wrap them yourself, or use the provider.
 */
export interface ZegoRtcClient {
  /** The AppID this client signs for. */
  readonly appId: number;
  /** Whether requests target ZEGO's test environment (`IsTest=true`). */
  readonly isTest: boolean;
  /** The origin requests go to. */
  readonly baseUrl: string;
  /**
   * Custom signaling to 1–10 listed users (`ToUserId`) or, without `ToUserId`, the whole room.
   * Users that could not be reached come back in `Data.FailUsers` (50003: not online).
   * Rate limit: 100/s per AppID (test 10/s).
   */
  sendCustomCommand(
    request: SendCustomCommandRequest,
    options?: ZegoRtcCallOptions,
  ): Promise<SendCustomCommandResponse>;
  /** Reliable text to the whole room; `Data.MessageId` is a number. Rate limit: 100/s (test 10/s). */
  sendBroadcastMessage(
    request: SendBroadcastMessageRequest,
    options?: ZegoRtcCallOptions,
  ): Promise<SendBroadcastMessageResponse>;
  /** High-volume, best-effort text ("bullet screen"); `Data.MessageId` is a string. Rate limit: 100/s (test 10/s). */
  sendBarrageMessage(
    request: SendBarrageMessageRequest,
    options?: ZegoRtcCallOptions,
  ): Promise<SendBarrageMessageResponse>;
  /** User counts of 1–10 rooms. Rate limit: 10/s (test 1/s). */
  describeUserNum(
    request: DescribeUserNumRequest,
    options?: ZegoRtcCallOptions,
  ): Promise<DescribeUserNumResponse>;
  /** Whether 1–10 users are in a room. Rate limit: 10/s. */
  describeUsers(request: DescribeUsersRequest, options?: ZegoRtcCallOptions): Promise<DescribeUsersResponse>;
  /** One page (≤ 200) of a room's users. Rate limit: 200/s per AppID, 1/s per room. */
  describeUserList(
    request: DescribeUserListRequest,
    options?: ZegoRtcCallOptions,
  ): Promise<DescribeUserListResponse>;
  /**
   * Every page of a room's users, following `Marker`, one request per second (per-room limit).
   *
   * @example
   * ```ts
   * for await (const page of client.paginateDescribeUserList({ RoomId: 'room-1' })) {
   *   for (const user of page.Data.UserList) console.log(user.UserId);
   * }
   * ```
   */
  paginateDescribeUserList(
    request: DescribeUserListRequest,
    options?: DescribeUserListPagesOptions,
  ): AsyncGenerator<DescribeUserListResponse, void, undefined>;
  /** Removes 1–5 users from a room. Rate limit: 50/s. */
  kickoutUser(request: KickoutUserRequest, options?: ZegoRtcCallOptions): Promise<KickoutUserResponse>;
  /** Removes everybody and closes the room. Rate limit: 1/s. */
  closeRoom(request: CloseRoomRequest, options?: ZegoRtcCallOptions): Promise<CloseRoomResponse>;
}

/**
 * Creates the ZEGO RTC vendor client. The configuration is checked at once (`INVALID_ARGUMENT`
 * naming the problem, never echoing the secret).
 *
 * @example
 * ```ts
 * import { createZegoRtcClient } from '@roomcast/zego-rtc';
 *
 * const zego = createZegoRtcClient({ appId: 1234567890, serverSecret: process.env.ZEGO_SERVER_SECRET! });
 * const { Data } = await zego.sendCustomCommand({
 *   RoomId: 'room-1', FromUserId: 'server', ToUserId: ['alice', 'bob'], MessageContent: '{"type":"gift"}',
 * });
 * for (const { Uid, Code } of Data.FailUsers) console.warn(`${Uid} not reached (${Code})`);
 * ```
 */
export function createZegoRtcClient(config: ZegoRtcConfig): ZegoRtcClient {
  validateZegoRtcConfig(config);
  const transport = createZegoTransport(config, {
    product: 'rtc',
    provider: PROVIDER_ID,
    packageName: PACKAGE_NAME,
    packageVersion: PACKAGE_VERSION,
  });
  const core: RtcCore = { transport, provider: PROVIDER_ID };
  return {
    appId: config.appId,
    isTest: config.isTest === true,
    baseUrl: transport.baseUrl,
    sendCustomCommand: (request, options) => sendCustomCommand(core, request, options),
    sendBroadcastMessage: (request, options) => sendBroadcastMessage(core, request, options),
    sendBarrageMessage: (request, options) => sendBarrageMessage(core, request, options),
    describeUserNum: (request, options) => describeUserNum(core, request, options),
    describeUsers: (request, options) => describeUsers(core, request, options),
    describeUserList: (request, options) => describeUserList(core, request, options),
    paginateDescribeUserList: (request, options) => paginateDescribeUserList(core, request, options),
    kickoutUser: (request, options) => kickoutUser(core, request, options),
    closeRoom: (request, options) => closeRoom(core, request, options),
  };
}
