import { utf8Bytes } from '../../util/utf8.js';
import { fail, type ZegoCall, type ZegoOutcome } from '../handler.js';
import { limited, list, required } from './params.js';

const MAX_CUSTOM_RECIPIENTS = 10;

/** Reads MessageContent: empty answers 1008, over the byte limit 50012 (decoded UTF-8 bytes). */
function messageContent(call: ZegoCall): string {
  const content = call.query.get('MessageContent');
  if (content === undefined || content === '') fail(1008);
  const bytes = utf8Bytes(content);
  const max = call.ctx.sizes.rtcMessageBytes;
  if (bytes > max) fail(50012, `MessageContent is ${bytes} bytes (UTF-8); the limit is ${max}`);
  return content;
}

function roomId(call: ZegoCall): string {
  return limited(required(call.query, 'RoomId'), 'RoomId', call.ctx.sizes.rtcRoomIdBytes);
}

function userId(call: ZegoCall, name: string): string {
  return limited(required(call.query, name), name, call.ctx.sizes.rtcUserIdBytes);
}

/**
 * SendCustomCommand: to the listed users (≤ 10), or the whole room when ToUserId[] is left out.
 * The sender never receives its own message; listed users not in the room come back in FailUsers
 * with 50003.
 */
export function sendCustomCommand(call: ZegoCall): ZegoOutcome {
  const room = roomId(call);
  const from = userId(call, 'FromUserId');
  const targets = list(call.query, 'ToUserId');
  if (targets.length > MAX_CUSTOM_RECIPIENTS) {
    fail(50011, `ToUserId[] has ${targets.length} users; the limit is ${MAX_CUSTOM_RECIPIENTS}`, room);
  }
  for (const t of targets) limited(t, 'ToUserId[]', call.ctx.sizes.rtcUserIdBytes);
  const content = messageContent(call);
  const state = call.ctx.rtc.get(room);
  if (!state) fail(50001, `room ${room} does not exist (no user is in it)`, room);

  const failUsers: { Uid: string; Code: number }[] = [];
  const recipients: string[] = [];
  if (targets.length === 0) {
    for (const id of state.users.keys()) if (id !== from) recipients.push(id);
  } else {
    for (const id of new Set(targets)) {
      if (id === from) continue;
      if (state.users.has(id)) recipients.push(id);
      else failUsers.push({ Uid: id, Code: 50003 });
    }
  }
  if (call.deliver) {
    for (const to of recipients) {
      call.ctx.deliveries.add({
        vendor: 'zego-rtc',
        callback: 'onIMRecvCustomCommand',
        to,
        from,
        roomId: room,
        content,
        at: call.nowMs,
        requestId: call.requestId,
        raw: { roomID: room, fromUser: { userID: from, userName: from }, command: content },
      });
    }
  }
  return { code: 0, roomId: room, fields: { FailUsers: failUsers } };
}

function roomText(call: ZegoCall, kind: 'broadcast' | 'barrage'): ZegoOutcome {
  const room = roomId(call);
  const from = userId(call, 'UserId');
  const userName = call.query.get('UserName') ?? '';
  const categoryRaw = required(call.query, 'MessageCategory');
  if (categoryRaw !== '1' && categoryRaw !== '2')
    fail(2, 'MessageCategory must be 1 (system) or 2 (chat)', room);
  const category = Number(categoryRaw);
  const content = messageContent(call);
  const state = call.ctx.rtc.get(room);
  if (!state) fail(104, `room ${room} does not exist (no user is in it)`, room);

  let messageId: number | string;
  if (kind === 'broadcast') {
    state.broadcastSeq += 1;
    messageId = state.broadcastSeq;
  } else {
    state.barrageSeq += 1;
    messageId = `${category}_${call.nowMs}_${state.barrageSeq}`;
  }
  if (call.deliver) {
    for (const to of state.users.keys()) {
      if (to === from) continue;
      call.ctx.deliveries.add({
        vendor: 'zego-rtc',
        callback: kind === 'broadcast' ? 'onIMRecvBroadcastMessage' : 'onIMRecvBarrageMessage',
        to,
        from,
        roomId: room,
        content,
        messageId: String(messageId),
        at: call.nowMs,
        requestId: call.requestId,
        raw: {
          roomID: room,
          messageID: messageId,
          message: content,
          sendTime: call.nowMs,
          category,
          fromUser: { userID: from, userName: userName || from },
        },
      });
    }
  }
  return { code: 0, roomId: room, fields: { MessageId: messageId } };
}

/** SendBroadcastMessage: reliable text to everyone in the room but the sender; MessageId is a Number. */
export function sendBroadcastMessage(call: ZegoCall): ZegoOutcome {
  return roomText(call, 'broadcast');
}

/** SendBarrageMessage: best-effort text to everyone in the room but the sender; MessageId is a String. */
export function sendBarrageMessage(call: ZegoCall): ZegoOutcome {
  return roomText(call, 'barrage');
}
