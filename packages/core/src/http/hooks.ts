import type { RoomcastError } from '../errors/roomcast-error.js';

/** Fields shared by every hook payload. URLs are origin + path only: queries carry signatures. */
export interface RequestInfo {
  /** Provider id, e.g. `zego-rtc`. */
  provider: string;
  /** Vendor operation, e.g. `SendCustomCommand`. */
  operation: string;
  method: string;
  /** Origin and path of the request; never the query. */
  url: string;
  /** Attempt number within the pipeline (1 when used outside it). */
  attempt: number;
}

/** Payload of `onResponse`. */
export interface ResponseInfo extends RequestInfo {
  httpStatus: number;
  durationMs: number;
  requestId: string | undefined;
  /** The vendor's return code when the body had one. */
  providerCode: number | undefined;
}

/** Payload of `onRetry`. */
export interface RetryInfo {
  provider: string;
  operation: string;
  /** The attempt that failed. */
  attempt: number;
  delayMs: number;
  error: RoomcastError;
}

/** Payload of `onError`. */
export interface ErrorInfo {
  provider: string;
  operation: string;
  attempt: number;
  durationMs: number;
  error: RoomcastError;
}

/**
 * Observability hooks. Payloads are structured and redacted; a hook that throws is ignored, so
 * logging can never break a send. roomcast itself never writes to the console.
 *
 * @example
 * ```ts
 * createRoomcast({ providers, hooks: { onResponse: (r) => log.info(r, 'vendor call') } });
 * ```
 */
export interface HttpHooks {
  onRequest?(info: RequestInfo): void;
  onResponse?(info: ResponseInfo): void;
  onRetry?(info: RetryInfo): void;
  onError?(info: ErrorInfo): void;
}

/** Calls a hook and swallows whatever it throws. */
export function callHook<T>(hook: ((info: T) => void) | undefined, info: T): void {
  if (hook === undefined) return;
  try {
    hook(info);
  } catch {
    // A logging hook must never change the outcome of a send.
  }
}
