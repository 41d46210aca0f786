import { inspect } from 'node:util';
import type { RoomcastError } from '@roomcast/core';
import { type Emulator, startEmulator } from '@roomcast/emulator';
import { createTrtcClient, type TrtcConfig } from '../../src/index.js';

/** A clock tests move by hand (Unix ms). */
export function manualClock(startMs: number) {
  let ms = startMs;
  return {
    now: () => ms,
    set(value: number) {
      ms = value;
    },
    advanceSeconds(seconds: number) {
      ms += seconds * 1000;
    },
  };
}

/** Wraps the global fetch to record every URL the client requested (to see its UserSigs). */
export function recordingFetch() {
  const urls: URL[] = [];
  const fetch = (input: Request | string | URL, init?: RequestInit) => {
    urls.push(new URL(input instanceof Request ? input.url : input));
    return globalThis.fetch(input, init);
  };
  return {
    fetch: fetch as typeof globalThis.fetch,
    urls,
    userSigs: () => [...new Set(urls.map((u) => u.searchParams.get('usersig') ?? ''))],
  };
}

/** Starts an emulator and builds clients pointed at it. */
export async function emulatorSetup(options: Parameters<typeof startEmulator>[0] = {}) {
  const emulator: Emulator = await startEmulator({ port: 0, host: '127.0.0.1', ...options });
  const recorder = recordingFetch();
  const client = (extra: Partial<TrtcConfig> = {}) =>
    createTrtcClient({
      ...emulator.credentials.trtc,
      baseUrl: emulator.trtcUrl,
      fetch: recorder.fetch,
      ...extra,
    });
  return { emulator, recorder, client };
}

/** Every text form an error can take on its way to a log. */
export function errorTexts(error: RoomcastError): string[] {
  return [
    error.message,
    error.stack ?? '',
    JSON.stringify(error),
    inspect(error, { depth: 8, showHidden: true }),
  ];
}
