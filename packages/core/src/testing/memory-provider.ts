import { RoomcastError } from '../errors/roomcast-error.js';
import type { Capabilities, KindCapability } from '../spec/capabilities.js';
import type { MessageKind } from '../spec/messages.js';
import type { AttemptContext, Provider, ProviderOutcome, ProviderRequest } from '../spec/provider.js';
import { SPEC_VERSION } from '../spec/version.js';
import { sleep } from '../util/abort.js';

/** One request the memory provider received. */
export interface RecordedSend {
  request: ProviderRequest;
  attempt: number;
  requestKey: string;
  /** A fresh value per attempt, like a vendor nonce. */
  credential: string;
}

/** Decides the fate of one attempt: return an outcome, throw a RoomcastError, or return undefined for success. */
export type MemoryScript = (
  request: ProviderRequest,
  context: AttemptContext,
) => ProviderOutcome | undefined | Promise<ProviderOutcome | undefined>;

/** Options of {@link memoryProvider}. */
export interface MemoryProviderOptions<K extends MessageKind> {
  id?: string;
  /** Defaults: all four kinds, 1,024-byte payloads, 10 recipients per request, 100 requests/s. */
  capabilities?: Capabilities<K>;
  /** Users that count as offline: sends to them come back as per-recipient `USER_OFFLINE`. */
  offline?: readonly string[];
  /** Per-attempt behaviour; see {@link MemoryScript}. */
  script?: MemoryScript;
  /** Simulated latency per request in milliseconds. */
  latencyMs?: number;
}

/** A provider that keeps what it receives in memory, for tests of code built on roomcast. */
export interface MemoryProvider<K extends MessageKind> extends Provider<K> {
  /** Every attempt received, in order. */
  readonly sends: RecordedSend[];
  /** Fails the next `count` attempts with `error` (a factory, so each gets its own instance). */
  failNext(count: number, error: () => RoomcastError): void;
  /** Answers the next `count` attempts after `ms` milliseconds. */
  delayNext(ms: number, count: number): void;
  /** Forgets recorded sends and scripted failures. */
  reset(): void;
}

const defaultCapability = (operation: string, audiences: KindCapability['audiences']): KindCapability => ({
  audiences,
  maxPayloadBytes: 1024,
  maxRecipientsPerRequest: audiences.includes('room') && audiences.length === 1 ? 0 : 10,
  delivery: 'acknowledged',
  vendorDeduplicates: false,
  quotas: [{ scope: `memory:${operation}`, limit: 100, intervalMs: 1000 }],
  operation,
});

/**
 * An in-memory provider: records every request, answers like a well-behaved vendor, and fails on
 * cue. Use it to test code that sends through roomcast without any network.
 *
 * @example
 * ```ts
 * const memory = memoryProvider({ offline: ['bob'] });
 * const rc = createRoomcast({ providers: { mem: memory } });
 * const result = await rc.send('mem:signal', { roomId: 'r1', from: 'bot', to: ['alice', 'bob'], data: 'hi' });
 * // result.status === 'partial'; memory.sends.length === 1
 * ```
 */
export function memoryProvider<K extends MessageKind = MessageKind>(
  options: MemoryProviderOptions<K> = {},
): MemoryProvider<K> {
  const id = options.id ?? 'memory';
  const offline = new Set(options.offline ?? []);
  const sends: RecordedSend[] = [];
  const scripted: (() => RoomcastError)[] = [];
  const delays: number[] = [];
  let sequence = 0;
  const capabilities =
    options.capabilities ??
    ({
      signal: defaultCapability('signal', ['room', 'room-users']),
      broadcast: defaultCapability('broadcast', ['room']),
      barrage: defaultCapability('barrage', ['room']),
      direct: defaultCapability('direct', ['users']),
    } as unknown as Capabilities<K>);

  return {
    specVersion: SPEC_VERSION,
    id,
    capabilities,
    sends,
    failNext(count, error) {
      for (let i = 0; i < count; i++) scripted.push(error);
    },
    delayNext(ms, count) {
      for (let i = 0; i < count; i++) delays.push(ms);
    },
    reset() {
      sends.length = 0;
      scripted.length = 0;
      delays.length = 0;
    },
    async send(request, context) {
      sends.push({
        request,
        attempt: context.attempt,
        requestKey: context.requestKey,
        credential: crypto.randomUUID(),
      });
      const latency = (delays.shift() ?? 0) + (options.latencyMs ?? 0);
      if (latency > 0) {
        await sleep(latency, context.signal).catch((cause: unknown) => {
          // Aborted while "in flight": like a real vendor, it may already have acted.
          throw new RoomcastError('ABORTED', 'aborted while in flight', {
            provider: id,
            ambiguous: true,
            cause,
          });
        });
      }
      const failure = scripted.shift();
      if (failure) throw failure();
      const custom = await options.script?.(request, context);
      if (custom !== undefined) return custom;
      const failed = (request.recipients ?? [])
        .filter((userId) => offline.has(userId))
        .map((userId) => ({
          userId,
          error: new RoomcastError('USER_OFFLINE', `${userId} is offline`, { provider: id }),
        }));
      sequence++;
      return { failed, messageIds: [String(sequence)], requestId: `mem-${sequence}` };
    },
  };
}
