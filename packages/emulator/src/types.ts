/** The three vendor APIs the emulator serves, each under its own base path. */
export type VendorId = 'zego-rtc' | 'zego-zim' | 'trtc';

export const VENDORS: readonly VendorId[] = ['zego-rtc', 'zego-zim', 'trtc'];

export function isVendorId(value: unknown): value is VendorId {
  return value === 'zego-rtc' || value === 'zego-zim' || value === 'trtc';
}

/** One ZEGO app (RTC or ZIM): the AppID and the ServerSecret the emulator verifies signatures with. */
export interface ZegoAppCredentials {
  appId: number;
  serverSecret: string;
}

/** The Tencent app: SDKAppID, the SecretKey UserSigs are verified with, and its admin account(s). */
export interface TrtcCredentials {
  sdkAppId: number;
  secretKey: string;
  /** The App administrator that REST calls must be made as (`identifier`). */
  adminUserId: string;
  /** More accounts treated as App administrators (Tencent apps can have several). */
  extraAdminUserIds?: string[] | undefined;
}

/** Every credential the emulator accepts. */
export interface EmulatorCredentials {
  zegoRtc: ZegoAppCredentials;
  zegoZim: ZegoAppCredentials;
  trtc: TrtcCredentials;
}
