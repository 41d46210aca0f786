import { isRoomcastError, RoomcastError } from '../errors/roomcast-error.js';
import type { CallbackHandler } from '../spec/callbacks.js';
import { ROOMCAST_EVENT_TYPES, type RoomcastEvent } from '../spec/events.js';
import type { UntypedProvider } from '../spec/provider.js';

/** Options of `rc.handleCallback`. */
export interface HandleCallbackOptions<A extends string = string> {
  /**
   * The alias of the provider the callback is for. Without it the registry looks at the URL: a
   * `provider=<alias>` query parameter, else a last path segment equal to an alias
   * (`/callbacks/zim`), else the only provider that has callbacks.
   */
  alias?: A | undefined;
}

/** The alias a callback request is for, by the documented rules. */
export function routeCallback(
  request: Request,
  providers: Readonly<Record<string, UntypedProvider>>,
  explicit: string | undefined,
): string {
  const aliases = Object.keys(providers);
  const receivers = aliases.filter((alias) => providers[alias]?.callbacks !== undefined);
  if (explicit !== undefined) return explicit;
  let url: URL | undefined;
  try {
    url = new URL(request.url);
  } catch {
    url = undefined;
  }
  const named = url?.searchParams.get('provider');
  if (named !== null && named !== undefined && named !== '') return named;
  const last = url?.pathname.split('/').filter(Boolean).at(-1);
  if (last !== undefined && aliases.includes(decodeURIComponent(last))) return decodeURIComponent(last);
  if (receivers.length === 1) return receivers[0] as string;
  throw new RoomcastError(
    'INVALID_ARGUMENT',
    `Cannot tell which provider this callback is for: ${receivers.length} providers take callbacks (${receivers.join(', ') || 'none'}). ` +
      'Pass { alias }, add ?provider=<alias> to the callback URL, or end its path with the alias',
  );
}

/** Runs the provider's verifier and makes sure only a well-formed, verified event comes out. */
export async function runCallback(
  alias: string,
  provider: UntypedProvider | undefined,
  request: Request,
): Promise<RoomcastEvent> {
  if (provider === undefined) {
    throw new RoomcastError('INVALID_ARGUMENT', `No provider is registered under alias "${alias}"`);
  }
  const handler = provider.callbacks as CallbackHandler | undefined;
  if (handler === undefined) {
    throw new RoomcastError(
      'UNSUPPORTED',
      `Provider "${alias}" (${provider.id}) does not receive callbacks: give it its callback secret or token (callbackSecret for ZEGO, callbackToken for Tencent)`,
      { provider: provider.id },
    );
  }
  let event: RoomcastEvent;
  try {
    event = await handler.verifyAndParse(request, { alias });
  } catch (error) {
    if (isRoomcastError(error)) throw error;
    throw new RoomcastError('PROVIDER_ERROR', `Provider "${alias}" failed to verify a callback`, {
      provider: provider.id,
      cause: error,
    });
  }
  if (
    typeof event !== 'object' ||
    event === null ||
    !(ROOMCAST_EVENT_TYPES as readonly string[]).includes(event.type) ||
    typeof event.ack !== 'function'
  ) {
    throw new RoomcastError('PROVIDER_ERROR', `Provider "${alias}" returned a malformed callback event`, {
      provider: provider.id,
    });
  }
  // The alias is the registry's fact, not the provider's: a provider that forgot it cannot mislabel.
  return event.alias === alias ? event : { ...event, alias };
}
