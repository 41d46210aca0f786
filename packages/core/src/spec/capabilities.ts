import type { MessageKind } from './messages.js';

/**
 * Who a kind can address: the whole `room`, listed users inside a room (`room-users`), or listed
 * `users` outside any room.
 */
export type Audience = 'room' | 'room-users' | 'users';

/** How sure the vendor's success answer is. */
export type Delivery = 'best-effort' | 'acknowledged';

/**
 * One vendor quota, as data. Requests whose scopes are equal share the quota, across sends and
 * (with a shared store) across processes.
 */
export interface QuotaSpec {
  /**
   * The quota's key, naming what the vendor counts against: e.g. `zego-rtc:123456:prod:SendCustomCommand`.
   * `{roomId}` is replaced per request, for vendor limits counted per room.
   */
  scope: string;
  /** Requests allowed per interval. */
  limit: number;
  /** The interval in milliseconds (vendors state per-second limits: 1000). */
  intervalMs: number;
  /** How many requests may go back to back before pacing starts. Default 1: evenly spaced. */
  burst?: number;
}

/** What a provider can do with one message kind, as data the pipeline and the demo read. */
export interface KindCapability {
  /** The addressing modes this kind supports. */
  audiences: readonly Audience[];
  /** Largest payload (text or data) in UTF-8 bytes. */
  maxPayloadBytes: number;
  /** Recipients one vendor request can carry; larger lists are split. 0 when only rooms are addressed. */
  maxRecipientsPerRequest: number;
  delivery: Delivery;
  /** True when the vendor drops a repeated request itself, which makes ambiguous failures safe to retry. */
  vendorDeduplicates: boolean;
  /** The vendor quotas one request of this kind consumes. */
  quotas: readonly QuotaSpec[];
  /** Operation name at the vendor, for docs and dashboards (e.g. `SendCustomCommand`). */
  operation: string;
}

/** Capabilities per kind; a provider lists only the kinds it supports. */
export type Capabilities<K extends MessageKind = MessageKind> = { readonly [P in K]: KindCapability };
