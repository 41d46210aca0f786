/** A quota's rate, as the store needs it. */
export interface QuotaRate {
  /** Requests per interval. */
  limit: number;
  intervalMs: number;
  /** Requests that may go back to back; 1 spaces them evenly. */
  burst: number;
}

/** What a caller asks of the store. */
export interface ReserveOptions {
  /** Slots to book (1 per request). */
  cost: number;
  /** Longest acceptable wait; a slot further away is not booked. `Infinity` waits as long as it takes. */
  maxWaitMs: number;
}

/** A booked slot: sleep `waitMs`, then send; or hand the slot back with `release`. */
export interface GrantedReservation {
  granted: true;
  waitMs: number;
  /** Returns the slot when the request will not be sent after all (abort). Best effort. */
  release(): Promise<void>;
}

/** Nothing was booked: the next slot is `retryAfterMs` away, beyond the caller's `maxWaitMs`. */
export interface DeniedReservation {
  granted: false;
  retryAfterMs: number;
}

export type Reservation = GrantedReservation | DeniedReservation;

/**
 * Where quota state lives. Async so that a shared store (Redis) serving many processes fits the
 * same interface as the in-memory default; providers never see it.
 *
 * The contract is a slot-booking limiter (GCRA, the "virtual scheduling" form of a token bucket):
 * `reserve` books the next free slot of `scope` in arrival order (FIFO) and says how long to wait
 * for it, in one call, so waiting never means polling.
 */
export interface RateLimitStore {
  reserve(scope: string, rate: QuotaRate, options: ReserveOptions): Promise<Reservation>;
  /** Fleet-wide back-off: nothing new is granted on `scope` for `pauseMs` (the vendor said "too frequent"). */
  penalize(scope: string, rate: QuotaRate, pauseMs: number): Promise<void>;
}
