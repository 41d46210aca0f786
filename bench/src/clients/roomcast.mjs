// roomcast as a user sets it up, plus the two knobs benchmarks need: a store that never paces
// (client-overhead runs must measure the client, not the vendor quota) and providers whose
// declared quota is scaled (to test saturation at 1,000/s against an emulator scaled to match).
import { createRoomcast, defineProvider } from '@roomcast/core';
import { trtc } from '@roomcast/trtc';
import { zegoRtc } from '@roomcast/zego-rtc';
import { zegoZim } from '@roomcast/zego-zim';

/** Credentials of the right shape for the trivial responder (which checks nothing). */
export const FAKE_CREDENTIALS = {
  zegoRtc: { appId: 1234567890, serverSecret: '9193cc662a4c0ec135ec71fb57194b38' },
  zegoZim: { appId: 1234567890, serverSecret: '9193cc662a4c0ec135ec71fb57194b38' },
  trtc: {
    sdkAppId: 1400000000,
    secretKey: '5bd2850fff3ecb11d7c805251c51ee463a25727bddc2385f3fa8bfee1bb93b5e',
    adminUserId: 'administrator',
  },
};

const GRANTED = Object.freeze({ granted: true, waitMs: 0, release: async () => {} });

/** A RateLimitStore that grants every slot at once: the limiter is still called, it never waits. */
export function unlimitedStore() {
  return {
    async reserve() {
      return GRANTED;
    },
    async penalize() {},
  };
}

/** One registry with the three providers pointed at `urls` ({ zegoRtc, zegoZim, trtc }). */
export function roomcastFor(urls, credentials = FAKE_CREDENTIALS, settings = {}) {
  return createRoomcast({
    providers: {
      zego: zegoRtc({ ...credentials.zegoRtc, baseUrl: urls.zegoRtc }),
      zim: zegoZim({ ...credentials.zegoZim, baseUrl: urls.zegoZim }),
      tencent: trtc({ ...credentials.trtc, baseUrl: urls.trtc }),
    },
    ...settings,
  });
}

/**
 * The same provider with every declared quota of `kind` at `limit` per second: a user whose vendor
 * raised their quota would declare exactly this. Goes through defineProvider, the public API.
 */
export function withQuota(provider, kind, limit) {
  const capability = provider.capabilities[kind];
  return defineProvider({
    specVersion: provider.specVersion,
    id: provider.id,
    capabilities: {
      ...provider.capabilities,
      [kind]: { ...capability, quotas: capability.quotas.map((q) => ({ ...q, limit })) },
    },
    validate: provider.validate,
    send: provider.send,
  });
}
