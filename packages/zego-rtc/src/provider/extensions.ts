import { describeType, RoomcastError, requireObject } from '@roomcast/core';
import type { ZegoMessageCategory } from '../types.js';
import { PROVIDER_ID } from '../version.js';
import type { ZegoRtcKind } from './capabilities.js';

/**
 * Vendor options under `extensions['zego-rtc']`. Broadcast and barrage take ZEGO's own field names
 * for what the unified message also expresses (`fromName`, `category`); signals take none, because
 * SendCustomCommand has no parameter beyond the unified ones.
 */
export interface ZegoRtcExtensions {
  /** Sender display name (`UserName`); the same as `fromName`. */
  UserName?: string;
  /** `1` system, `2` chat; the same as `category`. */
  MessageCategory?: ZegoMessageCategory;
}

const ALLOWED: Record<ZegoRtcKind, readonly string[]> = {
  signal: [],
  broadcast: ['UserName', 'MessageCategory'],
  barrage: ['UserName', 'MessageCategory'],
};

/** Reads and checks `extensions['zego-rtc']` for a kind; unknown options are rejected, not ignored. */
export function readExtensions(kind: ZegoRtcKind, extensions: unknown): ZegoRtcExtensions {
  const where = { provider: PROVIDER_ID };
  if (extensions === undefined) return {};
  const all = requireObject(extensions, 'extensions', where);
  const own = all[PROVIDER_ID];
  if (own === undefined) return {};
  const options = requireObject(own, `extensions['${PROVIDER_ID}']`, where);
  const allowed = ALLOWED[kind];
  for (const key of Object.keys(options)) {
    if (!allowed.includes(key)) {
      const takes = allowed.length === 0 ? 'takes no options' : `takes ${allowed.join(', ')}`;
      throw new RoomcastError(
        'INVALID_ARGUMENT',
        `extensions['${PROVIDER_ID}'].${key} is unknown: ${kind} ${takes}`,
        where,
      );
    }
  }
  const result: ZegoRtcExtensions = {};
  if (options.UserName !== undefined) {
    if (typeof options.UserName !== 'string' || options.UserName === '') {
      throw new RoomcastError(
        'INVALID_ARGUMENT',
        `extensions['${PROVIDER_ID}'].UserName must be a non-empty string, got ${describeType(options.UserName)}`,
        where,
      );
    }
    result.UserName = options.UserName;
  }
  if (options.MessageCategory !== undefined) {
    if (options.MessageCategory !== 1 && options.MessageCategory !== 2) {
      throw new RoomcastError(
        'INVALID_ARGUMENT',
        `extensions['${PROVIDER_ID}'].MessageCategory must be 1 (system) or 2 (chat)`,
        where,
      );
    }
    result.MessageCategory = options.MessageCategory;
  }
  return result;
}
