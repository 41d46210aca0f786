import type { EmulatorContext } from '../context.js';
import { type ZimCallbackMessage, zimBeforeSendMsg, zimSendMsg } from './zim-messages.js';

/** A message a ZIM **client** sends (not the server API): the path `before_send_msg` guards. */
export interface ZimClientMessage {
  from: string;
  /** Exactly one target: a room (the sender must be in it), a user, or a group. */
  roomId?: string | undefined;
  toUserId?: string | undefined;
  groupId?: string | undefined;
  /** A text message (type 1)… */
  text?: string | undefined;
  /** …or a custom message (type 200) with `subType` 0–200. */
  data?: string | undefined;
  subType?: number | undefined;
}

/**
 * What happened to a client message: `delivered`; `silent` (result 2: the sender sees success,
 * nobody receives); `refused` (result 3: the sender gets 111101); `failed` (the receiver did not
 * answer in 2.5 s twice: ZIM does not send, its default).
 */
export interface ZimClientSendResult {
  status: 'delivered' | 'silent' | 'refused' | 'failed';
  messageId: string;
  /** The receiver's `result`, when it answered. */
  result?: number | undefined;
}

/** `send_msg.send_result` codes ZIM reports for backend decisions. */
const SILENT_SEND = 660500009;
const REFUSED_BY_BACKEND = 660500010;

/**
 * Simulates a client SDK send: `before_send_msg` to the ZIM callback receiver (when one is set),
 * delivery as its `result` says, then `send_msg`.
 */
export async function zimClientSend(
  ctx: EmulatorContext,
  input: ZimClientMessage,
): Promise<ZimClientSendResult> {
  const zim = ctx.zim;
  const targets = [input.roomId, input.toUserId, input.groupId].filter((t) => t !== undefined);
  if (targets.length !== 1) throw new TypeError('give exactly one of roomId, toUserId, groupId');
  if ((input.text === undefined) === (input.data === undefined)) throw new TypeError('give text or data');
  let recipients: string[];
  let convType: 0 | 1 | 2;
  if (input.roomId !== undefined) {
    const members = zim.rooms.get(input.roomId);
    if (!members?.has(input.from)) throw new Error(`${input.from} is not in ZIM room ${input.roomId}`);
    recipients = [...members];
    convType = 1;
  } else if (input.groupId !== undefined) {
    const group = zim.groups.get(input.groupId);
    if (!group?.members.has(input.from))
      throw new Error(`${input.from} is not in ZIM group ${input.groupId}`);
    recipients = [...group.members];
    convType = 2;
  } else {
    recipients = [input.toUserId as string];
    convType = 0;
  }
  zim.setOnline(input.from, true);
  const messageId = String(zim.nextMsgId());
  const message: ZimCallbackMessage = {
    from: input.from,
    convType,
    convId: (input.roomId ?? input.groupId ?? input.toUserId) as string,
    msgType: input.text !== undefined ? 1 : 200,
    subMsgType: input.text !== undefined ? 0 : (input.subType ?? 0),
    body: input.text ?? input.data ?? '',
    msgId: messageId,
  };
  const before = await zimBeforeSendMsg(ctx, message);
  if (before.configured && before.result === undefined) return { status: 'failed', messageId };
  const result = before.result;
  if (result === 2 || result === 3) {
    zimSendMsg(ctx, message, { source: 0, sendResult: result === 2 ? SILENT_SEND : REFUSED_BY_BACKEND });
    return { status: result === 2 ? 'silent' : 'refused', messageId, result };
  }
  const now = ctx.clock();
  const callback = ['peerMessageReceived', 'roomMessageReceived', 'groupMessageReceived'][convType] as string;
  for (const to of recipients) {
    if (to === input.from) continue;
    ctx.deliveries.add({
      vendor: 'zego-zim',
      callback,
      to,
      from: input.from,
      ...(input.roomId !== undefined ? { roomId: input.roomId } : {}),
      ...(input.groupId !== undefined ? { groupId: input.groupId } : {}),
      content: message.body,
      messageId,
      at: now,
      requestId: '',
      raw: {
        type: message.msgType,
        message: message.body,
        senderUserID: input.from,
        messageID: messageId,
        timestamp: now,
      },
    });
  }
  zimSendMsg(ctx, message, { source: 0, sendResult: 0 });
  return result === undefined
    ? { status: 'delivered', messageId }
    : { status: 'delivered', messageId, result };
}
