import type { Emulator } from '@roomcast/emulator';
import { isVendorId, type VendorId } from '../shared/vendors.js';

/** A simulated app user: a client SDK logged in to one emulator room. */
export interface SimulatedClient {
  vendor: VendorId;
  roomId: string;
  userId: string;
  /** In the room now (ZIM: logged in and in the room). */
  online: boolean;
}

export interface ClientRef {
  vendor: VendorId;
  roomId: string;
  userId: string;
}

const ID = /^[A-Za-z0-9_\-.@:]{1,64}$/;

/** Checks a client reference coming from JSON; throws a message fit for a 400 answer. */
export function parseClientRef(body: Record<string, unknown>): ClientRef {
  const { vendor, roomId, userId } = body;
  if (!isVendorId(vendor)) throw new TypeError('vendor must be zego-rtc, zego-zim or trtc');
  for (const [name, value] of [
    ['roomId', roomId],
    ['userId', userId],
  ] as const) {
    if (typeof value !== 'string' || !ID.test(value)) {
      throw new TypeError(`${name} must be 1-64 characters of letters, digits and _-.@:`);
    }
  }
  return { vendor, roomId: roomId as string, userId: userId as string };
}

const keyOf = (ref: ClientRef) => `${ref.vendor}\u0000${ref.roomId}\u0000${ref.userId}`;

/**
 * The clients the dashboard shows. The emulator holds who is online; this list remembers who was
 * added, so a client that left stays on screen (offline) and can join again.
 */
export class SimulatedClients {
  private readonly known = new Map<string, ClientRef>();

  constructor(private readonly emulator: Emulator) {}

  /** Adds a client and joins it to its room. */
  add(ref: ClientRef): void {
    this.known.set(keyOf(ref), { ...ref });
    this.setOnline(ref, true);
  }

  /** Joins (online) or leaves (offline) the client's room, as the client SDK's login/logout would. */
  setOnline(ref: ClientRef, online: boolean): void {
    if (!this.known.has(keyOf(ref))) this.known.set(keyOf(ref), { ...ref });
    const emu = this.emulator;
    const { roomId, userId } = ref;
    switch (ref.vendor) {
      case 'zego-rtc':
        if (online) emu.zegoRtc.joinRoom(roomId, userId);
        else emu.zegoRtc.leaveRoom(roomId, userId);
        return;
      case 'zego-zim':
        // Offline in ZIM means logged out: the user leaves every room and stops receiving peer messages.
        if (online) emu.zim.joinRoom(roomId, userId);
        else emu.zim.setOnline(userId, false);
        return;
      case 'trtc':
        if (online) {
          // Tencent live rooms are created by the app (create_room) before anyone enters.
          if (!emu.trtc.rooms().some((r) => r.roomId === roomId)) emu.trtc.createRoom(roomId);
          emu.trtc.joinRoom(roomId, userId);
        } else emu.trtc.leaveRoom(roomId, userId);
        return;
    }
  }

  /** Leaves the room and forgets the client. */
  remove(ref: ClientRef): void {
    this.setOnline(ref, false);
    this.known.delete(keyOf(ref));
  }

  list(): SimulatedClient[] {
    const emu = this.emulator;
    const rtc = emu.zegoRtc.rooms();
    const zim = emu.zim.state();
    const trtc = emu.trtc.rooms();
    const inRoom: Record<VendorId, (roomId: string, userId: string) => boolean> = {
      'zego-rtc': (roomId, userId) =>
        rtc.some((r) => r.roomId === roomId && r.users.some((u) => u.userId === userId)),
      'zego-zim': (roomId, userId) =>
        zim.rooms.some((r) => r.roomId === roomId && r.members.includes(userId)),
      trtc: (roomId, userId) => trtc.some((r) => r.roomId === roomId && r.members.includes(userId)),
    };
    return [...this.known.values()].map((ref) => ({
      ...ref,
      online: inRoom[ref.vendor](ref.roomId, ref.userId),
    }));
  }
}

/** The room and users a fresh dashboard starts with, so the first send has someone to reach. */
export const SEED_ROOM = 'live-1';
export const SEED_USERS = ['alice', 'bob'] as const;

export function seedClients(clients: SimulatedClients, vendors: readonly VendorId[]): void {
  for (const vendor of vendors) {
    for (const userId of SEED_USERS) clients.add({ vendor, roomId: SEED_ROOM, userId });
  }
}
