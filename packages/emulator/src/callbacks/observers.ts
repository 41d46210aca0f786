import { randomInt } from 'node:crypto';
import type { EmulatorContext } from '../context.js';
import type { RtcRoomObserver, RtcUser } from '../state/rtc-rooms.js';
import type { TrtcObserver, TrtcRoom } from '../state/trtc-rooms.js';
import type { ZimObserver } from '../state/zim-state.js';
import type { CallbackDispatcher } from './dispatcher.js';

/** A UInt64 beyond 2^53, as ZEGO's lifecycle ids are: receivers must not round it. */
function uint64(): bigint {
  return (1n << 60n) + BigInt(randomInt(0, 2 ** 47)) * 4099n;
}

/**
 * ZEGO RTC room and login callbacks, with the field types of ZEGO's samples: room events carry
 * `appid`/`timestamp` as numbers and `room_session_id` as a bare UInt64; login events are all strings.
 */
export function rtcObserver(ctx: EmulatorContext, dispatcher: CallbackDispatcher): RtcRoomObserver {
  const sessions = new Map<string, bigint>();
  const loginSessions = new Map<string, string>();
  const appid = () => ctx.credentials.zegoRtc.appId;
  const userSeq = new Map<string, number>();
  const bump = (roomId: string) => {
    const next = (userSeq.get(roomId) ?? 0) + 1;
    userSeq.set(roomId, next);
    return String(next);
  };
  const seq = (roomId: string) => String(sessions.get(roomId) ?? 0n);
  return {
    roomCreated(roomId: string, creator: RtcUser) {
      const session = uint64();
      sessions.set(roomId, session);
      dispatcher.zegoAfter('zego-rtc', {
        event: 'room_create',
        appid: appid(),
        timestamp: 0,
        room_id: roomId,
        room_session_id: session,
        room_create_time: String(ctx.clock()),
        id_name: creator.userId,
      });
    },
    userJoined(roomId: string, user: RtcUser) {
      const sessionId = String(uint64());
      loginSessions.set(`${roomId}\u0000${user.userId}`, sessionId);
      dispatcher.zegoAfter('zego-rtc', {
        event: 'room_login',
        appid: String(appid()),
        timestamp: '',
        room_id: roomId,
        room_name: roomId,
        room_seq: seq(roomId),
        user_account: user.userId,
        user_nickname: user.userName,
        session_id: sessionId,
        login_time: String(user.loginTime),
        user_role: String(user.role),
        auth_level: '0',
        relogin: '0',
        user_update_seq: bump(roomId),
        callback_data: '',
      });
    },
    userLeft(roomId: string, user: RtcUser, reason: number) {
      const key = `${roomId}\u0000${user.userId}`;
      dispatcher.zegoAfter('zego-rtc', {
        event: 'room_logout',
        appid: String(appid()),
        timestamp: '',
        room_id: roomId,
        room_seq: seq(roomId),
        user_account: user.userId,
        user_nickname: user.userName,
        session_id: loginSessions.get(key) ?? '0',
        login_time: String(user.loginTime),
        logout_time: String(ctx.clock()),
        reason: String(reason),
        user_role: String(user.role),
        user_update_seq: bump(roomId),
      });
      loginSessions.delete(key);
    },
    roomClosed(roomId: string, reason: number) {
      dispatcher.zegoAfter('zego-rtc', {
        event: 'room_close',
        appid: appid(),
        timestamp: 0,
        room_id: roomId,
        room_session_id: sessions.get(roomId) ?? 0n,
        close_reason: reason,
        room_close_time: String(ctx.clock()),
      });
      sessions.delete(roomId);
      userSeq.delete(roomId);
    },
  };
}

/** ZIM room and login callbacks (`appid` a string, `timestamp` a number, as in ZIM's samples). */
export function zimObserver(ctx: EmulatorContext, dispatcher: CallbackDispatcher): ZimObserver {
  const common = (event: string) => ({ appid: String(ctx.credentials.zegoZim.appId), event, timestamp: 0 });
  return {
    roomCreated(roomId, operator) {
      dispatcher.zegoAfter('zego-zim', {
        ...common('room_create'),
        room_id: roomId,
        operator_account: operator ?? '',
        room_name: roomId,
        attributes: [],
      });
    },
    usersEntered(roomId, userIds) {
      dispatcher.zegoAfter('zego-zim', {
        ...common('room_enter'),
        room_id: roomId,
        operator_account: userIds[0] ?? '',
        new_user_ids: userIds,
      });
    },
    usersExited(roomId, userIds) {
      dispatcher.zegoAfter('zego-zim', {
        ...common('room_exit'),
        room_id: roomId,
        exit_type: 'Quit',
        operator_account: userIds[0] ?? '',
        exit_user_ids: userIds,
      });
    },
    roomDestroyed(roomId, lastUsers) {
      dispatcher.zegoAfter('zego-zim', {
        ...common('room_destroy'),
        room_id: roomId,
        user_ids: lastUsers,
        operator_account: lastUsers[0] ?? '',
      });
    },
    userAction(userId, action) {
      const seconds = Math.floor(ctx.clock() / 1000);
      dispatcher.zegoAfter('zego-zim', {
        ...common('user_action'),
        user_id: userId,
        user_name: userId,
        os: 'WEB',
        action,
        session_id: String(uint64()),
        login_time: action === 0 ? seconds : 0,
        logout_time: action === 1 ? seconds : 0,
        offline_time: 0,
        relogin: '0',
        logout_reason: 0,
      });
    },
  };
}

/** Tencent live-room callbacks; `Owner_Account` of a numeric owner id is written as a bare number, as in Tencent's sample. */
export function trtcObserver(ctx: EmulatorContext, dispatcher: CallbackDispatcher): TrtcObserver {
  const admin = () => ctx.credentials.trtc.adminUserId;
  const owner = (account: string) => (/^\d{16,19}$/.test(account) ? BigInt(account) : account);
  const roomInfo = (room: TrtcRoom) => ({ ...room.info, Owner_Account: owner(room.info.Owner_Account) });
  return {
    roomCreated(room) {
      dispatcher.trtcAfter('Live.CallbackAfterCreateRoom', {
        Operator_Account: admin(),
        RoomInfo: roomInfo(room),
        EventTime: ctx.clock(),
      });
    },
    roomDestroyed(room) {
      dispatcher.trtcAfter('Live.CallbackAfterDestroyRoom', {
        Operator_Account: admin(),
        RoomId: room.info.RoomId,
        EventType: 'DestroyByUser',
        EventTime: ctx.clock(),
        RoomInfo: roomInfo(room),
        Statistic: { TotalViewers: room.viewers.size },
      });
    },
    memberChanged(roomId, userId, type, cause) {
      dispatcher.trtcAfter('Live.CallbackAfterMemberStateChanged', {
        RoomId: roomId,
        EventType: type,
        EventCause: cause,
        MemberList: [{ Member_Account: userId }],
        EventTime: ctx.clock(),
      });
    },
  };
}
