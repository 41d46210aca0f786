import { describe, expect, it } from 'vitest';
import { createHttpClient, isRoomcastError, resolveBaseUrl } from '../src/index.js';

// Regressions found by the reliability suite's property tests: a vendor client's per-call options
// from plain JavaScript (a string as signal, an object as timeoutMs) failed inside fetch before
// anything was sent, and came back as an ambiguous NETWORK error ("the vendor may have received it").
describe('per-call options and baseUrl from plain JavaScript callers', () => {
  function client() {
    let calls = 0;
    const http = createHttpClient({
      provider: 'acme',
      packageName: '@acme/roomcast',
      packageVersion: '1.0.0',
      baseUrl: 'http://127.0.0.1:9',
      fetch: (async () => {
        calls++;
        return new Response('{}');
      }) as typeof fetch,
    });
    return { http, calls: () => calls };
  }

  it.each<[string, Record<string, unknown>]>([
    ['a string signal', { signal: 'abort' }],
    ['an object timeout', { timeoutMs: {} }],
    ['a negative timeout', { timeoutMs: -5 }],
    ['a timeout beyond setTimeout', { timeoutMs: 2 ** 31 }],
  ])('%s is INVALID_ARGUMENT, not an ambiguous network error, and nothing is sent', async (_, extra) => {
    const { http, calls } = client();
    const error = await http
      .request({ operation: 'Send', method: 'GET', path: '/', query: '', ...extra })
      .catch((e: unknown) => e);
    expect(isRoomcastError(error)).toBe(true);
    expect(error).toMatchObject({ code: 'INVALID_ARGUMENT', ambiguous: false, operation: 'Send' });
    expect(calls()).toBe(0);
  });

  it('still sends with valid options', async () => {
    const { http, calls } = client();
    const signal = new AbortController().signal;
    await http.request({ operation: 'Send', method: 'GET', path: '/', query: '', signal, timeoutMs: 500 });
    expect(calls()).toBe(1);
  });

  it.each([{}, Object.create(null), 42, null])(
    'a baseUrl that is not a string (%s) is INVALID_ARGUMENT',
    (value) => {
      let thrown: unknown;
      try {
        resolveBaseUrl(value as never, 'acme');
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toMatchObject({
        code: 'INVALID_ARGUMENT',
        message: expect.stringMatching(/^baseUrl must be a URL string/),
      });
    },
  );
});
