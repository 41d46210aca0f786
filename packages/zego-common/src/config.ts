import { describeType, type HttpHooks, RoomcastError } from '@roomcast/core';
import { isZegoRegion, ZEGO_REGIONS, type ZegoRegion } from './regions.js';

/** How a ZEGO vendor client reaches and authenticates with the ZEGO gateway. */
export interface ZegoClientConfig {
  /** The numeric AppID from the ZEGO console (Uint32). */
  appId: number;
  /** The project's ServerSecret from the ZEGO console: 32 hex characters (not the 64-character AppSign). */
  serverSecret: string;
  /** Data centre to call; default `unified` (geo-resolved). Ignored when `baseUrl` is set. */
  region?: ZegoRegion | undefined;
  /**
   * The origin to call instead of the region's (`https://rtc-api.zego.im`, or the emulator's URL).
   * Plain `http://` is accepted only for loopback hosts.
   */
  baseUrl?: string | undefined;
  /**
   * Sends `IsTest=true|false`. Projects created on or before 2021-11-16 must say which environment
   * they mean (their AppIDs default to the test environment); later projects leave it out.
   */
  isTest?: boolean | undefined;
  /** A `fetch` to use instead of the global one (proxies, tests, edge runtimes). */
  fetch?: typeof fetch | undefined;
  /** Per-request timeout in milliseconds (default: core's 10 s). */
  timeoutMs?: number | undefined;
  /** Observability hooks used when a call brings none of its own. */
  hooks?: HttpHooks | undefined;
  /** Clock in milliseconds, for the signed `Timestamp` and callback freshness (default `Date.now`). */
  now?: (() => number) | undefined;
  /**
   * The project's **CallbackSecret**, which signs ZEGO's server callbacks (webhooks). Setting it
   * gives the provider a `callbacks` member for `rc.handleCallback`. ZEGO's pages disagree on its
   * label (some say ServerSecret); it is shown under Project configuration → Project info.
   */
  callbackSecret?: string | undefined;
  /** Freshness window for callbacks in seconds (default 300, covering ZEGO's 62 s retry chain). */
  callbackMaxSkewSeconds?: number | undefined;
}

const UINT32_MAX = 4_294_967_295;
const SERVER_SECRET = /^[0-9a-f]{32}$/i;
/** The option names of {@link ZegoClientConfig}, for products that reject unknown (misspelt) options. */
export const ZEGO_CLIENT_CONFIG_KEYS: readonly string[] = [
  'appId',
  'serverSecret',
  'region',
  'baseUrl',
  'isTest',
  'fetch',
  'timeoutMs',
  'hooks',
  'now',
  'callbackSecret',
  'callbackMaxSkewSeconds',
];

/**
 * Checks a ZEGO client configuration before anything is sent, throwing `INVALID_ARGUMENT` that
 * says what to fix. Messages describe the secret (its length) but never contain it.
 *
 * Unknown keys are left to the product, which knows its own extra options.
 * @example
 * ```ts
 * validateZegoConfig({ appId: 1234567890, serverSecret: process.env.ZEGO_SERVER_SECRET! }, 'zego-rtc');
 * ```
 */
export function validateZegoConfig(config: unknown, provider: string): void {
  const fail = (message: string) => new RoomcastError('INVALID_ARGUMENT', message, { provider });
  if (typeof config !== 'object' || config === null || Array.isArray(config)) {
    throw fail(`${provider} needs a config object with appId and serverSecret, got ${describeType(config)}`);
  }
  const c = config as Record<string, unknown>;
  checkAppId(c.appId, fail);
  checkServerSecret(c.serverSecret, fail);
  if (c.region !== undefined && !isZegoRegion(c.region)) {
    const shown = typeof c.region === 'string' ? `"${c.region.slice(0, 20)}"` : describeType(c.region);
    throw fail(`region must be one of ${ZEGO_REGIONS.join(', ')}; got ${shown}`);
  }
  if (c.baseUrl !== undefined && (typeof c.baseUrl !== 'string' || c.baseUrl === '')) {
    throw fail(
      `baseUrl must be an absolute URL string such as https://rtc-api.zego.im, got ${describeType(c.baseUrl)}`,
    );
  }
  if (c.isTest !== undefined && typeof c.isTest !== 'boolean') {
    throw fail(`isTest must be true or false, got ${describeType(c.isTest)}`);
  }
  for (const key of ['fetch', 'now'] as const) {
    if (c[key] !== undefined && typeof c[key] !== 'function') {
      throw fail(`${key} must be a function, got ${describeType(c[key])}`);
    }
  }
  if (
    c.timeoutMs !== undefined &&
    !(typeof c.timeoutMs === 'number' && Number.isFinite(c.timeoutMs) && c.timeoutMs > 0)
  ) {
    throw fail(`timeoutMs must be a positive number of milliseconds, got ${describeType(c.timeoutMs)}`);
  }
  if (c.hooks !== undefined && (typeof c.hooks !== 'object' || c.hooks === null)) {
    throw fail(`hooks must be an object of hook functions, got ${describeType(c.hooks)}`);
  }
  if (
    c.callbackSecret !== undefined &&
    (typeof c.callbackSecret !== 'string' || c.callbackSecret.trim() === '')
  ) {
    // Described by type only: the value is a secret.
    throw fail(
      `callbackSecret must be a non-empty string (the CallbackSecret), got ${describeType(c.callbackSecret)}`,
    );
  }
  const skew = c.callbackMaxSkewSeconds;
  if (skew !== undefined && !(typeof skew === 'number' && Number.isFinite(skew) && skew > 0)) {
    throw fail(`callbackMaxSkewSeconds must be a positive number of seconds, got ${describeType(skew)}`);
  }
}

function checkAppId(value: unknown, fail: (message: string) => RoomcastError): void {
  if (typeof value === 'string' && /^\d+$/.test(value)) {
    throw fail('appId must be a number, got a numeric string: pass Number(process.env.ZEGO_APP_ID)');
  }
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > UINT32_MAX) {
    const shown = typeof value === 'number' ? String(value) : describeType(value);
    throw fail(
      `appId must be the numeric AppID from the ZEGO console (an integer 1–${UINT32_MAX}), got ${shown}`,
    );
  }
}

function checkServerSecret(value: unknown, fail: (message: string) => RoomcastError): void {
  if (typeof value !== 'string' || value === '') {
    throw fail(
      `serverSecret is required: the 32-character ServerSecret from the ZEGO console, got ${describeType(value)}`,
    );
  }
  if (SERVER_SECRET.test(value)) return;
  // Describe the value by its shape only; the secret itself must never reach an error.
  const hint =
    value.length === 64
      ? ' (64 characters looks like the AppSign, which client SDKs use; servers sign with the ServerSecret)'
      : '';
  const trimmed = value.trim() !== value ? '; it has leading or trailing whitespace' : '';
  throw fail(`serverSecret must be 32 hex characters, got ${value.length} characters${trimmed}${hint}`);
}
