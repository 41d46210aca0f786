import type { Emulator, FaultRule, RequestLogEntry } from '@roomcast/emulator';
import { sleep } from './process-watch.js';

/**
 * True when the emulator sent no readable vendor answer to this request: no answer at all
 * (timeout, reset), a gateway error page (5xx) or a 200 that is not JSON (malformed). The log's
 * `code` stays null whenever no vendor envelope was sent, which also covers a request hit by a
 * transport and a business fault at once (the log's `fault` then names the business one).
 */
export function sentNoReadableAnswer(entry: RequestLogEntry): boolean {
  return entry.code === null || (entry.httpStatus !== null && entry.httpStatus >= 500);
}

/**
 * The default campaign's fault mix, as emulator rules (each hits its `share` of the requests it
 * matches; the emulator draws shares from its seeded source). Transport faults come both before
 * the vendor acted and after (`afterProcessing`), so ambiguity is real on both sides.
 */
export function campaignFaults(latencyMs: number, scale = 1): FaultRule[] {
  const s = (share: number) => Math.min(1, share * scale);
  const forever = Number.POSITIVE_INFINITY;
  return [
    { kind: 'timeout', share: s(0.006), count: forever },
    { kind: 'timeout', afterProcessing: true, share: s(0.006), count: forever },
    { kind: 'latency', ms: latencyMs, share: s(0.004), count: forever },
    { kind: 'http', status: 502, share: s(0.008), count: forever },
    { kind: 'http', status: 503, afterProcessing: true, share: s(0.008), count: forever },
    { kind: 'reset', share: s(0.006), count: forever },
    { kind: 'reset', afterProcessing: true, share: s(0.006), count: forever },
    { kind: 'malformed', share: s(0.006), count: forever },
    { kind: 'malformed', afterProcessing: true, share: s(0.006), count: forever },
    // Vendor answers after authentication: rate limits (retried), expired signatures (re-signed).
    { vendor: 'zego-rtc', kind: 'code', code: 206, share: s(0.04), count: forever },
    { vendor: 'zego-rtc', kind: 'code', code: 207, share: s(0.01), count: forever },
    { vendor: 'zego-rtc', kind: 'code', code: 100000004, share: s(0.03), count: forever },
    { vendor: 'zego-zim', kind: 'code', code: 660300005, share: s(0.04), count: forever },
    { vendor: 'zego-zim', kind: 'code', code: 100000004, share: s(0.03), count: forever },
    { vendor: 'trtc', kind: 'code', code: 60007, share: s(0.03), count: forever },
    { vendor: 'trtc', kind: 'drop', share: s(0.04), count: forever },
    { vendor: 'trtc', kind: 'code', code: 70001, share: s(0.03), count: forever },
  ];
}

/** The at-least-once campaign: mostly faults after the vendor acted, so retries can duplicate. */
export function duplicatingFaults(latencyMs: number): FaultRule[] {
  const forever = Number.POSITIVE_INFINITY;
  return [
    { kind: 'timeout', afterProcessing: true, share: 0.04, count: forever },
    { kind: 'http', status: 503, afterProcessing: true, share: 0.04, count: forever },
    { kind: 'reset', afterProcessing: true, share: 0.04, count: forever },
    { kind: 'malformed', afterProcessing: true, share: 0.04, count: forever },
    { kind: 'latency', ms: latencyMs, share: 0.02, count: forever },
    { kind: 'http', status: 502, share: 0.02, count: forever },
    { vendor: 'zego-rtc', kind: 'code', code: 206, share: 0.03, count: forever },
    { vendor: 'zego-zim', kind: 'code', code: 660300005, share: 0.03, count: forever },
    { vendor: 'trtc', kind: 'drop', share: 0.03, count: forever },
  ];
}

export function injectAll(emulator: Emulator, rules: readonly FaultRule[]): void {
  for (const rule of rules) emulator.faults.inject(rule);
}

/**
 * Waits out the requests a latency fault still holds: one answered after the client gave up may
 * yet act (the emulator skips it if the client already hung up), and must be in the logs before a
 * round is checked. Waits only as long as the newest such request needs.
 */
export async function settleLatentRequests(emulator: Emulator, latencyMs: number): Promise<void> {
  const pending = emulator.requests().filter((r) => r.fault === 'latency' && r.httpStatus === null);
  const last = Math.max(0, ...pending.map((r) => r.at));
  const wait = last + latencyMs + 50 - Date.now();
  if (wait > 0) await sleep(wait);
}

/**
 * Waits until the emulator has been quiet for `quietMs`: a request the client gave up on (a
 * timeout under load) can reach the emulator after the send settled, and must be in the logs
 * before they are checked, not counted against the next round.
 */
export async function waitForQuiet(emulator: Emulator, quietMs = 150, maxMs = 3000): Promise<void> {
  const deadline = Date.now() + maxMs;
  let count = emulator.requestCount();
  let since = Date.now();
  while (Date.now() - since < quietMs && Date.now() < deadline) {
    await sleep(25);
    const now = emulator.requestCount();
    if (now !== count) {
      count = now;
      since = Date.now();
    }
  }
}
