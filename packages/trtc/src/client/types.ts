import type { HttpHooks } from '@roomcast/core';
import type { TrtcRegion } from '../regions.js';
import type { TrtcEnvelope } from './envelope.js';

/** How to reach and sign for one Tencent app. Shared by `createTrtcClient` and `trtc`. */
export interface TrtcConfig {
  /** The app's SDKAppID (a positive 32-bit integer). */
  sdkAppId: number;
  /** The app's SecretKey. Used only to sign UserSigs; never logged or put in errors. */
  secretKey: string;
  /** An App administrator account (`identifier`); Tencent answers 60010 for anyone else. */
  adminUserId: string;
  /** The app's data centre. Default `china` (`console.tim.qq.com`). Ignored when `baseUrl` is set. */
  region?: TrtcRegion | undefined;
  /**
   * The REST origin, e.g. `https://adminapisgp.im.qcloud.com`, the backup domain from
   * `trtcBackupBaseUrl`, or the emulator's `trtcUrl`. Wins over `region`. `http://` only on loopback.
   */
  baseUrl?: string | undefined;
  /** A `fetch` to use instead of the global one. */
  fetch?: typeof fetch | undefined;
  /** Per-request timeout in ms (default 10 000; Tencent's backend times out after 3 s). */
  timeoutMs?: number | undefined;
  /** Observability hooks; payloads carry origin + path only, never the query with the UserSig. */
  hooks?: HttpHooks | undefined;
  /** Clock in Unix **milliseconds** (like `Date.now`), for UserSig issue times and renewal. */
  now?: (() => number) | undefined;
  /**
   * Lifetime of the admin UserSig the client signs with, in seconds. Default 86 400 (one day),
   * renewed 2.4 h before expiry; see `DEFAULT_USER_SIG_TTL_SECONDS` for why.
   */
  userSigTtlSeconds?: number | undefined;
  /**
   * The callback authentication **Token** (Chat console → Callback configuration, TRTC console →
   * Live Webhook, or `set_callback_token`). Setting it gives the provider a `callbacks` member for
   * `rc.handleCallback`. Never logged or put in errors.
   */
  callbackToken?: string | undefined;
  /** Freshness window for callbacks in seconds (default 60, Tencent's one-minute rule). */
  callbackMaxSkewSeconds?: number | undefined;
}

/** Per-call options of every client method. */
export interface TrtcCallOptions {
  signal?: AbortSignal | undefined;
  /** Overrides the client's timeout for this call. */
  timeoutMs?: number | undefined;
  /** Attempt number reported to hooks (the pipeline's retry count). */
  attempt?: number | undefined;
  /** Overrides the client's hooks for this call. */
  hooks?: HttpHooks | undefined;
}

/** `send_custom_msg` request body. */
export interface SendCustomMsgRequest {
  /** The live room, at most 48 bytes. */
  RoomId: string;
  /** Sender user id (at most 32 bytes). Optional: Tencent documents it as optional. */
  Sender_Account?: string | undefined;
  /** Tags the kind of custom message, for receivers to dispatch on. Required. */
  BusinessId: string;
  /**
   * The content. Tencent wraps `{"BusinessId":…,"Data":…}` as one JSON string into the message,
   * and that wrapped JSON (escapes included) must fit in 12 KB (12,288 UTF-8 bytes).
   */
  Data: string;
}

/** `send_text_msg` request body. */
export interface SendTextMsgRequest {
  /** The live room, at most 48 bytes. */
  RoomId: string;
  /** Sender user id (at most 32 bytes). Required. */
  Sender_Account: string;
  /** The text. With `ExtensionInfo`, at most 12 KB (12,288 UTF-8 bytes, Tencent's message limit). */
  TextContent: string;
  /** Escaped JSON string delivered as the message's `CloudCustomData`. */
  ExtensionInfo?: string | undefined;
}

/** What a message API returns in `Response`. */
export interface SendMsgResponse {
  /** Server time of the message, Unix seconds. */
  MsgTime: number;
  /** Sequence number of the message in the room (its unique id). */
  MsgSeq: number;
  /**
   * Empty normally. Non-empty (`MsgFreqCtrl`) means Tencent dropped the message: the client
   * throws `RATE_LIMITED` instead of returning, so a returned value always has it empty.
   */
  MsgDropReason?: string | undefined;
}

/** How members take a seat: freely, or after the owner or an admin approves. */
export type TakeSeatMode = 'FreeToTake' | 'ApplyToTake';

/** `RoomInfo` of `create_room`. Byte limits are UTF-8. */
export interface CreateRoomInfo {
  /** At most 48 bytes. Required. */
  RoomId: string;
  /** Always `Live` for live_engine_http_srv rooms. Required. */
  RoomType: 'Live';
  /** At most 100 bytes; defaults to `RoomId`. */
  RoomName?: string | undefined;
  /** The host (an imported account); defaults to the caller (`adminUserId`). */
  Owner_Account?: string | undefined;
  /** Member cap; defaults to the plan's limit (trial: 20). */
  MaxMemberCount?: number | undefined;
  /** At most 200 bytes. */
  CoverURL?: string | undefined;
  /** Mute everybody. Default false. */
  IsMessageDisabled?: boolean | undefined;
  /** Up to 3 application-defined category numbers (e.g. game, music). */
  Category?: number[] | undefined;
  /** Whether the room shows in the live room list. */
  IsPublicVisible?: boolean | undefined;
  /** Whether the room has seats (co-hosting). Default false. */
  IsSeatEnabled?: boolean | undefined;
  /** Seat mode, default `FreeToTake`. */
  TakeSeatMode?: TakeSeatMode | undefined;
  /** Number of seats, limited by the plan. */
  MaxSeatCount?: number | undefined;
  /** Application-defined activity status number. */
  ActivityStatus?: number | undefined;
  /** Newer pages: seat layout template name (e.g. `AudioSalon`); listed as required there, optional on older pages. */
  SeatTemplate?: string | undefined;
  /** Newer pages: numeric seat layout template id. */
  SeatLayoutTemplateId?: number | undefined;
  /** Newer pages: lift the member cap. */
  IsUnlimitedRoomEnabled?: boolean | undefined;
}

/** `create_room` request body. */
export interface CreateRoomRequest {
  RoomInfo: CreateRoomInfo;
}

/** `create_room` result (newer pages echo the room id). */
export interface CreateRoomResponse {
  RoomId?: string | undefined;
}

/** `destroy_room` and `get_room_info` request body. */
export interface RoomIdRequest {
  /** The live room, at most 48 bytes. */
  RoomId: string;
}

/** Totals newer versions of `destroy_room` return. */
export interface RoomStatistic {
  TotalViewers?: number | undefined;
  TotalGiftsSent?: number | undefined;
  TotalGiftCoins?: number | undefined;
  TotalUniqueGiftSenders?: number | undefined;
  TotalLikesReceived?: number | undefined;
}

/** `destroy_room` result. */
export interface DestroyRoomResponse {
  Statistic?: RoomStatistic | undefined;
}

/** A room as `get_room_info` describes it. */
export interface RoomInfo {
  RoomId: string;
  RoomName?: string | undefined;
  RoomType?: string | undefined;
  Owner_Account?: string | undefined;
  /** Unix seconds. */
  CreateTime?: number | undefined;
  IsSeatEnabled?: boolean | undefined;
  /** A mode name, or a number in some answers (the documented sample shows `1`). */
  TakeSeatMode?: TakeSeatMode | number | undefined;
  MaxSeatCount?: number | undefined;
  MaxMemberCount?: number | undefined;
  IsMessageDisabled?: boolean | undefined;
  CoverURL?: string | undefined;
  Category?: number[] | undefined;
  ActivityStatus?: number | undefined;
  /** Viewer count. */
  ViewCount?: number | undefined;
  IsPublicVisible?: boolean | undefined;
}

/** `get_room_info` result. */
export interface GetRoomInfoResponse {
  RoomInfo: RoomInfo;
}

/** A successful answer: the envelope with `ErrorCode` 0 and the typed `Response`. */
export type TrtcResult<R> = TrtcEnvelope<R> & { ActionStatus: 'OK'; ErrorCode: 0 };

/**
 * The typed client for `v4/live_engine_http_srv`. Method names are Tencent's commands in
 * camelCase; fields keep Tencent's names. Every method makes one request (two when Tencent
 * answers 70001 and the client re-signs), resolves with the successful envelope, or throws a
 * classified `RoomcastError`.
 */
export interface TrtcClient {
  readonly sdkAppId: number;
  readonly adminUserId: string;
  /** The origin requests go to. */
  readonly baseUrl: string;
  /** Custom message to everyone in a live room (`send_custom_msg`, 200/s). */
  sendCustomMsg(
    request: SendCustomMsgRequest,
    options?: TrtcCallOptions,
  ): Promise<TrtcResult<SendMsgResponse>>;
  /** Text message to everyone in a live room (`send_text_msg`, 200/s). */
  sendTextMsg(request: SendTextMsgRequest, options?: TrtcCallOptions): Promise<TrtcResult<SendMsgResponse>>;
  /** Creates a live room (`create_room`, 200/s). */
  createRoom(request: CreateRoomRequest, options?: TrtcCallOptions): Promise<TrtcResult<CreateRoomResponse>>;
  /** Dismisses a live room (`destroy_room`, 200/s). */
  destroyRoom(request: RoomIdRequest, options?: TrtcCallOptions): Promise<TrtcResult<DestroyRoomResponse>>;
  /** Reads a live room (`get_room_info`, 200/s). */
  getRoomInfo(request: RoomIdRequest, options?: TrtcCallOptions): Promise<TrtcResult<GetRoomInfoResponse>>;
  /** Any other live_engine_http_srv command, unchecked: `call('get_room_list', {})`. */
  call<R = unknown>(command: string, body: object, options?: TrtcCallOptions): Promise<TrtcResult<R>>;
}
