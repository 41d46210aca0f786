import { describe, expect, it } from 'vitest';
import { ZIM_RATE_LIMITS, zimQuotas } from '../../src/rate-limits.js';

describe('ZIM rate limits', () => {
  it('states the documented per-action rates', () => {
    expect(ZIM_RATE_LIMITS.SendPeerMessage).toEqual([{ limit: 20, intervalMs: 1000 }]);
    expect(ZIM_RATE_LIMITS.SendRoomMessage).toEqual([{ limit: 10, intervalMs: 1000 }]);
    expect(ZIM_RATE_LIMITS.SendGroupMessage).toEqual([{ limit: 10, intervalMs: 1000 }]);
    expect(ZIM_RATE_LIMITS.QueryUserOnlineState).toEqual([{ limit: 20, intervalMs: 1000 }]);
  });

  it('gives push-to-all its per-second and per-day quotas under distinct scopes', () => {
    expect(zimQuotas(42, 'SendMessageToAllUsers')).toEqual([
      { scope: 'zego-zim:42:SendMessageToAllUsers', limit: 1, intervalMs: 1000 },
      { scope: 'zego-zim:42:SendMessageToAllUsers:daily', limit: 100, intervalMs: 86_400_000 },
    ]);
  });

  it('scopes quotas by app and action', () => {
    expect(zimQuotas(7, 'SendPeerMessage')).toEqual([
      { scope: 'zego-zim:7:SendPeerMessage', limit: 20, intervalMs: 1000 },
    ]);
  });
});
