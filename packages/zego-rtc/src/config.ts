import { RoomcastError } from '@roomcast/core';
import { validateZegoConfig, ZEGO_CLIENT_CONFIG_KEYS, type ZegoClientConfig } from '@roomcast/zego-common';
import { PROVIDER_ID } from './version.js';

/**
 * Configuration of {@link createZegoRtcClient} and {@link zegoRtc}: the AppID and ServerSecret from
 * the ZEGO console, plus where and how to call.
 */
export type ZegoRtcConfig = ZegoClientConfig;

/** Validates a config, rejecting misspelt options too (a silently ignored `istest` would pick the wrong environment). */
export function validateZegoRtcConfig(config: unknown): asserts config is ZegoRtcConfig {
  validateZegoConfig(config, PROVIDER_ID);
  for (const key of Object.keys(config as object)) {
    if (!ZEGO_CLIENT_CONFIG_KEYS.includes(key)) {
      throw new RoomcastError(
        'INVALID_ARGUMENT',
        `${PROVIDER_ID} config has no option "${key}" (it takes ${ZEGO_CLIENT_CONFIG_KEYS.join(', ')})`,
        { provider: PROVIDER_ID },
      );
    }
  }
}
