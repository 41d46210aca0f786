import type {
  OtherCallbackEvent,
  RoomClosedEvent,
  RoomCreatedEvent,
  StreamClosedEvent,
  StreamCreatedEvent,
  UserJoinedEvent,
  UserLeftEvent,
} from '@roomcast/core';
import type { ZegoCallbackCommon } from '@roomcast/zego-common';

/*
 * ZEGO RTC server callbacks, with ZEGO's field names. Types are normalised because ZEGO sends the
 * same field as a number in one event and a string in another: 64-bit ids (`room_session_id`,
 * `room_seq`, `session_id`, `stream_sid`, `stream_seq`) are exact decimal strings; times and
 * small codes are numbers. Fields ZEGO documents but may leave out are `| undefined`.
 */

/** `room_create`: the first user logged in and the room exists. */
export interface ZegoRoomCreateCallback extends ZegoCallbackCommon {
  event: 'room_create';
  room_id: string;
  /** The room's lifecycle id (UInt64); with `room_id`, the key for de-duplication and ordering. */
  room_session_id: string | undefined;
  /** Unix milliseconds. */
  room_create_time: number | undefined;
  /** The creator's user id. */
  id_name: string | undefined;
}

/** `room_close`: the room ended. */
export interface ZegoRoomCloseCallback extends ZegoCallbackCommon {
  event: 'room_close';
  room_id: string;
  room_session_id: string | undefined;
  /** 0 normal; 1 last user's heartbeat timed out; 2 last user disconnected; 3 last user kicked out. */
  close_reason: number | undefined;
  /** Unix milliseconds. */
  room_close_time: number | undefined;
}

/** `room_login`: a user logged into a room. */
export interface ZegoRoomLoginCallback extends ZegoCallbackCommon {
  event: 'room_login';
  room_id: string;
  room_name: string | undefined;
  /** Equals `room_session_id`. */
  room_seq: string | undefined;
  /** The user id. */
  user_account: string;
  user_nickname: string | undefined;
  session_id: string | undefined;
  /** Unix milliseconds. */
  login_time: number | undefined;
  /** 1 host, 2 audience, 4 admin-type user (LiveRoom SDK only; ignore for Express). */
  user_role: number | undefined;
  /** 0 without token; 1–4 token versions 01–04. */
  auth_level: number | undefined;
  /** 0 first login, 1 re-login. */
  relogin: number | undefined;
  /** Room user-list version, +1 per login or logout. */
  user_update_seq: number | undefined;
  /** Custom data the client passed at login. */
  callback_data: string | undefined;
}

/** `room_logout`: a user left a room. */
export interface ZegoRoomLogoutCallback extends ZegoCallbackCommon {
  event: 'room_logout';
  room_id: string;
  room_seq: string | undefined;
  user_account: string;
  user_nickname: string | undefined;
  session_id: string | undefined;
  login_time: number | undefined;
  /** Unix milliseconds. */
  logout_time: number | undefined;
  /** 0 normal; 1 heartbeat timeout; 2 disconnect; 3 kicked by server API; 4 token expired. */
  reason: number | undefined;
  user_role: number | undefined;
  user_update_seq: number | undefined;
}

/** `stream_create`: a stream started publishing. */
export interface ZegoStreamCreateCallback extends ZegoCallbackCommon {
  event: 'stream_create';
  room_id: string;
  room_session_id: string | undefined;
  user_id: string;
  user_name: string | undefined;
  channel_id: string | undefined;
  stream_id: string;
  stream_sid: string | undefined;
  title: string | undefined;
  stream_alias: string | undefined;
  /** JSON text such as `{"cid":0}` (codec: 0 H.264, 1 H.264 SVC, 2 VP8, 3 H.265). */
  stream_attr: string | undefined;
  /** +1 per stream-list change. */
  stream_seq: string | undefined;
  /** Unix seconds. */
  create_time: number | undefined;
  create_time_ms: number | undefined;
  extra_info: string | undefined;
  /** 1 when an existing stream was republished. */
  recreate: number | undefined;
  publish_id: string | undefined;
  publish_name: string | undefined;
  rtmp_url: string[];
  hls_url: string[];
  hdl_url: string[];
  /** A snapshot every 20 s, valid only while the stream publishes. */
  pic_url: string[];
}

/** `stream_close`: a stream stopped. */
export interface ZegoStreamCloseCallback extends ZegoCallbackCommon {
  event: 'stream_close';
  room_id: string;
  room_session_id: string | undefined;
  user_id: string;
  user_name: string | undefined;
  channel_id: string | undefined;
  /** 0 normal; 1 heartbeat timeout; 2 duplicate login; 3 server kickout; 4 TCP drop; 5 room cleared; 100 DeleteStream. */
  type: number | undefined;
  stream_alias: string | undefined;
  stream_id: string;
  stream_sid: string | undefined;
  stream_seq: string | undefined;
  third_define_data: string | undefined;
  create_time_ms: number | undefined;
  destroy_timemillis: number | undefined;
}

/** Any RTC callback outside the six above (recording, transcoding…): common fields and `raw`. */
export type ZegoRtcOtherCallback = ZegoCallbackCommon;

/** Every event `zegoRtc(...).callbacks` returns. */
export type ZegoRtcEvent =
  | RoomCreatedEvent<'zego-rtc', ZegoRoomCreateCallback>
  | RoomClosedEvent<'zego-rtc', ZegoRoomCloseCallback>
  | UserJoinedEvent<'zego-rtc', ZegoRoomLoginCallback>
  | UserLeftEvent<'zego-rtc', ZegoRoomLogoutCallback>
  | StreamCreatedEvent<'zego-rtc', ZegoStreamCreateCallback>
  | StreamClosedEvent<'zego-rtc', ZegoStreamCloseCallback>
  | OtherCallbackEvent<'zego-rtc', ZegoRtcOtherCallback>;
