import { callbackFields, parseJsonLossless, RoomcastError } from '@roomcast/core';
import type { ZegoCallbackCommon } from '@roomcast/zego-common';
import { PROVIDER_ID } from '../validation/context.js';
import type {
  ZimBeforeSendMsgCallback,
  ZimConversationType,
  ZimMessageFields,
  ZimRoomCreateCallback,
  ZimRoomDestroyCallback,
  ZimRoomEnterCallback,
  ZimRoomExitCallback,
  ZimSendMsgCallback,
  ZimSendMsgUser,
} from './types.js';

/** A verified callback's fields with the common ones already read. */
export interface VerifiedZimFields {
  common: ZegoCallbackCommon;
  fields: Readonly<Record<string, unknown>>;
}

const reader = ({ common, fields }: VerifiedZimFields) =>
  callbackFields(fields, { provider: PROVIDER_ID, name: common.event });

/** Message types whose `msg_body` is URL-encoded JSON. */
const ENCODED_BODY_TYPES = new Set([10, 11, 12, 13, 14, 100]);

/** URL-decodes and parses a media/combined `msg_body`; `undefined` when it is not such JSON. */
export function decodeZimMsgBody(msgType: number, body: string): unknown {
  if (!ENCODED_BODY_TYPES.has(msgType)) return undefined;
  try {
    return parseJsonLossless(decodeURIComponent(body.replace(/\+/g, ' ')));
  } catch {
    return undefined;
  }
}

function messageFields(input: VerifiedZimFields): ZimMessageFields {
  const r = reader(input);
  const convType = r.requiredInteger('conv_type');
  if (convType !== 0 && convType !== 1 && convType !== 2) {
    throw new RoomcastError(
      'INVALID_ARGUMENT',
      `${input.common.event} callback: conv_type must be 0, 1 or 2, got ${convType}`,
      { provider: PROVIDER_ID },
    );
  }
  const msgType = r.requiredInteger('msg_type');
  const msgBody = r.string('msg_body') ?? '';
  return {
    from_user_id: r.requiredString('from_user_id'),
    conv_id: r.string('conv_id') ?? '',
    conv_type: convType as ZimConversationType,
    msg_id: r.id('msg_id'),
    msg_type: msgType,
    sub_msg_type: r.integer('sub_msg_type'),
    msg_body: msgBody,
    msg_body_json: decodeZimMsgBody(msgType, msgBody),
    payload: r.string('payload'),
  };
}

/** Parses a verified `before_send_msg`. */
export function parseBeforeSendMsg(input: VerifiedZimFields): ZimBeforeSendMsgCallback {
  return {
    ...input.common,
    ...messageFields(input),
    event: 'before_send_msg',
    request_id: reader(input).id('request_id'),
  };
}

/** Parses a verified `send_msg` or `bot_msg`. */
export function parseSendMsg(input: VerifiedZimFields, event: 'send_msg' | 'bot_msg'): ZimSendMsgCallback {
  const r = reader(input);
  const users = r.list('user_list').map((entry, index): ZimSendMsgUser => {
    const u = callbackFields((entry ?? {}) as Record<string, unknown>, {
      provider: PROVIDER_ID,
      name: `${event} user_list[${index}]`,
    });
    return { UserId: u.requiredString('UserId'), MsgId: u.id('MsgId'), MsgSeq: u.id('MsgSeq') };
  });
  return {
    ...input.common,
    ...messageFields(input),
    event,
    source: r.integer('source'),
    msg_seq: r.id('msg_seq'),
    msg_time: r.integer('msg_time'),
    send_result: r.integer('send_result') ?? 0,
    user_list: users,
  };
}

/** Parses a verified `room_create`. */
export function parseRoomCreate(input: VerifiedZimFields): ZimRoomCreateCallback {
  const r = reader(input);
  return {
    ...input.common,
    event: 'room_create',
    room_id: r.requiredString('room_id'),
    operator_account: r.string('operator_account'),
    room_name: r.string('room_name'),
    attributes: r.list('attributes'),
  };
}

/** Parses a verified `room_destroy`. */
export function parseRoomDestroy(input: VerifiedZimFields): ZimRoomDestroyCallback {
  const r = reader(input);
  return {
    ...input.common,
    event: 'room_destroy',
    room_id: r.requiredString('room_id'),
    user_ids: r.strings('user_ids'),
    operator_account: r.string('operator_account'),
  };
}

/** Parses a verified `room_enter`. */
export function parseRoomEnter(input: VerifiedZimFields): ZimRoomEnterCallback {
  const r = reader(input);
  return {
    ...input.common,
    event: 'room_enter',
    room_id: r.requiredString('room_id'),
    operator_account: r.string('operator_account'),
    new_user_ids: r.strings('new_user_ids'),
  };
}

/** Parses a verified `room_exit`. */
export function parseRoomExit(input: VerifiedZimFields): ZimRoomExitCallback {
  const r = reader(input);
  return {
    ...input.common,
    event: 'room_exit',
    room_id: r.requiredString('room_id'),
    exit_type: r.string('exit_type'),
    operator_account: r.string('operator_account'),
    exit_user_ids: r.strings('exit_user_ids'),
  };
}
