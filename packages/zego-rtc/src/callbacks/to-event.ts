import { jsonResponse } from '@roomcast/core';
import { PROVIDER_ID } from '../version.js';
import {
  parseRoomClose,
  parseRoomCreate,
  parseRoomLogin,
  parseRoomLogout,
  parseStreamClose,
  parseStreamCreate,
  type VerifiedZegoFields,
} from './parse.js';
import type { ZegoRtcEvent } from './types.js';

/** ZEGO judges a callback by its 2xx status and ignores the body. */
const ack = () => jsonResponse({});

const text = (n: number | undefined) => (n === undefined ? undefined : String(n));

/** Maps a verified RTC callback onto the unified event union. */
export function toZegoRtcEvent(input: VerifiedZegoFields, alias: string): ZegoRtcEvent {
  const base = { provider: PROVIDER_ID, alias, name: input.common.event, ack } as const;
  const sentAt = input.common.timestamp * 1000;
  switch (input.common.event) {
    case 'room_create': {
      const vendor = parseRoomCreate(input);
      return {
        ...base,
        type: 'room.created',
        at: vendor.room_create_time ?? sentAt,
        roomId: vendor.room_id,
        userId: vendor.id_name,
        vendor,
      };
    }
    case 'room_close': {
      const vendor = parseRoomClose(input);
      return {
        ...base,
        type: 'room.closed',
        at: vendor.room_close_time ?? sentAt,
        roomId: vendor.room_id,
        reason: text(vendor.close_reason),
        vendor,
      };
    }
    case 'room_login': {
      const vendor = parseRoomLogin(input);
      return {
        ...base,
        type: 'user.joined',
        at: vendor.login_time ?? sentAt,
        roomId: vendor.room_id,
        userIds: [vendor.user_account],
        vendor,
      };
    }
    case 'room_logout': {
      const vendor = parseRoomLogout(input);
      return {
        ...base,
        type: 'user.left',
        at: vendor.logout_time ?? sentAt,
        roomId: vendor.room_id,
        userIds: [vendor.user_account],
        reason: text(vendor.reason),
        vendor,
      };
    }
    case 'stream_create': {
      const vendor = parseStreamCreate(input);
      return {
        ...base,
        type: 'stream.created',
        at: vendor.create_time_ms ?? sentAt,
        roomId: vendor.room_id,
        userId: vendor.user_id,
        streamId: vendor.stream_id,
        vendor,
      };
    }
    case 'stream_close': {
      const vendor = parseStreamClose(input);
      return {
        ...base,
        type: 'stream.closed',
        at: vendor.destroy_timemillis ?? sentAt,
        roomId: vendor.room_id,
        userId: vendor.user_id,
        streamId: vendor.stream_id,
        reason: text(vendor.type),
        vendor,
      };
    }
    default:
      return { ...base, type: 'other', at: sentAt, vendor: input.common };
  }
}
