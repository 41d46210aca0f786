/**
 * A small seeded PRNG (mulberry32). Fault shares, request ids and message ids come from it, so a
 * run with the same seed and the same clock produces the same answers.
 */
export interface Random {
  /** A float in [0, 1). */
  next(): number;
  /** `count` lowercase hex characters. */
  hex(count: number): string;
  /** `count` decimal digits, the first one non-zero. */
  digits(count: number): string;
}

export function createRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const word = (): number => Math.floor(next() * 4294967296);
  return {
    next,
    hex(count) {
      let out = '';
      while (out.length < count) out += word().toString(16).padStart(8, '0');
      return out.slice(0, count);
    },
    digits(count) {
      let out = String(1 + Math.floor(next() * 9));
      while (out.length < count) out += String(word()).padStart(10, '0').slice(-9);
      return out.slice(0, count);
    },
  };
}
