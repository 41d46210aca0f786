import { callAction, type RtcCore, repeated } from '../client/call.js';
import { checkBoolean, checkReason, checkRequest, checkRoomId, checkUserIds } from '../client/checks.js';
import { baseOf } from '../client/read-data.js';
import { ZEGO_RTC_LIMITS } from '../limits.js';
import type {
  CloseRoomRequest,
  CloseRoomResponse,
  KickoutUserRequest,
  KickoutUserResponse,
  ZegoRtcCallOptions,
} from '../types.js';

/** KickoutUser: removes 1–5 users from a room. */
export async function kickoutUser(
  core: RtcCore,
  input: KickoutUserRequest,
  options?: ZegoRtcCallOptions,
): Promise<KickoutUserResponse> {
  const operation = 'KickoutUser';
  const ctx = { provider: core.provider, operation };
  const request = checkRequest(input, ['RoomId', 'UserId', 'CustomReason'], ctx);
  const params: [string, string][] = [
    ['RoomId', checkRoomId(request.RoomId, ctx)],
    ...repeated('UserId', checkUserIds(request.UserId, 'UserId', ZEGO_RTC_LIMITS.kickoutUsers, ctx)),
  ];
  const reason = checkReason(request.CustomReason, ctx);
  if (reason !== undefined) params.push(['CustomReason', reason]);
  return baseOf(await callAction(core, operation, params, options));
}

/** CloseRoom: removes everybody and closes the room. */
export async function closeRoom(
  core: RtcCore,
  input: CloseRoomRequest,
  options?: ZegoRtcCallOptions,
): Promise<CloseRoomResponse> {
  const operation = 'CloseRoom';
  const ctx = { provider: core.provider, operation };
  const request = checkRequest(input, ['RoomId', 'CustomReason', 'RoomCloseCallback'], ctx);
  const params: [string, string][] = [['RoomId', checkRoomId(request.RoomId, ctx)]];
  const reason = checkReason(request.CustomReason, ctx);
  if (reason !== undefined) params.push(['CustomReason', reason]);
  if (request.RoomCloseCallback !== undefined) {
    params.push([
      'RoomCloseCallback',
      String(checkBoolean(request.RoomCloseCallback, 'RoomCloseCallback', ctx)),
    ]);
  }
  return baseOf(await callAction(core, operation, params, options));
}
