import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toBatches } from '../src/pipeline/batches.js';
import { mapLimit } from '../src/pipeline/map-limit.js';

describe('toBatches', () => {
  it('splits 25 recipients into 10/10/5', () => {
    const ids = Array.from({ length: 25 }, (_, i) => `u${i}`);
    expect(toBatches(ids, 10).map((b) => b?.length)).toEqual([10, 10, 5]);
  });

  it('makes one request without recipients for a whole-room send', () => {
    expect(toBatches(undefined, 10)).toEqual([undefined]);
  });

  it('puts each recipient in exactly one batch, in order, within the limit', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.string(), { maxLength: 500 }),
        fc.integer({ min: 1, max: 120 }),
        (ids, size) => {
          const batches = toBatches(ids, size) as string[][];
          expect(batches.flat()).toEqual(ids);
          for (const batch of batches) {
            expect(batch.length).toBeGreaterThan(0);
            expect(batch.length).toBeLessThanOrEqual(size);
          }
          expect(batches.length).toBe(Math.ceil(ids.length / size));
        },
      ),
    );
  });
});

describe('mapLimit', () => {
  it('never runs more than the limit at once and keeps result order', async () => {
    let running = 0;
    let peak = 0;
    const results = await mapLimit(
      Array.from({ length: 50 }, (_, i) => i),
      4,
      async (n) => {
        running++;
        peak = Math.max(peak, running);
        await new Promise((r) => setTimeout(r, (n * 7) % 5));
        running--;
        return n * 2;
      },
    );
    expect(peak).toBe(4);
    expect(results).toEqual(Array.from({ length: 50 }, (_, i) => i * 2));
  });
});
