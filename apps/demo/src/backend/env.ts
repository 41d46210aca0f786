import type { TrtcRegion } from '@roomcast/trtc';
import type { ZegoRtcConfig } from '@roomcast/zego-rtc';

type ZegoRegion = NonNullable<ZegoRtcConfig['region']>;

/** Real ZEGO credentials for one product (RTC or ZIM), read from the environment. */
export interface ZegoVendorSettings {
  appId: number;
  serverSecret: string;
  region?: ZegoRegion | undefined;
  baseUrl?: string | undefined;
  isTest?: boolean | undefined;
  /** The project's CallbackSecret: the dashboard then verifies this vendor's webhooks. */
  callbackSecret?: string | undefined;
}

/** Real Tencent credentials, read from the environment. */
export interface TrtcVendorSettings {
  sdkAppId: number;
  secretKey: string;
  adminUserId: string;
  region?: TrtcRegion | undefined;
  baseUrl?: string | undefined;
  /** The callback token of the Chat console: the dashboard then verifies Tencent's callbacks. */
  callbackToken?: string | undefined;
}

/** Which providers talk to the real vendor; a missing entry means "use the emulator". */
export interface VendorSettings {
  zegoRtc?: ZegoVendorSettings | undefined;
  zegoZim?: ZegoVendorSettings | undefined;
  trtc?: TrtcVendorSettings | undefined;
}

type Env = Record<string, string | undefined>;

const nonEmpty = (value: string | undefined): string | undefined =>
  value === undefined || value.trim() === '' ? undefined : value.trim();

function appIdFrom(name: string, value: string): number {
  const id = Number(value);
  if (!Number.isSafeInteger(id) || id <= 0)
    throw new Error(`${name} must be a positive integer, got "${value}"`);
  return id;
}

/**
 * Reads vendor credentials from the environment. A product is "real" only when both its id and its
 * secret are set; setting one without the other is a mistake worth stopping for (it would otherwise
 * fall back to the emulator silently).
 *
 * - ZEGO RTC: `ZEGO_APP_ID`, `ZEGO_SERVER_SECRET`, optional `ZEGO_REGION`, `ZEGO_IS_TEST`,
 *   `ZEGO_RTC_BASE_URL`, `ZEGO_CALLBACK_SECRET`.
 * - ZEGO ZIM: `ZIM_APP_ID`, `ZIM_SERVER_SECRET`, optional `ZIM_REGION`, `ZIM_CALLBACK_SECRET` (each
 *   falls back to the ZEGO_ one), `ZIM_BASE_URL`.
 * - Tencent: `TRTC_SDK_APP_ID`, `TRTC_SECRET_KEY`, optional `TRTC_ADMIN_USER_ID` (default
 *   `administrator`), `TRTC_REGION`, `TRTC_BASE_URL`, `TRTC_CALLBACK_TOKEN`.
 *
 * @example
 * ```ts
 * const vendors = readVendorEnv(process.env); // {} on a machine without credentials: all emulated
 * ```
 */
export function readVendorEnv(env: Env): VendorSettings {
  const settings: VendorSettings = {};
  const zegoRtc = zegoFrom('ZEGO', {
    appId: nonEmpty(env.ZEGO_APP_ID),
    secret: nonEmpty(env.ZEGO_SERVER_SECRET),
    region: nonEmpty(env.ZEGO_REGION),
    baseUrl: nonEmpty(env.ZEGO_RTC_BASE_URL),
    callbackSecret: nonEmpty(env.ZEGO_CALLBACK_SECRET),
  });
  if (zegoRtc) {
    const isTest = nonEmpty(env.ZEGO_IS_TEST);
    settings.zegoRtc =
      isTest === undefined ? zegoRtc : { ...zegoRtc, isTest: /^(1|true|yes)$/i.test(isTest) };
  }
  settings.zegoZim = zegoFrom('ZIM', {
    appId: nonEmpty(env.ZIM_APP_ID) ?? nonEmpty(env.ZEGO_APP_ID),
    secret: nonEmpty(env.ZIM_SERVER_SECRET) ?? nonEmpty(env.ZEGO_SERVER_SECRET),
    region: nonEmpty(env.ZIM_REGION) ?? nonEmpty(env.ZEGO_REGION),
    baseUrl: nonEmpty(env.ZIM_BASE_URL),
    callbackSecret: nonEmpty(env.ZIM_CALLBACK_SECRET) ?? nonEmpty(env.ZEGO_CALLBACK_SECRET),
  });
  const sdkAppId = nonEmpty(env.TRTC_SDK_APP_ID);
  const secretKey = nonEmpty(env.TRTC_SECRET_KEY);
  if ((sdkAppId === undefined) !== (secretKey === undefined)) {
    throw new Error(
      'Set both TRTC_SDK_APP_ID and TRTC_SECRET_KEY to use Tencent RTC, or neither for the emulator',
    );
  }
  if (sdkAppId !== undefined && secretKey !== undefined) {
    settings.trtc = {
      sdkAppId: appIdFrom('TRTC_SDK_APP_ID', sdkAppId),
      secretKey,
      adminUserId: nonEmpty(env.TRTC_ADMIN_USER_ID) ?? 'administrator',
      region: nonEmpty(env.TRTC_REGION) as TrtcRegion | undefined,
      baseUrl: nonEmpty(env.TRTC_BASE_URL),
      callbackToken: nonEmpty(env.TRTC_CALLBACK_TOKEN),
    };
  }
  for (const key of Object.keys(settings) as (keyof VendorSettings)[]) {
    if (settings[key] === undefined) delete settings[key];
  }
  return settings;
}

function zegoFrom(
  prefix: string,
  values: {
    appId?: string | undefined;
    secret?: string | undefined;
    region?: string | undefined;
    baseUrl?: string | undefined;
    callbackSecret?: string | undefined;
  },
): ZegoVendorSettings | undefined {
  if ((values.appId === undefined) !== (values.secret === undefined)) {
    throw new Error(
      `Set both ${prefix}_APP_ID and ${prefix}_SERVER_SECRET to use the real vendor, or neither for the emulator`,
    );
  }
  if (values.appId === undefined || values.secret === undefined) return undefined;
  return {
    appId: appIdFrom(`${prefix}_APP_ID`, values.appId),
    serverSecret: values.secret,
    region: values.region as ZegoRegion | undefined,
    baseUrl: values.baseUrl,
    callbackSecret: values.callbackSecret,
  };
}
