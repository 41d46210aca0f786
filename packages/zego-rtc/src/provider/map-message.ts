import type { BarrageMessage, BroadcastMessage } from '@roomcast/core';
import { describeType, RoomcastError, type SignalMessage } from '@roomcast/core';
import type { SendCustomCommandRequest, SendRoomTextRequest, ZegoMessageCategory } from '../types.js';
import { PROVIDER_ID } from '../version.js';
import { readExtensions } from './extensions.js';

const where = { provider: PROVIDER_ID };
const CATEGORY: Record<string, ZegoMessageCategory> = { system: 1, chat: 2 };

/**
 * A unified signal as a SendCustomCommand request. `from` is required (FromUserId); `type` is
 * rejected with `UNSUPPORTED` rather than dropped, because ZEGO has no field for it and receivers
 * would silently never see it: put the type inside `data` instead.
 */
export function toCustomCommand(
  message: SignalMessage,
  recipients: readonly string[] | undefined,
): SendCustomCommandRequest {
  if (message.from === undefined) {
    throw new RoomcastError(
      'INVALID_ARGUMENT',
      'zego-rtc signals need "from" (ZEGO FromUserId); use an id that is not in the room so every member receives it',
      where,
    );
  }
  if (message.type !== undefined) {
    throw new RoomcastError(
      'UNSUPPORTED',
      'zego-rtc signals have no "type" field (SendCustomCommand carries only MessageContent): put the type inside "data"',
      where,
    );
  }
  readExtensions('signal', message.extensions);
  const request: SendCustomCommandRequest = {
    RoomId: message.roomId,
    FromUserId: message.from,
    MessageContent: message.data,
  };
  if (recipients !== undefined) request.ToUserId = recipients;
  return request;
}

/** A unified broadcast or barrage as a SendBroadcastMessage / SendBarrageMessage request. */
export function toRoomText(
  kind: 'broadcast' | 'barrage',
  message: BroadcastMessage | BarrageMessage,
): SendRoomTextRequest {
  const ext = readExtensions(kind, message.extensions);
  const category = message.category === undefined ? undefined : CATEGORY[message.category];
  if (message.category !== undefined && category === undefined) {
    const shown =
      typeof message.category === 'string' ? `"${message.category}"` : describeType(message.category);
    throw new RoomcastError('INVALID_ARGUMENT', `category must be 'system' or 'chat', got ${shown}`, where);
  }
  if (message.fromName !== undefined && (typeof message.fromName !== 'string' || message.fromName === '')) {
    throw new RoomcastError(
      'INVALID_ARGUMENT',
      `fromName must be a non-empty string, got ${describeType(message.fromName)}`,
      where,
    );
  }
  const userName = agree('fromName', message.fromName, 'UserName', ext.UserName);
  const messageCategory = agree('category', category, 'MessageCategory', ext.MessageCategory) ?? 2;
  const request: SendRoomTextRequest = {
    RoomId: message.roomId,
    UserId: message.from,
    MessageCategory: messageCategory,
    MessageContent: message.text,
  };
  if (userName !== undefined) request.UserName = userName;
  return request;
}

/** A unified field and its vendor alias in extensions may both be set only if they agree. */
function agree<T>(
  field: string,
  unified: T | undefined,
  vendorField: string,
  vendor: T | undefined,
): T | undefined {
  if (unified !== undefined && vendor !== undefined && unified !== vendor) {
    throw new RoomcastError(
      'INVALID_ARGUMENT',
      `${field} and extensions['${PROVIDER_ID}'].${vendorField} disagree; set only one of them`,
      where,
    );
  }
  return unified ?? vendor;
}
