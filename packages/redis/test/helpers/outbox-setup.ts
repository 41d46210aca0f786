import { createRoomcast, RoomcastError } from '@roomcast/core';
import { type MemoryScript, memoryProvider } from '@roomcast/core/testing';
import type { Redis } from 'ioredis';
import { redisRateLimitStore } from '../../src/index.js';

/** A registry over one memory provider, sharing quotas through Redis, with fast retries. */
export function memoryRegistry(client: Redis, options: { limit?: number; script?: MemoryScript } = {}) {
  const quota = { scope: 'memory:app', limit: options.limit ?? 1000, intervalMs: 1000 };
  const capability = (audiences: ('room' | 'room-users')[], max: number) => ({
    audiences,
    maxPayloadBytes: 1024,
    maxRecipientsPerRequest: max,
    delivery: 'acknowledged' as const,
    vendorDeduplicates: false,
    quotas: [quota],
    operation: 'Send',
  });
  const mem = memoryProvider({
    offline: ['offline-1', 'offline-2'],
    ...(options.script && { script: options.script }),
    capabilities: {
      signal: capability(['room', 'room-users'], 10),
      broadcast: capability(['room'], 0),
    },
  });
  const store = redisRateLimitStore({ client });
  const rc = createRoomcast({
    providers: { mem },
    rateLimitStore: store,
    retry: { baseDelayMs: 1, maxDelayMs: 5 },
  });
  return { mem, rc, store };
}

export const ambiguousTimeout = () =>
  new RoomcastError('TIMEOUT', 'no answer within 10 s', { provider: 'memory', ambiguous: true });
export const connectionRefused = () =>
  new RoomcastError('NETWORK', 'connection refused', { provider: 'memory', retryable: true });

let counter = 0;
/** A queue name no other test uses. */
export const uniqueQueue = () => `q${process.pid}-${++counter}-${Date.now()}`;
