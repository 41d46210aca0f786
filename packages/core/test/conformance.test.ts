import { RoomcastError } from '../src/index.js';
import { describeProviderConformance, memoryProvider } from '../src/testing/index.js';

// The suite runs against the in-memory provider too, so the suite itself is tested.
const memory = memoryProvider({ id: 'memory' });

describeProviderConformance({
  name: 'memoryProvider',
  setup: () => ({
    provider: memory,
    messages: {
      signal: { roomId: 'r1', from: 'bot', to: ['alice', 'bob'], data: '{"gift":"rose"}' },
      broadcast: { roomId: 'r1', from: 'bot', text: 'hello room' },
      barrage: { roomId: 'r1', from: 'bot', text: '666' },
      direct: { from: 'bot', to: ['alice'], text: 'hi alice' },
    },
    requestCount: () => memory.sends.length,
    injectRateLimit: (count) =>
      memory.failNext(
        count,
        () =>
          new RoomcastError('RATE_LIMITED', 'too frequent', {
            provider: 'memory',
            retryable: true,
            providerCode: 429001,
          }),
      ),
    injectLatency: (ms, count) => memory.delayNext(ms, count),
    recentCredentials: (count) => memory.sends.slice(-count).map((s) => s.credential),
    secrets: ['memory-provider-secret'],
  }),
});
