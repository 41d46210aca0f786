import fc from 'fast-check';

/**
 * Inputs a plain JavaScript caller can pass: every string fast-check can make (any code point,
 * graphemes, lone surrogates), the characters URL encoding and vendors stumble on, every primitive
 * type, objects, arrays, symbols, functions and exotic built-ins.
 */
const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((code) => String.fromCharCode(code));

export const wildString: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  fc.string({ unit: loneSurrogate, minLength: 1, maxLength: 3 }).map((s) => `a${s}b`),
  fc.constantFrom(
    '',
    ' ',
    '\t\n',
    '\u0000',
    '+&=%?#[]',
    '%E4%B8%AD',
    '<html>',
    '"quoted"\\',
    'a'.repeat(300),
    '中'.repeat(60),
    '😀'.repeat(40),
    'ok',
  ),
);

const exotic = fc.constantFrom<unknown>(
  Symbol('s'),
  () => 1,
  new Date(0),
  Number.NaN,
  Number.POSITIVE_INFINITY,
  -0,
  new Uint8Array([1, 2, 3]),
  new Map([['a', 1]]),
  Object.create(null),
  Promise.resolve(1),
  new Error('boom'),
);

export const wildValue: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: wildString, weight: 4 },
  { arbitrary: fc.integer(), weight: 1 },
  { arbitrary: fc.double(), weight: 1 },
  { arbitrary: fc.boolean(), weight: 1 },
  { arbitrary: fc.constantFrom(null, undefined), weight: 2 },
  { arbitrary: fc.bigInt(), weight: 1 },
  { arbitrary: fc.array(wildString, { maxLength: 12 }), weight: 2 },
  { arbitrary: fc.dictionary(wildString, wildString, { maxKeys: 3 }), weight: 1 },
  { arbitrary: exotic, weight: 2 },
  {
    arbitrary: fc.anything({ withBigInt: true, withDate: true, withMap: true, withNullPrototype: true }),
    weight: 2,
  },
);

/** Mostly `valid`, sometimes anything. */
export function validOr<T>(valid: fc.Arbitrary<T>, wildWeight = 1): fc.Arbitrary<unknown> {
  return fc.oneof({ arbitrary: valid, weight: 4 }, { arbitrary: wildValue, weight: wildWeight });
}

/** A record of near-valid fields, any of them missing, sometimes with an unknown extra field. */
export function nearValid(fields: Record<string, fc.Arbitrary<unknown>>): fc.Arbitrary<unknown> {
  const record = fc.record(fields, { requiredKeys: [] });
  return fc.oneof(
    { arbitrary: record, weight: 8 },
    {
      arbitrary: fc.tuple(record, wildString, wildValue).map(([r, k, v]) => ({ ...(r as object), [k]: v })),
      weight: 1,
    },
    { arbitrary: wildValue, weight: 1 },
  );
}

const WIDTHS = ['a', 'é', '中', '😀', ' ', '+', '%'] as const;

/**
 * A string of exactly `bytes` UTF-8 bytes built from a pattern of 1-, 2-, 3- and 4-byte characters
 * (padded with ASCII where a wide character would overshoot): sizes right at a limit, in mixed scripts.
 */
export function exactBytes(bytes: number, pattern: readonly string[]): string {
  let out = '';
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const char = pattern[i % pattern.length] ?? 'a';
    const width = Buffer.byteLength(char);
    if (size + width > bytes) {
      out += 'a';
      size += 1;
    } else {
      out += char;
      size += width;
    }
  }
  return out;
}

/** A byte size within `spread` of `limit`, and a string of exactly that size. */
export function aroundLimit(limit: number, spread = 3): fc.Arbitrary<{ bytes: number; text: string }> {
  return fc
    .tuple(
      fc.integer({ min: -spread, max: spread }),
      fc.array(fc.constantFrom(...WIDTHS), { minLength: 1, maxLength: 8 }),
    )
    .map(([delta, pattern]) => {
      const bytes = Math.max(1, limit + delta);
      return { bytes, text: exactBytes(bytes, pattern) };
    });
}
