import { describe, expect, it } from 'vitest';
import { TRTC_CODES, trtcCodeInfo } from '../src/index.js';

/** Every code the brief and the fact sheet (§3.4, §3.6) list. */
const LIVE_ENGINE = [100001, 100002, 100004, 100006, 100601, 100602, 100603];
const REST = [
  60002, 60003, 60004, 60005, 60006, 60007, 60008, 60009, 60010, 60011, 60012, 60013, 60014, 60015, 60016,
  60017, 60018, 60019, 60020, 60021, 60025, 60026, 60027, 60028, 70001, 70002, 70003, 70005, 70009, 70013,
  70014, 70016, 70020, 70050, 70051, 70052, 70107, 70114, 70169, 70206, 70398, 70399, 70402, 70403, 70404,
  70500, 71000, 72000, 72001, 72002, 72010, 72011, 72012, 80001, 80002, 80003, 80004, 80005,
];

describe('TRTC_CODES', () => {
  it('maps every documented live-engine and common REST code', () => {
    for (const code of [...LIVE_ENGINE, ...REST]) expect(trtcCodeInfo(code), String(code)).toBeDefined();
  });

  it('marks 100601–100603 as unconfirmed', () => {
    for (const code of [100601, 100602, 100603]) expect(TRTC_CODES[code]?.source).toBe('unconfirmed');
  });

  it('classifies the rate limits as retryable RATE_LIMITED', () => {
    for (const code of [60007, 60011, 60018, 60019, 100602]) {
      expect(TRTC_CODES[code]).toMatchObject({ code: 'RATE_LIMITED', retryable: true });
    }
  });

  it('renews the UserSig on 70001 only (and 70052, "invalidated, regenerate")', () => {
    const renewing = Object.entries(TRTC_CODES)
      .filter(([, info]) => info.renewsUserSig)
      .map(([code]) => Number(code));
    expect(renewing.sort()).toEqual([70001, 70052]);
  });

  it.each([
    [100004, 'ROOM_NOT_FOUND'],
    [100601, 'MUTED'],
    [100603, 'PAYLOAD_TOO_LARGE'],
    [80002, 'PAYLOAD_TOO_LARGE'],
    [60010, 'PERMISSION_DENIED'],
    [70009, 'UNAUTHENTICATED'],
    [70107, 'USER_NOT_FOUND'],
    [60008, 'TIMEOUT'],
    [70500, 'UNAVAILABLE'],
  ])('%i → %s', (code, expected) => {
    expect(TRTC_CODES[code]?.code).toBe(expected);
  });

  it('never marks a code both retryable and ambiguous, and explains every code', () => {
    for (const [code, info] of Object.entries(TRTC_CODES)) {
      expect(info.retryable && info.ambiguous, code).not.toBe(true);
      expect(info.message.length, code).toBeGreaterThan(10);
    }
  });

  it('returns undefined for unknown codes and inherited keys', () => {
    expect(trtcCodeInfo(12345)).toBeUndefined();
    expect(trtcCodeInfo('constructor' as never)).toBeUndefined();
  });
});
