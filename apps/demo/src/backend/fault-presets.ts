import type { FaultRule } from '@roomcast/emulator';
import { isVendorId, type VendorId } from '../shared/vendors.js';

/** The return code each vendor uses to refuse a request over its rate limit. */
const RATE_LIMIT_CODES: Record<VendorId, number> = { 'zego-rtc': 206, 'zego-zim': 660300005, trtc: 60007 };

/** A fault the dashboard offers as a button, and what a user should expect to see. */
export interface FaultPreset {
  id: string;
  label: string;
  expect: string;
}

export const FAULT_PRESETS: readonly FaultPreset[] = [
  {
    id: 'rate-limit',
    label: 'Rate limit',
    expect: "the vendor's rate-limit code: core backs off and retries (attempts > requests)",
  },
  {
    id: 'drop',
    label: 'Drop',
    expect: 'Tencent answers MsgFreqCtrl (retried); ZEGO answers success and delivers nothing (silent loss)',
  },
  { id: 'latency', label: 'Latency', expect: 'slower answers: watch latency and fan-out throughput' },
  {
    id: 'http-503',
    label: 'HTTP 503',
    expect: 'UNAVAILABLE, ambiguous: not retried (the vendor may have acted)',
  },
  { id: 'timeout', label: 'Timeout', expect: 'TIMEOUT after 3 s, ambiguous: not retried' },
  { id: 'reset', label: 'Connection reset', expect: 'NETWORK: a dropped connection' },
];

/** Turns a preset request into an emulator fault rule; throws a message fit for a 400 answer. */
export function ruleFromPreset(body: Record<string, unknown>): FaultRule {
  const { preset, vendor, count, share, ms } = body;
  if (vendor !== undefined && !isVendorId(vendor))
    throw new TypeError('vendor must be zego-rtc, zego-zim or trtc');
  const match: Record<string, unknown> = { count: typeof count === 'number' ? count : 3 };
  if (vendor !== undefined) match.vendor = vendor;
  if (typeof share === 'number') match.share = share;
  switch (preset) {
    case 'rate-limit':
      if (vendor === undefined)
        throw new TypeError('a rate-limit fault needs a vendor (its code differs per vendor)');
      return { ...match, kind: 'code', code: RATE_LIMIT_CODES[vendor] } as FaultRule;
    case 'drop':
      return { ...match, kind: 'drop' } as FaultRule;
    case 'latency':
      return { ...match, kind: 'latency', ms: typeof ms === 'number' ? ms : 1_500 } as FaultRule;
    case 'http-503':
      return { ...match, kind: 'http', status: 503 } as FaultRule;
    case 'timeout':
      return { ...match, kind: 'timeout' } as FaultRule;
    case 'reset':
      return { ...match, kind: 'reset' } as FaultRule;
    default:
      throw new TypeError(
        `unknown preset ${JSON.stringify(preset)}; use ${FAULT_PRESETS.map((p) => p.id).join(', ')}`,
      );
  }
}
