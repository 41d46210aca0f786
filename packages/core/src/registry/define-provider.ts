import { RoomcastError } from '../errors/roomcast-error.js';
import type { Audience, KindCapability } from '../spec/capabilities.js';
import type { RoomcastEvent } from '../spec/events.js';
import { MESSAGE_KINDS, type MessageKind } from '../spec/messages.js';
import type { Provider, UntypedProvider } from '../spec/provider.js';
import { SPEC_VERSION } from '../spec/version.js';

const AUDIENCES = new Set<Audience>(['room', 'room-users', 'users']);
const KINDS = new Set<string>(MESSAGE_KINDS);

/**
 * Declares a provider and checks it against the spec at once, so a third-party provider with a
 * wrong spec version or malformed capabilities fails at registration, not at the first send.
 *
 * @example
 * ```ts
 * export const acme = (config: AcmeConfig) => defineProvider({
 *   specVersion: 'roomcast/v1',
 *   id: 'acme',
 *   capabilities: { broadcast: { audiences: ['room'], maxPayloadBytes: 4096, maxRecipientsPerRequest: 0,
 *     delivery: 'acknowledged', vendorDeduplicates: false, operation: 'PostMessage',
 *     quotas: [{ scope: `acme:${config.appId}`, limit: 50, intervalMs: 1000 }] } },
 *   async send({ message }, { signal }) { ... return { requestId }; },
 * });
 * ```
 */
export function defineProvider<const K extends MessageKind, E extends RoomcastEvent = never>(
  provider: Provider<K, E>,
): Provider<K, E> {
  assertValidProvider(provider);
  return provider;
}

/** Throws `INVALID_ARGUMENT` (or `UNSUPPORTED` for another spec version) describing what is wrong. */
export function assertValidProvider(value: unknown, alias?: string): asserts value is UntypedProvider {
  const label = alias === undefined ? 'provider' : `provider "${alias}"`;
  const fail = (problem: string) => new RoomcastError('INVALID_ARGUMENT', `${label} ${problem}`);
  if (typeof value !== 'object' || value === null)
    throw fail('must be an object created by a provider factory');
  const p = value as Record<string, unknown>;
  if (p.specVersion !== SPEC_VERSION) {
    throw new RoomcastError(
      'UNSUPPORTED',
      `${label} implements spec ${JSON.stringify(p.specVersion)}; this @roomcast/core speaks ${SPEC_VERSION}`,
    );
  }
  if (typeof p.id !== 'string' || !/^[a-z0-9][a-z0-9-]*$/.test(p.id)) {
    throw fail('needs an id of lowercase letters, digits and dashes');
  }
  if (typeof p.send !== 'function') throw fail('needs a send(request, context) function');
  if (p.validate !== undefined && typeof p.validate !== 'function') throw fail('validate must be a function');
  if (
    p.callbacks !== undefined &&
    (typeof p.callbacks !== 'object' ||
      p.callbacks === null ||
      typeof (p.callbacks as { verifyAndParse?: unknown }).verifyAndParse !== 'function')
  ) {
    throw fail('callbacks must be an object with a verifyAndParse(request, context) function');
  }
  const capabilities = p.capabilities;
  if (typeof capabilities !== 'object' || capabilities === null) throw fail('needs capabilities');
  const kinds = Object.keys(capabilities);
  if (kinds.length === 0) throw fail('declares no message kind');
  for (const kind of kinds) {
    if (!KINDS.has(kind)) throw fail(`declares unknown kind "${kind}" (known: ${MESSAGE_KINDS.join(', ')})`);
    checkCapability((capabilities as Record<string, unknown>)[kind], (problem) =>
      fail(`capability ${kind}: ${problem}`),
    );
  }
}

function checkCapability(
  value: unknown,
  fail: (problem: string) => RoomcastError,
): asserts value is KindCapability {
  if (typeof value !== 'object' || value === null) throw fail('must be an object');
  const c = value as Record<string, unknown>;
  if (
    !Array.isArray(c.audiences) ||
    c.audiences.length === 0 ||
    !c.audiences.every((a) => AUDIENCES.has(a))
  ) {
    throw fail(`audiences must be a non-empty list of ${[...AUDIENCES].join(', ')}`);
  }
  if (!isPositiveInteger(c.maxPayloadBytes)) throw fail('maxPayloadBytes must be a positive integer');
  const addressesUsers = c.audiences.some((a) => a !== 'room');
  if (
    typeof c.maxRecipientsPerRequest !== 'number' ||
    !Number.isInteger(c.maxRecipientsPerRequest) ||
    c.maxRecipientsPerRequest < 0
  ) {
    throw fail('maxRecipientsPerRequest must be a non-negative integer');
  }
  if (addressesUsers && c.maxRecipientsPerRequest === 0)
    throw fail('maxRecipientsPerRequest must be positive when users are addressed');
  if (c.delivery !== 'best-effort' && c.delivery !== 'acknowledged')
    throw fail("delivery must be 'best-effort' or 'acknowledged'");
  if (typeof c.vendorDeduplicates !== 'boolean') throw fail('vendorDeduplicates must be a boolean');
  if (typeof c.operation !== 'string' || c.operation === '')
    throw fail('operation must name the vendor operation');
  if (!Array.isArray(c.quotas)) throw fail('quotas must be a list (empty when the vendor states none)');
  for (const quota of c.quotas as unknown[]) {
    const q = (quota ?? {}) as Record<string, unknown>;
    if (typeof q.scope !== 'string' || q.scope === '') throw fail('every quota needs a scope');
    if (typeof q.limit !== 'number' || !(q.limit > 0)) throw fail(`quota ${q.scope}: limit must be positive`);
    if (!isPositiveInteger(q.intervalMs))
      throw fail(`quota ${q.scope}: intervalMs must be a positive integer`);
    if (q.burst !== undefined && !isPositiveInteger(q.burst))
      throw fail(`quota ${q.scope}: burst must be a positive integer`);
  }
}

function isPositiveInteger(value: unknown): boolean {
  return typeof value === 'number' && Number.isInteger(value) && value > 0;
}
