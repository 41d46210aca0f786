import { inspect } from 'node:util';
import { isRoomcastError, type RoomcastError } from '@roomcast/core';
import { describe, expect, it } from 'vitest';
import { signZegoCallback, verifyZegoCallback } from '../src/index.js';

/** Every vector of vendor-callbacks.md §5.1 (and the extra ones its script prints). */
const POSITIVE = [
  {
    id: 'Z0 (vendor doc)',
    secret: 'secret',
    timestamp: '1470820198',
    nonce: '123412',
    sig: '5bd59fd62953a8059fb7eaba95720f66d19e4517',
  },
  {
    id: 'Z1',
    secret: 'a1b2c3d4e5f60718293a4b5c6d7e8f90',
    timestamp: '1687981272',
    nonce: '7254119327986670314',
    sig: '996c53eeac4c55b39f7bbca5a1fa33d6724178be',
  },
  {
    id: 'Z2',
    secret: 'f0e1d2c3b4a5968778695a4b3c2d1e0f',
    timestamp: '1499676978',
    nonce: '9',
    sig: '02b449ccf22b84dc6d24339d3bbe488748e53664',
  },
  {
    id: 'Z3 (ZIM sample)',
    secret: '5c1f0c7d2e9a4b3f8e6d1a2b3c4d5e6f',
    timestamp: '1499676968',
    nonce: '321',
    sig: '8f1ca6992d43809259246a1531715997933be5c5',
  },
  {
    id: 'Z4',
    secret: 'S3cr3tKEY',
    timestamp: '1700000000',
    nonce: 'abc123',
    sig: '482421ee6eaf699b9492687ea7c6e9589e3f059a',
  },
  {
    id: 'script 0f1e…',
    secret: '0f1e2d3c4b5a69788796a5b4c3d2e1f0',
    timestamp: '1499676978',
    nonce: '9',
    sig: '32efb28ec095380a39015ebfbc441b0e3a7341f0',
  },
  {
    id: 'script ZegoCallbackSecret',
    secret: 'ZegoCallbackSecret',
    timestamp: '1679553625',
    nonce: '350176',
    sig: '7438d2efb993b717ac3233a28e1f51d03ecb26b2',
  },
];

/** Signatures computed the wrong way; none may verify for its inputs. */
const NEGATIVE = [
  { id: 'Z2 unsorted', base: 'Z2', sig: '8f991f5a600ada75d33fc79023f294328c814640' },
  { id: 'Z2 numeric sort', base: 'Z2', sig: '6e17bcd278813639efdf92ad8c31f2147e31f9d5' },
  { id: 'Z0 unsorted', base: 'Z0 (vendor doc)', sig: 'c015908d52c8c454bc2d9fb2b1cce1163e29b356' },
  { id: 'Z4 localeCompare', base: 'Z4', sig: '087b5735dc083e30559f775c0b35ffcda930fb8d' },
  { id: '0f1e numeric sort', base: 'script 0f1e…', sig: '2f05f9c603a2982ec29d6c13e1ddfb0100ebede9' },
];

const vector = (id: string) => POSITIVE.find((v) => v.id === id) ?? expect.unreachable(id);
const bodyOf = (v: (typeof POSITIVE)[number], extra: Record<string, unknown> = {}) => ({
  event: 'room_login',
  timestamp: v.timestamp,
  nonce: v.nonce,
  signature: v.sig,
  ...extra,
});

function failure(run: () => unknown): RoomcastError {
  try {
    run();
  } catch (error) {
    if (isRoomcastError(error)) return error;
    throw error;
  }
  throw new Error('expected verification to fail');
}

describe('signZegoCallback', () => {
  it.each(POSITIVE)('$id', (v) => {
    expect(signZegoCallback({ callbackSecret: v.secret, timestamp: v.timestamp, nonce: v.nonce })).toBe(
      v.sig,
    );
  });

  it('treats numbers as their decimal text', () => {
    expect(signZegoCallback({ callbackSecret: 'secret', timestamp: 1470820198, nonce: 123412 })).toBe(
      vector('Z0 (vendor doc)').sig,
    );
  });
});

describe('verifyZegoCallback', () => {
  it.each(POSITIVE)('accepts $id inside the window', (v) => {
    const now = Number(v.timestamp) + 10;
    expect(verifyZegoCallback({ body: bodyOf(v), callbackSecret: v.secret, now })).toBe(true);
  });

  it.each(NEGATIVE)('rejects $id', ({ base, sig }) => {
    const v = vector(base);
    const error = failure(() =>
      verifyZegoCallback({
        body: bodyOf(v, { signature: sig }),
        callbackSecret: v.secret,
        now: Number(v.timestamp),
      }),
    );
    expect(error.code).toBe('UNAUTHENTICATED');
    expect(error.message).toContain('does not match');
  });

  it('rejects a wrong secret without printing either secret or the expected signature', () => {
    const v = vector('Z1');
    const error = failure(() =>
      verifyZegoCallback({
        body: bodyOf(v),
        callbackSecret: 'b1b2c3d4e5f60718293a4b5c6d7e8f90',
        now: Number(v.timestamp),
      }),
    );
    expect(error.code).toBe('UNAUTHENTICATED');
    const expected = signZegoCallback({
      callbackSecret: 'b1b2c3d4e5f60718293a4b5c6d7e8f90',
      timestamp: v.timestamp,
      nonce: v.nonce,
    });
    for (const text of [error.message, JSON.stringify(error), inspect(error, { showHidden: true })]) {
      for (const secret of ['b1b2c3d4e5f60718293a4b5c6d7e8f90', v.secret, expected])
        expect(text).not.toContain(secret);
    }
  });

  it.each([
    ['timestamp', '1687981273'],
    ['nonce', '7254119327986670315'],
    ['signature', '996c53eeac4c55b39f7bbca5a1fa33d6724178bf'],
  ])('rejects a tampered %s', (field, value) => {
    const v = vector('Z1');
    const error = failure(() =>
      verifyZegoCallback({
        body: bodyOf(v, { [field]: value }),
        callbackSecret: v.secret,
        now: Number(v.timestamp),
      }),
    );
    expect(error.code).toBe('UNAUTHENTICATED');
  });

  it('does not cover the body: other fields may change (documented caveat)', () => {
    const v = vector('Z1');
    const body = bodyOf(v, { room_id: 'forged-room' });
    expect(verifyZegoCallback({ body, callbackSecret: v.secret, now: Number(v.timestamp) })).toBe(true);
  });

  it('applies the freshness window (default 300 s) in both directions', () => {
    const v = vector('Z1');
    const t = Number(v.timestamp);
    const check = (now: number, maxSkewSeconds?: number) => () =>
      verifyZegoCallback({ body: bodyOf(v), callbackSecret: v.secret, now, maxSkewSeconds });
    expect(check(t + 300)()).toBe(true);
    expect(check(t - 300)()).toBe(true);
    expect(failure(check(t + 301)).message).toMatch(/301 s in the past.*±300 s/);
    expect(failure(check(t - 301)).message).toMatch(/301 s in the future/);
    expect(failure(check(t + 61, 60)).code).toBe('UNAUTHENTICATED');
    expect(failure(check(t, 0)).code).toBe('INVALID_ARGUMENT');
  });

  it('checks the signature before the window: a forged stale callback says "does not match"', () => {
    const v = vector('Z1');
    const error = failure(() =>
      verifyZegoCallback({ body: bodyOf(v), callbackSecret: 'wrong', now: Number(v.timestamp) + 10_000 }),
    );
    expect(error.message).toContain('does not match');
  });

  it('accepts numeric timestamp/nonce fields, an upper-case signature and raw JSON text', () => {
    const v = vector('Z0 (vendor doc)');
    const now = Number(v.timestamp);
    const numeric = {
      event: 'room_create',
      timestamp: 1470820198,
      nonce: 123412,
      signature: v.sig.toUpperCase(),
    };
    expect(verifyZegoCallback({ body: numeric, callbackSecret: v.secret, now })).toBe(true);
    const z1 = vector('Z1');
    // The nonce as a bare JSON number beyond 2^53: only a lossless parse keeps it verifiable.
    const raw = `{"timestamp":${z1.timestamp},"nonce":${z1.nonce},"signature":"${z1.sig}"}`;
    expect(() => JSON.parse(raw)).not.toThrow();
    expect(verifyZegoCallback({ body: raw, callbackSecret: z1.secret, now: Number(z1.timestamp) })).toBe(
      true,
    );
  });

  it.each([
    ['no signature', { signature: undefined }, /unsigned/],
    ['an empty signature', { signature: '' }, /unsigned/],
    ['a non-hex signature', { signature: 'z'.repeat(40) }, /40 hex/],
    ['no timestamp', { timestamp: undefined }, /timestamp/],
    ['a non-numeric timestamp', { timestamp: '2023-01-01' }, /timestamp/],
    ['no nonce', { nonce: undefined }, /nonce/],
  ])('rejects %s', (_, extra, message) => {
    const v = vector('Z1');
    const error = failure(() =>
      verifyZegoCallback({ body: bodyOf(v, extra), callbackSecret: v.secret, now: Number(v.timestamp) }),
    );
    expect(error.code).toBe('UNAUTHENTICATED');
    expect(error.message).toMatch(message);
  });

  it('refuses a missing secret as a configuration error', () => {
    const v = vector('Z1');
    expect(failure(() => verifyZegoCallback({ body: bodyOf(v), callbackSecret: '' })).code).toBe(
      'INVALID_ARGUMENT',
    );
  });
});
