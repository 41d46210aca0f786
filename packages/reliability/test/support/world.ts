import type { Fixtures } from '@roomcast/emulator';
import type { Rng } from './random.js';
import { withMarker } from './wire.js';

/**
 * The rooms and users of the campaign: every vendor has several rooms (one ZEGO room big enough
 * that a listed signal spans several requests of 10), ZIM has 300 online users so a direct message
 * spans several requests of 100, and ghosts (never logged in) make per-recipient failures.
 */
const range = (prefix: string, count: number) =>
  Array.from({ length: count }, (_, i) => `${prefix}${String(i).padStart(3, '0')}`);

export const SENDER = 'server';
export const RTC_ROOMS: Record<string, string[]> = {
  'rtc-1': range('rtc-1-u', 4),
  'rtc-2': range('rtc-2-u', 3),
  'rtc-big': range('rtc-big-u', 30),
};
export const ZIM_USERS = range('zim-u', 300);
export const ZIM_ROOMS: Record<string, string[]> = {
  'zim-room-1': ZIM_USERS.slice(0, 5),
  'zim-room-2': ZIM_USERS.slice(5, 8),
};
export const TRTC_ROOMS: Record<string, string[]> = {
  'trtc-1': range('trtc-1-u', 4),
  'trtc-2': range('trtc-2-u', 2),
};

export const CAMPAIGN_FIXTURES: Fixtures = {
  zegoRtc: { rooms: RTC_ROOMS },
  zim: { online: [SENDER, ...ZIM_USERS], rooms: ZIM_ROOMS },
  trtc: { rooms: TRTC_ROOMS },
};

/** Every channel of the three providers: all kinds each one declares. */
export const CHANNELS = [
  'zego:signal',
  'zego:broadcast',
  'zego:barrage',
  'zim:direct',
  'zim:signal',
  'zim:broadcast',
  'zim:barrage',
  'tencent:signal',
  'tencent:broadcast',
] as const;
export type Channel = (typeof CHANNELS)[number];

/** One planned send: what to call, and who should receive it if it succeeds. */
export interface PlannedSend {
  id: number;
  channel: Channel;
  message: Record<string, unknown>;
  /** Listed recipients (unique), or undefined for a whole-room send. */
  listed: string[] | undefined;
  /** Who must receive it when it is accepted: listed recipients that exist, or the room's members. */
  audience: string[];
}

/** A deterministic send for `id`: channel, addressing and payload drawn from `rng`. */
export function planSend(rng: Rng, id: number): PlannedSend {
  const channel = CHANNELS[id % CHANNELS.length] as Channel;
  const note = (text: string) => withMarker(id, text);
  switch (channel) {
    case 'zego:signal': {
      const [roomId, members] = pickRoom(rng, RTC_ROOMS);
      if (rng.next() < 0.4) {
        return whole(id, channel, { roomId, from: SENDER, data: note('{"op":"refresh"}') }, members);
      }
      const listed = rng.sample(members, rng.int(1, members.length));
      const ghosts = rng.next() < 0.2 ? range(`rtc-ghost-${id}-`, rng.int(1, 3)) : [];
      const to = [...listed, ...ghosts];
      return {
        id,
        channel,
        message: { roomId, from: SENDER, to, data: note('{"op":"poke"}') },
        listed: to,
        audience: listed,
      };
    }
    case 'zego:broadcast':
    case 'zego:barrage': {
      const [roomId, members] = pickRoom(rng, RTC_ROOMS);
      const message = {
        roomId,
        from: SENDER,
        text: note('hello room'),
        category: rng.pick(['chat', 'system']),
      };
      return whole(id, channel, message, members);
    }
    case 'zim:direct': {
      const size = rng.next() < 0.8 ? rng.int(1, 12) : rng.int(90, 240);
      const listed = rng.sample(ZIM_USERS, size);
      const ghosts = rng.next() < 0.15 ? range(`zim-ghost-${id}-`, rng.int(1, 2)) : [];
      const to = [...listed, ...ghosts];
      const payload = rng.next() < 0.7 ? { text: note('hi there') } : { data: note('{"k":1}'), type: 3 };
      return { id, channel, message: { from: SENDER, to, ...payload }, listed: to, audience: listed };
    }
    case 'zim:signal': {
      const [roomId, members] = pickRoom(rng, ZIM_ROOMS);
      return whole(id, channel, { roomId, from: SENDER, data: note('{"seat":3}'), type: 1 }, members);
    }
    case 'zim:broadcast':
    case 'zim:barrage': {
      const [roomId, members] = pickRoom(rng, ZIM_ROOMS);
      return whole(id, channel, { roomId, from: SENDER, text: note('welcome') }, members);
    }
    case 'tencent:signal': {
      const [roomId, members] = pickRoom(rng, TRTC_ROOMS);
      return whole(id, channel, { roomId, type: 'campaign', data: note('{"gift":7}') }, members);
    }
    case 'tencent:broadcast': {
      const [roomId, members] = pickRoom(rng, TRTC_ROOMS);
      return whole(id, channel, { roomId, from: SENDER, text: note('hi all') }, members);
    }
  }
}

function whole(
  id: number,
  channel: Channel,
  message: Record<string, unknown>,
  members: string[],
): PlannedSend {
  return { id, channel, message, listed: undefined, audience: members };
}

function pickRoom(rng: Rng, rooms: Record<string, string[]>): [string, string[]] {
  return rng.pick(Object.entries(rooms));
}
