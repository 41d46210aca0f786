import { inspect } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpClient, createRoomcast, defineProvider, RoomcastError } from '../src/index.js';
import { startLoopbackServer } from './loopback-server.js';

// A small third-party provider written against the public API, sending over real sockets.
const API_KEY = 'acme-key-0123456789abcdef';
let server: Awaited<ReturnType<typeof startLoopbackServer>>;
let inFlight = 0;
let peak = 0;
let rateLimitNext = 0;

beforeAll(async () => {
  server = await startLoopbackServer((_req, res, body) => {
    inFlight++;
    peak = Math.max(peak, inFlight);
    setTimeout(() => {
      inFlight--;
      const { to } = JSON.parse(body) as { to: string[] };
      const answer =
        rateLimitNext-- > 0
          ? { code: 7, message: 'too frequent' }
          : { code: 0, id: `m${server.requests.length}`, offline: to.filter((u) => u.startsWith('off')) };
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(answer));
    }, 2);
  });
});
afterAll(() => server.close());

function acme(baseUrl: string) {
  const http = createHttpClient({
    provider: 'acme',
    packageName: '@acme/roomcast',
    packageVersion: '1.0.0',
    baseUrl,
  });
  return defineProvider({
    specVersion: 'roomcast/v1',
    id: 'acme',
    capabilities: {
      direct: {
        audiences: ['users'],
        maxPayloadBytes: 2048,
        maxRecipientsPerRequest: 10,
        delivery: 'acknowledged',
        vendorDeduplicates: false,
        quotas: [{ scope: 'acme:app1', limit: 2000, intervalMs: 1000, burst: 20 }],
        operation: 'SendDirect',
      },
    },
    async send({ message, recipients }, { signal, timeoutMs, attempt, hooks }) {
      const { body, requestId } = await http.request({
        operation: 'SendDirect',
        method: 'POST',
        path: '/send',
        query: `key=${API_KEY}&nonce=${crypto.randomUUID()}`,
        json: { to: recipients, text: 'text' in message ? message.text : message.data },
        signal,
        timeoutMs,
        attempt,
        hooks,
      });
      const answer = body as { code: number; id?: string; offline?: string[] };
      if (answer.code === 7) {
        throw new RoomcastError('RATE_LIMITED', 'acme: too frequent', {
          provider: 'acme',
          providerCode: 7,
          retryable: true,
          requestId,
        });
      }
      return {
        messageIds: answer.id ? [answer.id] : [],
        failed: (answer.offline ?? []).map((userId) => ({
          userId,
          error: new RoomcastError('USER_OFFLINE', `${userId} is offline`, { provider: 'acme' }),
        })),
      };
    },
  });
}

describe('pipeline over real HTTP', () => {
  it('fans out 1,000 recipients with bounded sockets, accounting for each once', async () => {
    peak = 0;
    const rc = createRoomcast({ providers: { acme: acme(server.url) }, concurrency: 4 });
    const to = Array.from({ length: 1000 }, (_, i) => (i % 100 === 0 ? `off${i}` : `u${i}`));
    const result = await rc.send('acme:direct', { from: 'bot', to, text: '你好 🎁' });
    expect(result.status).toBe('partial');
    expect(result.accepted.length + result.failed.length).toBe(1000);
    expect(result.failed).toHaveLength(10);
    expect(result.messageIds).toHaveLength(100);
    expect(peak).toBeLessThanOrEqual(4);
  });

  it('retries a vendor rate-limit answer over the wire with a fresh nonce, and never leaks the key', async () => {
    rateLimitNext = 1;
    const before = server.requests.length;
    const logs: unknown[] = [];
    const rc = createRoomcast({
      providers: { acme: acme(server.url) },
      retry: { baseDelayMs: 1 },
      hooks: {
        onRequest: (i) => logs.push(i),
        onResponse: (i) => logs.push(i),
        onRetry: (i) => logs.push(i),
      },
    });
    const result = await rc.send('acme:direct', { from: 'bot', to: ['a'], text: 'x' });
    expect(result.attempts).toBe(2);
    const nonces = server.requests
      .slice(before)
      .map((r) => new URL(r.url, 'http://x').searchParams.get('nonce'));
    expect(nonces[0]).not.toBe(nonces[1]);
    expect(inspect(logs, { depth: 6 })).not.toContain(API_KEY);

    rateLimitNext = 5;
    const error = await rc
      .send('acme:direct', { from: 'bot', to: ['a'], text: 'x' }, { retry: { maxAttempts: 2 } })
      .catch((e) => e);
    expect(error).toBeInstanceOf(RoomcastError);
    for (const text of [error.message, error.stack, JSON.stringify(error), inspect(error, { depth: 8 })]) {
      expect(text).not.toContain(API_KEY);
    }
    rateLimitNext = 0;
  });
});
