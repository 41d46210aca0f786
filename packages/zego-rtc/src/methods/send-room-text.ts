import { optionalString } from '@roomcast/core';
import { callAction, type RtcCore } from '../client/call.js';
import { checkContent, checkOneOf, checkRequest, checkRoomId, checkUserId } from '../client/checks.js';
import { baseOf, dataOf, fieldOf } from '../client/read-data.js';
import type {
  SendBarrageMessageResponse,
  SendBroadcastMessageResponse,
  SendRoomTextRequest,
  ZegoMessageCategory,
  ZegoRtcCallOptions,
} from '../types.js';

const FIELDS = ['RoomId', 'UserId', 'UserName', 'MessageCategory', 'MessageContent'];
const CATEGORIES: readonly ZegoMessageCategory[] = [1, 2];

type RoomTextAction = 'SendBroadcastMessage' | 'SendBarrageMessage';

/** Checks a broadcast or barrage request against ZEGO's limits and builds its query parameters. */
export function roomTextParams(
  operation: RoomTextAction,
  input: SendRoomTextRequest,
  provider: string,
): [string, string][] {
  const ctx = { provider, operation };
  const request = checkRequest(input, FIELDS, ctx);
  const params: [string, string][] = [
    ['RoomId', checkRoomId(request.RoomId, ctx)],
    ['UserId', checkUserId(request.UserId, 'UserId', ctx)],
  ];
  const userName = optionalString(request.UserName, 'UserName', ctx);
  if (userName !== undefined) params.push(['UserName', userName]);
  params.push([
    'MessageCategory',
    String(checkOneOf(request.MessageCategory, 'MessageCategory', CATEGORIES, ctx)),
  ]);
  params.push(['MessageContent', checkContent(request.MessageContent, ctx)]);
  return params;
}

async function sendRoomText(
  core: RtcCore,
  operation: RoomTextAction,
  input: SendRoomTextRequest,
  options: ZegoRtcCallOptions | undefined,
) {
  const ctx = { provider: core.provider, operation };
  const envelope = await callAction(
    core,
    operation,
    roomTextParams(operation, input, core.provider),
    options,
  );
  const read = { ...ctx, requestId: envelope.RequestId };
  return { envelope, data: dataOf(envelope, read), read };
}

/** SendBroadcastMessage: reliable text to everyone in the room; `Data.MessageId` is a number. */
export async function sendBroadcastMessage(
  core: RtcCore,
  input: SendRoomTextRequest,
  options?: ZegoRtcCallOptions,
): Promise<SendBroadcastMessageResponse> {
  const { envelope, data, read } = await sendRoomText(core, 'SendBroadcastMessage', input, options);
  return { ...baseOf(envelope), Data: { MessageId: fieldOf<number>(data, 'MessageId', 'number', read) } };
}

/** SendBarrageMessage: high-volume, best-effort text; `Data.MessageId` is a string. */
export async function sendBarrageMessage(
  core: RtcCore,
  input: SendRoomTextRequest,
  options?: ZegoRtcCallOptions,
): Promise<SendBarrageMessageResponse> {
  const { envelope, data, read } = await sendRoomText(core, 'SendBarrageMessage', input, options);
  return { ...baseOf(envelope), Data: { MessageId: fieldOf<string>(data, 'MessageId', 'string', read) } };
}
