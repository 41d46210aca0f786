import type { HttpHooks } from '@roomcast/core';

/** Per-call options of every vendor-client method. */
export interface ZegoRtcCallOptions {
  /** Aborts the request. */
  signal?: AbortSignal | undefined;
  /** Timeout of this request in milliseconds (default: the client's). */
  timeoutMs?: number | undefined;
  /** Attempt number reported to hooks (the roomcast pipeline sets it). */
  attempt?: number | undefined;
  /** Hooks for this call instead of the client's. */
  hooks?: HttpHooks | undefined;
}

/** Fields of every successful ZEGO answer. */
export interface ZegoRtcResponse {
  /** Always 0: any other code is thrown as a `RoomcastError`. */
  Code: 0;
  Message: string;
  /** ZEGO's request id, for support tickets. */
  RequestId: string;
}

/** Message category of broadcast and barrage messages: `1` system, `2` chat (the usual one). */
export type ZegoMessageCategory = 1 | 2;

/** SendCustomCommand: custom signaling to listed users of a room, or to the whole room. */
export interface SendCustomCommandRequest {
  /** Room id (≤ 128 bytes). */
  RoomId: string;
  /**
   * Sender user id (≤ 64 bytes). A client logged in with this id does not receive the message, so
   * use an id that is not in the room to reach everyone. It need not be logged in.
   */
  FromUserId: string;
  /** Recipients in the room, 1–10 (sent as repeated `ToUserId[]`). Omit to reach the whole room. */
  ToUserId?: readonly string[] | undefined;
  /** The payload, ≤ 1,024 UTF-8 bytes (measured before URL-encoding). */
  MessageContent: string;
}

/** A recipient SendCustomCommand could not reach. */
export interface SendCustomCommandFailUser {
  Uid: string;
  /** Why: 50003 when the user is not online. */
  Code: number;
}

export interface SendCustomCommandResponse extends ZegoRtcResponse {
  Data: {
    /** Recipients that did not get the message (empty when all did). */
    FailUsers: SendCustomCommandFailUser[];
  };
}

/** SendBroadcastMessage (reliable) and SendBarrageMessage (high volume, best effort) share their request. */
export interface SendRoomTextRequest {
  /** Room id (≤ 128 bytes). */
  RoomId: string;
  /** Sender user id (≤ 64 bytes); a client with the same id does not receive the message. */
  UserId: string;
  /** Sender display name. */
  UserName?: string | undefined;
  /** `1` system message, `2` chat message. */
  MessageCategory: ZegoMessageCategory;
  /** The text, ≤ 1,024 UTF-8 bytes (measured before URL-encoding). */
  MessageContent: string;
}

export type SendBroadcastMessageRequest = SendRoomTextRequest;
export type SendBarrageMessageRequest = SendRoomTextRequest;

export interface SendBroadcastMessageResponse extends ZegoRtcResponse {
  /** Broadcast message ids are numbers (e.g. `3`). */
  Data: { MessageId: number };
}

export interface SendBarrageMessageResponse extends ZegoRtcResponse {
  /** Barrage message ids are strings (e.g. `"1_1611647493487_29"`), unlike broadcast ids. */
  Data: { MessageId: string };
}

/** DescribeUserNum: user counts of up to 10 rooms. */
export interface DescribeUserNumRequest {
  /** 1–10 room ids (sent as repeated `RoomId[]`); an unknown room counts 0. */
  RoomId: readonly string[];
}

export interface ZegoRoomUserCount {
  RoomId: string;
  /** Users in the room, admins included. */
  UserCount: number;
  /** Admin users (recording and moderation bots). */
  AdminUserCount: number;
}

export interface DescribeUserNumResponse extends ZegoRtcResponse {
  Data: { UserCountList: ZegoRoomUserCount[] };
}

/** DescribeUsers: whether up to 10 users are in a room. */
export interface DescribeUsersRequest {
  RoomId: string;
  /** 1–10 user ids (sent as repeated `UserId[]`). */
  UserId: readonly string[];
}

export interface ZegoUserStatus {
  UserId: string;
  /** `0` not in the room, `1` in the room. */
  Status: number;
  /** Login time, Unix milliseconds. */
  LoginTime: number;
  /** `1` anchor, `2` audience, `4` admin (meaningful for LiveRoom SDK users only). */
  UserRole: number;
}

export interface DescribeUsersResponse extends ZegoRtcResponse {
  Data: { UserStatusList: ZegoUserStatus[] };
}

/** DescribeUserList: one page of a room's users. */
export interface DescribeUserListRequest {
  /** Room id; an unknown room gives an empty list. */
  RoomId: string;
  /** `0` by login time ascending (default), `1` descending. */
  Mode?: 0 | 1 | undefined;
  /** Page size 0–200 (default 200). */
  Limit?: number | undefined;
  /** Where to continue: the previous page's `Marker`; empty or absent starts from the beginning. */
  Marker?: string | undefined;
}

export interface ZegoRoomUser {
  UserId: string;
  UserName: string;
  UserRole: number;
}

export interface DescribeUserListResponse extends ZegoRtcResponse {
  Data: {
    /** Pass it back as `Marker` for the next page; empty when this was the last page. */
    Marker: string;
    UserList: ZegoRoomUser[];
  };
}

/** Options of the DescribeUserList page iterator. */
export interface DescribeUserListPagesOptions extends ZegoRtcCallOptions {
  /**
   * Pause between pages in milliseconds. Default 1,000: DescribeUserList allows one request per
   * second per room, so a faster loop would be answered with 207.
   */
  pageIntervalMs?: number | undefined;
}

/** KickoutUser: removes up to 5 users from a room. */
export interface KickoutUserRequest {
  RoomId: string;
  /** 1–5 user ids (sent as repeated `UserId[]`). */
  UserId: readonly string[];
  /** Reason passed to the kicked clients, ≤ 256 UTF-8 bytes. */
  CustomReason?: string | undefined;
}

/** CloseRoom: removes everybody and closes the room. */
export interface CloseRoomRequest {
  RoomId: string;
  /** Reason passed to the clients, ≤ 256 UTF-8 bytes. */
  CustomReason?: string | undefined;
  /** Whether ZEGO fires the room_close callback (default false). */
  RoomCloseCallback?: boolean | undefined;
}

/** KickoutUser and CloseRoom answer without `Data`. */
export type KickoutUserResponse = ZegoRtcResponse;
export type CloseRoomResponse = ZegoRtcResponse;
