import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isRoomcastError, parseJsonLossless, quoteUnsafeIntegers } from '../src/index.js';

describe('parseJsonLossless', () => {
  it('keeps the vendors’ 64-bit samples exact, as decimal strings', () => {
    expect(JSON.parse('{"a":144115216631667826}').a).toBe(144115216631667840); // the hazard
    const zego = parseJsonLossless('{"room_session_id":858012925204410400,"appid":1,"timestamp":1499676978}');
    expect(zego).toEqual({ room_session_id: '858012925204410400', appid: 1, timestamp: 1499676978 });
    const tencent = parseJsonLossless(
      '{"RoomInfo":{"Owner_Account":144115216631667826,"MaxMemberCount":1000}}',
    );
    expect(tencent).toEqual({ RoomInfo: { Owner_Account: '144115216631667826', MaxMemberCount: 1000 } });
    expect(parseJsonLossless('[-9007199254740993, 9007199254740991]')).toEqual([
      '-9007199254740993',
      9007199254740991,
    ]);
  });

  it('leaves strings, fractions and exponents alone', () => {
    const text =
      '{"s":"12345678901234567890","esc":"a\\"99999999999999999999","f":1.5,"e":1e21,"big":12345678901234567890.5}';
    expect(parseJsonLossless(text)).toEqual(JSON.parse(text));
    expect(quoteUnsafeIntegers('{"n":1}')).toBe('{"n":1}');
  });

  it('equals JSON.parse for any JSON without unsafe integers', () => {
    // JSON.stringify writes integers from 2^53 up to 1e21 as plain digits: those are the ones quoted.
    const unsafe = (v: unknown): boolean =>
      typeof v === 'number'
        ? Number.isInteger(v) && !Number.isSafeInteger(v) && Math.abs(v) < 1e21
        : typeof v === 'object' && v !== null && Object.values(v).some(unsafe);
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        fc.pre(!unsafe(value));
        const text = JSON.stringify(value);
        expect(parseJsonLossless(text)).toEqual(JSON.parse(text));
      }),
    );
  });

  it('round-trips any bigint exactly', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(2n ** 64n), max: 2n ** 64n }), (n) => {
        const parsed = parseJsonLossless(`{"id":${n},"t":"${n}"}`) as { id: unknown; t: string };
        expect(String(parsed.id)).toBe(n.toString());
        expect(parsed.t).toBe(n.toString());
      }),
    );
  });

  it('throws a typed error on bad JSON', () => {
    try {
      parseJsonLossless('{"a":');
      expect.unreachable();
    } catch (error) {
      expect(isRoomcastError(error) && error.code).toBe('INVALID_ARGUMENT');
    }
  });
});
