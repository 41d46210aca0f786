import { describe, expect, it } from 'vitest';
import { createRoomcast, isRoomcastError, type RoomcastError, type SendOptions } from '../src/index.js';
import { memoryProvider } from '../src/testing/index.js';

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

const message = { roomId: 'r', from: 'bot', to: ['a', 'b'], data: 'x' };

// Regressions found by the reliability suite's property tests (plain JavaScript callers): a
// concurrency of 0 crashed with "Cannot read properties of undefined (reading 'accepted')", and a
// BigInt channel with "Do not know how to serialize a BigInt".
describe('send options from plain JavaScript callers', () => {
  it.each<[string, unknown]>([
    ['concurrency 0', { concurrency: 0 }],
    ['concurrency -0', { concurrency: -0 }],
    ['concurrency 1.5', { concurrency: 1.5 }],
    ['a negative timeout', { timeoutMs: -1 }],
    ['a NaN total timeout', { totalTimeoutMs: Number.NaN }],
    ['a timeout beyond setTimeout', { timeoutMs: 2 ** 31 }],
    ['a fractional total timeout', { totalTimeoutMs: 2.5e-20 }],
    ['an unknown onLimit', { onLimit: 'later' }],
    ['an onProgress that is not a function', { onProgress: 'ca' }],
    ['a signal that is not an AbortSignal', { signal: { aborted: false } }],
    ['retry.maxAttempts 0', { retry: { maxAttempts: 0 } }],
    ['a retry that is not an object', { retry: 3 }],
    ['null options', null],
  ])('%s is INVALID_ARGUMENT before any request', async (_, options) => {
    const mem = memoryProvider();
    const rc = createRoomcast({ providers: { mem } });
    const error = await rejection(rc.send('mem:signal', message, options as SendOptions));
    expect(error.code).toBe('INVALID_ARGUMENT');
    expect(error.message).toMatch(/^send options: /);
    expect(mem.sends).toHaveLength(0);
  });

  it('checks the registry defaults the same way', async () => {
    const mem = memoryProvider();
    const rc = createRoomcast({ providers: { mem }, concurrency: 0 });
    const error = await rejection(rc.send('mem:signal', message));
    expect(error.message).toMatch(/^createRoomcast options: concurrency/);
    expect(mem.sends).toHaveLength(0);
  });

  it('accepts valid options', async () => {
    const mem = memoryProvider();
    const rc = createRoomcast({ providers: { mem } });
    const result = await rc.send('mem:signal', message, {
      concurrency: 2,
      timeoutMs: 1000,
      totalTimeoutMs: 5000,
      onLimit: 'fail',
      onProgress: () => {},
      signal: new AbortController().signal,
      retry: { maxAttempts: 2, baseDelayMs: 0, ambiguous: false },
    });
    expect(result.accepted).toEqual(['a', 'b']);
  });

  it('refuses a BigInt (or any non-string) channel with INVALID_ARGUMENT', async () => {
    const rc = createRoomcast({ providers: { mem: memoryProvider() } });
    for (const channel of [10n, Symbol('s'), null, { a: 1 }]) {
      const error = await rejection(rc.send(channel as never, message as never));
      expect(error.code).toBe('INVALID_ARGUMENT');
    }
  });
});
