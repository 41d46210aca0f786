import { requireName } from './rtc-rooms.js';

/** What the callbacks module hears from ZIM's state. */
export interface ZimObserver {
  roomCreated(roomId: string, operator: string | undefined): void;
  usersEntered(roomId: string, userIds: string[]): void;
  usersExited(roomId: string, userIds: string[]): void;
  roomDestroyed(roomId: string, lastUsers: string[]): void;
  /** 0 online, 1 logout. */
  userAction(userId: string, action: number): void;
}

/**
 * ZEGO ZIM users, rooms and groups. A user exists once registered (UserRegister or an SDK login);
 * online users are the ones logged in now.
 */
export class ZimState {
  readonly registered = new Set<string>();
  readonly online = new Set<string>();
  readonly rooms = new Map<string, Set<string>>();
  readonly groups = new Map<string, { members: Set<string>; seq: number }>();
  /** Per peer conversation (sorted pair) message sequence. */
  readonly peerSeq = new Map<string, number>();
  /** Per room message sequence. */
  readonly roomSeq = new Map<string, number>();
  private msgId = 0;
  /** Told about room and login changes, for the vendor callbacks. */
  observer: ZimObserver | undefined;

  registerUser(userId: string): void {
    requireName(userId, 'userId');
    this.registered.add(userId);
  }

  /** Online implies registered (a login registers the user). */
  setOnline(userId: string, online: boolean): void {
    requireName(userId, 'userId');
    this.registered.add(userId);
    const was = this.online.has(userId);
    if (online) {
      this.online.add(userId);
      if (!was) this.observer?.userAction(userId, 0);
    } else {
      this.online.delete(userId);
      // A logged-out user leaves every room, and empty rooms go away.
      for (const roomId of [...this.rooms.keys()]) this.leaveRoom(roomId, userId);
      if (was) this.observer?.userAction(userId, 1);
    }
  }

  createRoom(roomId: string, operator?: string): void {
    requireName(roomId, 'roomId');
    if (this.rooms.has(roomId)) return;
    this.rooms.set(roomId, new Set());
    this.observer?.roomCreated(roomId, operator);
  }

  /** Joining a room logs the user in and creates the room if needed (ZIM's enterRoom). */
  joinRoom(roomId: string, userId: string): void {
    this.createRoom(roomId, userId);
    this.setOnline(userId, true);
    const members = this.rooms.get(roomId)!;
    if (members.has(userId)) return;
    members.add(userId);
    this.observer?.usersEntered(roomId, [userId]);
  }

  leaveRoom(roomId: string, userId: string): boolean {
    const members = this.rooms.get(roomId);
    if (!members) return false;
    const had = members.delete(userId);
    if (had) this.observer?.usersExited(roomId, [userId]);
    if (members.size === 0) {
      this.rooms.delete(roomId);
      this.observer?.roomDestroyed(roomId, had ? [userId] : []);
    }
    return had;
  }

  /** Creates (or replaces) a group; members are registered. */
  createGroup(groupId: string, members: readonly string[]): void {
    requireName(groupId, 'groupId');
    for (const m of members) this.registerUser(m);
    const existing = this.groups.get(groupId);
    this.groups.set(groupId, { members: new Set(members), seq: existing?.seq ?? 0 });
  }

  /** A new globally unique message id (a numeric string, as the vendor's look). */
  nextMsgId(): number {
    this.msgId += 1;
    return 6_654_861_479_614 + this.msgId;
  }

  nextPeerSeq(a: string, b: string): number {
    const key = a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`;
    const seq = (this.peerSeq.get(key) ?? 0) + 1;
    this.peerSeq.set(key, seq);
    return seq;
  }

  nextRoomSeq(roomId: string): number {
    const seq = (this.roomSeq.get(roomId) ?? 0) + 1;
    this.roomSeq.set(roomId, seq);
    return seq;
  }

  snapshot() {
    return {
      registered: [...this.registered],
      online: [...this.online],
      rooms: [...this.rooms].map(([roomId, members]) => ({ roomId, members: [...members] })),
      groups: [...this.groups].map(([groupId, g]) => ({ groupId, members: [...g.members] })),
    };
  }

  clear(): void {
    this.registered.clear();
    this.online.clear();
    this.rooms.clear();
    this.groups.clear();
    this.peerSeq.clear();
    this.roomSeq.clear();
    this.msgId = 0;
  }
}
