/**
 * ZEGO server API regions: `unified` is the geo-resolved global host; the others pin a data
 * centre (Shanghai, Hong Kong, Frankfurt, California, Mumbai, Singapore). ZEGO recommends the
 * region where your server runs.
 */
export const ZEGO_REGIONS = ['unified', 'sha', 'hkg', 'fra', 'lax', 'bom', 'sgp'] as const;

/** One of {@link ZEGO_REGIONS}. */
export type ZegoRegion = (typeof ZEGO_REGIONS)[number];

/** The ZEGO products that share the v2 gateway scheme and are used by roomcast. */
export type ZegoProduct = 'rtc' | 'zim';

/** True when `value` names a known {@link ZegoRegion}. */
export function isZegoRegion(value: unknown): value is ZegoRegion {
  return typeof value === 'string' && (ZEGO_REGIONS as readonly string[]).includes(value);
}

/**
 * The documented origin of a ZEGO product in a region: `https://${product}-api[-region].zego.im`.
 *
 * @example
 * ```ts
 * zegoOrigin('rtc');        // => 'https://rtc-api.zego.im'
 * zegoOrigin('zim', 'sha'); // => 'https://zim-api-sha.zego.im'
 * ```
 */
export function zegoOrigin(product: ZegoProduct, region: ZegoRegion = 'unified'): string {
  return region === 'unified' ? `https://${product}-api.zego.im` : `https://${product}-api-${region}.zego.im`;
}
