import { describe, expect, it } from 'vitest';
import { createRoomcast, defineProvider, isRoomcastError, type Provider } from '../src/index.js';
import { memoryProvider } from '../src/testing/index.js';

const codeOf = (fn: () => unknown) => {
  try {
    fn();
    return 'OK';
  } catch (error) {
    expect(isRoomcastError(error)).toBe(true);
    return `${(error as { code: string }).code}: ${(error as Error).message}`;
  }
};

const capability = {
  audiences: ['room'] as const,
  maxPayloadBytes: 100,
  maxRecipientsPerRequest: 0,
  delivery: 'acknowledged' as const,
  vendorDeduplicates: false,
  quotas: [{ scope: 'acme', limit: 10, intervalMs: 1000 }],
  operation: 'Post',
};
const acme = () =>
  defineProvider({
    specVersion: 'roomcast/v1',
    id: 'acme',
    capabilities: { broadcast: capability },
    async send() {
      return { requestId: 'a1' };
    },
  });

describe('registry', () => {
  it('lists channels with capabilities as data', () => {
    const rc = createRoomcast({ providers: { a: acme(), mem: memoryProvider() } });
    const ids = rc.channels().map((c) => c.id);
    expect(ids).toEqual(['a:broadcast', 'mem:signal', 'mem:broadcast', 'mem:barrage', 'mem:direct']);
    expect(rc.channels()[0]).toMatchObject({ alias: 'a', provider: 'acme', kind: 'broadcast', capability });
  });

  it('with() returns a new registry and leaves the original unchanged', async () => {
    const rc = createRoomcast({ providers: { a: acme() } });
    const more = rc.with('mem', memoryProvider());
    expect(more.channels().map((c) => c.alias)).toContain('mem');
    expect(rc.channels().map((c) => c.alias)).not.toContain('mem');
    expect(codeOf(() => rc.provider('mem' as never))).toMatch(
      /^INVALID_ARGUMENT: Unknown provider alias "mem"; registered: a/,
    );
    await expect(more.send('mem:barrage', { roomId: 'r', from: 'b', text: 'x' })).resolves.toMatchObject({
      status: 'ok',
    });
  });

  it('provider() returns the registered provider', () => {
    const a = acme();
    expect(createRoomcast({ providers: { a } }).provider('a')).toBe(a);
  });

  it('refuses bad aliases', () => {
    expect(codeOf(() => createRoomcast({ providers: { 'a:b': acme() } }))).toMatch(/^INVALID_ARGUMENT/);
  });
});

describe('defineProvider', () => {
  const valid = acme();
  const broken = (patch: Record<string, unknown>) => () =>
    defineProvider({ ...valid, ...patch } as Provider<'broadcast'>);

  it('accepts a valid provider', () => {
    expect(codeOf(() => defineProvider(valid))).toBe('OK');
  });

  it('refuses another spec version with UNSUPPORTED', () => {
    expect(codeOf(broken({ specVersion: 'roomcast/v2' }))).toMatch(
      /^UNSUPPORTED: provider implements spec "roomcast\/v2"/,
    );
  });

  it.each([
    [{ id: 'Acme Corp' }, 'needs an id'],
    [{ send: undefined }, 'needs a send'],
    [{ capabilities: {} }, 'declares no message kind'],
    [{ capabilities: { shout: capability } }, 'unknown kind "shout"'],
    [{ capabilities: { broadcast: { ...capability, audiences: [] } } }, 'audiences'],
    [{ capabilities: { broadcast: { ...capability, maxPayloadBytes: 0 } } }, 'maxPayloadBytes'],
    [
      { capabilities: { broadcast: { ...capability, audiences: ['users'] } } },
      'maxRecipientsPerRequest must be positive',
    ],
    [{ capabilities: { broadcast: { ...capability, delivery: 'maybe' } } }, 'delivery'],
    [
      {
        capabilities: { broadcast: { ...capability, quotas: [{ scope: 'x', limit: 0, intervalMs: 1000 }] } },
      },
      'limit',
    ],
  ])('refuses %j', (patch, message) => {
    expect(codeOf(broken(patch))).toContain(message);
  });

  it('createRoomcast validates providers at registration, naming the alias', () => {
    expect(codeOf(() => createRoomcast({ providers: { x: { id: 'x' } as never } }))).toMatch(/provider "x"/);
  });
});
