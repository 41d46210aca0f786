import type { Capabilities } from '../spec/capabilities.js';
import type { MessageByKind, MessageKind } from '../spec/messages.js';
import type { KindsOf, Provider } from '../spec/provider.js';

/**
 * Any provider, whatever kinds it declares. Deliberately not `Provider<K>` with an open `K`: a
 * generic provider factory called inside `createRoomcast({ providers: { … } })` would otherwise
 * infer its kinds from this constraint and lose them.
 */
export type AnyProvider = Omit<Provider<never>, 'capabilities'> & {
  readonly capabilities: Partial<Capabilities<MessageKind>>;
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
