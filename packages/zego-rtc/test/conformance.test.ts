import { describeProviderConformance } from '@roomcast/core/testing';
import type { Emulator } from '@roomcast/emulator';
import { startEmulator } from '@roomcast/emulator';
import { zegoRtc } from '../src/index.js';

describeProviderConformance({
  name: 'zego-rtc',
  async setup() {
    const emu: Emulator = await startEmulator({ port: 0 });
    emu.zegoRtc.joinRoom('conformance', 'viewer-1');
    emu.zegoRtc.joinRoom('conformance', 'viewer-2');
    const { serverSecret } = emu.credentials.zegoRtc;
    return {
      provider: zegoRtc({ ...emu.credentials.zegoRtc, baseUrl: emu.zegoRtcUrl }),
      messages: {
        signal: {
          roomId: 'conformance',
          from: 'server',
          to: ['viewer-1', 'viewer-2'],
          data: '{"op":"ping"}',
        },
        broadcast: { roomId: 'conformance', from: 'server', text: 'hello room' },
        barrage: { roomId: 'conformance', from: 'server', text: '666', category: 'chat' },
      },
      requestCount: () => emu.requestCount(),
      injectRateLimit: (count) => {
        emu.faults.inject({ vendor: 'zego-rtc', kind: 'code', code: 206, count });
      },
      injectLatency: (ms, count) => {
        emu.faults.inject({ vendor: 'zego-rtc', kind: 'latency', ms, count });
      },
      recentCredentials: (count) =>
        emu
          .requests({ vendor: 'zego-rtc' })
          .slice(-count)
          .map((r) => r.credential ?? ''),
      secrets: [serverSecret],
      teardown: () => emu.close(),
    };
  },
});
