import type { ZegoCall, ZegoOutcome } from '../handler.js';
import { fail } from '../handler.js';
import { boolean, limited, list, required } from './params.js';

const MAX_KICK = 5;

function notifyRemoved(
  call: ZegoCall,
  roomId: string,
  userId: string,
  reason: string,
  closed: boolean,
): void {
  call.ctx.deliveries.add({
    vendor: 'zego-rtc',
    callback: 'onRoomStateChanged',
    to: userId,
    from: '',
    roomId,
    content: reason,
    at: call.nowMs,
    requestId: call.requestId,
    raw: { roomID: roomId, reason: 'KickOut', extendedData: reason, roomClosed: closed },
  });
}

/** KickoutUser: removes up to 5 users; users not in the room are ignored. No `Data`. */
export function kickoutUser(call: ZegoCall): ZegoOutcome {
  const roomId = limited(required(call.query, 'RoomId'), 'RoomId', call.ctx.sizes.rtcRoomIdBytes);
  const users = list(call.query, 'UserId');
  if (users.length === 0) fail(2, 'UserId[] is required', roomId);
  if (users.length > MAX_KICK)
    fail(50011, `UserId[] has ${users.length} users; the limit is ${MAX_KICK}`, roomId);
  const reason = limited(call.query.get('CustomReason') ?? '', 'CustomReason', call.ctx.sizes.rtcReasonBytes);
  if (!call.ctx.rtc.get(roomId)) fail(50001, `room ${roomId} does not exist`, roomId);
  for (const userId of new Set(users)) {
    if (call.ctx.rtc.leave(roomId, userId, 3)) notifyRemoved(call, roomId, userId, reason, false);
  }
  return { code: 0, roomId };
}

/** CloseRoom: removes everybody; the room is gone. Unknown room answers 5024. No `Data`. */
export function closeRoom(call: ZegoCall): ZegoOutcome {
  const roomId = limited(required(call.query, 'RoomId'), 'RoomId', call.ctx.sizes.rtcRoomIdBytes);
  const reason = limited(call.query.get('CustomReason') ?? '', 'CustomReason', call.ctx.sizes.rtcReasonBytes);
  boolean(call.query, 'RoomCloseCallback');
  const room = call.ctx.rtc.get(roomId);
  if (!room) fail(5024, `room ${roomId} does not exist`, roomId);
  for (const userId of [...room.users.keys()]) {
    call.ctx.rtc.leave(roomId, userId, 3);
    notifyRemoved(call, roomId, userId, reason, true);
  }
  return { code: 0, roomId };
}
