import { type CallbackFieldReader, callbackFields } from '@roomcast/core';
import type { ZegoCallbackCommon } from '@roomcast/zego-common';
import { PROVIDER_ID } from '../version.js';
import type {
  ZegoRoomCloseCallback,
  ZegoRoomCreateCallback,
  ZegoRoomLoginCallback,
  ZegoRoomLogoutCallback,
  ZegoStreamCloseCallback,
  ZegoStreamCreateCallback,
} from './types.js';

/** A verified callback's fields with the common ones already read. */
export interface VerifiedZegoFields {
  common: ZegoCallbackCommon;
  fields: Readonly<Record<string, unknown>>;
}

const reader = ({ common, fields }: VerifiedZegoFields): CallbackFieldReader =>
  callbackFields(fields, { provider: PROVIDER_ID, name: common.event });

/** Parses a verified `room_create`. */
export function parseRoomCreate(input: VerifiedZegoFields): ZegoRoomCreateCallback {
  const r = reader(input);
  return {
    ...input.common,
    event: 'room_create',
    room_id: r.requiredString('room_id'),
    room_session_id: r.id('room_session_id'),
    room_create_time: r.integer('room_create_time'),
    id_name: r.string('id_name'),
  };
}

/** Parses a verified `room_close`. */
export function parseRoomClose(input: VerifiedZegoFields): ZegoRoomCloseCallback {
  const r = reader(input);
  return {
    ...input.common,
    event: 'room_close',
    room_id: r.requiredString('room_id'),
    room_session_id: r.id('room_session_id'),
    close_reason: r.integer('close_reason'),
    room_close_time: r.integer('room_close_time'),
  };
}

/** Parses a verified `room_login`. */
export function parseRoomLogin(input: VerifiedZegoFields): ZegoRoomLoginCallback {
  const r = reader(input);
  return {
    ...input.common,
    event: 'room_login',
    room_id: r.requiredString('room_id'),
    room_name: r.string('room_name'),
    room_seq: r.id('room_seq'),
    user_account: r.requiredString('user_account'),
    user_nickname: r.string('user_nickname'),
    session_id: r.id('session_id'),
    login_time: r.integer('login_time'),
    user_role: r.integer('user_role'),
    auth_level: r.integer('auth_level'),
    relogin: r.integer('relogin'),
    user_update_seq: r.integer('user_update_seq'),
    callback_data: r.string('callback_data'),
  };
}

/** Parses a verified `room_logout`. */
export function parseRoomLogout(input: VerifiedZegoFields): ZegoRoomLogoutCallback {
  const r = reader(input);
  return {
    ...input.common,
    event: 'room_logout',
    room_id: r.requiredString('room_id'),
    room_seq: r.id('room_seq'),
    user_account: r.requiredString('user_account'),
    user_nickname: r.string('user_nickname'),
    session_id: r.id('session_id'),
    login_time: r.integer('login_time'),
    logout_time: r.integer('logout_time'),
    reason: r.integer('reason'),
    user_role: r.integer('user_role'),
    user_update_seq: r.integer('user_update_seq'),
  };
}

/** Parses a verified `stream_create`. */
export function parseStreamCreate(input: VerifiedZegoFields): ZegoStreamCreateCallback {
  const r = reader(input);
  return {
    ...input.common,
    event: 'stream_create',
    room_id: r.requiredString('room_id'),
    room_session_id: r.id('room_session_id'),
    user_id: r.requiredString('user_id'),
    user_name: r.string('user_name'),
    channel_id: r.string('channel_id'),
    stream_id: r.requiredString('stream_id'),
    stream_sid: r.id('stream_sid'),
    title: r.string('title'),
    stream_alias: r.string('stream_alias'),
    stream_attr: r.string('stream_attr'),
    stream_seq: r.id('stream_seq'),
    create_time: r.integer('create_time'),
    create_time_ms: r.integer('create_time_ms'),
    extra_info: r.string('extra_info'),
    recreate: r.integer('recreate'),
    publish_id: r.string('publish_id'),
    publish_name: r.string('publish_name'),
    rtmp_url: r.strings('rtmp_url'),
    hls_url: r.strings('hls_url'),
    hdl_url: r.strings('hdl_url'),
    pic_url: r.strings('pic_url'),
  };
}

/** Parses a verified `stream_close`. */
export function parseStreamClose(input: VerifiedZegoFields): ZegoStreamCloseCallback {
  const r = reader(input);
  return {
    ...input.common,
    event: 'stream_close',
    room_id: r.requiredString('room_id'),
    room_session_id: r.id('room_session_id'),
    user_id: r.requiredString('user_id'),
    user_name: r.string('user_name'),
    channel_id: r.string('channel_id'),
    type: r.integer('type'),
    stream_alias: r.string('stream_alias'),
    stream_id: r.requiredString('stream_id'),
    stream_sid: r.id('stream_sid'),
    stream_seq: r.id('stream_seq'),
    third_define_data: r.string('third_define_data'),
    create_time_ms: r.integer('create_time_ms'),
    destroy_timemillis: r.integer('destroy_timemillis'),
  };
}
