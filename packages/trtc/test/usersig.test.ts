import { isRoomcastError } from '@roomcast/core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { genUserSig, inspectUserSig, userSigStringToSign } from '../src/index.js';
import { crossImplementationVariants, userSigCases } from './helpers/vectors.js';

const valid = {
  sdkAppId: 1400000000,
  secretKey: '5bd2850fff3ecb11d7c805251c51ee463a25727bddc2385f3fa8bfee1bb93b5e',
  userId: 'xiaojun',
  expireSeconds: 86_400,
  now: 1_700_000_000,
};

function thrown(fn: () => unknown) {
  try {
    fn();
  } catch (error) {
    expect(isRoomcastError(error)).toBe(true);
    return error as import('@roomcast/core').RoomcastError;
  }
  throw new Error('expected a throw');
}

describe('genUserSig: the vendor vectors', () => {
  it.each(userSigCases.map((c) => [c.identifier, c] as const))('reproduces %s byte for byte', (_, c) => {
    const userSig = genUserSig({
      sdkAppId: c.sdkappid,
      secretKey: c.key,
      userId: c.identifier,
      expireSeconds: c.expire,
      now: c.time,
    });
    expect(userSig).toBe(c.expected_usersig);
  });

  it.each(userSigCases.map((c) => [c.identifier, c] as const))(
    'signs the documented string for %s',
    (_, c) => {
      expect(
        userSigStringToSign({
          identifier: c.identifier,
          sdkAppId: c.sdkappid,
          time: c.time,
          expire: c.expire,
        }),
      ).toBe(c.string_to_sign);
    },
  );

  it('uses the current time when `now` is omitted', () => {
    vi.useFakeTimers();
    vi.setSystemTime(1_700_000_000_999);
    const { now, ...rest } = valid;
    expect(genUserSig(rest)).toBe(genUserSig({ ...rest, now: 1_700_000_000 }));
    expect(inspectUserSig(genUserSig(rest)).issuedAt).toBe(1_700_000_000);
  });

  afterEach(() => {
    vi.useRealTimers();
  });
});

describe('genUserSig: input checks the official library lacks', () => {
  const cases: [string, Record<string, unknown>, RegExp][] = [
    ['missing expiry', { expireSeconds: undefined }, /expireSeconds is required/],
    ['zero expiry', { expireSeconds: 0 }, /expireSeconds must be positive/],
    ['negative expiry', { expireSeconds: -5 }, /must be positive/],
    ['fractional expiry', { expireSeconds: 1.5 }, /whole number of seconds, got 1.5/],
    ['string expiry', { expireSeconds: '86400' }, /whole number of seconds, got a string/],
    ['NaN expiry', { expireSeconds: Number.NaN }, /whole number/],
    ['over 50 years', { expireSeconds: 51 * 365 * 86_400 }, /at most 50 years/],
    ['empty key', { secretKey: '' }, /secretKey must not be empty/],
    ['blank key', { secretKey: '   ' }, /secretKey must not be empty/],
    ['key with a newline', { secretKey: `${valid.secretKey}\n` }, /leading or trailing whitespace/],
    ['non-string key', { secretKey: 42 }, /secretKey must be a string, got number/],
    ['zero sdkAppId', { sdkAppId: 0 }, /sdkAppId must be a positive 32-bit integer/],
    ['negative sdkAppId', { sdkAppId: -1 }, /positive 32-bit/],
    ['fractional sdkAppId', { sdkAppId: 1.5 }, /positive 32-bit/],
    ['sdkAppId over 32 bits', { sdkAppId: 2 ** 32 }, /positive 32-bit/],
    ['sdkAppId as digits', { sdkAppId: '1400000000' }, /convert it with Number/],
    ['empty userId', { userId: '' }, /userId must not be empty/],
    ['over-long userId', { userId: 'u'.repeat(33) }, /userId is 33 bytes; at most 32/],
    ['userId over 32 bytes in UTF-8', { userId: '用'.repeat(11) }, /userId is 33 bytes/],
    ['userId with a lone surrogate', { userId: 'a\ud800' }, /lone UTF-16 surrogate/],
    ['now in milliseconds', { now: 1_700_000_000_000 }, /looks like milliseconds/],
    ['negative now', { now: -1 }, /non-negative whole number of Unix seconds/],
  ];

  it.each(cases)('rejects %s with INVALID_ARGUMENT', (_, patch, message) => {
    const error = thrown(() => genUserSig({ ...valid, ...patch } as never));
    expect(error.code).toBe('INVALID_ARGUMENT');
    expect(error.message).toMatch(message);
    expect(error.provider).toBe('trtc');
    expect(error.operation).toBe('genUserSig');
    expect(JSON.stringify(error)).not.toContain(valid.secretKey);
    expect(error.message).not.toContain(valid.secretKey);
  });

  it('accepts the boundaries: 32-byte user id, 1 second, 50 years, the largest SDKAppID', () => {
    expect(() => genUserSig({ ...valid, userId: 'u'.repeat(32) })).not.toThrow();
    expect(() => genUserSig({ ...valid, expireSeconds: 1 })).not.toThrow();
    expect(() => genUserSig({ ...valid, expireSeconds: 50 * 365 * 86_400 })).not.toThrow();
    expect(() => genUserSig({ ...valid, sdkAppId: 2 ** 32 - 1 })).not.toThrow();
  });
});

describe('inspectUserSig', () => {
  it.each(userSigCases.map((c) => [c.identifier, c] as const))(
    'decodes the %s vector without its signature',
    (_, c) => {
      const info = inspectUserSig(c.expected_usersig);
      expect(info).toEqual({
        version: '2.0',
        identifier: c.identifier,
        sdkAppId: c.sdkappid,
        issuedAt: c.time,
        expireSeconds: c.expire,
        expiresAt: c.time + c.expire,
        hasUserBuf: false,
      });
      expect(JSON.stringify(info)).not.toContain(c.hmac_sha256_base64);
    },
  );

  it.each(crossImplementationVariants.map((v) => [v.identifier, v] as const))(
    'decodes the Python- and Go-style tickets for %s (any key order, spacing, stored blocks)',
    (_, variant) => {
      const python = inspectUserSig(variant.python_lib_style.usersig);
      const go = inspectUserSig(variant.go_lib_style_approx.usersig);
      expect(python.identifier).toBe(variant.identifier);
      expect(go).toEqual(python);
    },
  );

  it.each([
    ['empty', ''],
    ['garbage', 'not-a-valid-usersig'],
    ['base64 of plain text', btoa('hello').replace(/=/g, '_')],
  ])('rejects %s input with INVALID_ARGUMENT and does not echo it', (_, input) => {
    const error = thrown(() => inspectUserSig(input));
    expect(error.code).toBe('INVALID_ARGUMENT');
    if (input !== '') expect(error.message).not.toContain(input);
  });
});
