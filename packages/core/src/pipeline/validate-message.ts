import { RoomcastError } from '../errors/roomcast-error.js';
import type { KindCapability } from '../spec/capabilities.js';
import type { AnyMessage, MessageKind } from '../spec/messages.js';
import {
  checkByteLength,
  describeType,
  requireObject,
  requireRecipients,
  requireString,
} from '../validation/checks.js';

const PRIORITIES = new Set(['low', 'normal', 'high']);
const ROOM_KINDS = new Set<MessageKind>(['signal', 'broadcast', 'barrage']);

/** A message that passed the capability checks, with its recipients deduplicated. */
export interface ValidatedMessage {
  message: AnyMessage;
  /** Unique recipients, first occurrence kept; `undefined` for a whole-room send. */
  recipients: string[] | undefined;
}

/**
 * Checks a message against a kind's capabilities before any network call: required fields, UTF-8
 * payload size, addressing the kind supports, recipient lists (no empty ids; duplicates removed).
 * Plain JavaScript callers get an `INVALID_ARGUMENT` naming the field, never a `TypeError`.
 */
export function validateMessage(
  kind: MessageKind,
  input: unknown,
  capability: KindCapability,
  context: { provider: string; channel: string; maxRecipientsPerSend: number },
): ValidatedMessage {
  const where = { provider: context.provider };
  const message = requireObject(input, 'message', where);
  if (ROOM_KINDS.has(kind)) requireString(message.roomId, 'roomId', where);
  if (kind !== 'signal' || message.from !== undefined) requireString(message.from, 'from', where);
  checkPayload(kind, message, capability, where);
  if (message.priority !== undefined && !PRIORITIES.has(message.priority as string)) {
    throw new RoomcastError('INVALID_ARGUMENT', `priority must be 'low', 'normal' or 'high'`, where);
  }
  if (message.signal !== undefined && !(message.signal instanceof AbortSignal)) {
    throw new RoomcastError(
      'INVALID_ARGUMENT',
      `signal must be an AbortSignal, got ${describeType(message.signal)}`,
      where,
    );
  }
  if (message.extensions !== undefined) requireObject(message.extensions, 'extensions', where);
  const recipients = checkAudience(kind, message, capability, context);
  return { message: message as unknown as AnyMessage, recipients };
}

function checkPayload(
  kind: MessageKind,
  message: Record<string, unknown>,
  capability: KindCapability,
  where: { provider: string },
): void {
  const field = payloadField(kind, message);
  const value = requireString(message[field], field, where);
  checkByteLength(value, capability.maxPayloadBytes, field, { ...where, vendor: where.provider });
}

/** The payload field a message uses: `data` for signals, `text` or `data` for direct messages, else `text`. */
export function payloadField(kind: MessageKind, message: Record<string, unknown>): 'text' | 'data' {
  if (kind === 'signal') return 'data';
  if (kind === 'direct') {
    if (message.text !== undefined && message.data !== undefined) {
      throw new RoomcastError('INVALID_ARGUMENT', 'A direct message carries either text or data, not both');
    }
    return message.data !== undefined ? 'data' : 'text';
  }
  return 'text';
}

function checkAudience(
  kind: MessageKind,
  message: Record<string, unknown>,
  capability: KindCapability,
  context: { provider: string; channel: string; maxRecipientsPerSend: number },
): string[] | undefined {
  const where = { provider: context.provider };
  const audiences = capability.audiences;
  if (message.to === undefined) {
    if (audiences.includes('room')) return undefined;
    throw new RoomcastError(
      'INVALID_ARGUMENT',
      `${context.channel} needs recipients: set "to" to a list of user ids`,
      where,
    );
  }
  if (!audiences.includes('room-users') && !audiences.includes('users')) {
    throw new RoomcastError(
      'UNSUPPORTED',
      `${context.channel} addresses the whole room only; it cannot send to listed users (remove "to")`,
      where,
    );
  }
  const recipients = requireRecipients(message.to, 'to', context.maxRecipientsPerSend, where);
  if (typeof message.from === 'string' && recipients.includes(message.from) && kind === 'direct') {
    throw new RoomcastError('INVALID_ARGUMENT', `"to" must not contain the sender "${message.from}"`, where);
  }
  return recipients;
}
