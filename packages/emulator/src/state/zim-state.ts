import { requireName } from './rtc-rooms.js';

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

  registerUser(userId: string): void {
    requireName(userId, 'userId');
    this.registered.add(userId);
  }

  /** Online implies registered (a login registers the user). */
  setOnline(userId: string, online: boolean): void {
    requireName(userId, 'userId');
    this.registered.add(userId);
    if (online) this.online.add(userId);
    else {
      this.online.delete(userId);
      // A logged-out user leaves every room, and empty rooms go away.
      for (const [roomId, members] of this.rooms) {
        if (members.delete(userId) && members.size === 0) this.rooms.delete(roomId);
      }
    }
  }

  createRoom(roomId: string): void {
    requireName(roomId, 'roomId');
    if (!this.rooms.has(roomId)) this.rooms.set(roomId, new Set());
  }

  /** Joining a room logs the user in and creates the room if needed (ZIM's enterRoom). */
  joinRoom(roomId: string, userId: string): void {
    this.createRoom(roomId);
    this.setOnline(userId, true);
    this.rooms.get(roomId)!.add(userId);
  }

  leaveRoom(roomId: string, userId: string): boolean {
    const members = this.rooms.get(roomId);
    if (!members) return false;
    const had = members.delete(userId);
    if (members.size === 0) this.rooms.delete(roomId);
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
