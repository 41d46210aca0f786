import { fail, type ZegoCall, type ZegoOutcome } from '../handler.js';
import { integer, limited, list, required } from './params.js';

const MAX_ROOMS = 10;
const MAX_USERS = 10;
const MAX_PAGE = 200;

/** DescribeUserNum: counts for up to 10 rooms; an unknown room counts 0. */
export function describeUserNum(call: ZegoCall): ZegoOutcome {
  const rooms = list(call.query, 'RoomId');
  if (rooms.length === 0) fail(2, 'RoomId[] is required');
  if (rooms.length > MAX_ROOMS) fail(3, `RoomId[] has ${rooms.length} rooms; the limit is ${MAX_ROOMS}`);
  const UserCountList = rooms.map((roomId) => {
    const users = call.ctx.rtc.get(roomId)?.users;
    let admins = 0;
    for (const u of users?.values() ?? []) if (u.role === 4) admins++;
    return { RoomId: roomId, UserCount: users?.size ?? 0, AdminUserCount: admins };
  });
  return { code: 0, fields: { UserCountList } };
}

/** DescribeUsers: the status of up to 10 users in an existing room. */
export function describeUsers(call: ZegoCall): ZegoOutcome {
  const roomId = limited(required(call.query, 'RoomId'), 'RoomId', call.ctx.sizes.rtcRoomIdBytes);
  const users = list(call.query, 'UserId');
  if (users.length === 0) fail(2, 'UserId[] is required', roomId);
  if (users.length > MAX_USERS)
    fail(3, `UserId[] has ${users.length} users; the limit is ${MAX_USERS}`, roomId);
  const room = call.ctx.rtc.get(roomId);
  if (!room) fail(50001, `room ${roomId} does not exist`, roomId);
  const UserStatusList = users.map((userId) => {
    const user = room.users.get(userId);
    return user
      ? { UserId: userId, Status: 1, LoginTime: user.loginTime, UserRole: user.role }
      : { UserId: userId, Status: 0, LoginTime: 0, UserRole: 0 };
  });
  return { code: 0, roomId, fields: { UserStatusList } };
}

/**
 * DescribeUserList: one page of a room's users by login time (Mode 0 ascending, 1 descending).
 * `Marker` is `<loginTimeMs>-<userId>` of the last user returned; empty when the list is complete.
 */
export function describeUserList(call: ZegoCall): ZegoOutcome {
  const roomId = limited(required(call.query, 'RoomId'), 'RoomId', call.ctx.sizes.rtcRoomIdBytes);
  const mode = integer(call.query, 'Mode', 0, 0, 1);
  const limitParam = integer(call.query, 'Limit', MAX_PAGE, 0, MAX_PAGE);
  const limit = limitParam === 0 ? MAX_PAGE : limitParam;
  const marker = call.query.get('Marker') ?? '';
  const after = marker === '' ? undefined : parseMarker(marker, roomId);
  if (call.takeRoom(roomId) !== 'ok') fail(207, undefined, roomId);

  const room = call.ctx.rtc.get(roomId);
  const sorted = [...(room?.users.values() ?? [])].sort((a, b) =>
    compareKey(a.loginTime, a.userId, b.loginTime, b.userId),
  );
  if (mode === 1) sorted.reverse();
  const start =
    after === undefined
      ? 0
      : sorted.findIndex((u) => {
          const c = compareKey(u.loginTime, u.userId, after.time, after.userId);
          return mode === 0 ? c > 0 : c < 0;
        });
  const rest = start < 0 ? [] : sorted.slice(start);
  const page = rest.slice(0, limit);
  const last = page.at(-1);
  const nextMarker = rest.length > limit && last ? `${last.loginTime}-${last.userId}` : '';
  return {
    code: 0,
    roomId,
    fields: {
      Marker: nextMarker,
      UserList: page.map((u) => ({ UserId: u.userId, UserName: u.userName, UserRole: u.role })),
    },
  };
}

function parseMarker(marker: string, roomId: string): { time: number; userId: string } {
  const match = /^(\d+)-(.+)$/s.exec(marker);
  if (!match) return fail(2, 'Marker is not a marker this API returned', roomId);
  return { time: Number(match[1]), userId: match[2]! };
}

function compareKey(timeA: number, userA: string, timeB: number, userB: string): number {
  if (timeA !== timeB) return timeA - timeB;
  return userA < userB ? -1 : userA > userB ? 1 : 0;
}
