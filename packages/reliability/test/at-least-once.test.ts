import { createRoomcast } from '@roomcast/core';
import { type Emulator, startEmulator } from '@roomcast/emulator';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { runSends, type Sender, verifyRound } from './support/campaign.js';
import { duplicatingFaults, injectAll, settleLatentRequests, waitForQuiet } from './support/faults.js';
import { watchProcess } from './support/process-watch.js';
import { emulatorProviders, registerCredentialSecrets } from './support/providers.js';
import { createRng } from './support/random.js';
import { scanningHooks, scanOutcome } from './support/scanning-hooks.js';
import { SecretScanner } from './support/secret-scanner.js';
import { recordingFetch, type WireRequest } from './support/wire.js';
import { CAMPAIGN_FIXTURES, planSend } from './support/world.js';

/**
 * The opt-in: with `retry: { ambiguous: true }` roomcast resends after a lost or unreadable answer,
 * so a recipient may get a message twice. This smaller campaign injects mostly faults that strike
 * after the vendor acted and proves that every duplicate comes from such a fault: the emulator's
 * log shows each extra delivery's request was never answered readably.
 */
const SEED = 4_242;
const SENDS = 900;
const TIMEOUT_MS = 200;
const LATENCY_MS = 350;

let emulator: Emulator;
const scanner = new SecretScanner();
const watch = watchProcess();

beforeAll(async () => {
  emulator = await startEmulator({ port: 0, seed: SEED, rateLimits: 'off', fixtures: CAMPAIGN_FIXTURES });
  registerCredentialSecrets(emulator, scanner);
  injectAll(emulator, duplicatingFaults(LATENCY_MS));
});

afterAll(async () => {
  watch.stop();
  await emulator.close();
});

it('duplicates only after ambiguous failures, and reports every recipient once', async () => {
  const wire: WireRequest[] = [];
  const rc = createRoomcast({
    providers: emulatorProviders(emulator, {
      fetch: recordingFetch(scanner, (request) => wire.push(request)),
      quotaFactor: 1000,
    }),
    hooks: scanningHooks(scanner),
    timeoutMs: TIMEOUT_MS,
    retry: { ambiguous: true, maxAttempts: 3, baseDelayMs: 2, maxDelayMs: 20 },
  }) as unknown as Sender;
  const rng = createRng(SEED);
  const plans = Array.from({ length: SENDS }, (_, id) => planSend(rng, id));
  const outcomes = await runSends(rc, plans, 48, (outcome) =>
    scanOutcome(scanner, `send ${outcome.plan.id}`, outcome),
  );
  await settleLatentRequests(emulator, LATENCY_MS);
  await waitForQuiet(emulator);
  const report = verifyRound({
    outcomes,
    wire,
    requests: emulator.requests(),
    deliveries: emulator.deliveries(),
    mode: 'at-least-once',
  });
  console.info('at-least-once campaign', JSON.stringify(report.stats, null, 1));

  expect(report.violations.slice(0, 30)).toEqual([]);
  expect(report.stats.sends).toBe(SENDS);
  // The opt-in did what it says: some recipients got a message twice, each explained above.
  expect(report.stats['duplicated recipients'] ?? 0).toBeGreaterThan(0);
  expect(report.stats['duplicate deliveries explained'] ?? 0).toBeGreaterThan(0);
  expect(watch.unhandled).toEqual([]);
  expect(scanner.hits).toEqual([]);
});
