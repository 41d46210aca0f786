import { zimSendMsg } from '../../callbacks/zim-messages.js';
import type { Delivery } from '../../state/deliveries.js';
import { fail, type ZegoCall, type ZegoOutcome } from '../handler.js';
import { readMessage, type ZimMessage } from './message-body.js';
import { choice, entityId, jsonBody, userId } from './params.js';

const MAX_PEER_RECIPIENTS = 100;
const PEER_TYPES = [1, 2, 10, 11, 12, 13, 14, 200] as const;
const ROOM_TYPES = [1, 2, 10, 11, 12, 13, 14, 20, 200] as const;
const GROUP_TYPES = PEER_TYPES;
const ALL_USERS_TYPES = [1, 11, 12, 13, 14, 200] as const;

type DeliveryFields = Omit<Delivery, 'id' | 'vendor' | 'at' | 'requestId' | 'content' | 'raw'>;

function deliver(
  call: ZegoCall,
  message: ZimMessage,
  fields: DeliveryFields,
  extra?: Record<string, unknown>,
): void {
  if (!call.deliver) return;
  call.ctx.deliveries.add({
    vendor: 'zego-zim',
    at: call.nowMs,
    requestId: call.requestId,
    content: message.content,
    raw: { ...message.raw, senderUserID: fields.from, timestamp: call.nowMs, ...extra },
    ...fields,
  });
}

/** The sender must be registered (UserRegister) or have logged in once: 660500002 otherwise. */
function registeredSender(call: ZegoCall, body: Record<string, unknown>): string {
  const from = userId(body.FromUserId, 'FromUserId', call.ctx.sizes.zimUserIdBytes);
  if (!call.ctx.zim.registered.has(from))
    fail(660500002, `FromUserId ${from} is not registered and never logged in`);
  return from;
}

/**
 * SendPeerMessage: one message to up to 100 users. Unregistered recipients fail with SubCode
 * 660500002, offline ones with 660200001 (or are stored, see `behavior.zimOfflinePeer`). Code 0 when
 * at least one succeeded; when all failed, Code is the first failure's SubCode.
 */
export function sendPeerMessage(call: ZegoCall): ZegoOutcome {
  const body = jsonBody(call);
  const max = call.ctx.sizes.zimUserIdBytes;
  const rawTo = body.ToUserId;
  if (!Array.isArray(rawTo) || rawTo.length === 0)
    fail(660000002, 'ToUserId must be a non-empty array of user ids');
  if (rawTo.length > MAX_PEER_RECIPIENTS) {
    fail(660000011, `ToUserId has ${rawTo.length} users; the limit is ${MAX_PEER_RECIPIENTS}`);
  }
  const to = rawTo.map((u, i) => userId(u, `ToUserId[${i}]`, max));
  const fromValue = userId(body.FromUserId, 'FromUserId', max);
  if (to.includes(fromValue))
    fail(660000002, 'ToUserId must not contain FromUserId (a user cannot message itself)');
  choice(body, 'Priority', [1, 2, 3]);
  const message = readMessage(call, body, PEER_TYPES);
  const senderUnaware = choice(body, 'SenderUnaware', [0, 1], 0);
  const from = registeredSender(call, body);

  const zim = call.ctx.zim;
  const ErrorList: { UserId: string; SubCode: number }[] = [];
  const SuccList: { UserId: string; MsgId: string; MsgSeq?: number }[] = [];
  for (const target of new Set(to)) {
    if (!zim.registered.has(target)) {
      ErrorList.push({ UserId: target, SubCode: 660500002 });
      continue;
    }
    const online = zim.online.has(target);
    if (!online && call.ctx.behavior.zimOfflinePeer === 'fail') {
      ErrorList.push({ UserId: target, SubCode: 660200001 });
      continue;
    }
    const msgId = String(zim.nextMsgId());
    // Signaling (command) messages are not stored and carry no sequence.
    const seq = message.type === 2 ? undefined : zim.nextPeerSeq(from, target);
    SuccList.push(
      seq === undefined ? { UserId: target, MsgId: msgId } : { UserId: target, MsgId: msgId, MsgSeq: seq },
    );
    const extra = { messageID: msgId, ...(seq !== undefined ? { messageSeq: seq } : {}), offline: !online };
    deliver(call, message, { callback: 'peerMessageReceived', to: target, from, messageId: msgId }, extra);
    if (senderUnaware === 0 && zim.online.has(from)) {
      deliver(
        call,
        message,
        { callback: 'peerMessageReceived', to: from, from, messageId: msgId, senderCopy: true },
        {
          ...extra,
          conversationID: target,
        },
      );
    }
  }
  if (call.deliver && SuccList.length > 0) {
    // A server-API batch send: conv_id, msg_id and msg_seq empty; the recipients in user_list.
    zimSendMsg(
      call.ctx,
      {
        from,
        convType: 0,
        convId: '',
        msgType: message.type,
        subMsgType: subTypeOf(message),
        body: message.content,
        msgId: '',
      },
      {
        source: 1,
        sendResult: 0,
        userList: SuccList.map((u) => ({ UserId: u.UserId, MsgId: u.MsgId, MsgSeq: u.MsgSeq ?? 0 })),
      },
    );
  }
  const allFailed = SuccList.length === 0 && ErrorList.length > 0;
  return {
    code: allFailed ? ErrorList[0]!.SubCode : 0,
    message: allFailed ? 'every recipient failed: see ErrorList' : undefined,
    fields: { ErrorList, SuccList, AuditInfos: [] },
  };
}

/**
 * SendRoomMessage: to every member of the room but the sender. `SenderUnaware` defaults to 1 here;
 * receipts are refused (660300013); an unknown room answers 660300001.
 */
export function sendRoomMessage(call: ZegoCall): ZegoOutcome {
  const body = jsonBody(call);
  userId(body.FromUserId, 'FromUserId', call.ctx.sizes.zimUserIdBytes);
  const roomId = entityId(body.RoomId, 'RoomId', call.ctx.sizes.zimRoomIdBytes);
  choice(body, 'Priority', [1, 2, 3]);
  const message = readMessage(call, body, ROOM_TYPES);
  if (message.hasReceipt) fail(660300013, undefined, roomId);
  const senderUnaware = choice(body, 'SenderUnaware', [0, 1], 1);
  const from = registeredSender(call, body);
  const members = call.ctx.zim.rooms.get(roomId);
  if (!members) fail(660300001, `room ${roomId} not found or destroyed`, roomId);
  if (call.takeRoom(roomId) !== 'ok') fail(660300006, undefined, roomId);

  const seq = call.ctx.zim.nextRoomSeq(roomId);
  const msgId = String(call.ctx.zim.nextMsgId());
  const extra = { messageID: msgId, messageSeq: seq, roomID: roomId };
  for (const member of members) {
    if (member === from) continue;
    deliver(
      call,
      message,
      { callback: 'roomMessageReceived', to: member, from, roomId, messageId: msgId },
      extra,
    );
  }
  if (senderUnaware === 0 && members.has(from)) {
    deliver(
      call,
      message,
      { callback: 'roomMessageReceived', to: from, from, roomId, messageId: msgId, senderCopy: true },
      extra,
    );
  }
  if (call.deliver) {
    zimSendMsg(
      call.ctx,
      {
        from,
        convType: 1,
        convId: roomId,
        msgType: message.type,
        subMsgType: subTypeOf(message),
        body: message.content,
        msgId,
      },
      { source: 1, msgSeq: seq, sendResult: 0 },
    );
  }
  return { code: 0, roomId, fields: { AuditInfos: [] } };
}

function subTypeOf(message: ZimMessage): number | undefined {
  const sub = message.raw.subType;
  return typeof sub === 'number' ? sub : undefined;
}

/**
 * SendGroupMessage: to the group's members but the sender (stored, so offline members get it too),
 * narrowed by `SendMsgOptions.TargetOption`. Answers `MsgSeq` and `MsgId` (a Number here).
 */
export function sendGroupMessage(call: ZegoCall): ZegoOutcome {
  const body = jsonBody(call);
  userId(body.FromUserId, 'FromUserId', call.ctx.sizes.zimUserIdBytes);
  const groupId = entityId(body.GroupId, 'GroupId', call.ctx.sizes.zimGroupIdBytes);
  choice(body, 'Priority', [1, 2, 3]);
  const message = readMessage(call, body, GROUP_TYPES);
  const target = targetOption(body.SendMsgOptions);
  const from = registeredSender(call, body);
  const group = call.ctx.zim.groups.get(groupId);
  if (!group) fail(660600001, `group ${groupId} not found`);
  if (call.takeRoom(groupId) !== 'ok') fail(660300006);

  group.seq += 1;
  const msgId = call.ctx.zim.nextMsgId();
  const extra = { messageID: String(msgId), messageSeq: group.seq, groupID: groupId };
  for (const member of group.members) {
    if (member === from) continue;
    if (target && target.listed.has(member) !== target.inclusive) continue;
    deliver(
      call,
      message,
      { callback: 'groupMessageReceived', to: member, from, groupId, messageId: String(msgId) },
      extra,
    );
  }
  return { code: 0, fields: { MsgSeq: group.seq, MsgId: msgId, AuditInfos: [] } };
}

function targetOption(options: unknown): { listed: Set<string>; inclusive: boolean } | undefined {
  if (options === undefined || options === null) return undefined;
  if (typeof options !== 'object') fail(660000002, 'SendMsgOptions must be an object');
  const target = (options as Record<string, unknown>).TargetOption;
  if (target === undefined || target === null) return undefined;
  if (typeof target !== 'object') fail(660000002, 'SendMsgOptions.TargetOption must be an object');
  const { ReceiverUserIds, Inclusive } = target as Record<string, unknown>;
  if (!Array.isArray(ReceiverUserIds) || !ReceiverUserIds.every((u) => typeof u === 'string')) {
    fail(660000002, 'TargetOption.ReceiverUserIds must be an array of user ids');
  }
  if (Inclusive !== undefined && typeof Inclusive !== 'boolean')
    fail(660000002, 'TargetOption.Inclusive must be a boolean');
  return { listed: new Set(ReceiverUserIds as string[]), inclusive: Inclusive === true };
}

/**
 * SendMessageToAllUsers: to every online user, the sender included; nothing stored. 1/s and
 * 100 per 24 h (660500003).
 */
export function sendMessageToAllUsers(call: ZegoCall): ZegoOutcome {
  const body = jsonBody(call);
  userId(body.FromUserId, 'FromUserId', call.ctx.sizes.zimUserIdBytes);
  const message = readMessage(call, body, ALL_USERS_TYPES);
  const pushType = choice(body, 'PushType', [0, 1, 2], 0);
  const from = registeredSender(call, body);
  const msgId = String(call.ctx.zim.nextMsgId());
  for (const user of call.ctx.zim.online) {
    deliver(
      call,
      message,
      { callback: 'broadcastMessageReceived', to: user, from, messageId: msgId },
      {
        messageID: msgId,
        pushType,
      },
    );
  }
  return { code: 0 };
}
