import { inspect } from 'node:util';
import { isRoomcastError, type RoomcastError } from '@roomcast/core';
import { type Emulator, type StartEmulatorOptions, startEmulator } from '@roomcast/emulator';
import { expect } from 'vitest';
import { createZegoRtcClient, type ZegoRtcConfig, zegoRtc } from '../src/index.js';

/** A fetch that remembers every URL it sent, so tests can find each request's Signature. */
export function recordingFetch(): { fetch: typeof fetch; urls: URL[] } {
  const urls: URL[] = [];
  const fetchImpl = (input: RequestInfo | URL, init?: RequestInit) => {
    urls.push(new URL(input instanceof Request ? input.url : String(input)));
    return fetch(input, init);
  };
  return { fetch: fetchImpl as typeof fetch, urls };
}

/** An emulator plus a client and a provider pointed at it. */
export async function setup(options: StartEmulatorOptions = {}, extra: Partial<ZegoRtcConfig> = {}) {
  const emu: Emulator = await startEmulator({ port: 0, ...options });
  const recorder = recordingFetch();
  const config: ZegoRtcConfig = {
    ...emu.credentials.zegoRtc,
    baseUrl: emu.zegoRtcUrl,
    fetch: recorder.fetch,
    // Sign with the emulator's clock unless a test skews one of them on purpose.
    ...(options.now ? { now: options.now } : {}),
    ...extra,
  };
  return {
    emu,
    config,
    client: createZegoRtcClient(config),
    provider: zegoRtc(config),
    urls: recorder.urls,
    /** The ServerSecret and every Signature sent so far. */
    secrets: () => [
      emu.credentials.zegoRtc.serverSecret,
      ...recorder.urls.map((u) => u.searchParams.get('Signature') ?? '').filter((s) => s !== ''),
    ],
  };
}

/** Awaits a promise that must reject with a RoomcastError. */
export async function rejection(promise: Promise<unknown>): Promise<RoomcastError> {
  const outcome = await promise.then(
    () => ({ ok: true as const }),
    (error: unknown) => ({ ok: false as const, error }),
  );
  if (outcome.ok) throw new Error('expected the promise to reject');
  if (!isRoomcastError(outcome.error)) throw outcome.error;
  return outcome.error;
}

/** Every way an error can be shown or logged. */
export function renderings(error: RoomcastError): string[] {
  return [
    error.message,
    String(error.stack),
    JSON.stringify(error),
    inspect(error, { depth: 10, showHidden: true }),
  ];
}

export function expectNoSecrets(error: RoomcastError, secrets: readonly string[]): void {
  for (const text of renderings(error)) for (const secret of secrets) expect(text).not.toContain(secret);
}
