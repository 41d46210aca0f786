import type { EmulatorCredentials, TrtcCredentials, ZegoAppCredentials } from './types.js';

/**
 * The emulator's own test credentials. They are not secrets: they only open this local emulator.
 * The two ZEGO products get different AppIDs so a provider wired to the wrong product fails loudly
 * (100000010) instead of passing by accident.
 */
export const DEFAULT_CREDENTIALS: Readonly<EmulatorCredentials> = Object.freeze({
  zegoRtc: Object.freeze({ appId: 1_000_000_001, serverSecret: 'e1a5e7c0d0c5f3a2b4e6d8f0a1c3e5f7' }),
  zegoZim: Object.freeze({ appId: 1_000_000_002, serverSecret: 'f2b6f8d1e1d6a4b3c5f7e9a1b2d4f6a8' }),
  trtc: Object.freeze({
    sdkAppId: 1_400_900_001,
    secretKey: '3f1c0e5a7b9d2c4e6f8a0b1c3d5e7f9a2b4c6d8e0f1a3b5c7d9e1f2a4b6c8d0e',
    adminUserId: 'administrator',
  }),
});

/** Overrides accepted by `startEmulator({ credentials })`: any field left out keeps its default. */
export interface CredentialOverrides {
  zegoRtc?: Partial<ZegoAppCredentials> | undefined;
  zegoZim?: Partial<ZegoAppCredentials> | undefined;
  trtc?: Partial<TrtcCredentials> | undefined;
}

export function resolveCredentials(overrides: CredentialOverrides | undefined): EmulatorCredentials {
  const zegoRtc = { ...DEFAULT_CREDENTIALS.zegoRtc, ...definedOnly(overrides?.zegoRtc) };
  const zegoZim = { ...DEFAULT_CREDENTIALS.zegoZim, ...definedOnly(overrides?.zegoZim) };
  const trtc: TrtcCredentials = { ...DEFAULT_CREDENTIALS.trtc, ...definedOnly(overrides?.trtc) };
  for (const [name, app] of [
    ['zegoRtc', zegoRtc],
    ['zegoZim', zegoZim],
  ] as const) {
    if (!Number.isInteger(app.appId) || app.appId < 0 || app.appId > 0xffffffff) {
      throw new TypeError(`credentials.${name}.appId must be a Uint32 (got ${String(app.appId)})`);
    }
    if (typeof app.serverSecret !== 'string' || app.serverSecret === '') {
      throw new TypeError(`credentials.${name}.serverSecret must be a non-empty string`);
    }
  }
  if (!Number.isInteger(trtc.sdkAppId) || trtc.sdkAppId <= 0) {
    throw new TypeError(
      `credentials.trtc.sdkAppId must be a positive integer (got ${String(trtc.sdkAppId)})`,
    );
  }
  if (typeof trtc.secretKey !== 'string' || trtc.secretKey === '') {
    throw new TypeError('credentials.trtc.secretKey must be a non-empty string');
  }
  if (typeof trtc.adminUserId !== 'string' || trtc.adminUserId === '') {
    throw new TypeError('credentials.trtc.adminUserId must be a non-empty string');
  }
  return { zegoRtc, zegoZim, trtc };
}

function definedOnly<T extends object>(value: T | undefined): Partial<T> {
  if (!value) return {};
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
