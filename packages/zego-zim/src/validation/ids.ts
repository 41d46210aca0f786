import { type CheckContext, requireId, requireRecipients } from '@roomcast/core';
import { ZIM_FIELD_LIMITS } from '../limits.js';
import { invalid } from './context.js';

/**
 * Characters ZIM allows in user, room and group ids: digits, ASCII letters and
 * `! # $ % & ( ) + - : ; < = . > ? @ [ ] ^ _ { } | ~`, plus the space.
 *
 * The docs conflict on the space: the messaging pages (SendPeer/Group/Room/AllUsers messages) and
 * the current QueryUserOnlineState page list it; the user, friend and block-list pages do not.
 * Every API this package wraps documents the space, so it is accepted; an id with a space may
 * still be refused by other ZIM APIs.
 */
export const ZIM_ID_PATTERN = /^[0-9A-Za-z!#$%&()+\-:;<=.>?@[\]^_{}|~ ]+$/;

function checkCharset(id: string, field: string, context: CheckContext): string {
  if (ZIM_ID_PATTERN.test(id)) return id;
  const bad = [...id].find((char) => !ZIM_ID_PATTERN.test(char)) ?? '';
  const shown = /^[\x21-\x7e]$/.test(bad)
    ? `"${bad}"`
    : `U+${bad.codePointAt(0)?.toString(16).toUpperCase().padStart(4, '0')}`;
  throw invalid(
    `${field} contains ${shown}; ZIM ids allow only digits, ASCII letters, space and !#$%&()+-:;<=.>?@[]^_{}|~`,
    context,
  );
}

/** A ZIM user id: at most 32 bytes of the allowed characters. */
export function requireZimUserId(value: unknown, field: string, context: CheckContext): string {
  return checkCharset(requireId(value, field, ZIM_FIELD_LIMITS.userIdBytes, context), field, context);
}

/** A ZIM room id: at most 128 bytes of the allowed characters. */
export function requireZimRoomId(value: unknown, field: string, context: CheckContext): string {
  return checkCharset(requireId(value, field, ZIM_FIELD_LIMITS.roomIdBytes, context), field, context);
}

/** A ZIM group id: at most 32 bytes of the allowed characters (server-generated ones start with `#`). */
export function requireZimGroupId(value: unknown, field: string, context: CheckContext): string {
  return checkCharset(requireId(value, field, ZIM_FIELD_LIMITS.groupIdBytes, context), field, context);
}

/**
 * A list of 1–100 user ids, duplicates removed, each a valid ZIM user id, never `sender` (ZIM
 * cannot message oneself).
 */
export function requireZimRecipients(
  value: unknown,
  field: string,
  sender: string | undefined,
  context: CheckContext,
): string[] {
  const ids = requireRecipients(value, field, ZIM_FIELD_LIMITS.recipients, context);
  for (const id of ids) {
    // Name the caller's index, not the index after duplicates were removed.
    const where = `${field}[${(value as unknown[]).indexOf(id)}]`;
    checkCharset(requireId(id, where, ZIM_FIELD_LIMITS.userIdBytes, context), where, context);
  }
  if (sender !== undefined && ids.includes(sender)) {
    throw invalid(
      `${field} must not contain the sender "${sender}": ZIM cannot send a message to oneself`,
      context,
    );
  }
  return ids;
}
