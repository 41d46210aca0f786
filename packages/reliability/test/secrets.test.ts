import { inspect } from 'node:util';
import { inflateSync } from 'node:zlib';
import { createRoomcast } from '@roomcast/core';
import { type Emulator, startEmulator } from '@roomcast/emulator';
import { createTrtcClient, genUserSig, inspectUserSig, trtc } from '@roomcast/trtc';
import { createZegoRtcClient, zegoRtc } from '@roomcast/zego-rtc';
import { createZegoZimClient, zegoZim } from '@roomcast/zego-zim';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { runSends, type Sender } from './support/campaign.js';
import { campaignFaults, injectAll } from './support/faults.js';
import { emulatorProviders, registerCredentialSecrets } from './support/providers.js';
import { createRng } from './support/random.js';
import { scanningHooks, scanOutcome } from './support/scanning-hooks.js';
import { SecretScanner } from './support/secret-scanner.js';
import { recordingFetch } from './support/wire.js';
import { CAMPAIGN_FIXTURES, planSend } from './support/world.js';

/**
 * Secrets: the ServerSecrets, the SecretKey, every UserSig and every Signature this file produces
 * are collected (signatures and UserSigs from the wire, where alone they exist) and every text a
 * caller could log is scanned for them: errors (message, stack, toJSON, util.inspect), hook
 * payloads and the log lines made from them, results, the emulator's logs, and whatever the
 * libraries write to the console (they must write nothing). Objects a caller may log — providers,
 * clients, registries, configs — print no secret either.
 */
let emulator: Emulator;
const scanner = new SecretScanner();

beforeAll(async () => {
  emulator = await startEmulator({ port: 0, rateLimits: 'off', fixtures: CAMPAIGN_FIXTURES, seed: 5 });
  registerCredentialSecrets(emulator, scanner);
});

afterEach(() => {
  vi.restoreAllMocks();
});

afterAll(async () => {
  await emulator.close();
});

/** Every way an object ends up in a log. */
function printed(value: unknown): string[] {
  const texts = [
    inspect(value, { depth: Number.POSITIVE_INFINITY, showHidden: true, getters: true }),
    String(value),
    `${value}`,
  ];
  try {
    texts.push(JSON.stringify(value) ?? '');
  } catch {
    // Not serializable: nothing printed this way.
  }
  return texts;
}

describe('objects a caller may log', () => {
  it('providers, vendor clients, registries and configs print no secret', () => {
    const configs = {
      zegoRtc: { ...emulator.credentials.zegoRtc, baseUrl: emulator.zegoRtcUrl },
      zegoZim: { ...emulator.credentials.zegoZim, baseUrl: emulator.zegoZimUrl },
      trtc: { ...emulator.credentials.trtc, baseUrl: emulator.trtcUrl },
    };
    const providers = {
      zego: zegoRtc(configs.zegoRtc),
      zim: zegoZim(configs.zegoZim),
      tencent: trtc(configs.trtc),
    };
    const objects: Record<string, unknown> = {
      ...providers,
      'zego client': createZegoRtcClient(configs.zegoRtc),
      'zim client': createZegoZimClient(configs.zegoZim),
      'trtc client': createTrtcClient(configs.trtc),
      'provider.client (zego)': providers.zego.client,
      'provider.client (trtc)': providers.tencent.client,
      registry: createRoomcast({ providers }),
      channels: createRoomcast({ providers }).channels(),
    };
    for (const [name, object] of Object.entries(objects)) {
      for (const text of printed(object)) scanner.scan(name, text);
    }
    // A config is the caller's own object: roomcast cannot hide its fields from util.inspect, but
    // string conversion (template literals, `+ ''`) shows nothing.
    for (const [name, config] of Object.entries(configs)) {
      scanner.scan(`${name} config as a string`, String(config));
      scanner.scan(`${name} config in a template`, `${config}`);
    }
    expect(scanner.hits).toEqual([]);
  });

  it('a UserSig is a secret: inspectUserSig shows what it says, never its signature', () => {
    const { sdkAppId, secretKey } = emulator.credentials.trtc;
    const userSig = genUserSig({
      sdkAppId,
      secretKey,
      userId: 'viewer-1',
      expireSeconds: 3600,
      now: 1_700_000_000,
    });
    const ticket = JSON.parse(
      inflateSync(
        Buffer.from(userSig.replace(/\*/g, '+').replace(/-/g, '/').replace(/_/g, '='), 'base64'),
      ).toString(),
    ) as Record<string, unknown>;
    const sig = ticket['TLS.sig'] as string;
    const local = new SecretScanner();
    local.addSecret(userSig, 'UserSig');
    local.addSecret(sig, 'TLS.sig');
    local.addSecret(secretKey, 'SecretKey');
    const info = inspectUserSig(userSig);
    for (const text of printed(info)) local.scan('inspectUserSig', text);
    expect(info).toMatchObject({ identifier: 'viewer-1', sdkAppId, expiresAt: 1_700_003_600 });
    expect(local.hits).toEqual([]);
  });
});

describe('a run with faults and wrong credentials', () => {
  it('leaks no secret into errors, hooks, log lines, results, the emulator logs or the console', async () => {
    const written: string[] = [];
    for (const method of ['log', 'info', 'warn', 'error', 'debug', 'trace'] as const) {
      vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
        written.push(args.map((a) => (typeof a === 'string' ? a : inspect(a))).join(' '));
      });
    }
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
      written.push(String(chunk));
      return true;
    });
    const logLines: string[] = [];
    const fetch = recordingFetch(scanner);
    const hooks = scanningHooks(scanner, (line) => logLines.push(line));
    const good = emulatorProviders(emulator, { fetch, hooks, quotaFactor: 1000 });
    // Valid-looking but wrong secrets: the vendor refuses the signature / UserSig (100000005, 70009).
    const wrongZego = 'ffffffffffffffffffffffffffffffff';
    const wrongKey = `${emulator.credentials.trtc.secretKey.slice(0, -4)}beef`;
    scanner.addSecret(wrongZego, 'ServerSecret (wrong)');
    scanner.addSecret(wrongKey, 'SecretKey (wrong)');
    const rc = createRoomcast({
      providers: {
        ...good,
        badZego: zegoRtc({
          ...emulator.credentials.zegoRtc,
          serverSecret: wrongZego,
          baseUrl: emulator.zegoRtcUrl,
          fetch,
          hooks,
        }),
        badTencent: trtc({
          ...emulator.credentials.trtc,
          secretKey: wrongKey,
          baseUrl: emulator.trtcUrl,
          fetch,
          hooks,
        }),
      },
      hooks,
      timeoutMs: 200,
      retry: { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 5 },
    }) as unknown as Sender;
    injectAll(emulator, campaignFaults(300, 3));
    const rng = createRng(11);
    const outcomes = await runSends(
      rc,
      Array.from({ length: 300 }, (_, id) => planSend(rng, id)),
      16,
      (o) => scanOutcome(scanner, `send ${o.plan.id}`, o),
    );
    emulator.faults.clear();
    const refused = await Promise.allSettled([
      rc.send('badZego:broadcast', { roomId: 'rtc-1', from: 'server', text: 'x' }, { timeoutMs: 5000 }),
      rc.send('badTencent:broadcast', { roomId: 'trtc-1', from: 'server', text: 'x' }, { timeoutMs: 5000 }),
    ]);
    for (const result of refused)
      scanOutcome(scanner, 'wrong credentials', { error: (result as PromiseRejectedResult).reason });
    await new Promise((resolve) => setTimeout(resolve, 400));
    stderr.mockRestore();
    vi.restoreAllMocks();

    expect(
      refused.map((r) => (r.status === 'rejected' ? (r.reason as { code: string }).code : 'sent')),
    ).toEqual(['UNAUTHENTICATED', 'UNAUTHENTICATED']);
    expect(outcomes).toHaveLength(300);
    for (const entry of emulator.requests()) scanner.scan('emulator request log', entry);
    for (const delivery of emulator.deliveries()) scanner.scan('emulator delivery log', delivery);
    for (const line of written) scanner.scan('console', line);
    expect(written, 'the libraries write nothing to the console').toEqual([]);
    expect(logLines.length).toBeGreaterThan(300);
    expect(scanner.secretCount).toBeGreaterThan(100);
    expect(scanner.hits).toEqual([]);
  });
});
