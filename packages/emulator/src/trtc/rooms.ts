import type { TrtcRoomInfo } from '../state/trtc-rooms.js';
import { optionalString, requiredString, type TrtcCall, type TrtcOutcome, trtcFail } from './call.js';

/** create_room: `{ RoomInfo: { RoomId (≤ 48 bytes), RoomType: "Live", ... } }`. An existing room answers 100003. */
export function createRoom(call: TrtcCall): TrtcOutcome {
  const info = call.body.RoomInfo;
  if (typeof info !== 'object' || info === null || Array.isArray(info))
    trtcFail(100002, 'RoomInfo object is required');
  const fields = info as Record<string, unknown>;
  const roomId = requiredString(fields, 'RoomId', call.ctx.sizes.trtcRoomIdBytes);
  const roomType = requiredString(fields, 'RoomType');
  if (roomType !== 'Live') trtcFail(100002, 'RoomType must be "Live"', roomId);
  const parsed: Partial<TrtcRoomInfo> = { RoomType: roomType };
  const roomName = optionalString(fields, 'RoomName', 100);
  if (roomName !== undefined) parsed.RoomName = roomName;
  const owner = optionalString(fields, 'Owner_Account');
  if (owner !== undefined) parsed.Owner_Account = owner;
  const cover = optionalString(fields, 'CoverURL', 200);
  if (cover !== undefined) parsed.CoverURL = cover;
  const takeSeatMode = optionalString(fields, 'TakeSeatMode');
  if (takeSeatMode !== undefined) parsed.TakeSeatMode = takeSeatMode;
  for (const key of ['MaxMemberCount', 'MaxSeatCount', 'ActivityStatus'] as const) {
    const value = fields[key];
    if (value === undefined) continue;
    if (!Number.isInteger(value) || (value as number) < 0)
      trtcFail(100002, `${key} must be a non-negative integer`, roomId);
    parsed[key] = value as number;
  }
  for (const key of ['IsMessageDisabled', 'IsPublicVisible', 'IsSeatEnabled'] as const) {
    const value = fields[key];
    if (value === undefined) continue;
    if (typeof value !== 'boolean') trtcFail(100002, `${key} must be a boolean`, roomId);
    parsed[key] = value;
  }
  if (fields.Category !== undefined) {
    const category = fields.Category;
    if (!Array.isArray(category) || category.length > 3 || !category.every((c) => Number.isInteger(c))) {
      trtcFail(100002, 'Category must be an array of at most 3 integers', roomId);
    }
    parsed.Category = category as number[];
  }
  if (call.ctx.trtc.get(roomId)) trtcFail(100003, `room ${roomId} already exists`, roomId);
  call.ctx.trtc.create(roomId, parsed, Math.floor(call.nowMs / 1000));
  return { code: 0, roomId };
}

/** destroy_room: dismisses the room; answers `Response.Statistic`. */
export function destroyRoom(call: TrtcCall): TrtcOutcome {
  const roomId = requiredString(call.body, 'RoomId');
  const room = call.ctx.trtc.destroy(roomId);
  if (!room) trtcFail(100004, `room ${roomId} does not exist, or has been dismissed`, roomId);
  return {
    code: 0,
    roomId,
    response: {
      Statistic: {
        TotalViewers: room.viewers.size,
        TotalGiftsSent: 0,
        TotalGiftCoins: 0,
        TotalUniqueGiftSenders: 0,
        TotalLikesReceived: 0,
      },
    },
  };
}

/** get_room_info: `Response.RoomInfo` with the stored fields and the member count. */
export function getRoomInfo(call: TrtcCall): TrtcOutcome {
  const roomId = requiredString(call.body, 'RoomId');
  const room = call.ctx.trtc.get(roomId);
  if (!room) trtcFail(100004, `room ${roomId} does not exist, or has been dismissed`, roomId);
  return { code: 0, roomId, response: { RoomInfo: { ...room.info, MemberCount: room.members.size } } };
}
