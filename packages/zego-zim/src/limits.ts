import { RoomcastError, requireInteger } from '@roomcast/core';
import type { ZimMessageTypeName } from './types/message-types.js';

/** Largest `Message` ZEGO will configure for an app: 32 KB. */
export const ZIM_MAX_CONFIGURABLE_BYTES = 32 * 1024;

/**
 * Default `Message` limits per message type, in bytes (UTF-8; for commands, the bytes before
 * base64). 2 KB, combined messages 5 KB. Apps can have them raised up to 32 KB: set
 * `maxMessageBytes` in the config to match.
 */
export const ZIM_DEFAULT_MESSAGE_LIMITS: Readonly<Record<ZimMessageTypeName, number>> = {
  text: 2048,
  command: 2048,
  combined: 5120,
  image: 2048,
  file: 2048,
  audio: 2048,
  video: 2048,
  barrage: 2048,
  custom: 2048,
};

/** Fixed field limits of the ZIM docs, in UTF-8 bytes or items. */
export const ZIM_FIELD_LIMITS = {
  /** `ExtendedData`: 1 KB. */
  extendedDataBytes: 1024,
  /** `SearchedContent` of custom messages: 64 bytes. */
  searchedContentBytes: 64,
  /** `Url` in media messages. */
  urlBytes: 500,
  /** `FileName` in media messages. */
  fileNameBytes: 150,
  /** Items of a combined message. */
  combinedItems: 20,
  /** User ids and group ids. */
  userIdBytes: 32,
  groupIdBytes: 32,
  /** Room ids (the docs also say 32 on one page; 128 is the newer statement). */
  roomIdBytes: 128,
  /** Recipients of one peer message, users of one online-state query. */
  recipients: 100,
  /** `SubMsgType` range of custom messages. */
  subMsgTypeMax: 200,
  /** `OfflinePush.BadgeIncrement` range. */
  badgeIncrementMax: 99,
} as const;

/** Per-type `Message` limits, any subset; the rest keep their defaults. */
export type ZimMessageLimits = Partial<Record<ZimMessageTypeName, number>>;

/** Merges configured limits over the defaults, each a whole number of bytes from 1 to 32 KB. */
export function resolveMessageLimits(
  overrides: ZimMessageLimits | undefined,
  provider: string,
): Readonly<Record<ZimMessageTypeName, number>> {
  const limits = { ...ZIM_DEFAULT_MESSAGE_LIMITS };
  if (overrides === undefined) return limits;
  if (typeof overrides !== 'object' || overrides === null) {
    throw new RoomcastError('INVALID_ARGUMENT', 'maxMessageBytes must be an object keyed by message type', {
      provider,
    });
  }
  for (const [name, value] of Object.entries(overrides)) {
    if (!(name in limits)) {
      throw new RoomcastError(
        'INVALID_ARGUMENT',
        `maxMessageBytes.${name} is not a ZIM message type (use ${Object.keys(limits).join(', ')})`,
        { provider },
      );
    }
    if (value === undefined) continue;
    limits[name as ZimMessageTypeName] = requireInteger(
      value,
      `maxMessageBytes.${name}`,
      1,
      ZIM_MAX_CONFIGURABLE_BYTES,
      {
        provider,
      },
    );
  }
  return limits;
}
