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
async function post(
  call: TrtcCall,
  room: TrtcRoom,
  from: string,
  originalContent: string,
  originalRaw: Record<string, unknown>,
): Promise<TrtcOutcome> {
  const roomId = room.info.RoomId;
  let dropped = !call.deliver;
  if (call.takeRoom(roomId) !== 'ok') {
    if (call.ctx.behavior.trtcFrequencyControl === 'reject') trtcFail(100602, undefined, roomId);
    dropped = true;
  }
  const message = {
    GroupId: roomId,
    Type: 'Live',
    From_Account: from,
    Operator_Account: call.identifier,
    Random: Number.parseInt(call.requestId.slice(3, 11), 16) >>> 0,
    MsgId: `${call.nowMs}-${call.ctx.tencentSeq}-${room.msgSeq + 1}`,
    MsgBody: originalRaw.MsgBody,
    ...(originalRaw.CloudCustomData !== undefined ? { CloudCustomData: originalRaw.CloudCustomData } : {}),
    EventTime: String(call.nowMs),
  };
  // Admin REST sends go through the group before-send callback too (Tencent: client and REST alike).
  const decision = dropped
    ? undefined
    : beforeSendDecision(await call.ctx.callbacks.trtcBefore(message), roomId);
  const silent = decision?.silent === true;
  const raw = { ...originalRaw, ...decision?.rewrite };
  const content = decision?.rewrite ? (contentOf(raw.MsgBody) ?? originalContent) : originalContent;
  room.msgSeq += 1;
  const msgTime = Math.floor(call.nowMs / 1000);
  if (!dropped && !silent) {
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
    call.ctx.callbacks.trtcAfter('Group.CallbackAfterSendMsg', {
      ...message,
      MsgBody: raw.MsgBody,
      ...(raw.CloudCustomData !== undefined ? { CloudCustomData: raw.CloudCustomData } : {}),
      MsgSeq: room.msgSeq,
      MsgTime: msgTime,
    });
  }
  return {
    code: 0,
    roomId,
    response: { MsgTime: msgTime, MsgSeq: room.msgSeq, MsgDropReason: dropped ? 'MsgFreqCtrl' : '' },
  };
}

/**
 * What the receiver's answer to Group.CallbackBeforeSendMsg means: ErrorCode 0 deliver (with its
 * MsgBody / CloudCustomData if given), 1 refuse (the sender sees 10016), 2 drop silently,
 * 10100–10200 refuse with that code and ErrorInfo. No answer, a failed one or another code:
 * deliver (Tencent's default on callback failure).
 */
function beforeSendDecision(
  reply: Record<string, unknown> | undefined,
  roomId: string,
): { silent?: boolean; rewrite?: Record<string, unknown> } | undefined {
  if (reply === undefined) return undefined;
  const code = reply.ErrorCode;
  const info = typeof reply.ErrorInfo === 'string' ? reply.ErrorInfo : undefined;
  if (code === 1)
    trtcFail(10016, info || 'the app backend refused the message in its before-send callback', roomId);
  if (typeof code === 'number' && code >= 10100 && code <= 10200) trtcFail(code, info, roomId);
  if (code === 2) return { silent: true };
  if (code !== 0) return undefined;
  const rewrite: Record<string, unknown> = {};
  if (Array.isArray(reply.MsgBody) && reply.MsgBody.length > 0) rewrite.MsgBody = reply.MsgBody;
  if (typeof reply.CloudCustomData === 'string') rewrite.CloudCustomData = reply.CloudCustomData;
  return Object.keys(rewrite).length > 0 ? { rewrite } : {};
}

/** What a client shows for a MsgBody: the text, or a live custom message's inner Data. */
function contentOf(body: unknown): string | undefined {
  const first = Array.isArray(body)
    ? (body[0] as { MsgType?: unknown; MsgContent?: Record<string, unknown> })
    : undefined;
  const content = first?.MsgContent;
  if (first?.MsgType === 'TIMTextElem' && typeof content?.Text === 'string') return content.Text;
  if (first?.MsgType === 'TIMCustomElem' && typeof content?.Data === 'string') {
    try {
      const inner = JSON.parse(content.Data) as { Data?: unknown };
      if (typeof inner.Data === 'string') return inner.Data;
    } catch {
      // Not the live wrapping: show Data as it is.
    }
    return content.Data;
  }
  return undefined;
}

/**
 * send_custom_msg: `RoomId`, `BusinessId`, `Data` required; `Sender_Account` optional (the
 * admin sends when it is left out). Delivered as a TIMCustomElem whose `Data` is the JSON string
 * `{"BusinessId":..,"Data":..}`; the 12 KB limit applies to that string.
 */
export function sendCustomMsg(call: TrtcCall): Promise<TrtcOutcome> {
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
export function sendTextMsg(call: TrtcCall): Promise<TrtcOutcome> {
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
