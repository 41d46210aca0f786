/**
 * A token bucket whose capacity equals its per-second rate: a client that paces itself exactly at
 * the documented limit always finds a token, and a burst can never exceed one second's worth.
 */
export class TokenBucket {
  private tokens: number;
  private last: number;

  constructor(
    private readonly perSecond: number,
    nowMs: number,
  ) {
    this.tokens = perSecond;
    this.last = nowMs;
  }

  /** Takes one token if there is one; refills first from the elapsed time. */
  take(nowMs: number): boolean {
    const elapsed = nowMs - this.last;
    if (elapsed > 0) {
      this.tokens = Math.min(this.perSecond, this.tokens + (elapsed * this.perSecond) / 1000);
      this.last = nowMs;
    }
    // A tiny epsilon absorbs float error so "exactly at the limit" is never rejected.
    if (this.tokens >= 1 - 1e-9) {
      this.tokens -= 1;
      return true;
    }
    return false;
  }
}

/** A sliding window count (e.g. ZIM SendMessageToAllUsers: 100 per 24 hours). */
export class WindowCounter {
  private readonly stamps: number[] = [];

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
  ) {}

  take(nowMs: number): boolean {
    while (this.stamps.length > 0 && this.stamps[0]! <= nowMs - this.windowMs) this.stamps.shift();
    if (this.stamps.length >= this.limit) return false;
    this.stamps.push(nowMs);
    return true;
  }
}
