import { RoomcastError } from '../errors/roomcast-error.js';

/**
 * Compares two strings in time that depends only on their lengths, not on where they differ, so a
 * signature cannot be guessed byte by byte from response times. Web-standard (no `node:crypto`).
 */
export function constantTimeEqual(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let difference = 0;
  for (let i = 0; i < a.length; i++) difference |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return difference === 0;
}

/** Inputs of {@link assertFresh}. */
export interface FreshnessCheck {
  /** The signed time, Unix seconds. */
  timestamp: number;
  /** Now, Unix seconds. */
  now: number;
  /** Largest accepted |now − timestamp|, in seconds. */
  maxSkewSeconds: number;
  /** The field's vendor name, for the message (`timestamp`, `RequestTime`). */
  field: string;
  provider?: string | undefined;
}

/**
 * Throws `UNAUTHENTICATED` when a signed callback time is further from now than the window, in
 * either direction: a replay of an old signature, or a sender whose clock is off.
 */
export function assertFresh(check: FreshnessCheck): void {
  const skew = check.now - check.timestamp;
  if (Math.abs(skew) <= check.maxSkewSeconds) return;
  const where = skew > 0 ? `${Math.round(skew)} s in the past` : `${Math.round(-skew)} s in the future`;
  throw new RoomcastError(
    'UNAUTHENTICATED',
    `Callback ${check.field} is ${where}; the window is ±${check.maxSkewSeconds} s. Reject as a possible replay, or check this server's clock (NTP) and maxSkewSeconds`,
    { provider: check.provider },
  );
}

/** Checks a `maxSkewSeconds` option: a positive finite number. */
export function checkMaxSkew(value: unknown, fallback: number, provider?: string): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
    throw new RoomcastError('INVALID_ARGUMENT', 'maxSkewSeconds must be a positive number of seconds', {
      provider,
    });
  }
  return value;
}

/** Unix seconds from an optional `now` option (seconds), else the clock. */
export function nowSeconds(now: number | undefined): number {
  return now ?? Math.floor(Date.now() / 1000);
}
