import { describe, expect, it } from 'vitest';
import { createUserSigCache, DEFAULT_USER_SIG_TTL_SECONDS, renewalMarginSeconds } from '../src/index.js';

function fakeClock(startSeconds: number) {
  let ms = startSeconds * 1000;
  return {
    now: () => ms,
    advance(seconds: number) {
      ms += seconds * 1000;
    },
  };
}

function counter() {
  const issued: number[] = [];
  const generate = (now: number) => {
    issued.push(now);
    return `sig-${now}-${issued.length}`;
  };
  return { issued, generate };
}

describe('renewalMarginSeconds', () => {
  it('renews a one-day UserSig 2.4 hours early (10 %, more than the one-hour floor)', () => {
    expect(DEFAULT_USER_SIG_TTL_SECONDS).toBe(86_400);
    expect(renewalMarginSeconds(86_400)).toBe(8_640);
  });
  it('keeps at least one hour for mid-length lifetimes', () => {
    expect(renewalMarginSeconds(7_200 * 2)).toBe(3_600);
  });
  it('never exceeds half the lifetime', () => {
    expect(renewalMarginSeconds(600)).toBe(300);
    expect(renewalMarginSeconds(1)).toBe(0);
  });
});

describe('createUserSigCache', () => {
  it('reuses the UserSig until renewal is due, then signs a new one', async () => {
    const clock = fakeClock(1_700_000_000);
    const gen = counter();
    const cache = createUserSigCache({ generate: gen.generate, ttlSeconds: 86_400, now: clock.now });
    const first = await cache.get();
    clock.advance(86_400 - 8_640 - 1);
    expect(await cache.get()).toBe(first);
    expect(gen.issued).toHaveLength(1);
    clock.advance(1);
    const second = await cache.get();
    expect(second).not.toBe(first);
    expect(gen.issued).toEqual([1_700_000_000, 1_700_000_000 + 86_400 - 8_640]);
  });

  it('makes one generation for N concurrent callers (single flight), async generator included', async () => {
    const clock = fakeClock(1_700_000_000);
    let calls = 0;
    let release!: () => void;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const cache = createUserSigCache({
      ttlSeconds: 3_600,
      now: clock.now,
      generate: async (now) => {
        calls++;
        await gate;
        return `sig-${now}`;
      },
    });
    const pending = Array.from({ length: 50 }, () => cache.get());
    release();
    const results = await Promise.all(pending);
    expect(calls).toBe(1);
    expect(new Set(results)).toEqual(new Set(['sig-1700000000']));
    await cache.get();
    expect(calls).toBe(1);
  });

  it('renews once when concurrent callers find the UserSig due', async () => {
    const clock = fakeClock(1_700_000_000);
    const gen = counter();
    const cache = createUserSigCache({ generate: gen.generate, ttlSeconds: 100, now: clock.now });
    await cache.get();
    clock.advance(60);
    await Promise.all(Array.from({ length: 20 }, () => cache.get()));
    expect(gen.issued).toHaveLength(2);
  });

  it('invalidate drops only the rejected UserSig, so concurrent rejections renew once', async () => {
    const clock = fakeClock(1_700_000_000);
    const gen = counter();
    const cache = createUserSigCache({ generate: gen.generate, ttlSeconds: 86_400, now: clock.now });
    const stale = await cache.get();
    cache.invalidate(stale);
    const fresh = await cache.get();
    expect(fresh).not.toBe(stale);
    cache.invalidate(stale);
    expect(await cache.get()).toBe(fresh);
    expect(gen.issued).toHaveLength(2);
  });

  it('does not cache a failed generation', async () => {
    const clock = fakeClock(1_700_000_000);
    let fail = true;
    const cache = createUserSigCache({
      ttlSeconds: 3_600,
      now: clock.now,
      generate: (now) => {
        if (fail) throw new Error('boom');
        return `sig-${now}`;
      },
    });
    await expect(Promise.all([cache.get(), cache.get()])).rejects.toThrow('boom');
    fail = false;
    expect(await cache.get()).toBe('sig-1700000000');
  });
});
