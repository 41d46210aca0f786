import type { Capabilities } from '@roomcast/core';
import { ZEGO_RTC_LIMITS } from '../limits.js';
import { zegoRtcQuotas } from '../rate-limits.js';

/** The kinds the zego-rtc provider sends. */
export type ZegoRtcKind = 'signal' | 'broadcast' | 'barrage';

/**
 * What the zego-rtc provider can do, as data. Quotas follow ZEGO's counting: per AppID, per
 * environment (test and production are separate), per action.
 */
export function zegoRtcCapabilities(appId: number, isTest: boolean | undefined): Capabilities<ZegoRtcKind> {
  const common = {
    maxPayloadBytes: ZEGO_RTC_LIMITS.messageContentBytes,
    vendorDeduplicates: false,
  } as const;
  return {
    signal: {
      ...common,
      audiences: ['room', 'room-users'],
      maxRecipientsPerRequest: ZEGO_RTC_LIMITS.toUserIds,
      // ZEGO answers per recipient (FailUsers), so delivery to listed users is acknowledged.
      delivery: 'acknowledged',
      quotas: zegoRtcQuotas(appId, isTest, 'SendCustomCommand'),
      operation: 'SendCustomCommand',
    },
    broadcast: {
      ...common,
      audiences: ['room'],
      maxRecipientsPerRequest: 0,
      delivery: 'acknowledged',
      quotas: zegoRtcQuotas(appId, isTest, 'SendBroadcastMessage'),
      operation: 'SendBroadcastMessage',
    },
    barrage: {
      ...common,
      audiences: ['room'],
      maxRecipientsPerRequest: 0,
      // Barrage messages are documented as high volume without guaranteed delivery.
      delivery: 'best-effort',
      quotas: zegoRtcQuotas(appId, isTest, 'SendBarrageMessage'),
      operation: 'SendBarrageMessage',
    },
  };
}
