import type { RoomcastEvent } from './events.js';

/** What the registry tells a provider about the callback it routes to it. */
export interface CallbackContext {
  /** The alias the provider is registered under; events carry it as `alias`. */
  readonly alias: string;
}

/**
 * A provider's webhook receiver (optional member `callbacks` of a `roomcast/v1` provider).
 *
 * `verifyAndParse` verifies the vendor's signature and freshness **before** it parses anything
 * the handler will see, then returns one typed event. A bad, stale or unsigned callback throws a
 * `RoomcastError` (`UNAUTHENTICATED`; `INVALID_ARGUMENT` for a signed but malformed body) and never
 * yields an event, so handler code cannot act on an unverified payload.
 *
 * @example
 * ```ts
 * const provider = defineProvider({
 *   specVersion: 'roomcast/v1', id: 'acme', capabilities, send,
 *   callbacks: {
 *     async verifyAndParse(request, { alias }) {
 *       if (request.headers.get('x-acme-token') !== token) throw new RoomcastError('UNAUTHENTICATED', 'bad token');
 *       const body = (await readCallbackBody(request, { provider: 'acme' })).fields;
 *       return { type: 'other', provider: 'acme', alias, name: String(body.event), at: undefined, vendor: body,
 *                ack: () => jsonResponse({ ok: true }) };
 *     },
 *   },
 * });
 * ```
 */
export interface CallbackHandler<E extends RoomcastEvent = RoomcastEvent> {
  verifyAndParse(request: Request, context: CallbackContext): Promise<E>;
}

/**
 * The events a provider's `callbacks` are typed to produce: `never` when it has none, and also when
 * its type only says "any event" (a `Provider<K>` without `E`), so that such a provider does not
 * widen the precise unions of the others.
 */
export type CallbackEventOfProvider<P> = P extends { readonly callbacks?: infer H }
  ? H extends CallbackHandler<infer E>
    ? RoomcastEvent extends E
      ? never
      : E
    : never
  : never;
