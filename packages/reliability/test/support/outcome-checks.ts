import { isRoomcastError, type RoomcastError } from '@roomcast/core';
import type { Emulator, RequestLogEntry, VendorId } from '@roomcast/emulator';
import type { SecretScanner } from './secret-scanner.js';

/** The codes that mean "your input is wrong": they must be decided before any request. */
export const VALIDATION_CODES: ReadonlySet<string> = new Set([
  'INVALID_ARGUMENT',
  'PAYLOAD_TOO_LARGE',
  'TOO_MANY_RECIPIENTS',
  'UNSUPPORTED',
]);

/**
 * The vendors' own answers to malformed input. If one shows up in the emulator's log, roomcast
 * let bad input through and the vendor had to refuse it: the check roomcast promises to make
 * first was missing.
 */
export const VENDOR_INPUT_CODES: Readonly<Record<VendorId, ReadonlySet<number>>> = {
  'zego-rtc': new Set([2, 3, 8, 1008, 50011, 50012]),
  'zego-zim': new Set([2, 660000002, 660000011, 660000012, 660000025, 660300013, 660400001]),
  trtc: new Set([60002, 60003, 60025, 100002, 100603, 80002]),
};

/** How a call ended: a value, or whatever it threw (synchronously or as a rejection). */
export type Settled = { ok: true; value: unknown } | { ok: false; error: unknown };

export async function settle(call: () => unknown): Promise<Settled> {
  try {
    return { ok: true, value: await call() };
  } catch (error) {
    return { ok: false, error };
  }
}

/** The requests the emulator received while `call` ran, and how the call ended. */
export async function observe(
  emulator: Emulator,
  call: () => unknown,
): Promise<{ settled: Settled; requests: RequestLogEntry[] }> {
  const before = emulator.requestCount();
  const settled = await settle(call);
  // A request the client gave up on (a tiny timeout from generated options) may still be on its
  // way: let it land, so it is counted for this call and not for the next one.
  if (!settled.ok && isRoomcastError(settled.error) && settled.error.ambiguous) {
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
  const made = emulator.requestCount() - before;
  return { settled, requests: made === 0 ? [] : emulator.requests().slice(-made) };
}

/**
 * The contract for any input: the call resolves, or rejects with a RoomcastError (never a raw
 * TypeError); an input error is decided before any request; and the vendor never has to refuse
 * malformed input itself. Every error is scanned for secrets on the way.
 */
export function assertInputContract(
  label: string,
  observed: { settled: Settled; requests: RequestLogEntry[] },
  scanner: SecretScanner,
): RoomcastError | undefined {
  const { settled, requests } = observed;
  for (const entry of requests) {
    if (entry.code !== null && VENDOR_INPUT_CODES[entry.vendor].has(entry.code)) {
      throw new Error(
        `${label}: the vendor had to refuse the input (${entry.vendor} ${entry.action} code ${entry.code})`,
      );
    }
  }
  if (settled.ok) return undefined;
  const { error } = settled;
  if (!isRoomcastError(error)) {
    const shown = error instanceof Error ? `${error.name}: ${error.message}` : String(typeof error);
    throw new Error(`${label}: threw ${shown}, not a RoomcastError`);
  }
  scanner.scan(`${label} error`, error);
  if (typeof error.message !== 'string' || error.message === '') throw new Error(`${label}: empty message`);
  // Locally nothing gets lost on the way: an ambiguous error means a request reached the emulator.
  // (A timeout is exempt: a tiny timeout can fire before the request arrives.)
  if (error.ambiguous && requests.length === 0 && error.code !== 'TIMEOUT') {
    throw new Error(`${label}: ${error.code} is ambiguous, but no request was sent: ${error.message}`);
  }
  if (VALIDATION_CODES.has(error.code) && requests.length > 0) {
    throw new Error(`${label}: ${error.code} came after ${requests.length} request(s): ${error.message}`);
  }
  return error;
}
