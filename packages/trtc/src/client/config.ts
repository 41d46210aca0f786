import { type HttpHooks, RoomcastError, resolveBaseUrl } from '@roomcast/core';
import { DEFAULT_TRTC_REGION, trtcBaseUrl } from '../regions.js';
import { DEFAULT_USER_SIG_TTL_SECONDS } from '../usersig/cache.js';
import { checkExpireSeconds, checkSdkAppId, checkSecretKey, checkUserId } from '../usersig/inputs.js';
import { PROVIDER_ID } from '../version.js';
import type { TrtcConfig } from './types.js';

/** A checked {@link TrtcConfig} with every default applied. */
export interface ResolvedTrtcConfig {
  sdkAppId: number;
  secretKey: string;
  adminUserId: string;
  baseUrl: string;
  fetch: typeof fetch | undefined;
  timeoutMs: number | undefined;
  hooks: HttpHooks | undefined;
  now: () => number;
  userSigTtlSeconds: number;
}

/** Validates a config up front, so a typo fails at startup instead of on the first send. */
export function resolveTrtcConfig(config: TrtcConfig): ResolvedTrtcConfig {
  const context = { provider: PROVIDER_ID };
  if (typeof config !== 'object' || config === null) {
    throw new RoomcastError('INVALID_ARGUMENT', 'trtc config must be an object', context);
  }
  const timeoutMs = config.timeoutMs;
  if (
    timeoutMs !== undefined &&
    (typeof timeoutMs !== 'number' || !(timeoutMs > 0) || !Number.isFinite(timeoutMs))
  ) {
    throw new RoomcastError(
      'INVALID_ARGUMENT',
      'timeoutMs must be a positive number of milliseconds',
      context,
    );
  }
  if (config.now !== undefined && typeof config.now !== 'function') {
    throw new RoomcastError(
      'INVALID_ARGUMENT',
      'now must be a function returning Unix milliseconds',
      context,
    );
  }
  if (
    config.callbackToken !== undefined &&
    (typeof config.callbackToken !== 'string' ||
      config.callbackToken === '' ||
      config.callbackToken.length > 128)
  ) {
    // Described by shape only: the value is a secret.
    throw new RoomcastError(
      'INVALID_ARGUMENT',
      'callbackToken must be the 1–128 character callback Token from the Tencent console',
      context,
    );
  }
  const skew = config.callbackMaxSkewSeconds;
  if (skew !== undefined && !(typeof skew === 'number' && Number.isFinite(skew) && skew > 0)) {
    throw new RoomcastError(
      'INVALID_ARGUMENT',
      'callbackMaxSkewSeconds must be a positive number of seconds',
      context,
    );
  }
  const baseUrl =
    config.baseUrl !== undefined
      ? resolveBaseUrl(config.baseUrl, PROVIDER_ID)
      : trtcBaseUrl(config.region ?? DEFAULT_TRTC_REGION);
  return {
    sdkAppId: checkSdkAppId(config.sdkAppId, context),
    secretKey: checkSecretKey(config.secretKey, context),
    adminUserId: checkUserId(config.adminUserId, 'adminUserId', context),
    baseUrl,
    fetch: config.fetch,
    timeoutMs,
    hooks: config.hooks,
    now: config.now ?? Date.now,
    userSigTtlSeconds:
      config.userSigTtlSeconds === undefined
        ? DEFAULT_USER_SIG_TTL_SECONDS
        : checkExpireSeconds(config.userSigTtlSeconds, 'userSigTtlSeconds', context),
  };
}
