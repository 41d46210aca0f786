import type {
  BeforeSendReply,
  MessageBeforeSendEvent,
  MessageSentEvent,
  OtherCallbackEvent,
  RoomClosedEvent,
  RoomCreatedEvent,
  UserJoinedEvent,
  UserLeftEvent,
} from '@roomcast/core';

/*
 * Tencent Chat / Live callbacks, with Tencent's field names. 64-bit values (`Owner_Account`
 * arrives as a bare JSON number beyond 2^53) are exact decimal strings; ms times are numbers.
 */

/** The query Tencent appends to your callback URL, minus `Sign`. */
export interface TrtcCallbackQueryFields {
  SdkAppid: string | undefined;
  CallbackCommand: string | undefined;
  contenttype: string | undefined;
  ClientIP: string | undefined;
  /** `RESTAPI`, `Web`, `Android`, `iOS`, `Windows`, `Mac`, `iPad`, `Unknown`. */
  OptPlatform: string | undefined;
  RequestTime: string | undefined;
}

/** Fields of every callback. */
export interface TrtcCallbackCommon {
  CallbackCommand: string;
  /** The URL query Tencent added (SdkAppid, ClientIP, OptPlatform…), without `Sign`. */
  query: TrtcCallbackQueryFields;
  /** Every body field as parsed (64-bit integers as exact decimal strings). */
  raw: Readonly<Record<string, unknown>>;
}

/** One element of `MsgBody`: `TIMTextElem { Text }`, `TIMCustomElem { Data, Desc, Ext, Sound }`, … */
export interface TrtcMsgElement {
  MsgType: string;
  MsgContent: Record<string, unknown>;
}

/** `{ BusinessId, Data }` decoded from a live-room custom message (`send_custom_msg`). */
export interface TrtcLiveCustomData {
  BusinessId: string;
  Data: string;
}

/** Fields of both group-message callbacks. */
export interface TrtcGroupMsgFields extends TrtcCallbackCommon {
  /** Group or live-room id. */
  GroupId: string;
  /** `Live` for live rooms; Chat: `Public`, `Private`/`Work`, `ChatRoom`/`Meeting`, `AVChatRoom`, `Community`. */
  Type: string | undefined;
  From_Account: string;
  /** Who made the request (an admin for REST sends). */
  Operator_Account: string | undefined;
  Random: number | undefined;
  OnlineOnlyFlag: number | undefined;
  MsgId: string | undefined;
  MsgBody: TrtcMsgElement[];
  CloudCustomData: string | undefined;
  TopicId: string | undefined;
  /** Unix milliseconds (a string in Tencent's samples, a number in its tables). */
  EventTime: number | undefined;
  /** For a live custom message: `MsgContent.Data` decoded as `{ BusinessId, Data }`. */
  LiveCustomData: TrtcLiveCustomData | undefined;
}

/** `Group.CallbackBeforeSendMsg`: Tencent waits (2 s) for your decision; on timeout it delivers. */
export interface TrtcBeforeSendMsgCallback extends TrtcGroupMsgFields {
  CallbackCommand: 'Group.CallbackBeforeSendMsg';
}

/** `Group.CallbackAfterSendMsg`. */
export interface TrtcAfterSendMsgCallback extends TrtcGroupMsgFields {
  CallbackCommand: 'Group.CallbackAfterSendMsg';
  MsgSeq: number | undefined;
  /** Unix seconds. */
  MsgTime: number | undefined;
}

/** `Live.CallbackAfterCreateRoom`. */
export interface TrtcAfterCreateRoomCallback extends TrtcCallbackCommon {
  CallbackCommand: 'Live.CallbackAfterCreateRoom';
  Operator_Account: string | undefined;
  /** `RoomId`, `RoomName`, `RoomType`, `Owner_Account` (exact string), `MaxMemberCount`, … as sent. */
  RoomInfo: Readonly<Record<string, unknown>>;
  RoomId: string;
  EventTime: number | undefined;
}

/** `Live.CallbackAfterDestroyRoom`. */
export interface TrtcAfterDestroyRoomCallback extends TrtcCallbackCommon {
  CallbackCommand: 'Live.CallbackAfterDestroyRoom';
  Operator_Account: string | undefined;
  RoomId: string;
  /** `DestroyByUser` or `DestroyBySystem` (the room was empty). */
  EventType: string | undefined;
  EventTime: number | undefined;
  RoomInfo: Readonly<Record<string, unknown>> | undefined;
  /** `TotalViewers`, `TotalGiftsSent`, … as sent. */
  Statistic: Readonly<Record<string, unknown>> | undefined;
}

/** `Live.CallbackAfterMemberStateChanged` (its table also spells it `Live.CallbackMemberStateChanged`). */
export interface TrtcMemberStateChangedCallback extends TrtcCallbackCommon {
  CallbackCommand: 'Live.CallbackAfterMemberStateChanged' | 'Live.CallbackMemberStateChanged';
  RoomId: string;
  /** `Online` or `Offline`. */
  EventType: string;
  /** `Enter`, `Leave`, `HeartbeatInterrupt`, `HeartbeatRecover`. */
  EventCause: string | undefined;
  MemberList: { Member_Account: string }[];
  EventTime: number | undefined;
}

/** Other verified callbacks (room info, seats, battles, gifts, follows…): common fields and `raw`. */
export type TrtcOtherCallback = TrtcCallbackCommon;

/** A `rewrite` for `Group.CallbackBeforeSendMsg`: a new `MsgBody`, new `CloudCustomData`, or both. */
export interface TrtcRewrite {
  MsgBody?: TrtcMsgElement[] | undefined;
  CloudCustomData?: string | undefined;
}

/**
 * Tencent's answers to `Group.CallbackBeforeSendMsg` (`{ActionStatus, ErrorCode, ErrorInfo[,
 * MsgBody, CloudCustomData]}`): `allow()` 0, `rewrite(body)` 0 with the new body, `reject()` 1
 * (the sender gets 10016), `reject(10100–10200, text)` (the sender gets that code and text),
 * `drop()` 2 (the sender sees success).
 */
export type TrtcBeforeSendReply = BeforeSendReply<TrtcRewrite>;

/** Every event `trtc(...).callbacks` returns. */
export type TrtcEvent =
  | MessageBeforeSendEvent<'trtc', TrtcBeforeSendMsgCallback, TrtcRewrite>
  | MessageSentEvent<'trtc', TrtcAfterSendMsgCallback>
  | RoomCreatedEvent<'trtc', TrtcAfterCreateRoomCallback>
  | RoomClosedEvent<'trtc', TrtcAfterDestroyRoomCallback>
  | UserJoinedEvent<'trtc', TrtcMemberStateChangedCallback>
  | UserLeftEvent<'trtc', TrtcMemberStateChangedCallback>
  | OtherCallbackEvent<'trtc', TrtcOtherCallback>;
