import {
  type CheckContext,
  checkByteLength,
  describeType,
  RoomcastError,
  requireId,
  requireObject,
  requireRecipients,
  requireString,
} from '@roomcast/core';
import { ZEGO_RTC_LIMITS } from '../limits.js';

/** Requires a request object with only the documented fields, so a misspelt field cannot pass silently. */
export function checkRequest(
  input: unknown,
  allowed: readonly string[],
  ctx: CheckContext,
): Record<string, unknown> {
  const request = requireObject(input, `${ctx.operation} request`, ctx);
  for (const key of Object.keys(request)) {
    if (!allowed.includes(key)) {
      throw new RoomcastError(
        'INVALID_ARGUMENT',
        `${ctx.operation} has no field "${key}" (it takes ${allowed.join(', ')})`,
        ctx,
      );
    }
  }
  return request;
}

export function checkRoomId(value: unknown, ctx: CheckContext, field = 'RoomId'): string {
  return requireId(value, field, ZEGO_RTC_LIMITS.roomIdBytes, ctx);
}

export function checkUserId(value: unknown, field: string, ctx: CheckContext): string {
  return requireId(value, field, ZEGO_RTC_LIMITS.userIdBytes, ctx);
}

/** A list of 1–`max` user ids, duplicates removed; over `max` is `TOO_MANY_RECIPIENTS`. */
export function checkUserIds(value: unknown, field: string, max: number, ctx: CheckContext): string[] {
  const ids = requireRecipients(value, field, max, ctx);
  for (const [index, id] of ids.entries()) checkUserId(id, `${field}[${index}]`, ctx);
  return ids;
}

/** `MessageContent`: non-empty, ≤ 1,024 UTF-8 bytes before URL-encoding. */
export function checkContent(value: unknown, ctx: CheckContext): string {
  const text = requireString(value, 'MessageContent', ctx);
  checkByteLength(text, ZEGO_RTC_LIMITS.messageContentBytes, 'MessageContent', { ...ctx, vendor: 'ZEGO' });
  return text;
}

/** Optional `CustomReason`, ≤ 256 UTF-8 bytes. */
export function checkReason(value: unknown, ctx: CheckContext): string | undefined {
  if (value === undefined) return undefined;
  const text = requireString(value, 'CustomReason', ctx);
  checkByteLength(text, ZEGO_RTC_LIMITS.customReasonBytes, 'CustomReason', { ...ctx, vendor: 'ZEGO' });
  return text;
}

/** A value out of a fixed set, e.g. `MessageCategory` 1 or 2. */
export function checkOneOf<T extends number>(
  value: unknown,
  field: string,
  allowed: readonly T[],
  ctx: CheckContext,
): T {
  if (!allowed.includes(value as T)) {
    const shown = typeof value === 'number' ? String(value) : describeType(value);
    throw new RoomcastError(
      'INVALID_ARGUMENT',
      `${field} must be ${allowed.join(' or ')}, got ${shown}`,
      ctx,
    );
  }
  return value as T;
}

export function checkBoolean(value: unknown, field: string, ctx: CheckContext): boolean {
  if (typeof value !== 'boolean') {
    throw new RoomcastError(
      'INVALID_ARGUMENT',
      `${field} must be true or false, got ${describeType(value)}`,
      ctx,
    );
  }
  return value;
}
