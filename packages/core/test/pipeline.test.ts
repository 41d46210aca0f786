import { describe, expect, it } from 'vitest';
import {
  createRoomcast,
  isRoomcastError,
  memoryRateLimitStore,
  RoomcastError,
  type SendResult,
} from '../src/index.js';
import { memoryProvider } from '../src/testing/index.js';

const fast = { baseDelayMs: 1, maxDelayMs: 5 };
const users = (n: number, prefix = 'u') => Array.from({ length: n }, (_, i) => `${prefix}${i}`);

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

describe('send pipeline', () => {
  it('batches 25 recipients into 3 requests and one result', async () => {
    const mem = memoryProvider();
    const rc = createRoomcast({ providers: { mem } });
    const to = users(25);
    const result = await rc.send('mem:signal', { roomId: 'r', from: 'bot', to, data: '{"gift":1}' });
    expect(result.status).toBe('ok');
    expect(result.accepted).toEqual(to);
    expect(result.attempts).toBe(3);
    expect(mem.sends.map((s) => s.request.recipients?.length)).toEqual([10, 10, 5]);
    expect(result.requestIds).toHaveLength(3);
  });

  it('removes duplicate recipients so nobody gets the message twice', async () => {
    const mem = memoryProvider();
    const rc = createRoomcast({ providers: { mem } });
    const result = await rc.send('mem:signal', { roomId: 'r', from: 'bot', to: ['a', 'b', 'a'], data: 'x' });
    expect(result.accepted).toEqual(['a', 'b']);
  });

  it('reports per-recipient failures as a partial result', async () => {
    const mem = memoryProvider({ offline: ['u3', 'u17'] });
    const rc = createRoomcast({ providers: { mem } });
    const result = await rc.send('mem:signal', { roomId: 'r', from: 'bot', to: users(20), data: 'x' });
    expect(result.status).toBe('partial');
    expect(result.failed.map((f) => [f.userId, f.error.code])).toEqual([
      ['u3', 'USER_OFFLINE'],
      ['u17', 'USER_OFFLINE'],
    ]);
    expect(result.accepted).toHaveLength(18);
  });

  it('throws with the result attached when nobody accepted', async () => {
    const mem = memoryProvider({ offline: ['a', 'b'] });
    const rc = createRoomcast({ providers: { mem } });
    const error = await rejection(rc.send('mem:direct', { from: 'bot', to: ['a', 'b'], text: 'hi' }));
    expect(error.code).toBe('USER_OFFLINE');
    expect(error.result?.failed.map((f) => f.userId)).toEqual(['a', 'b']);
    expect(error.failures).toHaveLength(2);
  });

  it('throws the vendor error of a failed whole-room send, with its fields', async () => {
    const mem = memoryProvider();
    mem.failNext(
      1,
      () =>
        new RoomcastError('ROOM_NOT_FOUND', 'room r does not exist', {
          providerCode: 50001,
          requestId: 'q1',
        }),
    );
    const rc = createRoomcast({ providers: { mem } });
    const error = await rejection(rc.send('mem:broadcast', { roomId: 'r', from: 'bot', text: 'hi' }));
    expect(error).toMatchObject({ code: 'ROOM_NOT_FOUND', providerCode: 50001, requestId: 'q1' });
    expect(error.result?.attempts).toBe(1);
  });

  it('retries retryable errors, each attempt with a new credential but the same request key', async () => {
    const mem = memoryProvider();
    mem.failNext(
      2,
      () => new RoomcastError('RATE_LIMITED', 'slow down', { retryable: true, providerCode: 206 }),
    );
    const retries: number[] = [];
    const rc = createRoomcast({
      providers: { mem },
      retry: fast,
      hooks: { onRetry: (i) => retries.push(i.attempt) },
    });
    const result = await rc.send('mem:barrage', { roomId: 'r', from: 'bot', text: 'hi' });
    expect(result.attempts).toBe(3);
    expect(retries).toEqual([1, 2]);
    expect(new Set(mem.sends.map((s) => s.credential)).size).toBe(3);
    expect(new Set(mem.sends.map((s) => s.requestKey)).size).toBe(1);
    expect(mem.sends.map((s) => s.attempt)).toEqual([1, 2, 3]);
  });

  it('does not retry an ambiguous failure by default (at-most-once)', async () => {
    const mem = memoryProvider();
    mem.failNext(1, () => new RoomcastError('TIMEOUT', 'no answer', { ambiguous: true }));
    const rc = createRoomcast({ providers: { mem }, retry: fast });
    const error = await rejection(rc.send('mem:broadcast', { roomId: 'r', from: 'bot', text: 'hi' }));
    expect(error.code).toBe('TIMEOUT');
    expect(error.ambiguous).toBe(true);
    expect(mem.sends).toHaveLength(1);
  });

  it('retries an ambiguous failure when the caller opts into at-least-once', async () => {
    const mem = memoryProvider();
    mem.failNext(1, () => new RoomcastError('UNAVAILABLE', '503', { ambiguous: true }));
    const rc = createRoomcast({ providers: { mem }, retry: fast });
    const result = await rc.send(
      'mem:broadcast',
      { roomId: 'r', from: 'bot', text: 'hi' },
      { retry: { ambiguous: true } },
    );
    expect(result.attempts).toBe(2);
  });

  it('retries an ambiguous failure when the vendor de-duplicates', async () => {
    const base = memoryProvider();
    const mem = memoryProvider({
      capabilities: { broadcast: { ...base.capabilities.broadcast, vendorDeduplicates: true } },
    });
    mem.failNext(1, () => new RoomcastError('TIMEOUT', 'no answer', { ambiguous: true }));
    const rc = createRoomcast({ providers: { mem }, retry: fast });
    expect((await rc.send('mem:broadcast', { roomId: 'r', from: 'bot', text: 'hi' })).attempts).toBe(2);
  });

  it('stops at maxAttempts and reports the last error', async () => {
    const mem = memoryProvider();
    mem.failNext(5, () => new RoomcastError('RATE_LIMITED', 'slow down', { retryable: true }));
    const rc = createRoomcast({ providers: { mem }, retry: { ...fast, maxAttempts: 2 } });
    const error = await rejection(rc.send('mem:broadcast', { roomId: 'r', from: 'bot', text: 'hi' }));
    expect(error.code).toBe('RATE_LIMITED');
    expect(mem.sends).toHaveLength(2);
  });

  it('an abort mid fan-out lists every unsent recipient as ABORTED', async () => {
    const mem = memoryProvider({ latencyMs: 20 });
    const rc = createRoomcast({ providers: { mem }, concurrency: 1 });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const to = users(100);
    const outcome = await rc
      .send('mem:signal', { roomId: 'r', from: 'bot', to, data: 'x' }, { signal: controller.signal })
      .catch((e: RoomcastError) => e.result as SendResult);
    const aborted = outcome.failed.filter((f) => f.error.code === 'ABORTED');
    expect(outcome.accepted.length + outcome.failed.length).toBe(100);
    expect(aborted.length).toBeGreaterThan(50);
    expect(mem.sends.length).toBeLessThan(10);
    expect(new Set([...outcome.accepted, ...outcome.failed.map((f) => f.userId)]).size).toBe(100);
  });

  it('an already aborted signal sends nothing', async () => {
    const mem = memoryProvider();
    const rc = createRoomcast({ providers: { mem } });
    const error = await rejection(
      rc.send('mem:broadcast', { roomId: 'r', from: 'bot', text: 'hi', signal: AbortSignal.abort() }),
    );
    expect(error.code).toBe('ABORTED');
    expect(mem.sends).toHaveLength(0);
  });

  it('accounts for every recipient exactly once under random failures', async () => {
    let n = 0;
    const mem = memoryProvider({
      script: (request) => {
        n++;
        if (n % 7 === 0) throw new RoomcastError('RATE_LIMITED', 'slow', { retryable: true });
        if (n % 11 === 0) throw new RoomcastError('TIMEOUT', 'lost', { ambiguous: true });
        const failed = (request.recipients ?? []).filter((id) => id.endsWith('3'));
        return {
          failed: failed.map((userId) => ({ userId, error: new RoomcastError('USER_OFFLINE', 'off') })),
        };
      },
    });
    const rc = createRoomcast({ providers: { mem }, retry: fast, concurrency: 4 });
    const to = users(1000);
    const result = await rc.send('mem:signal', { roomId: 'r', from: 'bot', to, data: 'x' });
    const seen = [...result.accepted, ...result.failed.map((f) => f.userId)];
    expect(seen.sort()).toEqual([...to].sort());
  });

  it('reports progress after every request', async () => {
    const mem = memoryProvider();
    const rc = createRoomcast({ providers: { mem } });
    const progress: number[] = [];
    await rc.send(
      'mem:signal',
      { roomId: 'r', from: 'bot', to: users(30), data: 'x' },
      { onProgress: (p) => progress.push(p.settled) },
    );
    expect(progress.sort((a, b) => a - b)).toEqual([10, 20, 30]);
  });

  it('waits for the quota in arrival order, or fails fast with onLimit: fail', async () => {
    const base = memoryProvider();
    const cap = { ...base.capabilities.broadcast, quotas: [{ scope: 'q', limit: 10, intervalMs: 1000 }] };
    const mem = memoryProvider({ capabilities: { broadcast: cap } });
    const rc = createRoomcast({ providers: { mem } });
    const started = performance.now();
    await Promise.all([1, 2, 3].map(() => rc.send('mem:broadcast', { roomId: 'r', from: 'b', text: 'x' })));
    expect(performance.now() - started).toBeGreaterThanOrEqual(190);
    const error = await rejection(
      rc.send('mem:broadcast', { roomId: 'r', from: 'b', text: 'x' }, { onLimit: 'fail' }),
    );
    expect(error.code).toBe('RATE_LIMITED');
    expect(error.retryAfterMs).toBeGreaterThan(0);
  });

  it('two registries sharing a store share the quota', async () => {
    const base = memoryProvider();
    const cap = {
      ...base.capabilities.broadcast,
      quotas: [{ scope: 'shared', limit: 1, intervalMs: 60_000 }],
    };
    const store = memoryRateLimitStore();
    const a = createRoomcast({
      providers: { mem: memoryProvider({ capabilities: { broadcast: cap } }) },
      rateLimitStore: store,
    });
    const b = createRoomcast({
      providers: { mem: memoryProvider({ capabilities: { broadcast: cap } }) },
      rateLimitStore: store,
    });
    await a.send('mem:broadcast', { roomId: 'r', from: 'b', text: 'x' });
    const error = await rejection(
      b.send('mem:broadcast', { roomId: 'r', from: 'b', text: 'x' }, { onLimit: 'fail' }),
    );
    expect(error.code).toBe('RATE_LIMITED');
  });

  it('substitutes {roomId} in quota scopes so rooms do not share a per-room quota', async () => {
    const base = memoryProvider();
    const cap = {
      ...base.capabilities.broadcast,
      quotas: [{ scope: 'room:{roomId}', limit: 1, intervalMs: 60_000 }],
    };
    const rc = createRoomcast({
      providers: { mem: memoryProvider({ capabilities: { broadcast: cap } }) },
      onLimit: 'fail',
    });
    await rc.send('mem:broadcast', { roomId: 'r1', from: 'b', text: 'x' });
    await rc.send('mem:broadcast', { roomId: 'r2', from: 'b', text: 'x' });
    expect((await rejection(rc.send('mem:broadcast', { roomId: 'r1', from: 'b', text: 'x' }))).code).toBe(
      'RATE_LIMITED',
    );
  });
});

describe('validation before any request', () => {
  const mem = memoryProvider();
  const rc = createRoomcast({ providers: { mem }, maxRecipientsPerSend: 50 });
  const cases: [string, string, unknown, string][] = [
    [
      'oversize CJK payload',
      'mem:signal',
      { roomId: 'r', from: 'b', data: '礼'.repeat(342) },
      'PAYLOAD_TOO_LARGE',
    ],
    ['empty data', 'mem:signal', { roomId: 'r', from: 'b', data: '' }, 'INVALID_ARGUMENT'],
    ['missing roomId', 'mem:broadcast', { from: 'b', text: 'x' }, 'INVALID_ARGUMENT'],
    ['numeric roomId', 'mem:broadcast', { roomId: 7, from: 'b', text: 'x' }, 'INVALID_ARGUMENT'],
    [
      'empty recipient id',
      'mem:signal',
      { roomId: 'r', from: 'b', to: ['a', ''], data: 'x' },
      'INVALID_ARGUMENT',
    ],
    ['empty recipient list', 'mem:direct', { from: 'b', to: [], text: 'x' }, 'INVALID_ARGUMENT'],
    ['too many recipients', 'mem:direct', { from: 'b', to: users(51), text: 'x' }, 'TOO_MANY_RECIPIENTS'],
    [
      'users on a room-only kind',
      'mem:broadcast',
      { roomId: 'r', from: 'b', to: ['a'], text: 'x' },
      'UNSUPPORTED',
    ],
    ['direct without recipients', 'mem:direct', { from: 'b', text: 'x' }, 'INVALID_ARGUMENT'],
    ['direct to self', 'mem:direct', { from: 'b', to: ['b'], text: 'x' }, 'INVALID_ARGUMENT'],
    ['text and data', 'mem:direct', { from: 'b', to: ['a'], text: 'x', data: 'y' }, 'INVALID_ARGUMENT'],
    [
      'bad priority',
      'mem:barrage',
      { roomId: 'r', from: 'b', text: 'x', priority: 'urgent' },
      'INVALID_ARGUMENT',
    ],
    ['null message', 'mem:barrage', null, 'INVALID_ARGUMENT'],
    ['unknown alias', 'nope:signal', { roomId: 'r', data: 'x' }, 'INVALID_ARGUMENT'],
    ['unknown kind', 'mem:shout', { roomId: 'r', data: 'x' }, 'INVALID_ARGUMENT'],
    ['malformed channel', 'memsignal', { roomId: 'r', data: 'x' }, 'INVALID_ARGUMENT'],
  ];
  it.each(cases)('%s', async (_name, channel, message, code) => {
    const error = await rejection(rc.send(channel as never, message as never));
    expect(error.code).toBe(code);
    expect(mem.sends).toHaveLength(0);
  });

  it('lists the registered aliases when one is unknown', async () => {
    const error = await rejection(rc.send('zego:signal' as never, { roomId: 'r', data: 'x' } as never));
    expect(error.message).toContain('registered: mem');
  });

  it('runs the provider validation after the capability checks', async () => {
    const strict = {
      ...memoryProvider(),
      validate() {
        throw new RoomcastError('INVALID_ARGUMENT', 'from must match [a-z]+');
      },
    };
    const r = createRoomcast({ providers: { strict } });
    expect(
      (await rejection(r.send('strict:broadcast', { roomId: 'r', from: 'B!', text: 'x' }))).message,
    ).toBe('from must match [a-z]+');
    expect(strict.sends).toHaveLength(0);
  });
});

describe('total timeout', () => {
  it('fails what is not done in time with TIMEOUT, keeping in-flight requests ambiguous', async () => {
    const mem = memoryProvider({ latencyMs: 30 });
    const rc = createRoomcast({ providers: { mem }, concurrency: 1 });
    const outcome = await rc
      .send('mem:signal', { roomId: 'r', from: 'bot', to: users(100), data: 'x' }, { totalTimeoutMs: 80 })
      .catch((e: RoomcastError) => e.result as SendResult);
    const timeouts = outcome.failed.filter((f) => f.error.code === 'TIMEOUT');
    expect(outcome.accepted.length + outcome.failed.length).toBe(100);
    expect(timeouts.length).toBeGreaterThan(50);
    expect(outcome.failed.some((f) => f.error.code === 'ABORTED')).toBe(false);
    expect(timeouts.some((f) => f.error.ambiguous)).toBe(true);
  });
});
