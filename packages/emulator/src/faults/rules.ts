import type { VendorId } from '../types.js';

/** Which requests a rule applies to, and how many times. */
export interface FaultMatch {
  /** Only requests to this vendor (default: all vendors). */
  vendor?: VendorId | undefined;
  /** Only this Action / Tencent command, e.g. `SendCustomCommand`, `send_custom_msg` (default: all). */
  action?: string | undefined;
  /** How many requests it hits before it is used up (default 1; `Infinity` never runs out). */
  count?: number | undefined;
  /**
   * Hit only this share (0..1] of the matching requests, drawn from the seeded random source; a
   * request it skips does not use up `count`.
   */
  share?: number | undefined;
}

/** What happens to a hit request. */
export type FaultEffect =
  /** The vendor's answer with this return code, in the vendor's envelope (HTTP 200). */
  | { kind: 'code'; code: number; message?: string | undefined }
  /** Answer normally, after `ms` milliseconds. */
  | { kind: 'latency'; ms: number }
  /** Never answer; the connection stays open until the client gives up. */
  | { kind: 'timeout'; afterProcessing?: boolean | undefined }
  /** An HTML-ish HTTP error page (502, 503, ...), as a gateway in front of the vendor sends. */
  | { kind: 'http'; status: number; afterProcessing?: boolean | undefined }
  /** Destroy the TCP connection without an answer. */
  | { kind: 'reset'; afterProcessing?: boolean | undefined }
  /** HTTP 200 with a body that is not valid JSON. */
  | { kind: 'malformed'; afterProcessing?: boolean | undefined }
  /**
   * Answer success but deliver nothing. Tencent: ErrorCode 0 with `MsgDropReason: "MsgFreqCtrl"`
   * (frequency control); ZEGO: the ordinary success answer (a silent loss).
   */
  | { kind: 'drop' };

/**
 * A fault injection rule. `afterProcessing: true` makes the emulator act on the request (deliver
 * the message) before failing the answer: the "vendor did it but the client never heard" case.
 */
export type FaultRule = FaultMatch & FaultEffect;

export type FaultKind = FaultEffect['kind'];

/** Kinds applied as the request arrives, before authentication (the network between client and vendor). */
export const TRANSPORT_KINDS: ReadonlySet<FaultKind> = new Set([
  'latency',
  'timeout',
  'http',
  'reset',
  'malformed',
]);

/** Checks a rule (it may come from JSON over the control API) and returns a normalized copy. */
export function normalizeRule(input: unknown): FaultRule {
  if (typeof input !== 'object' || input === null) throw new TypeError('a fault rule must be an object');
  const rule = input as Record<string, unknown>;
  const base: FaultMatch = {};
  if (rule.vendor !== undefined) {
    if (rule.vendor !== 'zego-rtc' && rule.vendor !== 'zego-zim' && rule.vendor !== 'trtc') {
      throw new TypeError(
        `fault vendor must be 'zego-rtc', 'zego-zim' or 'trtc' (got ${JSON.stringify(rule.vendor)})`,
      );
    }
    base.vendor = rule.vendor;
  }
  if (rule.action !== undefined) {
    if (typeof rule.action !== 'string' || rule.action === '')
      throw new TypeError('fault action must be a string');
    base.action = rule.action;
  }
  const count = rule.count === 'forever' || rule.count === null ? Number.POSITIVE_INFINITY : rule.count;
  if (count !== undefined) {
    if (typeof count !== 'number' || !(count >= 1) || (Number.isFinite(count) && !Number.isInteger(count))) {
      throw new TypeError('fault count must be a positive integer or Infinity ("forever" in JSON)');
    }
    base.count = count;
  }
  if (rule.share !== undefined) {
    if (typeof rule.share !== 'number' || !(rule.share > 0 && rule.share <= 1)) {
      throw new TypeError('fault share must be a number in (0, 1]');
    }
    base.share = rule.share;
  }
  const after = rule.afterProcessing === true;
  switch (rule.kind) {
    case 'code':
      if (!Number.isInteger(rule.code)) throw new TypeError('a code fault needs an integer `code`');
      return {
        ...base,
        kind: 'code',
        code: rule.code as number,
        ...(typeof rule.message === 'string' ? { message: rule.message } : {}),
      };
    case 'latency':
      if (typeof rule.ms !== 'number' || !(rule.ms >= 0))
        throw new TypeError('a latency fault needs `ms` >= 0');
      return { ...base, kind: 'latency', ms: rule.ms };
    case 'timeout':
      return { ...base, kind: 'timeout', afterProcessing: after };
    case 'http': {
      const status = rule.status ?? 502;
      if (!Number.isInteger(status) || (status as number) < 400 || (status as number) > 599) {
        throw new TypeError('an http fault needs `status` between 400 and 599');
      }
      return { ...base, kind: 'http', status: status as number, afterProcessing: after };
    }
    case 'reset':
      return { ...base, kind: 'reset', afterProcessing: after };
    case 'malformed':
      return { ...base, kind: 'malformed', afterProcessing: after };
    case 'drop':
      return { ...base, kind: 'drop' };
    default:
      throw new TypeError(
        `unknown fault kind ${JSON.stringify(rule.kind)}; use code, latency, timeout, http, reset, malformed or drop`,
      );
  }
}
