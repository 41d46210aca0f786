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
import type { ZegoCallbackCommon } from '@roomcast/zego-common';

/*
 * ZEGO ZIM server callbacks, with ZIM's field names. 64-bit ids (`msg_id`, `msg_seq`,
 * `request_id`) are exact decimal strings; small codes and times are numbers.
 */

/** `0` one-to-one, `1` room, `2` group. */
export type ZimConversationType = 0 | 1 | 2;

/** Fields of the message callbacks. */
export interface ZimMessageFields {
  from_user_id: string;
  /** The target conversation (receiving user, room or group id). Empty for server-API batch sends. */
  conv_id: string;
  conv_type: ZimConversationType;
  /** Empty for server-API batch sends; editing a message reuses its id. */
  msg_id: string | undefined;
  /** 1 text, 10 combined, 11 image, 12 file, 13 audio, 14 video, 100 merged, 200 custom. */
  msg_type: number;
  /** 0–200; meaningful for `msg_type` 200. */
  sub_msg_type: number | undefined;
  /** Raw content for text (1) and custom (200); URL-encoded JSON for the others (see `msg_body_json`). */
  msg_body: string;
  /** `msg_body` decoded (URL-decoded, then JSON) for types 10–14 and 100; `undefined` otherwise. */
  msg_body_json: unknown;
  /** Extension field. */
  payload: string | undefined;
}

/** `before_send_msg`: a client is sending a message, and ZIM waits (2.5 s) for your decision. */
export interface ZimBeforeSendMsgCallback extends ZegoCallbackCommon, ZimMessageFields {
  event: 'before_send_msg';
  request_id: string | undefined;
}

/** One recipient of a server-API one-to-one send, in `send_msg.user_list`. */
export interface ZimSendMsgUser {
  UserId: string;
  MsgId: string | undefined;
  MsgSeq: string | undefined;
}

/** `send_msg` (after a message was sent or failed) and `bot_msg` (a bot's one-to-one message). */
export interface ZimSendMsgCallback extends ZegoCallbackCommon, ZimMessageFields {
  event: 'send_msg' | 'bot_msg';
  /** 0 client SDK, 1 server API. */
  source: number | undefined;
  msg_seq: string | undefined;
  /** Unix milliseconds. */
  msg_time: number | undefined;
  /** 0 success; otherwise a ZIM code (660500009 silent send, 660500010 refused by your backend). */
  send_result: number;
  user_list: ZimSendMsgUser[];
}

/** `room_create`. */
export interface ZimRoomCreateCallback extends ZegoCallbackCommon {
  event: 'room_create';
  room_id: string;
  operator_account: string | undefined;
  room_name: string | undefined;
  /** `{ key, value, auto_delete }` entries as sent. */
  attributes: readonly unknown[];
}

/** `room_destroy`. */
export interface ZimRoomDestroyCallback extends ZegoCallbackCommon {
  event: 'room_destroy';
  room_id: string;
  user_ids: string[];
  operator_account: string | undefined;
}

/** `room_enter`. */
export interface ZimRoomEnterCallback extends ZegoCallbackCommon {
  event: 'room_enter';
  room_id: string;
  operator_account: string | undefined;
  new_user_ids: string[];
}

/** `room_exit`. */
export interface ZimRoomExitCallback extends ZegoCallbackCommon {
  event: 'room_exit';
  room_id: string;
  /** `Quit` or `Kickout`. */
  exit_type: string | undefined;
  operator_account: string | undefined;
  exit_user_ids: string[];
}

/** Other ZIM callbacks (`user_action`, group and call events): common fields and `raw`. */
export type ZimOtherCallback = ZegoCallbackCommon;

/**
 * ZIM's answers to `before_send_msg` (`{"result":n,"reason":s}`): `allow()` 0 (deliver unless
 * ZIM's moderation refuses), `overrideModeration()` 1 (deliver even then), `drop()` 2 (the sender
 * sees success, nobody receives), `reject(_, text)` 3 (refused; the sender gets 111101). ZIM cannot
 * rewrite a message: `rewrite` throws `UNSUPPORTED`.
 */
export interface ZimBeforeSendReply extends BeforeSendReply<never> {
  /** `result: 1`: deliver, overriding ZIM's own content moderation. */
  overrideModeration(): Response;
}

/** Every event `zegoZim(...).callbacks` returns. */
export type ZegoZimEvent =
  | (MessageBeforeSendEvent<'zego-zim', ZimBeforeSendMsgCallback, never> & {
      readonly reply: ZimBeforeSendReply;
    })
  | MessageSentEvent<'zego-zim', ZimSendMsgCallback>
  | RoomCreatedEvent<'zego-zim', ZimRoomCreateCallback>
  | RoomClosedEvent<'zego-zim', ZimRoomDestroyCallback>
  | UserJoinedEvent<'zego-zim', ZimRoomEnterCallback>
  | UserLeftEvent<'zego-zim', ZimRoomExitCallback>
  | OtherCallbackEvent<'zego-zim', ZimOtherCallback>;
