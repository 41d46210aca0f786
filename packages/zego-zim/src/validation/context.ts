import { type CheckContext, RoomcastError } from '@roomcast/core';

/** Provider id used in every error this package raises. */
export const PROVIDER_ID = 'zego-zim';

/** The check context of one ZIM action. */
export function contextFor(operation: string): Required<CheckContext> {
  return { provider: PROVIDER_ID, operation };
}

/** An `INVALID_ARGUMENT` error in a context. */
export function invalid(message: string, context: CheckContext): RoomcastError {
  return new RoomcastError('INVALID_ARGUMENT', message, context);
}

/**
 * Rejects keys a ZIM object does not have. Plain JavaScript callers learn about a typo
 * (`Offlinepush`) or a field the type does not take (`OfflinePush` on a room message) before
 * ZIM silently ignores it.
 */
export function rejectUnknownKeys(
  value: Record<string, unknown>,
  allowed: readonly string[],
  field: string,
  context: CheckContext,
): void {
  for (const key of Object.keys(value)) {
    if (value[key] !== undefined && !allowed.includes(key)) {
      throw invalid(`${field}.${key} is not accepted here (allowed: ${allowed.join(', ')})`, context);
    }
  }
}

/** Requires `0` or `1` (ZIM's boolean numbers). */
export function optionalFlag(value: unknown, field: string, context: CheckContext): 0 | 1 | undefined {
  if (value === undefined) return undefined;
  if (value !== 0 && value !== 1) throw invalid(`${field} must be 0 or 1`, context);
  return value;
}

/** Requires a boolean when present. */
export function optionalBoolean(value: unknown, field: string, context: CheckContext): boolean | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'boolean') throw invalid(`${field} must be true or false`, context);
  return value;
}
