import { describeProviderConformance } from '@roomcast/core/testing';
import { zegoZim } from '../../src/index.js';
import { online, startZim } from './harness.js';

describeProviderConformance({
  name: 'zego-zim',
  async setup() {
    const { emu, config } = await startZim();
    online(emu, 'bot', 'u1', 'u2');
    emu.zim.joinRoom('live-1', 'u1');
    emu.zim.joinRoom('live-1', 'bot');
    return {
      provider: zegoZim(config),
      messages: {
        direct: { from: 'bot', to: ['u1', 'u2'], text: 'hello' },
        signal: { roomId: 'live-1', from: 'bot', data: '{"k":1}', type: 1 },
        broadcast: { roomId: 'live-1', from: 'bot', text: 'welcome' },
        barrage: { roomId: 'live-1', from: 'bot', text: '666' },
      },
      requestCount: () => emu.requestCount(),
      injectRateLimit: (count) => {
        emu.faults.inject({ vendor: 'zego-zim', kind: 'code', code: 660300005, count });
      },
      injectLatency: (ms, count) => {
        emu.faults.inject({ vendor: 'zego-zim', kind: 'latency', ms, count });
      },
      recentCredentials: (count) =>
        emu
          .requests({ vendor: 'zego-zim' })
          .slice(-count)
          .map((r) => r.credential ?? ''),
      secrets: [config.serverSecret],
      teardown: () => emu.close(),
    };
  },
});
