import type { VendorId } from '../types.js';

/**
 * One Action's limits. Every number is "requests per second" unless named otherwise; scopes are per
 * AppID (per SDKAppID for Tencent) unless `perRoomPerSecond` says per room (or per group).
 */
export interface ActionLimit {
  /** Per AppID, production environment. */
  perSecond?: number | undefined;
  /** Per AppID, ZEGO RTC test environment (IsTest=true); defaults to `perSecond`. */
  perSecondTest?: number | undefined;
  /** Per room (RTC DescribeUserList; ZIM room/group messages; Tencent room frequency control). */
  perRoomPerSecond?: number | undefined;
  /** Per AppID per rolling 24 hours (ZIM SendMessageToAllUsers). */
  perDay?: number | undefined;
}

export type VendorLimits = Record<string, ActionLimit>;
export type LimitTable = Record<VendorId, VendorLimits>;

/** The vendors' documented numbers (fact sheet §1.6, §2.4–2.8, §3.4–3.5). */
export const VENDOR_LIMITS: Readonly<LimitTable> = Object.freeze({
  'zego-rtc': {
    SendBroadcastMessage: { perSecond: 100, perSecondTest: 10 },
    SendBarrageMessage: { perSecond: 100, perSecondTest: 10 },
    SendCustomCommand: { perSecond: 100, perSecondTest: 10 },
    DescribeUserNum: { perSecond: 10, perSecondTest: 1 },
    DescribeUsers: { perSecond: 10 },
    DescribeUserList: { perSecond: 200, perRoomPerSecond: 1 },
    CloseRoom: { perSecond: 1, perSecondTest: 1 },
    KickoutUser: { perSecond: 50 },
  },
  'zego-zim': {
    SendPeerMessage: { perSecond: 20 },
    SendGroupMessage: { perSecond: 10 },
    SendRoomMessage: { perSecond: 10 },
    SendMessageToAllUsers: { perSecond: 1, perDay: 100 },
    QueryUserOnlineState: { perSecond: 20 },
  },
  trtc: {
    send_custom_msg: { perSecond: 200 },
    send_text_msg: { perSecond: 200 },
    create_room: { perSecond: 200 },
    destroy_room: { perSecond: 200 },
    get_room_info: { perSecond: 200 },
  },
});

/**
 * `rateLimits` option: `'vendor'` (default) applies the documented numbers, `'off'` none, and an
 * object starts from `base` (default `'vendor'`) and overrides single Actions (`'off'` disables one).
 */
export type RateLimitOption =
  | 'vendor'
  | 'off'
  | ({ base?: 'vendor' | 'off' | undefined } & {
      [V in VendorId]?: Record<string, Partial<ActionLimit> | 'off'> | undefined;
    });

export function resolveLimits(option: RateLimitOption | undefined): LimitTable {
  const base =
    option === undefined || option === 'vendor' || (typeof option === 'object' && option.base !== 'off');
  const table: LimitTable = { 'zego-rtc': {}, 'zego-zim': {}, trtc: {} };
  if (base) {
    for (const vendor of Object.keys(VENDOR_LIMITS) as VendorId[]) {
      for (const [action, limit] of Object.entries(VENDOR_LIMITS[vendor]))
        table[vendor][action] = { ...limit };
    }
  }
  if (typeof option !== 'object') return table;
  for (const vendor of Object.keys(table) as VendorId[]) {
    const overrides = option[vendor];
    if (!overrides) continue;
    for (const [action, override] of Object.entries(overrides)) {
      if (override === 'off') {
        delete table[vendor][action];
        continue;
      }
      for (const [key, value] of Object.entries(override)) {
        if (value !== undefined && (typeof value !== 'number' || !(value > 0))) {
          throw new TypeError(`rateLimits.${vendor}.${action}.${key} must be a positive number`);
        }
      }
      table[vendor][action] = { ...table[vendor][action], ...override };
    }
  }
  return table;
}
