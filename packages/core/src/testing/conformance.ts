import { inspect } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isRoomcastError, type RoomcastError } from '../errors/roomcast-error.js';
import type { HttpHooks } from '../http/hooks.js';
import { createRoomcast } from '../registry/create-roomcast.js';
import { MESSAGE_KINDS, type MessageByKind, type MessageKind } from '../spec/messages.js';
import type { UntypedProvider } from '../spec/provider.js';

type Awaitable<T> = T | Promise<T>;

/** What a provider package hands the conformance suite: the provider, pointed at a backend it controls. */
export interface ConformanceTarget {
  /** The provider under test. */
  provider: UntypedProvider;
  /** One valid message per declared kind; where a kind takes users, `to` should name online users. */
  messages: Partial<{ [K in MessageKind]: MessageByKind[K] }>;
  /** Vendor requests the backend has received so far. */
  requestCount(): Awaitable<number>;
  /** The next `count` requests get the vendor's rate-limit answer. */
  injectRateLimit(count: number): Awaitable<void>;
  /** The next `count` requests are answered after `ms` milliseconds. */
  injectLatency(ms: number, count: number): Awaitable<void>;
  /** The per-request credential (nonce, random) of the last `count` requests, oldest first. */
  recentCredentials(count: number): Awaitable<string[]>;
  /** Every secret the provider holds; none may appear in an error or a hook payload. */
  secrets: readonly string[];
  teardown?(): Awaitable<void>;
}

/** Options of {@link describeProviderConformance}. */
export interface ConformanceOptions {
  /** Suite name, usually the provider id. */
  name: string;
  /** Builds the target once for the suite (start an emulator, create the provider). */
  setup(): Awaitable<ConformanceTarget>;
}

/**
 * The shared test suite every provider runs (call it inside a vitest test file). It checks what
 * the spec promises: declared kinds send; undeclared kinds fail `UNSUPPORTED` and oversize payloads
 * fail before any request; rate-limit answers are retried with fresh credentials; abort stops without
 * retry; and no secret reaches an error or a hook payload.
 *
 * @example
 * ```ts
 * import { describeProviderConformance } from '@roomcast/core/testing';
 * describeProviderConformance({ name: 'acme', setup: async () => ({ provider: acme(config), messages: {...}, ... }) });
 * ```
 */
export function describeProviderConformance(options: ConformanceOptions): void {
  describe(`${options.name} conforms to roomcast/v1`, () => {
    let target: ConformanceTarget;
    const errors: RoomcastError[] = [];
    const hookPayloads: unknown[] = [];
    const hooks: HttpHooks = {
      onRequest: (info) => hookPayloads.push(info),
      onResponse: (info) => hookPayloads.push(info),
      onRetry: (info) => hookPayloads.push(info),
      onError: (info) => hookPayloads.push(info),
    };
    const registry = () =>
      createRoomcast({ providers: { p: target.provider }, retry: { baseDelayMs: 5, maxDelayMs: 50 }, hooks });
    const declared = () => Object.keys(target.provider.capabilities) as MessageKind[];
    const send = (
      kind: MessageKind,
      message: unknown,
      opts?: Parameters<ReturnType<typeof registry>['send']>[2],
    ) => registry().send(`p:${kind}` as never, message as never, opts);
    const capture = async (promise: Promise<unknown>): Promise<RoomcastError> => {
      const error = await promise.then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(isRoomcastError(error), `expected a RoomcastError, got ${String(error)}`).toBe(true);
      errors.push(error as RoomcastError);
      return error as RoomcastError;
    };

    beforeAll(async () => {
      target = await options.setup();
    });
    afterAll(async () => {
      await target?.teardown?.();
    });

    it('declares a spec version, an id and valid capabilities', () => {
      expect(target.provider.specVersion).toBe('roomcast/v1');
      expect(target.provider.id).toMatch(/^[a-z0-9][a-z0-9-]*$/);
      expect(declared().length).toBeGreaterThan(0);
      expect(() => createRoomcast({ providers: { p: target.provider } })).not.toThrow();
      for (const kind of declared()) expect(target.messages[kind], `a valid ${kind} message`).toBeDefined();
    });

    it('sends every declared kind', async () => {
      for (const kind of declared()) {
        const before = await target.requestCount();
        const result = await send(kind, target.messages[kind]);
        expect(result.status, `${kind} status`).toBe('ok');
        expect(result.attempts).toBeGreaterThanOrEqual(1);
        expect(await target.requestCount()).toBeGreaterThan(before);
      }
    });

    it('rejects undeclared kinds as UNSUPPORTED before any request', async () => {
      const kinds = MESSAGE_KINDS.filter((k) => !declared().includes(k));
      for (const kind of kinds) {
        const before = await target.requestCount();
        const error = await capture(send(kind, target.messages[declared()[0] as MessageKind]));
        expect(error.code).toBe('UNSUPPORTED');
        expect(await target.requestCount()).toBe(before);
      }
    });

    it('rejects an oversize payload (counted in UTF-8 bytes) before any request', async () => {
      for (const kind of declared()) {
        const capability = (target.provider.capabilities as Record<string, { maxPayloadBytes: number }>)[
          kind
        ];
        const message = { ...(target.messages[kind] as unknown as Record<string, unknown>) };
        const field = 'data' in message ? 'data' : 'text';
        const before = await target.requestCount();
        message[field] = '€'.repeat(Math.floor((capability?.maxPayloadBytes ?? 0) / 3) + 1);
        const error = await capture(send(kind, message));
        expect(error.code).toBe('PAYLOAD_TOO_LARGE');
        expect(await target.requestCount()).toBe(before);
      }
    });

    it('retries a vendor rate-limit answer with fresh credentials', async () => {
      const kind = declared()[0] as MessageKind;
      const before = await target.requestCount();
      await target.injectRateLimit(1);
      const result = await send(kind, target.messages[kind]);
      expect(result.status).toBe('ok');
      expect(result.attempts).toBe(2);
      expect(await target.requestCount()).toBe(before + 2);
      const [first, second] = await target.recentCredentials(2);
      expect(first).toBeTruthy();
      expect(first).not.toBe(second);
    });

    it('reports RATE_LIMITED with the vendor code once retries are used up', async () => {
      const kind = declared()[0] as MessageKind;
      await target.injectRateLimit(2);
      const error = await capture(send(kind, target.messages[kind], { retry: { maxAttempts: 2 } }));
      expect(error.code).toBe('RATE_LIMITED');
      expect(error.retryable).toBe(true);
      expect(error.providerCode).toBeTypeOf('number');
      expect(error.provider).toBe(target.provider.id);
    });

    it('stops on abort without retrying', async () => {
      const kind = declared()[0] as MessageKind;
      const before = await target.requestCount();
      const aborted = await capture(send(kind, target.messages[kind], { signal: AbortSignal.abort() }));
      expect(aborted.code).toBe('ABORTED');
      expect(await target.requestCount()).toBe(before);

      await target.injectLatency(2_000, 1);
      const controller = new AbortController();
      const pending = send(kind, target.messages[kind], { signal: controller.signal });
      setTimeout(() => controller.abort(), 100);
      const inFlight = await capture(pending);
      expect(inFlight.code).toBe('ABORTED');
      expect(inFlight.ambiguous).toBe(true);
      expect(await target.requestCount()).toBe(before + 1);
    });

    it('keeps every secret out of errors and hook payloads', () => {
      expect(errors.length).toBeGreaterThan(0);
      expect(hookPayloads.length).toBeGreaterThan(0);
      const texts = [
        ...errors.flatMap((e) => [e.message, e.stack ?? '', JSON.stringify(e), inspect(e, { depth: 8 })]),
        ...hookPayloads.map((p) => inspect(p, { depth: 8 })),
      ];
      for (const secret of target.secrets) {
        expect(secret.length).toBeGreaterThan(0);
        for (const text of texts) expect(text.includes(secret), 'a secret leaked').toBe(false);
      }
    });
  });
}
