import { inspect } from 'node:util';
import { isRoomcastError, type RoomcastError } from '@roomcast/core';
import { describe, expect, it } from 'vitest';
import { signTrtcCallback, verifyTrtcCallback } from '../src/index.js';

/** vendor-callbacks.md §5.2. */
const VECTORS = [
  {
    id: 'T0 (vendor doc)',
    token: 'xxxxyyyy',
    time: '1669872112',
    sign: '17773bc39a671d7b9aa835458704d2a6db81360a5940292b587d6d760d484061',
  },
  {
    id: 'T1',
    token: 'my-im-callback-token',
    time: '1700000000',
    sign: 'c299d2f4cb021e6b1bfdb8c8d0b0127e9eaa4a9acbe9af7db1bb6e1a424408ab',
  },
  {
    id: 'T2 (128-char token)',
    token:
      'kdjsgjdskgjwejsdkkjgkjfklgjdfkjhnkdfhjgkglasdjkfjsekdhgjfsdhgsdjgkdjskgjfhjdfkjgsfdkjgeljsfkjsdkgdfkhgdfjgksdjfsdkjfksdgskhgssss',
    time: '1703589922',
    sign: '9bdb67d5f4ea043a327b0ea75a50913516161e6084444ab821c17d0e32d0dfaf',
  },
  {
    id: 'T3 (non-ASCII)',
    token: '令牌Token',
    time: '1750074537',
    sign: '2b7646daf4bb404a524352b5312b0855aacc3b4436a35f5e2c867990626934da',
  },
];
const T0 = VECTORS[0] as (typeof VECTORS)[number];

const query = (sign: string, time: string, extra = '') =>
  `SdkAppid=1400000000&CallbackCommand=Group.CallbackBeforeSendMsg&contenttype=json&ClientIP=127.0.0.1&OptPlatform=Web&Sign=${sign}&RequestTime=${time}${extra}`;

function failure(run: () => unknown): RoomcastError {
  try {
    run();
  } catch (error) {
    if (isRoomcastError(error)) return error;
    throw error;
  }
  throw new Error('expected verification to fail');
}

describe('signTrtcCallback / verifyTrtcCallback: vectors', () => {
  it.each(VECTORS)('$id', ({ token, time, sign }) => {
    expect(signTrtcCallback({ token, requestTime: time })).toBe(sign);
    expect(verifyTrtcCallback({ query: query(sign, time), token, now: Number(time) })).toBe(true);
  });

  it('the full URL check of the fact sheet', () => {
    const url = new URL(`https://example.com/im/cb?${query(T0.sign, T0.time)}`);
    expect(
      verifyTrtcCallback({
        query: url.searchParams,
        token: 'xxxxyyyy',
        now: 1669872112 + 30,
        sdkAppId: 1400000000,
      }),
    ).toBe(true);
  });

  it.each([
    [
      'reversed order (RequestTime + Token)',
      '0467c8f6ff787df0cb0a15d44d03531a236485e20b11f233f299933854693c8a',
      'xxxxyyyy',
    ],
    [
      'the doc-typo token xxxyyy',
      'e78a85473bed2cdc8d6fa8c4d5a4ba4735fd64156e15a99516b9890293e135de',
      'xxxxyyyy',
    ],
    ['the right Sign with the typo token', T0.sign, 'xxxyyy'],
  ])('rejects %s', (_, sign, token) => {
    const error = failure(() =>
      verifyTrtcCallback({ query: query(sign, T0.time), token, now: Number(T0.time) }),
    );
    expect(error.code).toBe('UNAUTHENTICATED');
    expect(error.message).toContain('does not match');
  });
});

describe('verifyTrtcCallback: rules', () => {
  const now = Number(T0.time);

  it('applies the 60 s window both ways, configurable', () => {
    const check = (at: number, maxSkewSeconds?: number) => () =>
      verifyTrtcCallback({ query: query(T0.sign, T0.time), token: T0.token, now: at, maxSkewSeconds });
    expect(check(now + 60)()).toBe(true);
    expect(check(now - 60)()).toBe(true);
    expect(failure(check(now + 61)).message).toMatch(/61 s in the past.*±60 s/);
    expect(failure(check(now - 61)).message).toMatch(/in the future/);
    expect(check(now + 120, 300)()).toBe(true);
  });

  it('rejects a tampered RequestTime or Sign', () => {
    expect(
      failure(() => verifyTrtcCallback({ query: query(T0.sign, '1669872113'), token: T0.token, now })).code,
    ).toBe('UNAUTHENTICATED');
    const flipped = `${T0.sign.slice(0, -1)}0`;
    expect(
      failure(() => verifyTrtcCallback({ query: query(flipped, T0.time), token: T0.token, now })).code,
    ).toBe('UNAUTHENTICATED');
  });

  it('reads keys case-insensitively and accepts an upper-case Sign and a plain record', () => {
    const q = `sdkappid=1400000000&sign=${T0.sign.toUpperCase()}&requesttime=${T0.time}`;
    expect(verifyTrtcCallback({ query: q, token: T0.token, now, sdkAppId: 1400000000 })).toBe(true);
    expect(
      verifyTrtcCallback({
        query: { SdkAppId: '1400000000', Sign: T0.sign, RequestTime: T0.time },
        token: T0.token,
        now,
        sdkAppId: 1400000000,
      }),
    ).toBe(true);
  });

  it('checks SdkAppid when told to', () => {
    const error = failure(() =>
      verifyTrtcCallback({ query: query(T0.sign, T0.time), token: T0.token, now, sdkAppId: 1400000001 }),
    );
    expect(error.message).toMatch(/SdkAppid 1400000000.*1400000001/);
  });

  it.each([
    ['no Sign', `RequestTime=${T0.time}`, /unsigned/],
    ['no RequestTime', `Sign=${T0.sign}`, /unsigned/],
    ['a short Sign', `Sign=abc&RequestTime=${T0.time}`, /64 hex/],
    ['a non-numeric RequestTime', `Sign=${T0.sign}&RequestTime=soon`, /Unix seconds/],
  ])('rejects %s', (_, q, message) => {
    const error = failure(() => verifyTrtcCallback({ query: q, token: T0.token, now }));
    expect(error.code).toBe('UNAUTHENTICATED');
    expect(error.message).toMatch(message);
  });

  it('never shows the token or the expected Sign', () => {
    const error = failure(() =>
      verifyTrtcCallback({ query: query('0'.repeat(64), T0.time), token: T0.token, now }),
    );
    for (const text of [error.message, JSON.stringify(error), inspect(error, { showHidden: true })]) {
      expect(text).not.toContain(T0.token);
      expect(text).not.toContain(T0.sign);
    }
    expect(failure(() => verifyTrtcCallback({ query: '', token: '' })).code).toBe('INVALID_ARGUMENT');
  });
});
