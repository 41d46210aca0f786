import { requireName } from './rtc-rooms.js';

/** A Tencent live room's stored information, as create_room set it (defaults filled in). */
export interface TrtcRoomInfo {
  RoomId: string;
  RoomType: string;
  RoomName: string;
  Owner_Account: string;
  MaxMemberCount: number;
  CoverURL: string;
  IsMessageDisabled: boolean;
  Category: number[];
  IsPublicVisible: boolean;
  IsSeatEnabled: boolean;
  TakeSeatMode: string;
  MaxSeatCount: number;
  ActivityStatus: number;
  CreateTime: number;
}

export interface TrtcRoom {
  info: TrtcRoomInfo;
  members: Set<string>;
  /** Everyone who was ever in the room (destroy_room's TotalViewers). */
  viewers: Set<string>;
  /** Muted members: sending as them answers 100601. */
  muted: Set<string>;
  msgSeq: number;
}

/** What the callbacks module hears from the live rooms. */
export interface TrtcObserver {
  roomCreated(room: TrtcRoom): void;
  roomDestroyed(room: TrtcRoom): void;
  memberChanged(roomId: string, userId: string, type: 'Online' | 'Offline', cause: 'Enter' | 'Leave'): void;
}

/** Tencent live rooms: unlike ZEGO RTC they exist from create_room until destroy_room. */
export class TrtcRooms {
  readonly rooms = new Map<string, TrtcRoom>();
  /** Told about room and member changes, for the vendor callbacks. */
  observer: TrtcObserver | undefined;

  create(roomId: string, info: Partial<TrtcRoomInfo>, nowSeconds: number): TrtcRoom {
    requireName(roomId, 'roomId');
    if (this.rooms.has(roomId)) throw new Error(`trtc room ${roomId} already exists`);
    const room: TrtcRoom = {
      info: {
        RoomId: roomId,
        RoomType: info.RoomType ?? 'Live',
        RoomName: info.RoomName ?? roomId,
        Owner_Account: info.Owner_Account ?? '',
        MaxMemberCount: info.MaxMemberCount ?? 20,
        CoverURL: info.CoverURL ?? '',
        IsMessageDisabled: info.IsMessageDisabled ?? false,
        Category: info.Category ?? [],
        IsPublicVisible: info.IsPublicVisible ?? true,
        IsSeatEnabled: info.IsSeatEnabled ?? false,
        TakeSeatMode: info.TakeSeatMode ?? 'None',
        MaxSeatCount: info.MaxSeatCount ?? 0,
        ActivityStatus: info.ActivityStatus ?? 0,
        CreateTime: nowSeconds,
      },
      members: new Set(),
      viewers: new Set(),
      muted: new Set(),
      msgSeq: 0,
    };
    this.rooms.set(roomId, room);
    this.observer?.roomCreated(room);
    return room;
  }

  get(roomId: string): TrtcRoom | undefined {
    return this.rooms.get(roomId);
  }

  /** Entering needs an existing room, as the client SDK's enterRoom does. */
  join(roomId: string, userId: string): void {
    requireName(userId, 'userId');
    const room = this.rooms.get(roomId);
    if (!room) throw new Error(`trtc room ${roomId} does not exist: create it first (trtc.createRoom)`);
    if (room.members.has(userId)) return;
    room.members.add(userId);
    room.viewers.add(userId);
    this.observer?.memberChanged(roomId, userId, 'Online', 'Enter');
  }

  leave(roomId: string, userId: string): boolean {
    const had = this.rooms.get(roomId)?.members.delete(userId) ?? false;
    if (had) this.observer?.memberChanged(roomId, userId, 'Offline', 'Leave');
    return had;
  }

  setMuted(roomId: string, userId: string, muted: boolean): void {
    const room = this.rooms.get(roomId);
    if (!room) throw new Error(`trtc room ${roomId} does not exist`);
    if (muted) room.muted.add(userId);
    else room.muted.delete(userId);
  }

  destroy(roomId: string): TrtcRoom | undefined {
    const room = this.rooms.get(roomId);
    this.rooms.delete(roomId);
    if (room) this.observer?.roomDestroyed(room);
    return room;
  }

  snapshot() {
    return [...this.rooms.values()].map((r) => ({
      roomId: r.info.RoomId,
      info: { ...r.info },
      members: [...r.members],
      muted: [...r.muted],
    }));
  }

  clear(): void {
    this.rooms.clear();
  }
}
