import { RoomcastError } from '@roomcast/core';
import type { RedisStatusEvent } from './options.js';

/** ioredis states in which a command could only sit in the offline queue. */
const DISCONNECTED = new Set(['reconnecting', 'end', 'close']);

/**
 * A circuit breaker around Redis. After a failure, callers take the down path at once for
 * `retryIntervalMs`; then a single probe goes to Redis, and its outcome decides for everyone.
 * This keeps an outage from costing every caller a full timeout.
 */
export class RedisHealth {
  #down = false;
  #retryAt = 0;
  #probing = false;
  #lastError: RoomcastError | undefined;

  constructor(
    private readonly retryIntervalMs: number,
    private readonly onStatusChange: ((event: RedisStatusEvent) => void) | undefined,
  ) {}

  get down(): boolean {
    return this.#down;
  }

  /**
   * Why a call must not go to Redis now, or undefined when it may. A call that may go while Redis
   * is down is the probe and must report back through {@link succeeded} or {@link failed}.
   */
  refusal(clientStatus: string | undefined): RoomcastError | undefined {
    if (clientStatus !== undefined && DISCONNECTED.has(clientStatus)) {
      const error = unavailable(`the client's connection is ${clientStatus}`);
      this.failed(error);
      return error;
    }
    if (!this.#down) return undefined;
    if (this.#probing || Date.now() < this.#retryAt) return this.#lastError;
    this.#probing = true;
    return undefined;
  }

  succeeded(): void {
    this.#probing = false;
    if (!this.#down) return;
    this.#down = false;
    this.#lastError = undefined;
    this.#notify({ status: 'up' });
  }

  failed(error: RoomcastError): void {
    this.#probing = false;
    this.#retryAt = Date.now() + this.retryIntervalMs;
    this.#lastError = error;
    if (this.#down) return;
    this.#down = true;
    this.#notify({ status: 'down', error });
  }

  #notify(event: RedisStatusEvent): void {
    try {
      this.onStatusChange?.(event);
    } catch {
      // An observer's bug must not change rate limiting.
    }
  }
}

/** The error that describes an unreachable Redis; `cause` keeps the client's error, reduced to a safe summary. */
export function unavailable(reason: string, cause?: unknown): RoomcastError {
  return new RoomcastError('UNAVAILABLE', `Redis is unreachable for the shared rate limit: ${reason}`, {
    retryable: true,
    cause,
  });
}
