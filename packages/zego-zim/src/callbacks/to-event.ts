import type { CallbackConversation } from '@roomcast/core';
import { jsonResponse } from '@roomcast/core';
import { PROVIDER_ID } from '../validation/context.js';
import {
  parseBeforeSendMsg,
  parseRoomCreate,
  parseRoomDestroy,
  parseRoomEnter,
  parseRoomExit,
  parseSendMsg,
  type VerifiedZimFields,
} from './parse.js';
import { zimBeforeSendReply } from './reply.js';
import type { ZegoZimEvent, ZimMessageFields } from './types.js';

const ack = () => jsonResponse({});
const CONVERSATION_TYPES = ['peer', 'room', 'group'] as const;

function conversationOf(message: ZimMessageFields): CallbackConversation {
  return { type: CONVERSATION_TYPES[message.conv_type], id: message.conv_id };
}

/** Message text for plain text messages (type 1) only. */
const textOf = (message: ZimMessageFields) => (message.msg_type === 1 ? message.msg_body : undefined);

/** Maps a verified ZIM callback onto the unified event union. */
export function toZegoZimEvent(input: VerifiedZimFields, alias: string): ZegoZimEvent {
  const base = { provider: PROVIDER_ID, alias, name: input.common.event } as const;
  const sentAt = input.common.timestamp * 1000;
  switch (input.common.event) {
    case 'before_send_msg': {
      const vendor = parseBeforeSendMsg(input);
      const reply = zimBeforeSendReply();
      return {
        ...base,
        type: 'message.beforeSend',
        at: sentAt,
        conversation: conversationOf(vendor),
        from: vendor.from_user_id,
        messageId: vendor.msg_id,
        text: textOf(vendor),
        vendor,
        reply,
        ack: reply.allow,
      };
    }
    case 'send_msg':
    case 'bot_msg': {
      const vendor = parseSendMsg(input, input.common.event);
      return {
        ...base,
        type: 'message.sent',
        at: vendor.msg_time ?? sentAt,
        conversation: conversationOf(vendor),
        from: vendor.from_user_id,
        messageId: vendor.msg_id,
        text: textOf(vendor),
        ok: vendor.send_result === 0,
        vendor,
        ack,
      };
    }
    case 'room_create': {
      const vendor = parseRoomCreate(input);
      return {
        ...base,
        type: 'room.created',
        at: sentAt,
        roomId: vendor.room_id,
        userId: vendor.operator_account,
        vendor,
        ack,
      };
    }
    case 'room_destroy': {
      const vendor = parseRoomDestroy(input);
      return {
        ...base,
        type: 'room.closed',
        at: sentAt,
        roomId: vendor.room_id,
        reason: undefined,
        vendor,
        ack,
      };
    }
    case 'room_enter': {
      const vendor = parseRoomEnter(input);
      return {
        ...base,
        type: 'user.joined',
        at: sentAt,
        roomId: vendor.room_id,
        userIds: vendor.new_user_ids,
        vendor,
        ack,
      };
    }
    case 'room_exit': {
      const vendor = parseRoomExit(input);
      return {
        ...base,
        type: 'user.left',
        at: sentAt,
        roomId: vendor.room_id,
        userIds: vendor.exit_user_ids,
        reason: vendor.exit_type,
        vendor,
        ack,
      };
    }
    default:
      return { ...base, type: 'other', at: sentAt, vendor: input.common, ack };
  }
}
