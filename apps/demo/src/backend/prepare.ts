import type { Emulator } from '@roomcast/emulator';
import { ZIM_ID_PATTERN } from '@roomcast/zego-zim';
import type { VendorId } from '../shared/vendors.js';

type Message = Record<string, unknown>;

const stringField = (message: unknown, field: string): string | undefined => {
  if (typeof message !== 'object' || message === null) return undefined;
  const value = (message as Message)[field];
  return typeof value === 'string' && value !== '' ? value : undefined;
};

/**
 * ZIM only accepts messages from registered users; a real app registers its bot account once
 * (UserRegister). On the emulator the demo does that for whatever sender the form names.
 */
export function registerSender(emulator: Emulator | undefined, vendor: VendorId, message: unknown): void {
  const from = stringField(message, 'from');
  if (emulator === undefined || vendor !== 'zego-zim' || from === undefined) return;
  // An invalid id is left for the provider to reject with its own clear message.
  if (ZIM_ID_PATTERN.test(from) && Buffer.byteLength(from) <= 32) emulator.zim.registerUser(from);
}

/**
 * Puts simulated users where a send can reach them, so a first send on the emulator succeeds:
 * joins `users` to the message's room (or logs them in, for ZIM peer messages). Users in `offline`
 * are left out, to show partial results.
 */
export function joinRecipients(
  emulator: Emulator,
  vendor: VendorId,
  kind: string,
  roomId: string | undefined,
  users: readonly string[],
  offline: ReadonlySet<string> = new Set(),
): void {
  const online = users.filter((u) => !offline.has(u));
  if (vendor === 'zego-zim' && kind === 'direct') {
    for (const userId of online) emulator.zim.setOnline(userId, true);
    return;
  }
  if (roomId === undefined) return;
  switch (vendor) {
    case 'zego-rtc':
      for (const userId of online) emulator.zegoRtc.joinRoom(roomId, userId);
      return;
    case 'zego-zim':
      emulator.zim.createRoom(roomId);
      for (const userId of online) emulator.zim.joinRoom(roomId, userId);
      return;
    case 'trtc':
      if (!emulator.trtc.rooms().some((r) => r.roomId === roomId)) emulator.trtc.createRoom(roomId);
      for (const userId of online) emulator.trtc.joinRoom(roomId, userId);
      return;
  }
}
