import type { RecipientFailure } from '../errors/roomcast-error.js';
import type { HttpHooks } from '../http/hooks.js';
import type { Capabilities } from './capabilities.js';
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
  /** Aborts this attempt: the caller's signal combined with the per-attempt timeout. */
  signal: AbortSignal;
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
 * A messaging vendor behind the unified API (spec `roomcast/v1`).
 *
 * `send` makes exactly one vendor request and either resolves with its outcome or throws a
 * `RoomcastError` classified for retry (`retryable`, `ambiguous`, `retryAfterMs`). Retries, rate
 * limiting, batching and validation of the capabilities live in core, once for every provider.
 */
export interface Provider<K extends MessageKind = MessageKind> {
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
}

/** The kinds a provider type declares. */
export type KindsOf<P> = P extends { readonly capabilities: infer C } ? keyof C & MessageKind : never;
