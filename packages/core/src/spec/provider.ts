import type { RecipientFailure } from '../errors/roomcast-error.js';
import type { HttpHooks } from '../http/hooks.js';
import type { CallbackHandler } from './callbacks.js';
import type { Capabilities } from './capabilities.js';
import type { RoomcastEvent } from './events.js';
import type { MessageByKind, MessageKind } from './messages.js';
import type { SpecVersion } from './version.js';

/**
 * One vendor request the pipeline asks a provider to make: the message with `to` cut down to one
 * batch (or absent for a whole-room send).
 */
export type ProviderRequest = {
  [K in MessageKind]: { kind: K; message: MessageByKind[K]; recipients: readonly string[] | undefined };
}[MessageKind];

/** Per-attempt context handed to {@link Provider.send}. */
export interface AttemptContext {
  /** 1 for the first attempt, 2 for the first retry… Providers sign afresh on every attempt. */
  attempt: number;
  /**
   * Aborts this attempt: the caller's signal, if any. `undefined` when the caller gave none, so
   * the HTTP layer does not merge a signal that can never fire on every request.
   */
  signal: AbortSignal | undefined;
  /** Per-attempt timeout in milliseconds the HTTP layer should apply. */
  timeoutMs: number;
  /**
   * Stable across the attempts of one request: where the vendor de-duplicates (Tencent's `random`),
   * a provider derives its de-duplication value from it so a retry is not a second message.
   */
  requestKey: string;
  /** The registry's hooks, for the HTTP layer to report requests and responses. */
  hooks: HttpHooks | undefined;
}

/** What one successful vendor request achieved. */
export interface ProviderOutcome {
  /** Recipients of this request the vendor rejected individually (e.g. ZEGO `FailUsers`). */
  failed?: readonly RecipientFailure[];
  /** Vendor message ids or sequence numbers. */
  messageIds?: readonly string[];
  requestId?: string | undefined;
}

/**
 * A messaging vendor behind the unified API (spec `roomcast/v1`). `K`: the message kinds it
 * sends; `E`: the callback events it parses (none by default).
 *
 * `send` makes exactly one vendor request and either resolves with its outcome or throws a
 * `RoomcastError` classified for retry (`retryable`, `ambiguous`, `retryAfterMs`). Retries, rate
 * limiting, batching and validation of the capabilities live in core, once for every provider.
 */
export interface Provider<K extends MessageKind = MessageKind, E extends RoomcastEvent = never> {
  /** The spec version the provider implements. */
  readonly specVersion: SpecVersion;
  /** Stable provider id (`zego-rtc`, `zego-zim`, `trtc`): also the key of its `extensions`. */
  readonly id: string;
  /** Supported kinds and their limits, as data. */
  readonly capabilities: Capabilities<K>;
  /**
   * The provider's own input rules beyond the capabilities (id character sets, required fields).
   * Throws a `RoomcastError` (`INVALID_ARGUMENT`, `UNSUPPORTED`, …); runs before any network call.
   */
  validate?(request: ProviderRequest): void;
  /** Makes one vendor request. */
  send(request: ProviderRequest, context: AttemptContext): Promise<ProviderOutcome>;
  /**
   * The vendor's webhooks, verified and parsed into unified events (`rc.handleCallback`).
   * Optional and additive within `roomcast/v1`: providers without it simply do not receive
   * callbacks; built-in providers set it when given their callback secret or token. `E` is the
   * union of events it returns, which types `rc.handleCallback`; when `E` is left out the handler
   * may return any event, so `Provider<K>` (and `Provider<never>`) stays a supertype of every provider.
   */
  readonly callbacks?: CallbackHandler<[E] extends [never] ? RoomcastEvent : E> | undefined;
}

/** The kinds a provider type declares. */
export type KindsOf<P> = P extends { readonly capabilities: infer C } ? keyof C & MessageKind : never;

/** Any provider, whatever kinds and callback events it declares: how core holds providers internally. */
export type UntypedProvider = Provider<never>;
