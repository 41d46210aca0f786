import { createRoomcast, isRoomcastError, type RoomcastError, type SendResult } from '@roomcast/core';
import { startEmulator } from '@roomcast/emulator';
import { trtc } from '@roomcast/trtc';
import { afterAll, describe, expect, it } from 'vitest';
import { sleep, watchProcess } from './support/process-watch.js';
import { emulatorProviders, registerCredentialSecrets } from './support/providers.js';
import { SecretScanner } from './support/secret-scanner.js';
import { recordingFetch } from './support/wire.js';

/**
 * Time and cancellation: a server clock off by more than ZEGO's ±10 minutes, a UserSig that
 * expires while the client still holds it, and a caller who aborts a 5,000-recipient fan-out.
 */
const MINUTE = 60_000;
const scanner = new SecretScanner();
const watch = watchProcess();

afterAll(() => {
  watch.stop();
  expect(scanner.hits).toEqual([]);
  expect(watch.unhandled).toEqual([]);
  expect(watch.warnings).toEqual([]);
});

async function rejection(promise: Promise<unknown>): Promise<RoomcastError> {
  const error = await promise.then(
    () => new Error('expected a rejection'),
    (e: unknown) => e,
  );
  expect(isRoomcastError(error)).toBe(true);
  scanner.scan('time test error', error);
  return error as RoomcastError;
}

describe('clock skew beyond ZEGO’s 10-minute window', () => {
  it.each([
    ['ahead', 11 * MINUTE],
    ['behind', -11 * MINUTE],
  ])('a vendor clock 11 minutes %s gives UNAUTHENTICATED telling you to check the clock', async (_, skew) => {
    const emulator = await startEmulator({
      port: 0,
      now: () => Date.now() + skew,
      fixtures: { zegoRtc: { rooms: { r: ['alice'] } }, zim: { online: ['server', 'bob'] } },
    });
    registerCredentialSecrets(emulator, scanner);
    try {
      const rc = createRoomcast({
        providers: emulatorProviders(emulator, { fetch: recordingFetch(scanner) }),
      });
      for (const [channel, message] of [
        ['zego:signal', { roomId: 'r', from: 'server', data: 'x' }],
        ['zim:direct', { from: 'server', to: ['bob'], text: 'x' }],
      ] as const) {
        const before = emulator.requestCount();
        const error = await rejection(rc.send(channel, message as never));
        expect(error).toMatchObject({
          code: 'UNAUTHENTICATED',
          providerCode: 100000004,
          retryable: false,
          ambiguous: false,
        });
        expect(error.message).toMatch(/clock/i);
        expect(error.message).toMatch(/10 minutes/);
        // Signed once, re-signed once (a protocol step), then no retry: the clock will not fix itself.
        expect(
          emulator
            .requests()
            .slice(before)
            .map((r) => r.code),
        ).toEqual([100000004, 100000004]);
      }
      expect(emulator.deliveries()).toEqual([]);
    } finally {
      await emulator.close();
    }
  });

  it('a clock 9 minutes off is inside the window and sends', async () => {
    const emulator = await startEmulator({
      port: 0,
      now: () => Date.now() + 9 * MINUTE,
      fixtures: { zegoRtc: { rooms: { r: ['alice'] } } },
    });
    try {
      const rc = createRoomcast({
        providers: emulatorProviders(emulator, { fetch: recordingFetch(scanner) }),
      });
      await rc.send('zego:signal', { roomId: 'r', from: 'server', data: 'x' });
      expect(emulator.inbox('zego-rtc', 'alice')).toHaveLength(1);
    } finally {
      await emulator.close();
    }
  });
});

describe('UserSig expiry', () => {
  const T0 = Date.parse('2030-01-01T00:00:00Z');

  async function setup() {
    let clientMs = T0;
    let vendorMs = T0;
    const emulator = await startEmulator({
      port: 0,
      now: () => vendorMs,
      fixtures: { trtc: { rooms: { r: ['fan'] } } },
    });
    registerCredentialSecrets(emulator, scanner);
    const userSigs = new Set<string>();
    const fetch = recordingFetch(scanner);
    const watching: typeof globalThis.fetch = (input, init) => {
      const url = new URL(input instanceof Request ? input.url : String(input));
      userSigs.add(url.searchParams.get('usersig') ?? '');
      return fetch(input, init);
    };
    // One-hour UserSigs: renewed 30 minutes before expiry (half the lifetime).
    const provider = trtc({
      ...emulator.credentials.trtc,
      baseUrl: emulator.trtcUrl,
      fetch: watching,
      now: () => clientMs,
      userSigTtlSeconds: 3600,
    });
    const rc = createRoomcast({ providers: { tencent: provider } });
    const send = () => rc.send('tencent:broadcast', { roomId: 'r', from: 'server', text: 'tick' });
    return {
      emulator,
      send,
      userSigs,
      codesSince: (n: number) =>
        emulator
          .requests()
          .slice(n)
          .map((r) => r.code),
      set(client: number, vendor: number) {
        clientMs = T0 + client * 1000;
        vendorMs = T0 + vendor * 1000;
      },
    };
  }

  it('renews ahead of expiry while both clocks run: a long run never sees 70001', async () => {
    const ctx = await setup();
    try {
      for (let i = 0; i < 40; i++) {
        ctx.set(i * 600, i * 600); // ten minutes per send: 6.5 hours, six and a half lifetimes
        await ctx.send();
      }
      expect(ctx.codesSince(0).every((code) => code === 0)).toBe(true);
      expect(ctx.userSigs.size).toBeGreaterThanOrEqual(6);
      expect(ctx.emulator.inbox('trtc', 'fan')).toHaveLength(40);
    } finally {
      await ctx.emulator.close();
    }
  });

  it('a UserSig the vendor sees as expired (client clock behind) is renewed and the send goes through', async () => {
    const ctx = await setup();
    try {
      await ctx.send(); // signs at T0, valid until T0 + 3600 s
      ctx.set(1000, 3700); // client still holds it; the vendor's clock says it expired
      const before = ctx.emulator.requestCount();
      const result: SendResult = await ctx.send();
      expect(result.status).toBe('ok');
      expect(result.attempts).toBe(1); // the renewal is part of one attempt, not a retry
      expect(ctx.codesSince(before)).toEqual([70001, 0]);
      expect(ctx.userSigs.size).toBe(2);
      expect(ctx.emulator.inbox('trtc', 'fan')).toHaveLength(2);
    } finally {
      await ctx.emulator.close();
    }
  });

  it('a skew larger than the lifetime is UNAUTHENTICATED with a hint to check the clock', async () => {
    const ctx = await setup();
    try {
      ctx.set(0, 2 * 3600);
      const before = ctx.emulator.requestCount();
      const error = await rejection(ctx.send());
      expect(error).toMatchObject({ code: 'UNAUTHENTICATED', providerCode: 70001, retryable: false });
      expect(error.message).toMatch(/clock/i);
      expect(ctx.codesSince(before)).toEqual([70001, 70001]);
      expect(ctx.emulator.deliveries()).toEqual([]);
    } finally {
      await ctx.emulator.close();
    }
  });
});

describe('aborting a large fan-out', () => {
  const RECIPIENTS = Array.from({ length: 5000 }, (_, i) => `fan-${i}`);

  it('stops the remaining requests and lists every unsent recipient as ABORTED', async () => {
    // Documented quotas (ZIM peer messages: 20/s) make 50 requests take seconds: time to abort.
    const emulator = await startEmulator({
      port: 0,
      fixtures: { zim: { online: ['server', ...RECIPIENTS] } },
    });
    registerCredentialSecrets(emulator, scanner);
    try {
      const rc = createRoomcast({
        providers: emulatorProviders(emulator, { fetch: recordingFetch(scanner) }),
      });
      const controller = new AbortController();
      let countAtAbort = 0;
      const outcome = await rc
        .send(
          'zim:direct',
          { from: 'server', to: RECIPIENTS, text: 'flash sale' },
          {
            signal: controller.signal,
            onProgress: (progress) => {
              if (progress.settled >= 500 && !controller.signal.aborted) {
                countAtAbort = emulator.requestCount();
                controller.abort(new Error('operator cancelled'));
              }
            },
          },
        )
        .then(
          (result) => ({ result, error: undefined }),
          (error: RoomcastError) => ({ result: error.result, error }),
        );
      // Requests already on the wire at the abort may still land (the emulator shares this event
      // loop); after that the count must stay put, though 4,500 recipients were never sent.
      await sleep(300);
      const countAfter = emulator.requestCount();
      await sleep(1200);
      expect(emulator.requestCount()).toBe(countAfter);
      expect(countAfter - countAtAbort).toBeLessThanOrEqual(8); // the send's concurrency
      expect(countAfter).toBeLessThan(20);

      const result = outcome.result as SendResult;
      scanner.scan('abort result', JSON.stringify(result));
      const seen = [...result.accepted, ...result.failed.map((f) => f.userId)];
      expect(seen.sort()).toEqual([...RECIPIENTS].sort());
      expect(new Set(seen).size).toBe(RECIPIENTS.length);

      const delivered = new Map<string, number>();
      for (const d of emulator.deliveries()) delivered.set(d.to, (delivered.get(d.to) ?? 0) + 1);
      for (const userId of result.accepted) expect(delivered.get(userId)).toBe(1);
      const aborted = result.failed.filter((f) => f.error.code === 'ABORTED');
      expect(aborted.length).toBe(result.failed.length);
      expect(aborted.length).toBeGreaterThanOrEqual(RECIPIENTS.length - 20 * 100);
      for (const { userId, error } of aborted) {
        // Never sent: certainly not delivered. In flight at the abort: ambiguous, at most once.
        const count = delivered.get(userId) ?? 0;
        if (error.ambiguous) expect(count).toBeLessThanOrEqual(1);
        else expect(count).toBe(0);
      }
      expect(aborted.some((f) => !f.error.ambiguous)).toBe(true);
      expect(result.accepted.length).toBeGreaterThanOrEqual(500);
    } finally {
      await emulator.close();
    }
  });

  it('a send aborted before it starts makes no request', async () => {
    const emulator = await startEmulator({ port: 0, fixtures: { zim: { online: ['server', 'a'] } } });
    try {
      const rc = createRoomcast({
        providers: emulatorProviders(emulator, { fetch: recordingFetch(scanner) }),
      });
      const error = await rejection(
        rc.send('zim:direct', { from: 'server', to: ['a'], text: 'x' }, { signal: AbortSignal.abort() }),
      );
      expect(error).toMatchObject({ code: 'ABORTED', ambiguous: false });
      expect(error.result?.failed.map((f) => f.userId)).toEqual(['a']);
      expect(emulator.requestCount()).toBe(0);
    } finally {
      await emulator.close();
    }
  });

  it('a total timeout that runs out reports the rest as TIMEOUT, never sent', async () => {
    const emulator = await startEmulator({
      port: 0,
      fixtures: { zim: { online: ['server', ...RECIPIENTS] } },
    });
    try {
      const rc = createRoomcast({
        providers: emulatorProviders(emulator, { fetch: recordingFetch(scanner) }),
      });
      const outcome = await rc
        .send('zim:direct', { from: 'server', to: RECIPIENTS, text: 'x' }, { totalTimeoutMs: 400 })
        .then(
          (result) => result,
          (error: RoomcastError) => error.result as SendResult,
        );
      const timedOut = outcome.failed.filter((f) => f.error.code === 'TIMEOUT');
      expect(timedOut.length + outcome.accepted.length).toBe(RECIPIENTS.length);
      expect(timedOut.some((f) => !f.error.ambiguous)).toBe(true);
      const delivered = new Set(emulator.deliveries().map((d) => d.to));
      for (const { userId, error } of timedOut)
        if (!error.ambiguous) expect(delivered.has(userId)).toBe(false);
    } finally {
      await emulator.close();
    }
  });
});
