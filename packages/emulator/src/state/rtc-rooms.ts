/** A user logged in to a ZEGO RTC room (as the client SDK's loginRoom would do). */
export interface RtcUser {
  userId: string;
  userName: string;
  /** 1 anchor, 2 audience, 4 admin (LiveRoom SDK roles; Express users are 2 by default here). */
  role: number;
  /** Login time, emulator clock (ms). */
  loginTime: number;
}

export interface RtcRoom {
  roomId: string;
  users: Map<string, RtcUser>;
  /** Last SendBroadcastMessage MessageId (a Number, per room). */
  broadcastSeq: number;
  /** Last SendBarrageMessage sequence (MessageId is a String built from it). */
  barrageSeq: number;
}

/** What the callbacks module hears from the rooms. */
export interface RtcRoomObserver {
  roomCreated(roomId: string, creator: RtcUser): void;
  userJoined(roomId: string, user: RtcUser): void;
  userLeft(roomId: string, user: RtcUser, reason: number): void;
  roomClosed(roomId: string, reason: number): void;
}

export interface JoinOptions {
  userName?: string | undefined;
  role?: number | undefined;
}

/**
 * ZEGO RTC rooms. There is no server API to create a room: a room exists while at least one user is
 * in it, and disappears with the last one (as the vendor's rooms do).
 */
export class RtcRooms {
  readonly rooms = new Map<string, RtcRoom>();
  /** Told about every change, for the vendor callbacks. */
  observer: RtcRoomObserver | undefined;

  join(roomId: string, userId: string, options: JoinOptions, nowMs: number): RtcUser {
    requireName(roomId, 'roomId');
    requireName(userId, 'userId');
    let room = this.rooms.get(roomId);
    const created = room === undefined;
    if (!room) {
      room = { roomId, users: new Map(), broadcastSeq: 0, barrageSeq: 0 };
      this.rooms.set(roomId, room);
    }
    const existing = room.users.get(userId);
    const user: RtcUser = {
      userId,
      userName: options.userName ?? existing?.userName ?? userId,
      role: options.role ?? existing?.role ?? 2,
      loginTime: existing?.loginTime ?? nowMs,
    };
    room.users.set(userId, user);
    if (created) this.observer?.roomCreated(roomId, user);
    if (!existing) this.observer?.userJoined(roomId, user);
    return user;
  }

  /**
   * Returns whether the user was there. The room goes away with its last user. `reason` is ZEGO's
   * logout reason (0 normal, 3 kicked out by the server API).
   */
  leave(roomId: string, userId: string, reason = 0): boolean {
    const room = this.rooms.get(roomId);
    if (!room) return false;
    const user = room.users.get(userId);
    const had = room.users.delete(userId);
    if (user) this.observer?.userLeft(roomId, user, reason);
    if (room.users.size === 0) {
      this.rooms.delete(roomId);
      // close_reason 0 (normal), or 3 when the last user was kicked out.
      this.observer?.roomClosed(roomId, reason === 3 ? 3 : 0);
    }
    return had;
  }

  get(roomId: string): RtcRoom | undefined {
    return this.rooms.get(roomId);
  }

  snapshot(): { roomId: string; users: RtcUser[] }[] {
    return [...this.rooms.values()].map((r) => ({
      roomId: r.roomId,
      users: [...r.users.values()].map((u) => ({ ...u })),
    }));
  }

  clear(): void {
    this.rooms.clear();
  }
}

export function requireName(value: unknown, field: string): asserts value is string {
  if (typeof value !== 'string' || value === '') throw new TypeError(`${field} must be a non-empty string`);
}
