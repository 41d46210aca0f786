import { createHttpClient } from '@roomcast/core';
import { trtcCodeInfo } from '../codes.js';
import { createUserSigCache } from '../usersig/cache.js';
import { genUserSig } from '../usersig/gen-user-sig.js';
import { PACKAGE_NAME, PACKAGE_VERSION, PROVIDER_ID } from '../version.js';
import type { ResolvedTrtcConfig } from './config.js';
import { parseEnvelope, summarizeEnvelope, type TrtcEnvelope } from './envelope.js';
import { envelopeError } from './errors.js';
import { randomUint32 } from './random.js';
import type { TrtcCallOptions } from './types.js';

/** The live-engine service every command of this package lives under. */
export const LIVE_ENGINE_PATH = '/v4/live_engine_http_srv';

/** Sends one command and returns its success envelope, or throws the classified error. */
export type TrtcTransport = (
  command: string,
  body: object,
  options: TrtcCallOptions,
) => Promise<TrtcEnvelope>;

/**
 * The common query string: who calls, the admin UserSig, a fresh `random`, JSON.
 *
 * @example
 * ```ts
 * buildTrtcQuery(1400000000, 'administrator', userSig, 99999999);
 * // 'sdkappid=1400000000&identifier=administrator&usersig=…&random=99999999&contenttype=json'
 * ```
 */
export function buildTrtcQuery(
  sdkAppId: number,
  adminUserId: string,
  userSig: string,
  random: number,
): string {
  return (
    `sdkappid=${sdkAppId}&identifier=${encodeURIComponent(adminUserId)}` +
    `&usersig=${encodeURIComponent(userSig)}&random=${random}&contenttype=json`
  );
}

/**
 * Signs and sends live-engine commands through core's HTTP client. Holds the admin UserSig cache.
 * A 70001 (expired UserSig) answer drops the cached UserSig and resends once with a fresh one and
 * a fresh `random`: an authentication refresh, separate from core's retry policy.
 */
export function createTrtcTransport(config: ResolvedTrtcConfig): TrtcTransport {
  const http = createHttpClient({
    provider: PROVIDER_ID,
    packageName: PACKAGE_NAME,
    packageVersion: PACKAGE_VERSION,
    baseUrl: config.baseUrl,
    fetch: config.fetch,
    timeoutMs: config.timeoutMs,
    hooks: config.hooks,
  });
  const userSigs = createUserSigCache({
    ttlSeconds: config.userSigTtlSeconds,
    now: config.now,
    generate: (now) =>
      genUserSig({
        sdkAppId: config.sdkAppId,
        secretKey: config.secretKey,
        userId: config.adminUserId,
        expireSeconds: config.userSigTtlSeconds,
        now,
      }),
  });

  return async function send(command, body, callOptions) {
    // `null` from a JavaScript caller means "no options", like undefined (it used to be a TypeError).
    const options = callOptions ?? {};
    let afterRenewal = false;
    for (;;) {
      const userSig = await userSigs.get();
      const { body: answer } = await http.request({
        operation: command,
        method: 'POST',
        path: `${LIVE_ENGINE_PATH}/${command}`,
        query: buildTrtcQuery(config.sdkAppId, config.adminUserId, userSig, randomUint32()),
        json: body,
        signal: options.signal,
        timeoutMs: options.timeoutMs,
        attempt: options.attempt,
        hooks: options.hooks,
        summarize: summarizeEnvelope,
      });
      const envelope = parseEnvelope(answer, command);
      if (envelope.ErrorCode === 0) return envelope;
      if (trtcCodeInfo(envelope.ErrorCode)?.renewsUserSig && !afterRenewal) {
        userSigs.invalidate(userSig);
        afterRenewal = true;
        continue;
      }
      throw envelopeError(envelope, {
        operation: command,
        secrets: [config.secretKey, userSig],
        afterRenewal,
      });
    }
  };
}
