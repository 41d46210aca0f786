/** The emulator's and the providers' names for the three vendor products. */
export type VendorId = 'zego-rtc' | 'zego-zim' | 'trtc';

export const VENDOR_IDS: readonly VendorId[] = ['zego-rtc', 'zego-zim', 'trtc'];

/**
 * Channel aliases the demo registers, as in the architecture's examples (`zego:signal`,
 * `zim:direct`, `tencent:signal`), and the vendor each one talks to.
 */
export const ALIAS_VENDOR = { zego: 'zego-rtc', zim: 'zego-zim', tencent: 'trtc' } as const satisfies Record<
  string,
  VendorId
>;

export type DemoAlias = keyof typeof ALIAS_VENDOR;

export function isVendorId(value: unknown): value is VendorId {
  return value === 'zego-rtc' || value === 'zego-zim' || value === 'trtc';
}

/** The vendor behind a channel id such as `zego:signal`, or undefined for an unknown alias. */
export function vendorOfChannel(channel: string): VendorId | undefined {
  const alias = channel.split(':')[0] ?? '';
  return Object.hasOwn(ALIAS_VENDOR, alias) ? ALIAS_VENDOR[alias as DemoAlias] : undefined;
}
