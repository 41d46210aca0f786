import type { CallbackConversation } from '@roomcast/core';
import { PROVIDER_ID } from '../version.js';
import {
  parseAfterCreateRoom,
  parseAfterDestroyRoom,
  parseAfterSendMsg,
  parseBeforeSendMsg,
  parseMemberStateChanged,
} from './parse.js';
import { trtcAck, trtcBeforeSendReply } from './reply.js';
import type { TrtcCallbackCommon, TrtcEvent, TrtcGroupMsgFields } from './types.js';

/** Live rooms (and Chat's live-broadcast groups) are rooms; every other group type is a chat group. */
const ROOM_TYPES = new Set(['Live', 'AVChatRoom']);

function conversationOf(message: TrtcGroupMsgFields): CallbackConversation {
  return { type: ROOM_TYPES.has(message.Type ?? '') ? 'room' : 'group', id: message.GroupId };
}

/** The text of a message made only of text elements. */
function textOf(message: TrtcGroupMsgFields): string | undefined {
  if (message.MsgBody.length === 0 || !message.MsgBody.every((e) => e.MsgType === 'TIMTextElem'))
    return undefined;
  return message.MsgBody.map((e) => String(e.MsgContent.Text ?? '')).join('');
}

/** Maps a verified Tencent callback onto the unified event union. */
export function toTrtcEvent(common: TrtcCallbackCommon, alias: string, receivedAt: number): TrtcEvent {
  const base = { provider: PROVIDER_ID, alias, name: common.CallbackCommand, ack: trtcAck } as const;
  switch (common.CallbackCommand) {
    case 'Group.CallbackBeforeSendMsg': {
      const vendor = parseBeforeSendMsg(common);
      const reply = trtcBeforeSendReply();
      return {
        ...base,
        type: 'message.beforeSend',
        at: vendor.EventTime ?? receivedAt,
        conversation: conversationOf(vendor),
        from: vendor.From_Account,
        messageId: vendor.MsgId,
        text: textOf(vendor),
        vendor,
        reply,
        ack: reply.allow,
      };
    }
    case 'Group.CallbackAfterSendMsg': {
      const vendor = parseAfterSendMsg(common);
      return {
        ...base,
        type: 'message.sent',
        at: vendor.EventTime ?? (vendor.MsgTime === undefined ? receivedAt : vendor.MsgTime * 1000),
        conversation: conversationOf(vendor),
        from: vendor.From_Account,
        messageId: vendor.MsgId ?? (vendor.MsgSeq === undefined ? undefined : String(vendor.MsgSeq)),
        text: textOf(vendor),
        ok: true,
        vendor,
      };
    }
    case 'Live.CallbackAfterCreateRoom': {
      const vendor = parseAfterCreateRoom(common);
      const owner = vendor.RoomInfo.Owner_Account;
      return {
        ...base,
        type: 'room.created',
        at: vendor.EventTime ?? receivedAt,
        roomId: vendor.RoomId,
        userId:
          typeof owner === 'string' || typeof owner === 'number' ? String(owner) : vendor.Operator_Account,
        vendor,
      };
    }
    case 'Live.CallbackAfterDestroyRoom': {
      const vendor = parseAfterDestroyRoom(common);
      return {
        ...base,
        type: 'room.closed',
        at: vendor.EventTime ?? receivedAt,
        roomId: vendor.RoomId,
        reason: vendor.EventType,
        vendor,
      };
    }
    case 'Live.CallbackAfterMemberStateChanged':
    case 'Live.CallbackMemberStateChanged': {
      const vendor = parseMemberStateChanged(common);
      const fields = {
        ...base,
        at: vendor.EventTime ?? receivedAt,
        roomId: vendor.RoomId,
        userIds: vendor.MemberList.map((m) => m.Member_Account),
        vendor,
      };
      return vendor.EventType === 'Online'
        ? { ...fields, type: 'user.joined' }
        : { ...fields, type: 'user.left', reason: vendor.EventCause };
    }
    default:
      return { ...base, type: 'other', at: receivedAt, vendor: common };
  }
}
