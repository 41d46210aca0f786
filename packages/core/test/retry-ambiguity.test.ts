import { describe, expect, it } from 'vitest';
import { createRoomcast, isRoomcastError, RoomcastError } from '../src/index.js';
import { memoryProvider } from '../src/testing/index.js';

const fast = { baseDelayMs: 1, maxDelayMs: 5 };

async function rejection(promise: Promise<unknown>): Promise<RoomcastError> {
  const error = await promise.then(
    () => {
      throw new Error('expected a rejection');
    },
    (e: unknown) => e,
  );
  expect(isRoomcastError(error)).toBe(true);
  return error as RoomcastError;
}

// Regression (found by the reliability fault campaign): with at-least-once retries, an attempt
// that timed out may have been delivered; if a later attempt is then rate-limited, the request
// used to fail with that last error alone — RATE_LIMITED, retryable, not ambiguous — telling the
// caller it was safe to resend a message that had already arrived.
describe('a retried ambiguous attempt keeps the request ambiguous', () => {
  it('marks the final failure ambiguous and not retryable', async () => {
    const mem = memoryProvider();
    mem.failNext(1, () => new RoomcastError('TIMEOUT', 'no answer', { ambiguous: true }));
    mem.failNext(
      5,
      () => new RoomcastError('RATE_LIMITED', 'slow down', { retryable: true, providerCode: 206 }),
    );
    const errors: RoomcastError[] = [];
    const error = await rejection(
      createRoomcast({
        providers: { mem },
        retry: { ...fast, ambiguous: true, maxAttempts: 2 },
        hooks: { onError: (info) => errors.push(info.error) },
      }).send('mem:broadcast', { roomId: 'r', from: 'bot', text: 'hi' }),
    );
    expect(mem.sends).toHaveLength(2);
    expect(error).toMatchObject({
      code: 'RATE_LIMITED',
      providerCode: 206,
      ambiguous: true,
      retryable: false,
    });
    expect(error.message).toMatch(/earlier attempt .* may have been delivered/);
    expect(errors.map((e) => e.ambiguous)).toEqual([true]);
  });

  it('reports per-recipient failures of such a batch as ambiguous', async () => {
    const mem = memoryProvider();
    mem.failNext(1, () => new RoomcastError('UNAVAILABLE', '503', { ambiguous: true }));
    mem.failNext(5, () => new RoomcastError('RATE_LIMITED', 'slow down', { retryable: true }));
    const rc = createRoomcast({ providers: { mem }, retry: { ...fast, ambiguous: true, maxAttempts: 3 } });
    const error = await rejection(rc.send('mem:direct', { from: 'bot', to: ['a', 'b'], text: 'hi' }));
    expect(error.result?.failed.map((f) => [f.userId, f.error.ambiguous, f.error.retryable])).toEqual([
      ['a', true, false],
      ['b', true, false],
    ]);
  });

  it('marks an abort during the backoff after an ambiguous attempt as ambiguous', async () => {
    const mem = memoryProvider();
    mem.failNext(1, () => new RoomcastError('TIMEOUT', 'no answer', { ambiguous: true }));
    const controller = new AbortController();
    const rc = createRoomcast({
      providers: { mem },
      retry: { baseDelayMs: 10_000, maxDelayMs: 10_000, ambiguous: true },
      hooks: { onRetry: () => controller.abort() },
    });
    const error = await rejection(
      rc.send('mem:broadcast', { roomId: 'r', from: 'bot', text: 'hi' }, { signal: controller.signal }),
    );
    expect(error).toMatchObject({ code: 'ABORTED', ambiguous: true });
    expect(mem.sends).toHaveLength(1);
  });

  it('leaves a plain retryable failure alone when no attempt was ambiguous', async () => {
    const mem = memoryProvider();
    mem.failNext(5, () => new RoomcastError('RATE_LIMITED', 'slow down', { retryable: true }));
    const rc = createRoomcast({ providers: { mem }, retry: { ...fast, ambiguous: true, maxAttempts: 2 } });
    const error = await rejection(rc.send('mem:broadcast', { roomId: 'r', from: 'bot', text: 'hi' }));
    expect(error).toMatchObject({ code: 'RATE_LIMITED', ambiguous: false, retryable: true });
  });
});
