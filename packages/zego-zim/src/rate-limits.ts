import type { QuotaSpec } from '@roomcast/core';

/** The ZIM actions this package calls. */
export type ZimAction =
  | 'SendPeerMessage'
  | 'SendRoomMessage'
  | 'SendGroupMessage'
  | 'SendMessageToAllUsers'
  | 'QueryUserOnlineState';

/** One documented ZIM rate: `limit` requests per `intervalMs`, per app. */
export interface ZimRate {
  limit: number;
  intervalMs: number;
  /** Suffix that keeps a second quota of the same action apart in the rate-limit store. */
  scopeSuffix?: string;
}

const SECOND = 1000;
const DAY = 86_400_000;

/**
 * ZIM's default rate limits per action and app (ZEGO can raise some, e.g. room messages). Data,
 * so dashboards and the rate limiter read the same numbers.
 */
export const ZIM_RATE_LIMITS: Readonly<Record<ZimAction, readonly ZimRate[]>> = {
  SendPeerMessage: [{ limit: 20, intervalMs: SECOND }],
  SendRoomMessage: [{ limit: 10, intervalMs: SECOND }],
  SendGroupMessage: [{ limit: 10, intervalMs: SECOND }],
  SendMessageToAllUsers: [
    { limit: 1, intervalMs: SECOND },
    { limit: 100, intervalMs: DAY, scopeSuffix: 'daily' },
  ],
  QueryUserOnlineState: [{ limit: 20, intervalMs: SECOND }],
};

/**
 * The quotas one request of `action` consumes, scoped `zego-zim:<appId>:<Action>` (a second quota
 * of the same action gets a suffix, e.g. `…:SendMessageToAllUsers:daily`).
 *
 * @example
 * ```ts
 * zimQuotas(123456, 'SendPeerMessage'); // [{ scope: 'zego-zim:123456:SendPeerMessage', limit: 20, intervalMs: 1000 }]
 * ```
 */
export function zimQuotas(appId: number, action: ZimAction): QuotaSpec[] {
  return ZIM_RATE_LIMITS[action].map((rate) => ({
    scope: `zego-zim:${appId}:${action}${rate.scopeSuffix ? `:${rate.scopeSuffix}` : ''}`,
    limit: rate.limit,
    intervalMs: rate.intervalMs,
  }));
}
