import type { EmulatorContext } from '../context.js';

/** The ZIM message fields shared by before_send_msg and send_msg. */
export interface ZimCallbackMessage {
  from: string;
  /** 0 one-to-one, 1 room, 2 group. */
  convType: 0 | 1 | 2;
  convId: string;
  msgType: number;
  subMsgType?: number | undefined;
  /** The body as ZIM puts it in callbacks (raw for text and custom). */
  body: string;
  msgId: string;
  payload?: string | undefined;
}

const fields = (ctx: EmulatorContext, event: string, m: ZimCallbackMessage) => ({
  appid: String(ctx.credentials.zegoZim.appId),
  event,
  timestamp: 0,
  from_user_id: m.from,
  conv_id: m.convId,
  conv_type: m.convType,
  msg_id: m.msgId,
  msg_type: m.msgType,
  sub_msg_type: m.subMsgType ?? 0,
  msg_body: m.body,
  payload: m.payload ?? '',
});

/** `send_msg` after a message was sent (or refused: `sendResult`), with ZEGO's 5-retry schedule. */
export function zimSendMsg(
  ctx: EmulatorContext,
  m: ZimCallbackMessage,
  extra: { source: 0 | 1; msgSeq?: number | undefined; sendResult: number; userList?: unknown[] | undefined },
): void {
  ctx.callbacks.zegoAfter('zego-zim', {
    ...fields(ctx, 'send_msg', m),
    source: extra.source,
    msg_seq: extra.msgSeq ?? 0,
    msg_time: ctx.clock(),
    send_result: extra.sendResult,
    ...(extra.userList !== undefined ? { user_list: extra.userList } : {}),
  });
}

/** `before_send_msg`: the receiver's `result`, or `undefined` (not configured / no answer). */
export async function zimBeforeSendMsg(
  ctx: EmulatorContext,
  m: ZimCallbackMessage,
): Promise<{ result: number | undefined; configured: boolean }> {
  return ctx.callbacks.zimBefore({
    ...fields(ctx, 'before_send_msg', m),
    request_id: String(ctx.random.digits(16)),
  });
}
