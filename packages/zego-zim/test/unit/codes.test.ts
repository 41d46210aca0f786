import { ROOMCAST_ERROR_CODES } from '@roomcast/core';
import { describe, expect, it } from 'vitest';
import { lookupZimCode, ZIM_CODE_TABLE } from '../../src/codes.js';

describe('ZIM code table', () => {
  it('maps every row onto a roomcast code with a meaning and an action', () => {
    for (const row of ZIM_CODE_TABLE) {
      expect(ROOMCAST_ERROR_CODES).toContain(row.code);
      expect(row.meaning.length).toBeGreaterThan(3);
      expect(row.action.length).toBeGreaterThan(3);
    }
  });

  it('lists each single code once', () => {
    const singles = ZIM_CODE_TABLE.flatMap((row) => (typeof row.codes === 'number' ? [row.codes] : []));
    expect(new Set(singles).size).toBe(singles.length);
  });

  it.each([
    [1, 'UNAVAILABLE', true],
    [2, 'INVALID_ARGUMENT', false],
    [3, 'UNAUTHENTICATED', false],
    [7, 'RATE_LIMITED', true],
    [50014, 'INVALID_ARGUMENT', false],
    [51102, 'USER_NOT_FOUND', false],
    [105001, 'UNAVAILABLE', false],
    [660000011, 'TOO_MANY_RECIPIENTS', false],
    [660000012, 'INVALID_ARGUMENT', false],
    [660000025, 'INVALID_ARGUMENT', false],
    [660300001, 'ROOM_NOT_FOUND', false],
    [660300005, 'RATE_LIMITED', true],
    [660300006, 'RATE_LIMITED', true],
    [660300013, 'INVALID_ARGUMENT', false],
    [660400001, 'PAYLOAD_TOO_LARGE', false],
    [660500002, 'USER_NOT_FOUND', false],
    [660500003, 'RATE_LIMITED', true],
    [660500005, 'PERMISSION_DENIED', false],
    [660600001, 'ROOM_NOT_FOUND', false],
    [660700001, 'RATE_LIMITED', true],
  ] as const)('%i → %s (retryable %s)', (code, expected, retryable) => {
    expect(lookupZimCode(code)).toMatchObject({ code: expected, retryable });
  });

  it('prefers a single code over the range around it', () => {
    expect(lookupZimCode(660600010)?.code).toBe('RATE_LIMITED');
    expect(lookupZimCode(660600020)?.code).toBe('PERMISSION_DENIED');
    expect(lookupZimCode(660800045)?.meaning).toMatch(/blocked/);
    expect(lookupZimCode(660800002)?.code).toBe('PROVIDER_ERROR');
  });

  it('includes range ends and nothing beyond them', () => {
    expect(lookupZimCode(660600008)).toBeDefined();
    expect(lookupZimCode(660600033)).toBeDefined();
    expect(lookupZimCode(660600034)).toBeUndefined();
    expect(lookupZimCode(660900009)).toBeUndefined();
  });

  it('leaves undocumented and gateway codes unmapped', () => {
    expect(lookupZimCode(0)).toBeUndefined();
    expect(lookupZimCode(99)).toBeUndefined();
    expect(lookupZimCode(100000005)).toBeUndefined();
  });

  it('marks exactly the rate-limit and busy codes retryable', () => {
    const retryable = ZIM_CODE_TABLE.filter((row) => row.retryable).map((row) => row.code);
    expect(new Set(retryable)).toEqual(new Set(['RATE_LIMITED', 'UNAVAILABLE', 'PROVIDER_ERROR']));
    for (const row of ZIM_CODE_TABLE.filter((r) => r.code === 'RATE_LIMITED'))
      expect(row.retryable).toBe(true);
  });
});
