import type { Capabilities } from '@roomcast/core';
import { ZIM_FIELD_LIMITS } from '../limits.js';
import { zimQuotas } from '../rate-limits.js';
import type { ZimMessageTypeName } from '../types/message-types.js';

/** The kinds `zego-zim` supports. */
export type ZegoZimKind = 'direct' | 'signal' | 'broadcast' | 'barrage';

/**
 * What `zego-zim` can do, as data. `maxPayloadBytes` is the largest limit of the ZIM types a kind
 * can use (text/custom/command for `direct`); the provider's own check applies the exact limit of
 * the type a message maps to. The three room kinds share `SendRoomMessage`'s quota.
 */
export function zimCapabilities(
  appId: number,
  limits: Readonly<Record<ZimMessageTypeName, number>>,
): Capabilities<ZegoZimKind> {
  const room = zimQuotas(appId, 'SendRoomMessage');
  const common = { vendorDeduplicates: false, maxRecipientsPerRequest: 0 } as const;
  return {
    direct: {
      ...common,
      audiences: ['users'],
      maxPayloadBytes: Math.max(limits.text, limits.custom, limits.command),
      maxRecipientsPerRequest: ZIM_FIELD_LIMITS.recipients,
      delivery: 'acknowledged',
      quotas: zimQuotas(appId, 'SendPeerMessage'),
      operation: 'SendPeerMessage',
    },
    signal: {
      ...common,
      audiences: ['room'],
      maxPayloadBytes: Math.max(limits.custom, limits.command),
      delivery: 'acknowledged',
      quotas: room,
      operation: 'SendRoomMessage',
    },
    broadcast: {
      ...common,
      audiences: ['room'],
      maxPayloadBytes: limits.text,
      delivery: 'acknowledged',
      quotas: room,
      operation: 'SendRoomMessage',
    },
    barrage: {
      ...common,
      audiences: ['room'],
      maxPayloadBytes: limits.barrage,
      // Barrage messages are high-volume and ZIM may drop them under load.
      delivery: 'best-effort',
      quotas: room,
      operation: 'SendRoomMessage',
    },
  };
}
