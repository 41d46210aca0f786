import { createRoomcast } from '@roomcast/core';
import { type Emulator, startEmulator } from '@roomcast/emulator';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { runSends, type Sender, verifyRound } from './support/campaign.js';
import { campaignFaults, injectAll, settleLatentRequests, waitForQuiet } from './support/faults.js';
import { heapAfterGc, watchProcess } from './support/process-watch.js';
import { emulatorProviders, registerCredentialSecrets } from './support/providers.js';
import { createRng } from './support/random.js';
import { scanningHooks, scanOutcome } from './support/scanning-hooks.js';
import { SecretScanner } from './support/secret-scanner.js';
import { recordingFetch, type WireRequest } from './support/wire.js';
import { CAMPAIGN_FIXTURES, CHANNELS, planSend } from './support/world.js';

/**
 * The fault campaign: 5,000 logical sends over every provider and kind against one emulator that
 * answers with a seeded mix of rate limits, drops, gateway errors, resets, timeouts, unreadable
 * bodies and expired credentials. Run in rounds; after each, the outcomes are checked against the
 * emulator's request and delivery logs, then everything is reset (so the heap can be compared).
 */
const SEED = 9_001;
const SENDS = 5_000;
const ROUNDS = 10;
const TIMEOUT_MS = 200;
const LATENCY_MS = 350;
/**
 * Heap growth allowed from the end of the two warm-up rounds to the end of the run. A healthy run
 * grows by under 1 MB; a leak of one SendResult per send (about 1 KB each) grows it by 4.4 MB.
 */
const HEAP_BOUND_BYTES = 4 * 1024 * 1024;

let emulator: Emulator;
const scanner = new SecretScanner();
const watch = watchProcess();

beforeAll(async () => {
  emulator = await startEmulator({
    port: 0,
    seed: SEED,
    rateLimits: 'off',
    fixtures: CAMPAIGN_FIXTURES,
    maxLogEntries: 200_000,
  });
  registerCredentialSecrets(emulator, scanner);
});

afterAll(async () => {
  watch.stop();
  await emulator.close();
});

it('accounts for every recipient once, never duplicates, reports ambiguity, leaks nothing', async () => {
  let wire: WireRequest[] = [];
  const providers = emulatorProviders(emulator, {
    fetch: recordingFetch(scanner, (request) => wire.push(request)),
    quotaFactor: 1000,
  });
  const rc = createRoomcast({
    providers,
    hooks: scanningHooks(scanner),
    timeoutMs: TIMEOUT_MS,
    retry: { maxAttempts: 3, baseDelayMs: 2, maxDelayMs: 20 },
  }) as unknown as Sender;
  const rng = createRng(SEED);
  const violations: string[] = [];
  const stats: Record<string, number> = {};
  const perRound = SENDS / ROUNDS;

  /** One round in its own frame, so nothing of it stays reachable once it returns. */
  async function round(index: number): Promise<void> {
    emulator.reset();
    wire = [];
    injectAll(emulator, campaignFaults(LATENCY_MS));
    const plans = Array.from({ length: perRound }, (_, i) => planSend(rng, index * perRound + i));
    const outcomes = await runSends(rc, plans, 48, (outcome) =>
      scanOutcome(scanner, `send ${outcome.plan.id}`, outcome),
    );
    // Let requests the client gave up on land in the logs before they are read.
    await settleLatentRequests(emulator, LATENCY_MS);
    await waitForQuiet(emulator);
    const report = verifyRound({
      outcomes,
      wire,
      requests: emulator.requests(),
      deliveries: emulator.deliveries(),
      mode: 'at-most-once',
    });
    violations.push(...report.violations.slice(0, 20));
    for (const [key, value] of Object.entries(report.stats)) stats[key] = (stats[key] ?? 0) + value;
    scanner.forgetSignatures();
    emulator.reset();
    wire = [];
  }

  let warmHeap = 0;
  for (let index = 0; index < ROUNDS; index++) {
    await round(index);
    // After the warm-up rounds and at the end, measured the same way: between rounds.
    if (index === 1) warmHeap = await heapAfterGc();
  }
  const endHeap = await heapAfterGc();
  console.info('fault campaign', JSON.stringify({ stats, heapGrowthBytes: endHeap - warmHeap }, null, 1));

  expect(violations).toEqual([]);
  expect(stats.sends).toBe(SENDS);
  // The mix really happened: every fault kind hit, and some ambiguous failures were delivered.
  for (const kind of ['timeout', 'latency', 'http', 'reset', 'malformed', 'code', 'drop']) {
    expect(stats[`fault:${kind}`] ?? 0, kind).toBeGreaterThan(0);
  }
  expect(stats['ambiguous and delivered'] ?? 0).toBeGreaterThan(0);
  expect(stats['batches ending without a readable answer'] ?? 0).toBeGreaterThan(0);
  // Safe failures (rate limits, drops, expired signatures) were retried or re-signed into success.
  expect(stats['batches accepted after a retry or re-signing'] ?? 0).toBeGreaterThan(100);
  expect(stats['duplicated recipients'] ?? 0).toBe(0);
  for (const channel of CHANNELS) expect(stats[`channel ${channel}`], channel).toBeGreaterThan(500);

  expect(watch.unhandled).toEqual([]);
  expect(watch.warnings).toEqual([]);
  expect(endHeap - warmHeap).toBeLessThan(HEAP_BOUND_BYTES);

  expect(scanner.secretCount).toBeGreaterThan(1000);
  expect(scanner.scanned).toBeGreaterThan(10_000);
  expect(scanner.hits).toEqual([]);
});
