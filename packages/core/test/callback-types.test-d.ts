import { describe, expectTypeOf, it } from 'vitest';
import {
  type CallbackHandler,
  createRoomcast,
  type MessageBeforeSendEvent,
  type Provider,
  type RoomCreatedEvent,
  type RoomcastEventType,
} from '../src/index.js';
import { memoryProvider } from '../src/testing/index.js';

type ZEvent =
  | RoomCreatedEvent<'z', { room_session_id: string }>
  | MessageBeforeSendEvent<'z', { msg_id: string }, never>;
type TEvent = MessageBeforeSendEvent<'t', { MsgId: string }, { MsgBody: unknown[] }>;

declare const z: Provider<'signal'> & { readonly callbacks: CallbackHandler<ZEvent> };
declare const t: Provider<'signal'> & { readonly callbacks?: CallbackHandler<TEvent> | undefined };

describe('handleCallback types', () => {
  const rc = createRoomcast({ providers: { zego: z, tencent: t, mem: memoryProvider() } });

  it('returns the union of the providers’ events, narrowed by type and provider', async () => {
    const event = await rc.handleCallback(new Request('http://h/'));
    expectTypeOf(event.alias).toEqualTypeOf<'zego' | 'tencent'>();
    if (event.type === 'room.created') {
      expectTypeOf(event.vendor.room_session_id).toEqualTypeOf<string>();
    }
    if (event.type === 'message.beforeSend') {
      if (event.provider === 't') {
        expectTypeOf(event.vendor.MsgId).toEqualTypeOf<string>();
        expectTypeOf(event.reply.rewrite).parameter(0).toEqualTypeOf<{ MsgBody: unknown[] }>();
      } else {
        expectTypeOf(event.reply.rewrite).parameter(0).toEqualTypeOf<never>();
      }
    }
  });

  it('falls back to RoomcastEvent when no provider types its events', async () => {
    const untyped = createRoomcast({ providers: { mem: memoryProvider() } });
    const event = await untyped.handleCallback(new Request('http://h/'));
    expectTypeOf(event.type).toEqualTypeOf<RoomcastEventType>();
    expectTypeOf(event.alias).toEqualTypeOf<'mem'>();
  });

  it('keeps Provider<never> a supertype of typed providers (the spec change is additive)', () => {
    const accept = <P extends Provider<never>>(p: P) => p;
    expectTypeOf(accept(z)).toEqualTypeOf(z);
  });

  it('takes only registered aliases', () => {
    // @ts-expect-error: no such alias
    void rc.handleCallback(new Request('http://h/'), { alias: 'nope' });
  });
});
