import type { QuotaSpec, RateLimitStore } from '@roomcast/core';
import { sleep } from '@roomcast/core';

/** Longest a queued send waits for its lane slot before the job steps aside (moved to delayed). */
export const LANE_MAX_WAIT_MS = 1000;

/**
 * The outbox's lane: queued sends first take a slot on `<scope>:outbox`, paced at `share` of each
 * quota, and only then book the quota itself through the registry. Queued traffic can therefore
 * never take more than `share` of a quota, and direct sends always find the rest.
 *
 * Resolves `undefined` when granted (after sleeping until the slot), or the ms after which to try
 * again when every slot within {@link LANE_MAX_WAIT_MS} is taken: nothing is then booked.
 */
export async function takeLane(
  store: RateLimitStore,
  quotas: readonly QuotaSpec[],
  roomId: string | undefined,
  share: number,
): Promise<number | undefined> {
  const granted: (() => Promise<void>)[] = [];
  let waitMs = 0;
  for (const quota of quotas) {
    const scope = `${quota.scope.replaceAll('{roomId}', roomId ?? '')}:outbox`;
    const rate = { limit: quota.limit * share, intervalMs: quota.intervalMs, burst: 1 };
    const slot = await store.reserve(scope, rate, { cost: 1, maxWaitMs: LANE_MAX_WAIT_MS });
    if (!slot.granted) {
      await Promise.all(granted.map((release) => release()));
      return Math.max(1, slot.retryAfterMs - LANE_MAX_WAIT_MS / 2);
    }
    granted.push(slot.release);
    waitMs = Math.max(waitMs, slot.waitMs);
  }
  await sleep(waitMs);
  return undefined;
}
