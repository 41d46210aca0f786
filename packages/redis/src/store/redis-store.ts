import {
  type DeniedReservation,
  type GrantedReservation,
  isRoomcastError,
  type QuotaRate,
  type RateLimitStore,
  type ReserveOptions,
  RoomcastError,
} from '@roomcast/core';
import { checkPolicy, DownPath } from './fallback.js';
import { RedisHealth, unavailable } from './health.js';
import type { RedisRateLimitStoreOptions } from './options.js';
import { runScript, withTimeout } from './run-script.js';
import { ACQUIRE, type LuaScript, PENALIZE, RELEASE } from './scripts.js';

/** A slot booked in Redis. */
export interface RedisGrantedReservation extends GrantedReservation {
  /**
   * When the slot is, in epoch milliseconds of Redis's clock (absent for slots of the local
   * fallback). Dispatch time minus this is the dispatch jitter that `headroom` has to cover.
   */
  slotAtMs?: number;
}

/** A {@link RateLimitStore} shared through Redis, with its view of Redis for health checks. */
export interface RedisRateLimitStore extends RateLimitStore {
  reserve(
    scope: string,
    rate: QuotaRate,
    options: ReserveOptions,
  ): Promise<RedisGrantedReservation | DeniedReservation>;
  /** `'down'` while calls take the `onRedisDown` path. */
  readonly redisStatus: 'up' | 'down';
}

/**
 * A rate-limit store shared by every process that uses the same Redis: one vendor quota, one
 * schedule, however many instances send. Each quota scope is one Redis key holding the next free
 * slot (GCRA with reservation, on Redis's clock); `reserve` books a slot with a single EVALSHA,
 * in arrival order across processes, and the caller sleeps until it: waiting never polls.
 *
 * @example
 * ```ts
 * import { Redis } from 'ioredis';
 * import { createRoomcast } from '@roomcast/core';
 * import { redisRateLimitStore } from '@roomcast/redis';
 *
 * const client = new Redis(process.env.REDIS_URL!, { enableOfflineQueue: false });
 * const rc = createRoomcast({
 *   providers: { zego: zegoRtc({ appId, serverSecret }) },
 *   rateLimitStore: redisRateLimitStore({ client, onRedisDown: { fallback: 'local', share: 1 / 4 } }),
 * });
 * ```
 */
export function redisRateLimitStore(options: RedisRateLimitStoreOptions): RedisRateLimitStore {
  const { client, keyPrefix = 'roomcast:rl:', headroom = 0.01, onRedisDown = 'fail-closed' } = options;
  const timeoutMs = options.timeoutMs ?? 1000;
  if (typeof client?.evalsha !== 'function' || typeof client.eval !== 'function') {
    throw new RoomcastError(
      'INVALID_ARGUMENT',
      'redisRateLimitStore needs { client } with evalsha and eval (an ioredis client)',
    );
  }
  if (!(headroom >= 0 && headroom < 1)) {
    throw new RoomcastError(
      'INVALID_ARGUMENT',
      `headroom must be in [0, 1) (0.01 runs at 99% of each quota); got ${headroom}`,
    );
  }
  if (!(timeoutMs > 0))
    throw new RoomcastError('INVALID_ARGUMENT', `timeoutMs must be positive; got ${timeoutMs}`);
  checkPolicy(onRedisDown);
  const health = new RedisHealth(options.retryIntervalMs ?? 1000, options.onStatusChange);
  const down = new DownPath(onRedisDown, headroom);

  /** One shared wait for the client's `ready` (one listener, however many callers wait). */
  let connecting: Promise<void> | undefined;
  const ready = () => {
    if (client.once === undefined) return Promise.resolve();
    connecting ??= new Promise<void>((resolve) =>
      client.once?.('ready', () => {
        connecting = undefined;
        resolve();
      }),
    );
    return connecting;
  };

  /** Emission interval in microseconds, slowed by the headroom. */
  const emissionUs = (rate: QuotaRate) => (rate.intervalMs * 1000) / (rate.limit * (1 - headroom));

  async function call(script: LuaScript, scope: string, args: (string | number)[]): Promise<unknown> {
    const refusal = health.refusal(client.status);
    if (refusal !== undefined) throw refusal;
    try {
      const run = async () => {
        // Just created and still connecting: wait for the connection (within the same timeout)
        // rather than fail a client that has enableOfflineQueue: false.
        if (client.status === 'connecting' || client.status === 'connect') await ready();
        return runScript(client, script, keyPrefix + scope, args);
      };
      const reply = await withTimeout(run(), timeoutMs, () =>
        unavailable(`no answer within ${timeoutMs} ms`),
      );
      health.succeeded();
      return reply;
    } catch (error) {
      const reason = isRoomcastError(error) ? error : unavailable(describe(error), error);
      health.failed(reason);
      throw reason;
    }
  }

  /** After an outage: push the shared schedule past what this process booked or owed locally. */
  async function settleOwed(scope: string): Promise<void> {
    const owed = down.owed.get(scope);
    if (owed === undefined) return;
    const pauseMs = owed.untilMs - Date.now();
    if (pauseMs > 0) {
      await call(PENALIZE, scope, [emissionUs(owed.rate), owed.rate.burst, Math.ceil(pauseMs * 1000)]);
    }
    if (down.owed.get(scope) === owed) down.owed.delete(scope);
  }

  return {
    get redisStatus() {
      return health.down ? 'down' : 'up';
    },

    async reserve(scope: string, rate: QuotaRate, reserve: ReserveOptions) {
      const T = emissionUs(rate);
      const maxWaitUs = Number.isFinite(reserve.maxWaitMs)
        ? Math.max(0, Math.floor(reserve.maxWaitMs * 1000))
        : -1;
      let reply: unknown;
      try {
        if (down.owed.size > 0) await settleOwed(scope);
        reply = await call(ACQUIRE, scope, [T, rate.burst, reserve.cost, maxWaitUs]);
      } catch (error) {
        return down.reserve(scope, rate, reserve, error as RoomcastError);
      }
      const [granted, waitUs, tat, slotUs] = reply as [number, string, string?, string?];
      // Rounded up: waking early would dispatch before the booked slot.
      const waitMs = Math.ceil(Number(waitUs) / 1000);
      if (granted !== 1) return { granted: false, retryAfterMs: waitMs };
      down.bookedInRedis(scope, Date.now() + waitMs);
      return {
        granted: true,
        waitMs,
        slotAtMs: Number(slotUs) / 1000,
        async release() {
          try {
            await call(RELEASE, scope, [T, reserve.cost, tat ?? '']);
          } catch {
            // Best effort: an unreturned slot only leaves a gap in the schedule.
          }
        },
      };
    },

    async penalize(scope: string, rate: QuotaRate, pauseMs: number): Promise<void> {
      try {
        await call(PENALIZE, scope, [emissionUs(rate), rate.burst, Math.ceil(pauseMs * 1000)]);
      } catch {
        // Never throws (the pipeline calls it on the way to a retry): apply it locally, and to Redis
        // on the first call after it is back.
        await down.penalize(scope, rate, pauseMs);
      }
    },
  };
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
