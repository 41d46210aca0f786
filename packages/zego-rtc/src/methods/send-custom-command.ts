import { callAction, type RtcCore, repeated } from '../client/call.js';
import { checkContent, checkRequest, checkRoomId, checkUserId, checkUserIds } from '../client/checks.js';
import { baseOf, dataOf, listOf } from '../client/read-data.js';
import { ZEGO_RTC_LIMITS } from '../limits.js';
import type {
  SendCustomCommandFailUser,
  SendCustomCommandRequest,
  SendCustomCommandResponse,
  ZegoRtcCallOptions,
} from '../types.js';

const FIELDS = ['RoomId', 'FromUserId', 'ToUserId', 'MessageContent'];

const operation = 'SendCustomCommand';

/** Checks a SendCustomCommand request against ZEGO's limits and builds its query parameters. */
export function customCommandParams(input: SendCustomCommandRequest, provider: string): [string, string][] {
  const ctx = { provider, operation };
  const request = checkRequest(input, FIELDS, ctx);
  const roomId = checkRoomId(request.RoomId, ctx);
  const from = checkUserId(request.FromUserId, 'FromUserId', ctx);
  // An empty list would put no ToUserId[] on the wire, which ZEGO reads as "the whole room":
  // checkUserIds rejects it so "nobody" can never become "everybody".
  const to =
    request.ToUserId === undefined
      ? []
      : checkUserIds(request.ToUserId, 'ToUserId', ZEGO_RTC_LIMITS.toUserIds, ctx);
  const content = checkContent(request.MessageContent, ctx);
  return [['RoomId', roomId], ['FromUserId', from], ...repeated('ToUserId', to), ['MessageContent', content]];
}

/** SendCustomCommand: custom signaling to listed users or the whole room. */
export async function sendCustomCommand(
  core: RtcCore,
  input: SendCustomCommandRequest,
  options?: ZegoRtcCallOptions,
): Promise<SendCustomCommandResponse> {
  const ctx = { provider: core.provider, operation };
  const envelope = await callAction(core, operation, customCommandParams(input, core.provider), options);
  const read = { ...ctx, requestId: envelope.RequestId };
  const failUsers = listOf<SendCustomCommandFailUser>(
    dataOf(envelope, read),
    'FailUsers',
    { Uid: 'string', Code: 'number' },
    read,
  );
  return { ...baseOf(envelope), Data: { FailUsers: failUsers } };
}
