import { RoomcastError } from '../errors/roomcast-error.js';
import type { QuotaSpec } from '../spec/capabilities.js';
import { sleep } from '../util/abort.js';
import type { GrantedReservation, QuotaRate, RateLimitStore } from './store.js';

/** What to do when a quota has no free slot: queue (FIFO) or fail at once with `RATE_LIMITED`. */
export type OnLimit = 'wait' | 'fail';

/** A quota with its scope resolved for one request. */
export interface ResolvedQuota {
  scope: string;
  rate: QuotaRate;
}

/** Substitutes `{roomId}` and fills defaults. */
export function resolveQuotas(quotas: readonly QuotaSpec[], roomId: string | undefined): ResolvedQuota[] {
  return quotas.map((quota) => ({
    scope: quota.scope.replaceAll('{roomId}', roomId ?? ''),
    rate: { limit: quota.limit, intervalMs: quota.intervalMs, burst: quota.burst ?? 1 },
  }));
}

/**
 * Takes one slot of every quota a request consumes, then sleeps until the latest of them.
 * With `onLimit: 'fail'` a request that would have to wait is rejected instead, booking nothing.
 */
export async function acquireSlots(
  store: RateLimitStore,
  quotas: readonly ResolvedQuota[],
  options: { onLimit: OnLimit; maxWaitMs: number; signal: AbortSignal | undefined; provider: string },
): Promise<void> {
  const maxWaitMs = options.onLimit === 'fail' ? 0 : options.maxWaitMs;
  const granted: GrantedReservation[] = [];
  let waitMs = 0;
  const releaseAll = () => Promise.all(granted.map((g) => g.release().catch(() => undefined)));
  for (const quota of quotas) {
    let reservation: Awaited<ReturnType<RateLimitStore['reserve']>>;
    try {
      reservation = await store.reserve(quota.scope, quota.rate, { cost: 1, maxWaitMs });
    } catch (error) {
      // A store that fails (Redis down) must not keep the slots already booked on other quotas.
      await releaseAll();
      throw error;
    }
    if (!reservation.granted) {
      await releaseAll();
      throw new RoomcastError(
        'RATE_LIMITED',
        `The ${quota.rate.limit} per ${quota.rate.intervalMs} ms quota of ${quota.scope} is used up; next slot in ${reservation.retryAfterMs} ms`,
        { provider: options.provider, retryable: true, retryAfterMs: reservation.retryAfterMs },
      );
    }
    granted.push(reservation);
    waitMs = Math.max(waitMs, reservation.waitMs);
  }
  try {
    await sleep(waitMs, options.signal);
  } catch (error) {
    await releaseAll();
    throw error;
  }
}

/** Tells the store the vendor said "too frequent", so every sender on these quotas backs off. */
export async function penalizeQuotas(
  store: RateLimitStore,
  quotas: readonly ResolvedQuota[],
  pauseMs: number,
): Promise<void> {
  await Promise.all(quotas.map((quota) => store.penalize(quota.scope, quota.rate, pauseMs)));
}
