import type { CallbackEventOfProvider, CallbackHandler } from '../spec/callbacks.js';
import type { Capabilities } from '../spec/capabilities.js';
import type { RoomcastEvent } from '../spec/events.js';
import type { MessageByKind, MessageKind } from '../spec/messages.js';
import type { KindsOf, Provider } from '../spec/provider.js';

/**
 * Any provider, whatever kinds it declares. Deliberately not `Provider<K>` with an open `K`: a
 * generic provider factory called inside `createRoomcast({ providers: { … } })` would otherwise
 * infer its kinds from this constraint and lose them.
 */
export type AnyProvider = Omit<Provider<never>, 'capabilities' | 'callbacks'> & {
  readonly capabilities: Partial<Capabilities<MessageKind>>;
  readonly callbacks?: CallbackHandler<RoomcastEvent> | undefined;
};

/** Providers by alias, as passed to `createRoomcast`. */
export type ProviderMap = Readonly<Record<string, AnyProvider>>;

/**
 * Every `alias:kind` the registry can send to. Only kinds a provider declares appear, so
 * `rc.send('tencent:direct', …)` is a type error when that provider has no `direct`.
 */
export type ChannelId<P extends ProviderMap> = {
  [A in keyof P & string]: `${A}:${KindsOf<P[A]>}`;
}[keyof P & string];

/** The kind part of a channel id. */
export type KindOfChannel<C extends string> = C extends `${string}:${infer K extends MessageKind}`
  ? K
  : never;

/** The message a channel takes. */
export type MessageFor<C extends string> = MessageByKind[KindOfChannel<C>];

/** The precisely typed callback events of the providers, each with its `alias` narrowed. */
type TypedCallbackEvents<P extends ProviderMap> = {
  [A in keyof P & string]: CallbackEventOfProvider<P[A]> extends infer E
    ? E extends unknown
      ? E & { readonly alias: A }
      : never
    : never;
}[keyof P & string];

/**
 * The events `rc.handleCallback` can return: the union of every provider's typed callback events,
 * each with its `alias` narrowed; `RoomcastEvent` when no provider types its events.
 */
export type CallbackEventOf<P extends ProviderMap> = [TypedCallbackEvents<P>] extends [never]
  ? RoomcastEvent & { readonly alias: keyof P & string }
  : TypedCallbackEvents<P>;
