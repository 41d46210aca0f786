import type { HttpHooks, KindCapability, Provider } from '@roomcast/core';
import type { Emulator } from '@roomcast/emulator';
import { trtc } from '@roomcast/trtc';
import { zegoRtc } from '@roomcast/zego-rtc';
import { zegoZim } from '@roomcast/zego-zim';
import type { SecretScanner } from './secret-scanner.js';

/**
 * The same provider with every quota `factor` times larger and bursting: the campaign is about
 * faults, not pacing, and must run thousands of sends in seconds. Real quotas stay covered by the
 * providers' own tests; here the limiter still runs (and is penalized by vendor rate-limit answers).
 */
export function withScaledQuotas<P extends Provider<never>>(provider: P, factor: number): P {
  const capabilities: Record<string, KindCapability> = {};
  for (const [kind, capability] of Object.entries(provider.capabilities as Record<string, KindCapability>)) {
    capabilities[kind] = {
      ...capability,
      quotas: capability.quotas.map((quota) => ({
        ...quota,
        limit: quota.limit * factor,
        burst: quota.limit * factor,
      })),
    };
  }
  return { ...provider, capabilities };
}

/** Registers the configured secrets of an emulator's credentials with a scanner. */
export function registerCredentialSecrets(emulator: Emulator, scanner: SecretScanner): void {
  scanner.addSecret(emulator.credentials.zegoRtc.serverSecret, 'ServerSecret (zego-rtc)');
  scanner.addSecret(emulator.credentials.zegoZim.serverSecret, 'ServerSecret (zego-zim)');
  scanner.addSecret(emulator.credentials.trtc.secretKey, 'SecretKey');
}

export interface ProviderOptions {
  fetch: typeof fetch;
  hooks?: HttpHooks | undefined;
  /** Multiplies every quota; 1 keeps the documented ones. */
  quotaFactor?: number | undefined;
  /** Client clock for Tencent's UserSig (ms). */
  trtcNow?: (() => number) | undefined;
  /** Client clock for ZEGO's signatures (ms). */
  zegoNow?: (() => number) | undefined;
}

/** The three providers, pointed at one emulator. */
export function emulatorProviders(emulator: Emulator, options: ProviderOptions) {
  const factor = options.quotaFactor ?? 1;
  const common = { fetch: options.fetch, ...(options.hooks ? { hooks: options.hooks } : {}) };
  const zegoClock = options.zegoNow ? { now: options.zegoNow } : {};
  return {
    zego: withScaledQuotas(
      zegoRtc({ ...emulator.credentials.zegoRtc, baseUrl: emulator.zegoRtcUrl, ...common, ...zegoClock }),
      factor,
    ),
    zim: withScaledQuotas(
      zegoZim({ ...emulator.credentials.zegoZim, baseUrl: emulator.zegoZimUrl, ...common, ...zegoClock }),
      factor,
    ),
    tencent: withScaledQuotas(
      trtc({
        ...emulator.credentials.trtc,
        baseUrl: emulator.trtcUrl,
        ...common,
        ...(options.trtcNow ? { now: options.trtcNow } : {}),
      }),
      factor,
    ),
  };
}
