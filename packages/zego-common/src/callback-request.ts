import { callbackFields, nowSeconds, RoomcastError, readCallbackBody } from '@roomcast/core';
import { verifyZegoCallback } from './callback-signature.js';

/** Fields of every ZEGO callback, normalised (RTC and ZIM). */
export interface ZegoCallbackCommon {
  /** The event name (`room_create`, `before_send_msg`, …). */
  event: string;
  /** The AppID the callback is for (a number or a string on the wire). */
  appid: number | undefined;
  /** When ZEGO sent it, Unix seconds. */
  timestamp: number;
  /** The signing nonce, as sent. */
  nonce: string;
  /**
   * Every field as parsed (64-bit integers as exact decimal strings), minus `signature`: for fields
   * the typed view does not name.
   */
  raw: Readonly<Record<string, unknown>>;
}

/** How a ZEGO provider verifies its callbacks. */
export interface ZegoCallbackSettings {
  provider: string;
  appId: number;
  callbackSecret: string;
  maxSkewSeconds?: number | undefined;
  /** Clock in milliseconds (the provider config's `now`). */
  now?: (() => number) | undefined;
}

/**
 * Reads a ZEGO callback request (JSON or legacy form body), verifies its signature, freshness and
 * AppID, and only then returns its fields with the common ones normalised. Throws
 * `UNAUTHENTICATED` for anything unverified, `INVALID_ARGUMENT` for a signed but malformed body.
 *
 * @example
 * ```ts
 * const { common, fields } = await readZegoCallback(request, { provider: 'zego-rtc', appId, callbackSecret });
 * ```
 */
export async function readZegoCallback(
  request: Request,
  settings: ZegoCallbackSettings,
): Promise<{ common: ZegoCallbackCommon; fields: Readonly<Record<string, unknown>> }> {
  const { provider } = settings;
  let fields: Readonly<Record<string, unknown>>;
  try {
    ({ fields } = await readCallbackBody(request, { provider }));
  } catch (error) {
    // An unreadable body cannot carry a valid signature: unauthenticated, whatever else is wrong.
    throw new RoomcastError('UNAUTHENTICATED', `Unverifiable ZEGO callback: ${(error as Error).message}`, {
      provider,
      cause: error,
    });
  }
  verifyZegoCallback({
    body: fields,
    callbackSecret: settings.callbackSecret,
    maxSkewSeconds: settings.maxSkewSeconds,
    now: settings.now === undefined ? nowSeconds(undefined) : Math.floor(settings.now() / 1000),
    provider,
  });
  const read = callbackFields(fields, { provider, name: String(fields.event ?? 'ZEGO') });
  const appid = read.integer('appid');
  if (appid !== undefined && appid !== settings.appId) {
    throw new RoomcastError(
      'UNAUTHENTICATED',
      `The callback is for AppID ${appid}; this provider is configured for AppID ${settings.appId}`,
      { provider },
    );
  }
  const { signature: _signature, ...raw } = fields;
  return {
    fields: raw,
    common: {
      event: read.requiredString('event'),
      appid,
      timestamp: read.requiredInteger('timestamp'),
      nonce: read.requiredString('nonce'),
      raw,
    },
  };
}
