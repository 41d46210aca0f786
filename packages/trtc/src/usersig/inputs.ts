import { type CheckContext, describeType, RoomcastError, requireId, requireString } from '@roomcast/core';

/** Tencent Chat user ids (and so UserSig identifiers) are at most 32 bytes. */
export const MAX_USER_ID_BYTES = 32;
/** Tencent's guidance caps a UserSig lifetime at 50 years. */
export const MAX_EXPIRE_SECONDS = 50 * 365 * 86_400;
const MAX_UINT32 = 4_294_967_295;
/** Unix seconds beyond this (year 5138) are almost certainly milliseconds passed by mistake. */
const MAX_PLAUSIBLE_SECONDS = 100_000_000_000;

function invalid(message: string, context: CheckContext): RoomcastError {
  return new RoomcastError('INVALID_ARGUMENT', message, context);
}

/** SDKAppID: the app's positive 32-bit number from the console. */
export function checkSdkAppId(value: unknown, context: CheckContext = {}): number {
  if (typeof value === 'string' && /^\d+$/.test(value)) {
    throw invalid('sdkAppId must be a number, got a string of digits; convert it with Number(...)', context);
  }
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > MAX_UINT32) {
    const got = typeof value === 'number' ? String(value) : describeType(value);
    throw invalid(
      `sdkAppId must be a positive 32-bit integer (the SDKAppID from the console), got ${got}`,
      context,
    );
  }
  return value;
}

/**
 * The app's SecretKey. Never echoed: messages describe the problem only. Surrounding whitespace is
 * rejected because Tencent keys are hex strings, so it can only be a copy-paste slip that would
 * otherwise surface later as an opaque 70009 from Tencent.
 */
export function checkSecretKey(value: unknown, context: CheckContext = {}): string {
  if (typeof value !== 'string')
    throw invalid(`secretKey must be a string, got ${describeType(value)}`, context);
  if (value.trim().length === 0) throw invalid('secretKey must not be empty', context);
  if (value.trim() !== value) {
    throw invalid(
      'secretKey has leading or trailing whitespace; check how it is loaded (value not shown)',
      context,
    );
  }
  return requireString(value, 'secretKey', context);
}

/** A Tencent user id: non-empty, well-formed, at most 32 UTF-8 bytes. */
export function checkUserId(value: unknown, field: string, context: CheckContext = {}): string {
  return requireId(value, field, MAX_USER_ID_BYTES, context);
}

/** A UserSig lifetime in whole seconds (Tencent's `TLS.expire`, not an absolute time). */
export function checkExpireSeconds(value: unknown, field: string, context: CheckContext = {}): number {
  if (value === undefined) {
    throw invalid(`${field} is required: the UserSig lifetime in seconds (e.g. 86400 for one day)`, context);
  }
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    const got = typeof value === 'number' ? String(value) : describeType(value);
    throw invalid(`${field} must be a whole number of seconds, got ${got}`, context);
  }
  if (value <= 0) throw invalid(`${field} must be positive, got ${value}`, context);
  if (value > MAX_EXPIRE_SECONDS) {
    throw invalid(
      `${field} is ${value} seconds; Tencent allows at most 50 years (${MAX_EXPIRE_SECONDS})`,
      context,
    );
  }
  return value;
}

/** A Unix time in whole seconds (`TLS.time`). */
export function checkUnixSeconds(value: unknown, field: string, context: CheckContext = {}): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
    const got = typeof value === 'number' ? String(value) : describeType(value);
    throw invalid(`${field} must be a non-negative whole number of Unix seconds, got ${got}`, context);
  }
  if (value >= MAX_PLAUSIBLE_SECONDS) {
    throw invalid(`${field} is ${value}, which looks like milliseconds; pass Unix seconds`, context);
  }
  return value;
}
