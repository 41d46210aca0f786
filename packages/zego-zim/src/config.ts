import { describeType, RoomcastError } from '@roomcast/core';
import { validateZegoConfig, ZEGO_CLIENT_CONFIG_KEYS, type ZegoClientConfig } from '@roomcast/zego-common';
import { resolveMessageLimits, type ZimMessageLimits } from './limits.js';
import type { ZimMessageTypeName } from './types/message-types.js';
import { PROVIDER_ID } from './validation/context.js';

/**
 * How to reach ZIM: the AppID and ServerSecret from the ZEGO console, and optionally a region
 * (`unified` by default: `https://zim-api.zego.im`), a `baseUrl` (the emulator's `zegoZimUrl`), a
 * `fetch`, a per-request timeout, hooks and a clock. ZIM has no test environment, so there is no
 * `isTest`.
 */
export interface ZegoZimConfig extends Omit<ZegoClientConfig, 'isTest'> {
  /**
   * `Message` limits per message type in bytes, when ZEGO raised your app's limits (up to 32 KB).
   * Defaults: 2 KB, combined messages 5 KB.
   *
   * @example `{ text: 8192, custom: 8192 }`
   */
  maxMessageBytes?: ZimMessageLimits | undefined;
}

const ZIM_CONFIG_KEYS = [...ZEGO_CLIENT_CONFIG_KEYS.filter((key) => key !== 'isTest'), 'maxMessageBytes'];

/** A checked configuration: what the ZEGO transport needs, and the resolved message limits. */
export interface ResolvedZimConfig {
  transport: ZegoClientConfig;
  limits: Readonly<Record<ZimMessageTypeName, number>>;
}

/** Validates a {@link ZegoZimConfig}; throws `INVALID_ARGUMENT` that says what to fix (never the secret). */
export function resolveZimConfig(config: ZegoZimConfig): ResolvedZimConfig {
  validateZegoConfig(config, PROVIDER_ID);
  const record = config as unknown as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    if (record[key] === undefined || ZIM_CONFIG_KEYS.includes(key)) continue;
    const hint = key === 'isTest' ? ': ZIM has no test environment, remove it' : '';
    throw new RoomcastError('INVALID_ARGUMENT', `${PROVIDER_ID} has no option "${key}"${hint}`, {
      provider: PROVIDER_ID,
    });
  }
  const { maxMessageBytes, ...transport } = config;
  if (maxMessageBytes !== undefined && (typeof maxMessageBytes !== 'object' || maxMessageBytes === null)) {
    throw new RoomcastError(
      'INVALID_ARGUMENT',
      `maxMessageBytes must be an object, got ${describeType(maxMessageBytes)}`,
      {
        provider: PROVIDER_ID,
      },
    );
  }
  return { transport, limits: resolveMessageLimits(maxMessageBytes, PROVIDER_ID) };
}
