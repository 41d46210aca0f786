import { RoomcastError } from '../errors/roomcast-error.js';
import { describeType } from '../validation/checks.js';
import type { SendOptions } from './send-options.js';

/** setTimeout's ceiling: a longer timeout would fire at once (Node) or throw a RangeError (ky). */
const MAX_TIMER_MS = 2_147_483_647;

/**
 * Checks send options (per call, or the registry's defaults) from plain JavaScript callers before
 * anything is sent. Without it a `concurrency` of 0 started no request and crashed with a TypeError,
 * and a bad timeout or signal failed deep in the transport as a misleading, ambiguous network error.
 * Throws `INVALID_ARGUMENT` naming the option; unknown keys are left alone.
 *
 * @example
 * ```ts
 * checkSendOptions({ concurrency: 0 }, 'send options'); // throws INVALID_ARGUMENT
 * ```
 */
export function checkSendOptions(value: unknown, where: string): SendOptions {
  if (value === undefined) return {};
  const fail = (message: string) => new RoomcastError('INVALID_ARGUMENT', `${where}: ${message}`);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw fail(`expected an object, got ${describeType(value)}`);
  }
  const o = value as Record<string, unknown>;
  for (const key of ['timeoutMs', 'totalTimeoutMs'] as const) {
    const ms = o[key];
    // Whole milliseconds: AbortSignal.timeout (the total budget) throws a RangeError on fractions.
    if (
      ms !== undefined &&
      !(Number.isInteger(ms) && (ms as number) >= 1 && (ms as number) <= MAX_TIMER_MS)
    ) {
      throw fail(`${key} must be a whole number of milliseconds from 1 to ${MAX_TIMER_MS}, got ${shown(ms)}`);
    }
  }
  if (o.concurrency !== undefined && !(Number.isInteger(o.concurrency) && (o.concurrency as number) >= 1)) {
    throw fail(`concurrency must be a whole number of at least 1, got ${shown(o.concurrency)}`);
  }
  if (o.onLimit !== undefined && o.onLimit !== 'wait' && o.onLimit !== 'fail') {
    throw fail(`onLimit must be 'wait' or 'fail', got ${shown(o.onLimit)}`);
  }
  if (o.onProgress !== undefined && typeof o.onProgress !== 'function') {
    throw fail(`onProgress must be a function, got ${describeType(o.onProgress)}`);
  }
  if (o.signal !== undefined && !(o.signal instanceof AbortSignal)) {
    throw fail(`signal must be an AbortSignal, got ${describeType(o.signal)}`);
  }
  if (o.retry !== undefined) checkRetry(o.retry, fail);
  return o as SendOptions;
}

function checkRetry(retry: unknown, fail: (message: string) => RoomcastError): void {
  if (typeof retry !== 'object' || retry === null || Array.isArray(retry)) {
    throw fail(`retry must be an object, got ${describeType(retry)}`);
  }
  const r = retry as Record<string, unknown>;
  if (r.maxAttempts !== undefined && !(Number.isInteger(r.maxAttempts) && (r.maxAttempts as number) >= 1)) {
    throw fail(`retry.maxAttempts must be a whole number of at least 1, got ${shown(r.maxAttempts)}`);
  }
  for (const key of ['baseDelayMs', 'maxDelayMs'] as const) {
    const ms = r[key];
    if (ms !== undefined && !(typeof ms === 'number' && ms >= 0 && ms <= MAX_TIMER_MS)) {
      throw fail(`retry.${key} must be a number of milliseconds from 0 to ${MAX_TIMER_MS}, got ${shown(ms)}`);
    }
  }
  if (r.ambiguous !== undefined && typeof r.ambiguous !== 'boolean') {
    throw fail(`retry.ambiguous must be true or false, got ${describeType(r.ambiguous)}`);
  }
}

/** A number as written, anything else by its type: values are never echoed whole. */
function shown(value: unknown): string {
  return typeof value === 'number' ? String(value) : describeType(value);
}
