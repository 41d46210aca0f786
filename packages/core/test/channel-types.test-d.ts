import { describe, expectTypeOf, it } from 'vitest';
import {
  type ChannelId,
  createRoomcast,
  type DirectMessage,
  defineProvider,
  type SendResult,
  type SignalMessage,
} from '../src/index.js';
import { memoryProvider } from '../src/testing/index.js';

const roomOnly = defineProvider({
  specVersion: 'roomcast/v1',
  id: 'tencent-like',
  capabilities: {
    signal: {
      audiences: ['room'],
      maxPayloadBytes: 12_000,
      maxRecipientsPerRequest: 0,
      delivery: 'acknowledged',
      vendorDeduplicates: false,
      quotas: [],
      operation: 'send_custom_msg',
    },
  },
  async send() {
    return {};
  },
});

describe('channel ids are typed from declared capabilities', () => {
  const rc = createRoomcast({ providers: { tencent: roomOnly, mem: memoryProvider() } });

  it('accepts declared kinds only', () => {
    expectTypeOf<ChannelId<{ tencent: typeof roomOnly }>>().toEqualTypeOf<'tencent:signal'>();
    expectTypeOf<
      ChannelId<{ tencent: typeof roomOnly; mem: ReturnType<typeof memoryProvider> }>
    >().toEqualTypeOf<'tencent:signal' | 'mem:signal' | 'mem:broadcast' | 'mem:barrage' | 'mem:direct'>();
    // @ts-expect-error tencent declares no direct kind
    void rc.send('tencent:direct', { from: 'a', to: ['b'], text: 'x' });
  });

  it('types the message by kind', () => {
    expectTypeOf(rc.send<'tencent:signal'>)
      .parameter(1)
      .toEqualTypeOf<SignalMessage>();
    expectTypeOf(rc.send<'mem:direct'>)
      .parameter(1)
      .toEqualTypeOf<DirectMessage>();
    expectTypeOf(
      rc.send('mem:direct', { from: 'a', to: ['b'], text: 'x' }),
    ).resolves.toEqualTypeOf<SendResult>();
    // @ts-expect-error a signal needs data
    void rc.send('tencent:signal', { roomId: 'r', text: 'x' });
  });

  it('with() adds the new channels to the type', () => {
    const more = createRoomcast({ providers: { tencent: roomOnly } }).with('mem', memoryProvider());
    void more.send('mem:direct', { from: 'a', to: ['b'], text: 'x' });
    void more.send('tencent:signal', { roomId: 'r', data: 'x' });
    // @ts-expect-error still no direct kind on tencent
    void more.send('tencent:direct', { from: 'a', to: ['b'], text: 'x' });
  });
});
