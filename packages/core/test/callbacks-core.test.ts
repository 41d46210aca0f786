import { describe, expect, it } from 'vitest';
import {
  assertFresh,
  constantTimeEqual,
  createRoomcast,
  defineProvider,
  isRoomcastError,
  jsonResponse,
  type OtherCallbackEvent,
  type RoomcastError,
  RoomcastError as RoomcastErrorClass,
  readCallbackBody,
} from '../src/index.js';
import { memoryProvider } from '../src/testing/index.js';

const capability = {
  audiences: ['room'] as const,
  maxPayloadBytes: 100,
  maxRecipientsPerRequest: 0,
  delivery: 'acknowledged' as const,
  vendorDeduplicates: false,
  quotas: [],
  operation: 'Post',
};

/** A provider whose callbacks are signed by a shared token header. */
const acme = (token: string) =>
  defineProvider({
    specVersion: 'roomcast/v1',
    id: 'acme',
    capabilities: { broadcast: capability },
    async send() {
      return {};
    },
    callbacks: {
      async verifyAndParse(request, { alias }): Promise<OtherCallbackEvent<'acme', Record<string, unknown>>> {
        if (request.headers.get('x-token') !== token) {
          throw new RoomcastErrorClass('UNAUTHENTICATED', 'bad token', { provider: 'acme' });
        }
        const { fields } = await readCallbackBody(request, { provider: 'acme' });
        return {
          type: 'other',
          provider: 'acme',
          alias,
          name: String(fields.event),
          at: undefined,
          vendor: fields,
          ack: () => jsonResponse({ ok: true }),
        };
      },
    },
  });

const post = (url: string, body: string, headers: Record<string, string> = {}) =>
  new Request(url, { method: 'POST', body, headers: { 'content-type': 'application/json', ...headers } });

async function rejection(promise: Promise<unknown>): Promise<RoomcastError> {
  try {
    await promise;
  } catch (error) {
    if (isRoomcastError(error)) return error;
    throw error;
  }
  throw new Error('expected a rejection');
}

describe('rc.handleCallback', () => {
  const rc = createRoomcast({ providers: { a: acme('t1'), b: acme('t2'), mem: memoryProvider() } });

  it('routes by explicit alias, ?provider=, and last path segment', async () => {
    const body = '{"event":"x","id":858012925204410400}';
    const byAlias = await rc.handleCallback(post('http://h/hooks', body, { 'x-token': 't2' }), {
      alias: 'b',
    });
    expect(byAlias).toMatchObject({ alias: 'b', provider: 'acme', name: 'x' });
    expect(byAlias.vendor).toEqual({ event: 'x', id: '858012925204410400' });
    const byQuery = await rc.handleCallback(post('http://h/hooks?provider=a&x=1', body, { 'x-token': 't1' }));
    expect(byQuery.alias).toBe('a');
    const byPath = await rc.handleCallback(post('http://h/callbacks/b', body, { 'x-token': 't2' }));
    expect(byPath.alias).toBe('b');
    const response = byPath.ack();
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true });
  });

  it('throws instead of returning an event when verification fails', async () => {
    const error = await rejection(rc.handleCallback(post('http://h/callbacks/a', '{}', { 'x-token': 't2' })));
    expect(error.code).toBe('UNAUTHENTICATED');
  });

  it('says how to route when it cannot tell, and refuses providers without callbacks', async () => {
    const ambiguous = await rejection(rc.handleCallback(post('http://h/hooks', '{}')));
    expect(ambiguous.code).toBe('INVALID_ARGUMENT');
    expect(ambiguous.message).toContain('?provider=<alias>');
    const none = await rejection(rc.handleCallback(post('http://h/hooks', '{}'), { alias: 'mem' }));
    expect(none.code).toBe('UNSUPPORTED');
    const unknown = await rejection(rc.handleCallback(post('http://h/hooks?provider=zz', '{}')));
    expect(unknown.message).toContain('"zz"');
  });

  it('routes to the only receiver when there is one', async () => {
    const single = createRoomcast({ providers: { a: acme('t1'), mem: memoryProvider() } });
    const event = await single.handleCallback(post('http://h/', '{"event":"y"}', { 'x-token': 't1' }));
    expect(event.name).toBe('y');
  });

  it('wraps a provider’s foreign exception and refuses malformed events', async () => {
    const broken = (result: () => unknown) =>
      defineProvider({
        specVersion: 'roomcast/v1',
        id: 'broken',
        capabilities: { broadcast: capability },
        send: async () => ({}),
        callbacks: { verifyAndParse: async () => result() as never },
      });
    const thrower = createRoomcast({
      providers: {
        x: broken(() => {
          throw new TypeError('oops');
        }),
      },
    });
    expect((await rejection(thrower.handleCallback(post('http://h/', '{}')))).code).toBe('PROVIDER_ERROR');
    const liar = createRoomcast({ providers: { x: broken(() => ({ type: 'nope' })) } });
    expect((await rejection(liar.handleCallback(post('http://h/', '{}')))).code).toBe('PROVIDER_ERROR');
  });

  it('refuses a provider whose callbacks member is malformed', () => {
    expect(() =>
      defineProvider({
        specVersion: 'roomcast/v1',
        id: 'bad',
        capabilities: { broadcast: capability },
        send: async () => ({}),
        callbacks: {} as never,
      }),
    ).toThrow(/verifyAndParse/);
  });

  it('refuses what is not a Request', async () => {
    const error = await rejection(rc.handleCallback({} as Request));
    expect(error.message).toContain('toWebRequest');
  });
});

describe('readCallbackBody', () => {
  it('reads JSON losslessly and form bodies as strings', async () => {
    const json = await readCallbackBody(post('http://h/', '{"nonce":7254119327986670314}'));
    expect(json).toMatchObject({ format: 'json', fields: { nonce: '7254119327986670314' } });
    const form = await readCallbackBody(
      new Request('http://h/', {
        method: 'POST',
        body: 'event=room_login&room_id=r%201&k=1&k=2',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      }),
    );
    expect(form).toMatchObject({
      format: 'form',
      fields: { event: 'room_login', room_id: 'r 1', k: ['1', '2'] },
    });
  });

  it('refuses GET, non-objects and oversized bodies', async () => {
    expect((await rejection(readCallbackBody(new Request('http://h/')))).code).toBe('INVALID_ARGUMENT');
    expect((await rejection(readCallbackBody(post('http://h/', '[1]')))).code).toBe('INVALID_ARGUMENT');
    expect((await rejection(readCallbackBody(post('http://h/', '{"a":')))).code).toBe('INVALID_ARGUMENT');
    const big = post('http://h/', `{"a":"${'x'.repeat(2000)}"}`);
    expect((await rejection(readCallbackBody(big, { maxBytes: 1000 }))).code).toBe('PAYLOAD_TOO_LARGE');
  });
});

describe('verification helpers', () => {
  it('compares in constant time, exactly', () => {
    expect(constantTimeEqual('abc', 'abc')).toBe(true);
    expect(constantTimeEqual('abc', 'abd')).toBe(false);
    expect(constantTimeEqual('abc', 'abcd')).toBe(false);
  });

  it('checks freshness in both directions', () => {
    expect(() =>
      assertFresh({ timestamp: 1000, now: 1300, maxSkewSeconds: 300, field: 'timestamp' }),
    ).not.toThrow();
    expect(() =>
      assertFresh({ timestamp: 1000, now: 1301, maxSkewSeconds: 300, field: 'timestamp' }),
    ).toThrow(/1 s in the past|301 s in the past/);
    expect(() =>
      assertFresh({ timestamp: 1400, now: 1000, maxSkewSeconds: 60, field: 'RequestTime' }),
    ).toThrow(/400 s in the future/);
  });
});
