import { RoomcastError } from '@roomcast/core';
import { callAction, type RtcCore, repeated } from '../client/call.js';
import { checkRequest, checkRoomId, checkUserIds } from '../client/checks.js';
import { baseOf, dataOf, listOf } from '../client/read-data.js';
import { ZEGO_RTC_LIMITS } from '../limits.js';
import type {
  DescribeUserNumRequest,
  DescribeUserNumResponse,
  DescribeUsersRequest,
  DescribeUsersResponse,
  ZegoRoomUserCount,
  ZegoRtcCallOptions,
  ZegoUserStatus,
} from '../types.js';

/** DescribeUserNum: user counts of 1–10 rooms. */
export async function describeUserNum(
  core: RtcCore,
  input: DescribeUserNumRequest,
  options?: ZegoRtcCallOptions,
): Promise<DescribeUserNumResponse> {
  const operation = 'DescribeUserNum';
  const ctx = { provider: core.provider, operation };
  const request = checkRequest(input, ['RoomId'], ctx);
  if (!Array.isArray(request.RoomId) || request.RoomId.length === 0) {
    throw new RoomcastError('INVALID_ARGUMENT', 'RoomId must be an array of 1–10 room ids', ctx);
  }
  const rooms = [...new Set(request.RoomId.map((id, index) => checkRoomId(id, ctx, `RoomId[${index}]`)))];
  if (rooms.length > ZEGO_RTC_LIMITS.describeUserNumRooms) {
    throw new RoomcastError(
      'INVALID_ARGUMENT',
      `RoomId lists ${rooms.length} rooms; DescribeUserNum takes at most ${ZEGO_RTC_LIMITS.describeUserNumRooms}`,
      ctx,
    );
  }
  const envelope = await callAction(core, operation, repeated('RoomId', rooms), options);
  const read = { ...ctx, requestId: envelope.RequestId };
  const shape = { RoomId: 'string', UserCount: 'number', AdminUserCount: 'number' } as const;
  return {
    ...baseOf(envelope),
    Data: { UserCountList: listOf<ZegoRoomUserCount>(dataOf(envelope, read), 'UserCountList', shape, read) },
  };
}

/** DescribeUsers: whether 1–10 users are in a room. */
export async function describeUsers(
  core: RtcCore,
  input: DescribeUsersRequest,
  options?: ZegoRtcCallOptions,
): Promise<DescribeUsersResponse> {
  const operation = 'DescribeUsers';
  const ctx = { provider: core.provider, operation };
  const request = checkRequest(input, ['RoomId', 'UserId'], ctx);
  const roomId = checkRoomId(request.RoomId, ctx);
  const users = checkUserIds(request.UserId, 'UserId', ZEGO_RTC_LIMITS.describeUsers, ctx);
  const envelope = await callAction(
    core,
    operation,
    [['RoomId', roomId], ...repeated('UserId', users)],
    options,
  );
  const read = { ...ctx, requestId: envelope.RequestId };
  const shape = { UserId: 'string', Status: 'number', LoginTime: 'number', UserRole: 'number' } as const;
  return {
    ...baseOf(envelope),
    Data: { UserStatusList: listOf<ZegoUserStatus>(dataOf(envelope, read), 'UserStatusList', shape, read) },
  };
}
