import { RoomcastError } from '@roomcast/core';

/** One Tencent Chat REST data centre: its domain and, where Tencent lists one, a backup domain. */
export interface TrtcRegionInfo {
  /** The region's REST domain. */
  readonly domain: string;
  /** The documented fallback domain, for when the main one cannot be resolved or reached. */
  readonly backupDomain: string | undefined;
}

/**
 * Tencent Chat REST domains per data centre (the Chat REST overview; Tokyo appears only on some
 * API pages and has no documented backup). The domain must match the app's data centre, else
 * Tencent answers 60026.
 */
export const TRTC_REGIONS = {
  china: { domain: 'console.tim.qq.com', backupDomain: 'adminapi.my-imcloud.com' },
  singapore: { domain: 'adminapisgp.im.qcloud.com', backupDomain: 'adminapisgp.my-imcloud.com' },
  seoul: { domain: 'adminapikr.im.qcloud.com', backupDomain: 'adminapikr.my-imcloud.com' },
  frankfurt: { domain: 'adminapiger.im.qcloud.com', backupDomain: 'adminapiger.my-imcloud.com' },
  mumbai: { domain: 'adminapiind.im.qcloud.com', backupDomain: 'adminapiind.my-imcloud.com' },
  'silicon-valley': { domain: 'adminapiusa.im.qcloud.com', backupDomain: 'adminapiusa.my-imcloud.com' },
  jakarta: { domain: 'adminapiidn.im.qcloud.com', backupDomain: 'adminapiidn.my-imcloud.com' },
  tokyo: { domain: 'adminapijpn.im.qcloud.com', backupDomain: undefined },
} as const satisfies Record<string, TrtcRegionInfo>;

/** A data centre name: `china`, `singapore`, `seoul`, `frankfurt`, `mumbai`, `silicon-valley`, `jakarta`, `tokyo`. */
export type TrtcRegion = keyof typeof TRTC_REGIONS;

/** The region used when neither `region` nor `baseUrl` is given: Tencent's default domain. */
export const DEFAULT_TRTC_REGION: TrtcRegion = 'china';

function regionInfo(region: unknown): TrtcRegionInfo {
  if (typeof region === 'string' && Object.hasOwn(TRTC_REGIONS, region)) {
    return TRTC_REGIONS[region as TrtcRegion];
  }
  throw new RoomcastError(
    'INVALID_ARGUMENT',
    `region must be one of ${Object.keys(TRTC_REGIONS).join(', ')}, got ${typeof region === 'string' ? `"${region}"` : typeof region}`,
    { provider: 'trtc' },
  );
}

/**
 * The REST origin of a region, e.g. `https://adminapisgp.im.qcloud.com`.
 *
 * @example
 * ```ts
 * trtcBaseUrl('singapore'); // 'https://adminapisgp.im.qcloud.com'
 * ```
 */
export function trtcBaseUrl(region: TrtcRegion = DEFAULT_TRTC_REGION): string {
  return `https://${regionInfo(region).domain}`;
}

/**
 * The backup REST origin of a region, for `baseUrl` when the main domain fails to resolve. Throws
 * `UNSUPPORTED` for regions without a documented backup (Tokyo).
 *
 * @example
 * ```ts
 * const client = createTrtcClient({ ...credentials, baseUrl: trtcBackupBaseUrl('singapore') });
 * ```
 */
export function trtcBackupBaseUrl(region: TrtcRegion = DEFAULT_TRTC_REGION): string {
  const info = regionInfo(region);
  if (info.backupDomain === undefined) {
    throw new RoomcastError('UNSUPPORTED', `Tencent documents no backup domain for region "${region}"`, {
      provider: 'trtc',
    });
  }
  return `https://${info.backupDomain}`;
}
