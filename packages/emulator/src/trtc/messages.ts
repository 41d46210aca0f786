import type { TrtcRoom } from '../state/trtc-rooms.js';
import { utf8Bytes } from '../util/utf8.js';
import { optionalString, requiredString, type TrtcCall, type TrtcOutcome, trtcFail } from './call.js';

function openRoom(call: TrtcCall, sender: string | undefined): TrtcRoom {
  const roomId = requiredString(call.body, 'RoomId');
  const room = call.ctx.trtc.get(roomId);
  if (!room) trtcFail(100004, `room ${roomId} does not exist, or has been dismissed`, roomId);
  if (sender !== undefined && room.muted.has(sender))
    trtcFail(100601, `${sender} is muted in ${roomId}`, roomId);
  return room;
}

function checkSize(call: TrtcCall, bytes: number, roomId: string): void {
  const max = call.ctx.sizes.trtcMessageBytes;
  if (bytes > max) trtcFail(100603, `message content is ${bytes} bytes (UTF-8); the limit is ${max}`, roomId);
}

/**
 * The common tail of both message commands: frequency control (soft drop or 100602), sequence,
 * delivery to every member but the sender, and `Response{MsgTime, MsgSeq, MsgDropReason}`.
 */
function post(
  call: TrtcCall,
  room: TrtcRoom,
  from: string,
  content: string,
  raw: Record<string, unknown>,
): TrtcOutcome {
  const roomId = room.info.RoomId;
  let dropped = !call.deliver;
  if (call.takeRoom(roomId) !== 'ok') {
    if (call.ctx.behavior.trtcFrequencyControl === 'reject') trtcFail(100602, undefined, roomId);
    dropped = true;
  }
  room.msgSeq += 1;
  const msgTime = Math.floor(call.nowMs / 1000);
  if (!dropped) {
    for (const to of room.members) {
      if (to === from) continue;
      call.ctx.deliveries.add({
        vendor: 'trtc',
        callback: 'onRecvNewMessage',
        to,
        from,
        roomId,
        content,
        messageId: String(room.msgSeq),
        at: call.nowMs,
        requestId: call.requestId,
        raw: { groupID: roomId, seq: room.msgSeq, timestamp: msgTime, sender: from, ...raw },
      });
    }
  }
  return {
    code: 0,
    roomId,
    response: { MsgTime: msgTime, MsgSeq: room.msgSeq, MsgDropReason: dropped ? 'MsgFreqCtrl' : '' },
  };
}

/**
 * send_custom_msg: `RoomId`, `BusinessId`, `Data` required; `Sender_Account` optional (the
 * admin sends when it is left out). Delivered as a TIMCustomElem whose `Data` is the JSON string
 * `{"BusinessId":..,"Data":..}`; the 12 KB limit applies to that string.
 */
export function sendCustomMsg(call: TrtcCall): TrtcOutcome {
  const sender = optionalString(call.body, 'Sender_Account');
  const room = openRoom(call, sender);
  const businessId = requiredString(call.body, 'BusinessId');
  const rawData = call.body.Data;
  // The docs type Data as Integer in one table and a string everywhere else: accept both.
  if (typeof rawData !== 'string' && typeof rawData !== 'number') {
    trtcFail(100002, 'Data is required and must be a string', room.info.RoomId);
  }
  const data = String(rawData);
  const wrapped = JSON.stringify({ BusinessId: businessId, Data: data });
  checkSize(call, utf8Bytes(wrapped), room.info.RoomId);
  return post(call, room, sender ?? call.identifier, data, {
    elemType: 'TIMCustomElem',
    businessId,
    MsgBody: [{ MsgType: 'TIMCustomElem', MsgContent: { Data: wrapped } }],
  });
}

/** send_text_msg: `RoomId`, `Sender_Account`, `TextContent` required; `ExtensionInfo` → CloudCustomData. */
export function sendTextMsg(call: TrtcCall): TrtcOutcome {
  const sender = requiredString(call.body, 'Sender_Account');
  const room = openRoom(call, sender);
  const text = requiredString(call.body, 'TextContent');
  const extension = optionalString(call.body, 'ExtensionInfo');
  checkSize(call, utf8Bytes(text) + utf8Bytes(extension ?? ''), room.info.RoomId);
  return post(call, room, sender, text, {
    elemType: 'TIMTextElem',
    MsgBody: [{ MsgType: 'TIMTextElem', MsgContent: { Text: text } }],
    ...(extension !== undefined ? { CloudCustomData: extension } : {}),
  });
}
