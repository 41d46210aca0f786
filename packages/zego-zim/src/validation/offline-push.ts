import { type CheckContext, optionalString, requireInteger, requireObject } from '@roomcast/core';
import type { ZimOfflinePush, ZimPushImageInfo } from '../types/offline-push.js';
import { optionalBoolean, optionalFlag, rejectUnknownKeys } from './context.js';

const BASE_KEYS = [
  'Enable',
  'Title',
  'Content',
  'Payload',
  'PushStrategyId',
  'EnableBadge',
  'BadgeIncrement',
];

function imageIcon(
  value: unknown,
  field: string,
  context: CheckContext,
  keys: readonly string[],
): Record<string, string> {
  const obj = requireObject(value, field, context);
  rejectUnknownKeys(obj, keys, field, context);
  const out: Record<string, string> = {};
  for (const key of keys) {
    const text = optionalString(obj[key], `${field}.${key}`, context);
    if (text !== undefined) out[key] = text;
  }
  return out;
}

function pushImageInfo(value: unknown, field: string, context: CheckContext): ZimPushImageInfo {
  const info = requireObject(value, field, context);
  rejectUnknownKeys(info, ['Apns', 'Android'], field, context);
  const out: ZimPushImageInfo = {};
  if (info.Apns !== undefined) out.Apns = imageIcon(info.Apns, `${field}.Apns`, context, ['Image']);
  if (info.Android !== undefined) {
    const android = requireObject(info.Android, `${field}.Android`, context);
    rejectUnknownKeys(android, ['HuaWei', 'FCM'], `${field}.Android`, context);
    out.Android = {};
    if (android.HuaWei !== undefined) {
      out.Android.HuaWei = imageIcon(android.HuaWei, `${field}.Android.HuaWei`, context, ['Image', 'Icon']);
    }
    if (android.FCM !== undefined)
      out.Android.FCM = imageIcon(android.FCM, `${field}.Android.FCM`, context, ['Image', 'Icon']);
  }
  return out;
}

/**
 * Validates `OfflinePush` and returns a clean copy. `PushImageInfo` is accepted only where
 * `allowImages` (all-users messages). `BadgeIncrement` must be a whole number ≥ 0; ZIM caps it at 99.
 */
export function checkOfflinePush(
  value: unknown,
  field: string,
  allowImages: boolean,
  context: CheckContext,
): ZimOfflinePush {
  const push = requireObject(value, field, context);
  rejectUnknownKeys(push, allowImages ? [...BASE_KEYS, 'PushImageInfo'] : BASE_KEYS, field, context);
  const out: ZimOfflinePush = {};
  const enable = optionalFlag(push.Enable, `${field}.Enable`, context);
  if (enable !== undefined) out.Enable = enable;
  for (const key of ['Title', 'Content', 'Payload', 'PushStrategyId'] as const) {
    const text = optionalString(push[key], `${field}.${key}`, context);
    if (text !== undefined) out[key] = text;
  }
  if (push.PushImageInfo !== undefined)
    out.PushImageInfo = pushImageInfo(push.PushImageInfo, `${field}.PushImageInfo`, context);
  const badge = optionalBoolean(push.EnableBadge, `${field}.EnableBadge`, context);
  if (badge !== undefined) out.EnableBadge = badge;
  if (push.BadgeIncrement !== undefined) {
    out.BadgeIncrement = requireInteger(
      push.BadgeIncrement,
      `${field}.BadgeIncrement`,
      0,
      Number.MAX_SAFE_INTEGER,
      context,
    );
  }
  return out;
}
