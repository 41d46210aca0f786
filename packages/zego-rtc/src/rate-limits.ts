import type { QuotaSpec } from '@roomcast/core';
import type { ZegoRtcAction } from './actions.js';

/** A ZEGO RTC action's rate limit: requests per second per AppID, and per room where ZEGO counts per room. */
export interface ZegoRtcRateLimit {
  /** Requests per second across all rooms of an AppID, production environment. */
  production: number;
  /** The same in the test environment (`isTest: true`). */
  test: number;
  /** A further per-room limit, where documented. */
  perRoom?: { limit: number; intervalMs: number };
}

/**
 * Documented rate limits of the room signaling actions. Where ZEGO states no separate test-environment
 * limit (DescribeUsers, DescribeUserList, KickoutUser) the production figure is used. Over the limit
 * ZEGO answers 206 (per AppID) or 207 (per room).
 */
export const ZEGO_RTC_RATE_LIMITS: Readonly<Record<ZegoRtcAction, ZegoRtcRateLimit>> = {
  SendCustomCommand: { production: 100, test: 10 },
  SendBroadcastMessage: { production: 100, test: 10 },
  SendBarrageMessage: { production: 100, test: 10 },
  DescribeUserNum: { production: 10, test: 1 },
  DescribeUsers: { production: 10, test: 10 },
  DescribeUserList: { production: 200, test: 200, perRoom: { limit: 1, intervalMs: 1000 } },
  KickoutUser: { production: 50, test: 50 },
  CloseRoom: { production: 1, test: 1 },
};

/** `test` or `prod`: ZEGO keeps separate quotas (and data) per environment. */
export function environmentOf(isTest: boolean | undefined): 'test' | 'prod' {
  return isTest === true ? 'test' : 'prod';
}

/**
 * The quotas one request of `action` consumes, as core's {@link QuotaSpec}s: scope
 * `zego-rtc:<appId>:<test|prod>:<Action>`, plus `…:room:{roomId}` for per-room limits.
 *
 * @example
 * ```ts
 * zegoRtcQuotas(1234567890, false, 'SendCustomCommand');
 * // => [{ scope: 'zego-rtc:1234567890:prod:SendCustomCommand', limit: 100, intervalMs: 1000 }]
 * ```
 */
export function zegoRtcQuotas(
  appId: number,
  isTest: boolean | undefined,
  action: ZegoRtcAction,
): QuotaSpec[] {
  const rate = ZEGO_RTC_RATE_LIMITS[action];
  const env = environmentOf(isTest);
  const scope = `zego-rtc:${appId}:${env}:${action}`;
  const quotas: QuotaSpec[] = [
    { scope, limit: isTest === true ? rate.test : rate.production, intervalMs: 1000 },
  ];
  if (rate.perRoom) quotas.push({ scope: `${scope}:room:{roomId}`, ...rate.perRoom });
  return quotas;
}
