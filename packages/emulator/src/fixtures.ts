import type { Emulator } from './emulator.js';

/**
 * Initial state, applied at start and again by `reset()` (handy for the CLI's config file and the
 * demo). Keys are room / group ids; values are user ids.
 */
export interface Fixtures {
  zegoRtc?: { rooms?: Record<string, string[]> | undefined } | undefined;
  zim?:
    | {
        /** Registered but offline. */
        users?: string[] | undefined;
        /** Registered and online. */
        online?: string[] | undefined;
        rooms?: Record<string, string[]> | undefined;
        groups?: Record<string, string[]> | undefined;
      }
    | undefined;
  trtc?: { rooms?: Record<string, string[]> | undefined } | undefined;
}

export function applyFixtures(emulator: Emulator, fixtures: Fixtures | undefined): void {
  if (!fixtures) return;
  for (const [roomId, users] of Object.entries(fixtures.zegoRtc?.rooms ?? {})) {
    for (const userId of users) emulator.zegoRtc.joinRoom(roomId, userId);
  }
  const zim = fixtures.zim;
  for (const userId of zim?.users ?? []) emulator.zim.registerUser(userId);
  for (const userId of zim?.online ?? []) emulator.zim.setOnline(userId, true);
  for (const [roomId, users] of Object.entries(zim?.rooms ?? {})) {
    emulator.zim.createRoom(roomId);
    for (const userId of users) emulator.zim.joinRoom(roomId, userId);
  }
  for (const [groupId, members] of Object.entries(zim?.groups ?? {}))
    emulator.zim.createGroup(groupId, members);
  for (const [roomId, users] of Object.entries(fixtures.trtc?.rooms ?? {})) {
    emulator.trtc.createRoom(roomId);
    for (const userId of users) emulator.trtc.joinRoom(roomId, userId);
  }
}
