import {
  memoryRateLimitStore,
  type QuotaRate,
  type RateLimitStore,
  type Reservation,
  type ReserveOptions,
  RoomcastError,
} from '@roomcast/core';
import type { OnRedisDown } from './options.js';

/** A schedule Redis has to honour once it is back: nothing before `untilMs` (epoch ms). */
export interface Owed {
  untilMs: number;
  rate: QuotaRate;
}

/** Scopes remembered before entries in the past are dropped (per-room quotas make many scopes). */
const PRUNE_AT = 10_000;

/**
 * The down path, and the hand-overs in both directions, so neither side doubles slots the other
 * already promised:
 * - into an outage, the local limiter starts after the last slot this process booked in Redis;
 * - out of it, the first Redis call pushes the shared schedule past what this process booked (or
 *   was told to pause) locally.
 */
export class DownPath {
  readonly owed = new Map<string, Owed>();
  readonly #local: RateLimitStore | undefined;
  readonly #share: number;
  /** Per scope, when the last slot this process booked in Redis is due (epoch ms). */
  readonly #redisSlots = new Map<string, number>();

  constructor(
    policy: OnRedisDown,
    private readonly headroom: number,
  ) {
    if (policy === 'fail-closed') {
      this.#local = undefined;
      this.#share = 0;
    } else {
      this.#local = memoryRateLimitStore();
      this.#share = policy.share;
    }
  }

  async reserve(
    scope: string,
    rate: QuotaRate,
    options: ReserveOptions,
    error: RoomcastError,
  ): Promise<Reservation> {
    if (this.#local === undefined) {
      throw error.with({
        message: `${error.message}. Failing closed (onRedisDown: 'fail-closed'): nothing was sent; retry later, or set onRedisDown: { fallback: 'local', share } to keep sending at a share of the quota`,
      });
    }
    const handedOver = this.#redisSlots.get(scope);
    if (handedOver !== undefined) {
      this.#redisSlots.delete(scope);
      const pauseMs = handedOver + rate.intervalMs / rate.limit - Date.now();
      if (pauseMs > 0) await this.#local.penalize(scope, this.#localRate(rate), pauseMs);
    }
    const reservation = await this.#local.reserve(scope, this.#localRate(rate), options);
    if (reservation.granted) {
      // The send happens at now + waitMs; Redis resumes one full-rate interval after it.
      this.#owe(scope, rate, Date.now() + reservation.waitMs + rate.intervalMs / rate.limit);
    }
    return reservation;
  }

  /** Notes a slot booked in Redis, due at `dueMs`; only needed when there is a local fallback. */
  bookedInRedis(scope: string, dueMs: number): void {
    if (this.#local === undefined) return;
    if (this.#redisSlots.size > PRUNE_AT) {
      const now = Date.now();
      for (const [key, due] of this.#redisSlots) if (due < now) this.#redisSlots.delete(key);
    }
    this.#redisSlots.set(scope, dueMs);
  }

  async penalize(scope: string, rate: QuotaRate, pauseMs: number): Promise<void> {
    this.#owe(scope, rate, Date.now() + pauseMs);
    await this.#local?.penalize(scope, this.#localRate(rate), pauseMs);
  }

  #localRate(rate: QuotaRate): QuotaRate {
    // Burst 1: a restarted fleet must not open with B requests from every process at once.
    return { limit: rate.limit * this.#share * (1 - this.headroom), intervalMs: rate.intervalMs, burst: 1 };
  }

  #owe(scope: string, rate: QuotaRate, untilMs: number): void {
    const previous = this.owed.get(scope);
    if (previous === undefined || previous.untilMs < untilMs) this.owed.set(scope, { untilMs, rate });
  }
}

/** Checks `onRedisDown`; throws INVALID_ARGUMENT saying what is wrong. */
export function checkPolicy(policy: unknown): asserts policy is OnRedisDown {
  if (policy === 'fail-closed') return;
  const p = policy as { fallback?: unknown; share?: unknown } | null;
  if (
    typeof p === 'object' &&
    p !== null &&
    p.fallback === 'local' &&
    typeof p.share === 'number' &&
    p.share > 0 &&
    p.share <= 1
  )
    return;
  throw new RoomcastError(
    'INVALID_ARGUMENT',
    `onRedisDown must be 'fail-closed' or { fallback: 'local', share } with 0 < share ≤ 1 (e.g. 1 / number of instances); got ${JSON.stringify(policy)}`,
  );
}
