import { type HandleCallbackOptions, routeCallback, runCallback } from '../callbacks/handle-callback.js';
import { RoomcastError } from '../errors/roomcast-error.js';
import type { SendOptions } from '../pipeline/send-options.js';
import { memoryRateLimitStore } from '../rate-limit/memory-store.js';
import type { KindCapability } from '../spec/capabilities.js';
import { MESSAGE_KINDS, type MessageKind } from '../spec/messages.js';
import type { UntypedProvider } from '../spec/provider.js';
import type { SendResult } from '../spec/result.js';
import type { AnyProvider, CallbackEventOf, ChannelId, MessageFor, ProviderMap } from './channel-types.js';
import { assertValidProvider } from './define-provider.js';
import type { RoomcastSettings } from './options.js';
import { runSend } from './run-send.js';

/** Options of {@link createRoomcast}. */
export interface RoomcastOptions<P extends ProviderMap> extends RoomcastSettings {
  /** Providers by alias; the alias is the first half of every channel id (`zego:signal`). */
  providers: P;
}

/** One `alias:kind` a registry can send to, with its capability as data. */
export interface ChannelInfo {
  id: string;
  alias: string;
  /** The provider's id (`zego-rtc`). */
  provider: string;
  kind: MessageKind;
  capability: KindCapability;
}

/** A registry of providers: the entry point of roomcast. */
export interface Roomcast<P extends ProviderMap> {
  /**
   * Sends one message through `alias:kind`. Resolves when at least part was accepted
   * (`status: 'ok' | 'partial'`); throws a `RoomcastError` carrying the partial `result` when nothing was.
   *
   * @example
   * ```ts
   * const result = await rc.send('zego:signal', { roomId: 'live-1', from: 'server', to: ['u1', 'u2'], data: '{"gift":"rose"}' });
   * for (const { userId, error } of result.failed) console.warn(userId, error.code);
   * ```
   */
  send<C extends ChannelId<P>>(
    channel: C,
    message: MessageFor<C>,
    options?: SendOptions,
  ): Promise<SendResult>;
  /**
   * Verifies and parses one vendor callback (webhook) into a typed event. The provider is the one
   * under `options.alias`, else the URL's `?provider=<alias>`, else an alias as the last path
   * segment (`/callbacks/zim`), else the only provider that takes callbacks. A bad, stale or
   * unsigned callback throws a `RoomcastError` (`UNAUTHENTICATED`) and never returns an event.
   *
   * @example
   * ```ts
   * export async function POST(request: Request): Promise<Response> {
   *   try {
   *     const event = await rc.handleCallback(request);
   *     if (event.type === 'message.beforeSend' && event.text?.includes('spam')) return event.reply.drop();
   *     if (event.type === 'user.joined') console.log(event.roomId, event.userIds);
   *     return event.ack();
   *   } catch (error) {
   *     return new Response(null, { status: isRoomcastError(error) && error.code === 'UNAUTHENTICATED' ? 401 : 400 });
   *   }
   * }
   * ```
   */
  handleCallback<A extends keyof P & string>(
    request: Request,
    options?: HandleCallbackOptions<A>,
  ): Promise<CallbackEventOf<P>>;
  /** The provider registered under `alias`. Unknown aliases throw, listing the known ones. */
  provider<A extends keyof P & string>(alias: A): P[A];
  /** Every channel with its capability, for dashboards and routing. */
  channels(): ChannelInfo[];
  /**
   * A new registry with one more provider (or one replaced). The original is unchanged; both share
   * settings and the rate-limit store, so they draw on the same vendor quotas.
   */
  with<A extends string, Q extends AnyProvider>(
    alias: A,
    provider: Q,
  ): Roomcast<Omit<P, A> & { readonly [K in A]: Q }>;
}

/**
 * Creates a registry over the given providers.
 *
 * @example
 * ```ts
 * import { createRoomcast } from '@roomcast/core';
 * import { zegoRtc } from '@roomcast/zego-rtc';
 *
 * const rc = createRoomcast({ providers: { zego: zegoRtc({ appId: 1234567890, serverSecret: process.env.ZEGO_SERVER_SECRET! }) } });
 * await rc.send('zego:barrage', { roomId: 'live-1', from: 'system', text: 'Welcome!' });
 * ```
 */
export function createRoomcast<const P extends ProviderMap>(options: RoomcastOptions<P>): Roomcast<P> {
  const { providers, ...settings } = options;
  return buildRegistry(providers, {
    ...settings,
    rateLimitStore: settings.rateLimitStore ?? memoryRateLimitStore(),
  });
}

function buildRegistry<P extends ProviderMap>(
  providers: P,
  settings: RoomcastSettings & { rateLimitStore: NonNullable<RoomcastSettings['rateLimitStore']> },
): Roomcast<P> {
  if (typeof providers !== 'object' || providers === null) {
    throw new RoomcastError('INVALID_ARGUMENT', 'createRoomcast needs { providers: { alias: provider } }');
  }
  for (const [alias, provider] of Object.entries(providers)) {
    checkAlias(alias);
    assertValidProvider(provider, alias);
  }
  const frozen = Object.freeze({ ...providers });

  function lookup(alias: string): UntypedProvider {
    const provider = (Object.hasOwn(frozen, alias) ? frozen[alias] : undefined) as
      | UntypedProvider
      | undefined;
    if (provider === undefined) {
      const known = Object.keys(frozen);
      throw new RoomcastError(
        'INVALID_ARGUMENT',
        `Unknown provider alias "${alias}"; registered: ${known.length ? known.join(', ') : '(none)'}`,
      );
    }
    return provider;
  }

  return {
    send(channel, message, sendOptions) {
      return Promise.resolve().then(() => {
        const [alias, kind] = splitChannel(channel);
        return runSend(channel, lookup(alias), kind, message, settings, sendOptions);
      });
    },
    handleCallback(request, callbackOptions) {
      return Promise.resolve().then(() => {
        if (!isWebRequest(request)) {
          throw new RoomcastError(
            'INVALID_ARGUMENT',
            'handleCallback takes a web-standard Request; for node:http use toWebRequest from @roomcast/core/node',
          );
        }
        const alias = routeCallback(
          request,
          frozen as Record<string, UntypedProvider>,
          callbackOptions?.alias,
        );
        const provider = Object.hasOwn(frozen, alias) ? (frozen[alias] as UntypedProvider) : undefined;
        return runCallback(alias, provider, request) as unknown as Promise<CallbackEventOf<P>>;
      });
    },
    provider(alias) {
      return lookup(alias) as P[typeof alias];
    },
    channels() {
      return Object.entries(frozen).flatMap(([alias, provider]) =>
        (Object.entries(provider.capabilities) as [MessageKind, KindCapability][]).map(
          ([kind, capability]) => ({
            id: `${alias}:${kind}`,
            alias,
            provider: provider.id,
            kind,
            capability,
          }),
        ),
      );
    },
    with(alias, provider) {
      return buildRegistry({ ...frozen, [alias]: provider } as ProviderMap, settings) as never;
    },
  };
}

function checkAlias(alias: string): void {
  if (!/^[A-Za-z0-9_-]+$/.test(alias)) {
    throw new RoomcastError(
      'INVALID_ARGUMENT',
      `Provider alias "${alias}" may use only letters, digits, "_" and "-"`,
    );
  }
}

function splitChannel(channel: unknown): [string, MessageKind] {
  if (typeof channel !== 'string' || !/^[^:]+:[^:]+$/.test(channel)) {
    throw new RoomcastError(
      'INVALID_ARGUMENT',
      // Not JSON.stringify for every value: it throws a TypeError on a BigInt.
      `Channel must look like "alias:kind" (e.g. "zego:signal"), got ${typeof channel === 'string' ? JSON.stringify(channel) : typeof channel}`,
    );
  }
  const [alias, kind] = channel.split(':') as [string, string];
  if (!(MESSAGE_KINDS as readonly string[]).includes(kind)) {
    throw new RoomcastError(
      'INVALID_ARGUMENT',
      `Unknown kind "${kind}" in channel "${channel}"; kinds: ${MESSAGE_KINDS.join(', ')}`,
    );
  }
  return [alias, kind as MessageKind];
}

/** Duck-typed, so a Request from another fetch implementation (undici copy, polyfill) is accepted. */
function isWebRequest(value: unknown): value is Request {
  const r = value as Partial<Request> | null;
  return (
    typeof r === 'object' &&
    r !== null &&
    typeof r.url === 'string' &&
    typeof r.method === 'string' &&
    typeof r.headers?.get === 'function'
  );
}
