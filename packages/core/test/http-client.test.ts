import { inspect } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createHttpClient,
  isRoomcastError,
  type RequestInfo,
  type ResponseInfo,
  RoomcastError,
} from '../src/index.js';
import { startLoopbackServer } from './loopback-server.js';

const SECRET_SIG = 'fd073df96353db811d9c650aa3fd93d8';
let server: Awaited<ReturnType<typeof startLoopbackServer>>;

beforeAll(async () => {
  server = await startLoopbackServer((req, res, body) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname.replace(/^\/base/, '');
    const send = (status: number, text: string, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(text);
    };
    if (path === '/ok') return send(200, JSON.stringify({ Code: 0, RequestId: 'req-1', echo: body }));
    if (path === '/html')
      return send(200, '<html><body>gateway</body></html>', { 'content-type': 'text/html' });
    if (path === '/empty') return send(200, '');
    if (path === '/429') return send(429, '{}', { 'retry-after': '2' });
    if (path === '/503') return send(503, 'unavailable');
    if (path === '/404') return send(404, '{}');
    if (path === '/slow') return void setTimeout(() => send(200, '{}'), 1_000);
    if (path === '/reset') return void req.socket.destroy();
    send(500, '{}');
  });
});
afterAll(() => server.close());

const client = (hooks = {}) =>
  createHttpClient({
    provider: 'acme',
    packageName: '@acme/roomcast',
    packageVersion: '1.2.3',
    baseUrl: `${server.url}/base/`,
    hooks,
  });

async function failure(promise: Promise<unknown>): Promise<RoomcastError> {
  const error = await promise.then(
    () => new Error('expected failure'),
    (e: unknown) => e,
  );
  expect(isRoomcastError(error)).toBe(true);
  return error as RoomcastError;
}

const req = (path: string, extra = {}) => ({
  operation: 'Send',
  method: 'POST' as const,
  path,
  query: `Action=Send&Signature=${SECRET_SIG}`,
  json: { a: 1 },
  summarize: (body: unknown) => ({
    requestId: (body as { RequestId?: string }).RequestId,
    providerCode: (body as { Code?: number }).Code,
  }),
  ...extra,
});

describe('createHttpClient', () => {
  it('sends JSON with the roomcast User-Agent below the base path and parses the answer', async () => {
    const response = await client().request(req('/ok'));
    expect(response.body).toEqual({ Code: 0, RequestId: 'req-1', echo: '{"a":1}' });
    expect(response.requestId).toBe('req-1');
    const last = server.requests.at(-1)!;
    expect(last.url).toBe(`/base/ok?Action=Send&Signature=${SECRET_SIG}`);
    expect(last.headers['user-agent']).toBe('roomcast/@acme/roomcast@1.2.3');
    expect(last.headers['content-type']).toMatch(/application\/json/);
  });

  it('gives hooks the origin and path only, with timings and the vendor request id', async () => {
    const seen: (RequestInfo | ResponseInfo)[] = [];
    await client({
      onRequest: (i: RequestInfo) => seen.push(i),
      onResponse: (i: ResponseInfo) => seen.push(i),
    }).request(req('/ok'));
    expect(seen[0]).toEqual({
      provider: 'acme',
      operation: 'Send',
      method: 'POST',
      url: `${server.url}/base/ok`,
      attempt: 1,
    });
    expect(seen[1]).toMatchObject({ httpStatus: 200, requestId: 'req-1', providerCode: 0 });
    expect((seen[1] as ResponseInfo).durationMs).toBeGreaterThan(0);
    expect(inspect(seen)).not.toContain(SECRET_SIG);
  });

  it('a hook that throws does not break the request', async () => {
    const response = await client({
      onRequest: () => {
        throw new Error('logger down');
      },
    }).request(req('/ok'));
    expect(response.httpStatus).toBe(200);
  });

  it('maps answers that are not JSON to PROVIDER_ERROR, ambiguous', async () => {
    for (const path of ['/html', '/empty']) {
      const error = await failure(client().request(req(path)));
      expect(error).toMatchObject({ code: 'PROVIDER_ERROR', ambiguous: true, httpStatus: 200 });
    }
  });

  it('maps 429 to RATE_LIMITED with the Retry-After hint', async () => {
    const error = await failure(client().request(req('/429')));
    expect(error).toMatchObject({
      code: 'RATE_LIMITED',
      retryable: true,
      retryAfterMs: 2000,
      httpStatus: 429,
    });
  });

  it('maps 5xx to UNAVAILABLE, ambiguous and not retryable by itself', async () => {
    const error = await failure(client().request(req('/503')));
    expect(error).toMatchObject({ code: 'UNAVAILABLE', ambiguous: true, retryable: false, httpStatus: 503 });
  });

  it('maps other statuses to PROVIDER_ERROR', async () => {
    expect((await failure(client().request(req('/404')))).code).toBe('PROVIDER_ERROR');
  });

  it('times out per attempt as TIMEOUT, ambiguous', async () => {
    const error = await failure(client().request(req('/slow', { timeoutMs: 100 })));
    expect(error).toMatchObject({ code: 'TIMEOUT', ambiguous: true });
  });

  it('a reset connection is NETWORK and ambiguous', async () => {
    const error = await failure(client().request(req('/reset')));
    expect(error).toMatchObject({ code: 'NETWORK', ambiguous: true });
  });

  it('a refused connection is NETWORK and safe to retry', async () => {
    const closed = await startLoopbackServer(() => {});
    await closed.close();
    const http = createHttpClient({
      provider: 'acme',
      packageName: 'p',
      packageVersion: '1',
      baseUrl: closed.url,
    });
    const error = await failure(http.request(req('/ok')));
    expect(error).toMatchObject({ code: 'NETWORK', retryable: true, ambiguous: false });
    expect(error.cause).toMatchObject({ code: 'ECONNREFUSED' });
  });

  it('an abort before sending is ABORTED and sends nothing', async () => {
    const count = server.requests.length;
    const error = await failure(client().request(req('/ok', { signal: AbortSignal.abort() })));
    expect(error).toMatchObject({ code: 'ABORTED', ambiguous: false });
    expect(server.requests.length).toBe(count);
  });

  it('an abort in flight is ABORTED and ambiguous', async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const error = await failure(client().request(req('/slow', { signal: controller.signal })));
    expect(error).toMatchObject({ code: 'ABORTED', ambiguous: true });
  });

  it('uses an injected fetch', async () => {
    const calls: string[] = [];
    const http = createHttpClient({
      provider: 'acme',
      packageName: 'p',
      packageVersion: '1',
      baseUrl: 'https://api.example.invalid',
      fetch: async (input) => {
        calls.push(input instanceof Request ? input.url : String(input));
        return new Response('{"ok":true}', { status: 200 });
      },
    });
    expect((await http.request(req('/x'))).body).toEqual({ ok: true });
    expect(calls[0]).toBe(`https://api.example.invalid/x?Action=Send&Signature=${SECRET_SIG}`);
  });

  it('refuses plain http except on loopback, and URLs with a query', () => {
    const make = (baseUrl: string) => () =>
      createHttpClient({ provider: 'p', packageName: 'p', packageVersion: '1', baseUrl });
    expect(make('http://rtc-api.zego.im')).toThrowError(/https/);
    expect(make('https://rtc-api.zego.im?x=1')).toThrowError(/query/);
    expect(make('ftp://x')).toThrowError(RoomcastError);
    expect(make('not a url')).toThrowError(/absolute URL/);
    expect(make('http://localhost:4510/zego-rtc')).not.toThrow();
    expect(make('http://127.0.0.2:4510')).not.toThrow();
    expect(make('http://[::1]:4510')).not.toThrow();
  });
});
