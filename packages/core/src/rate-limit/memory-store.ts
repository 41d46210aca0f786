import type { QuotaRate, RateLimitStore, Reservation, ReserveOptions } from './store.js';

/** Scopes kept before idle ones are dropped (per-room quotas create one scope per room). */
const PRUNE_AT = 10_000;

/** Options of {@link memoryRateLimitStore}. */
export interface MemoryRateLimitStoreOptions {
  /** Clock in milliseconds; inject one in tests. Default `performance.now()`. */
  now?: () => number;
}

/**
 * The default {@link RateLimitStore}: quotas held in this process. Share one instance between
 * registries to make them share quotas; use a Redis store when several processes share a vendor AppID.
 *
 * @example
 * ```ts
 * const store = memoryRateLimitStore();
 * const a = createRoomcast({ providers, rateLimitStore: store });
 * const b = createRoomcast({ providers, rateLimitStore: store }); // a and b together stay within quota
 * ```
 */
export function memoryRateLimitStore(options: MemoryRateLimitStoreOptions = {}): RateLimitStore {
  const now = options.now ?? (() => performance.now());
  /** Theoretical arrival time of the next request, per scope. */
  const tats = new Map<string, number>();

  function emission(rate: QuotaRate): number {
    return rate.intervalMs / rate.limit;
  }

  function prune(t: number): void {
    for (const [scope, tat] of tats) if (tat < t) tats.delete(scope);
  }

  return {
    async reserve(scope: string, rate: QuotaRate, { cost, maxWaitMs }: ReserveOptions): Promise<Reservation> {
      const t = now();
      if (tats.size > PRUNE_AT) prune(t);
      const interval = emission(rate);
      const tat = Math.max(tats.get(scope) ?? t, t);
      const newTat = tat + cost * interval;
      // Written as tat + (cost - burst)·T rather than newTat − burst·T so an idle scope waits exactly 0.
      const waitMs = Math.max(0, tat + (cost - rate.burst) * interval - t);
      if (waitMs > maxWaitMs) return { granted: false, retryAfterMs: Math.ceil(waitMs) };
      tats.set(scope, newTat);
      return {
        granted: true,
        waitMs,
        async release() {
          // Only the newest booking can be handed back without reordering others.
          if (tats.get(scope) === newTat) tats.set(scope, newTat - cost * interval);
        },
      };
    },
    async penalize(scope: string, rate: QuotaRate, pauseMs: number): Promise<void> {
      const interval = emission(rate);
      const want = now() + pauseMs + (rate.burst - 1) * interval;
      if (want > (tats.get(scope) ?? 0)) tats.set(scope, want);
    },
  };
}
