import { type Emulator, type StartEmulatorOptions, startEmulator } from '@roomcast/emulator';
import { createZegoZimClient, type ZegoZimConfig } from '../../src/index.js';

/** One recorded vendor request: what left this process, as the wire carried it. */
export interface WireRequest {
  action: string | null;
  nonce: string | null;
  signature: string | null;
  body: Record<string, unknown> | undefined;
}

/**
 * A fetch that forwards to the real one (real HTTP to the emulator) and records each request's
 * Action, nonce, signature and JSON body, so tests can assert batching and fresh signing.
 */
export function recordingFetch(): { fetch: typeof fetch; wire: WireRequest[] } {
  const wire: WireRequest[] = [];
  const recording = async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    const url = new URL(request.url);
    const text = request.method === 'POST' ? await request.clone().text() : '';
    wire.push({
      action: url.searchParams.get('Action'),
      nonce: url.searchParams.get('SignatureNonce'),
      signature: url.searchParams.get('Signature'),
      body: text === '' ? undefined : (JSON.parse(text) as Record<string, unknown>),
    });
    return fetch(request);
  };
  return { fetch: recording as typeof fetch, wire };
}

/** A started emulator, a config pointing at it, and the recorded wire. */
export async function startZim(options: StartEmulatorOptions = {}) {
  const emu: Emulator = await startEmulator({ port: 0, host: '127.0.0.1', ...options });
  const { fetch, wire } = recordingFetch();
  const config: ZegoZimConfig = { ...emu.credentials.zegoZim, baseUrl: emu.zegoZimUrl, fetch };
  return { emu, config, wire, client: createZegoZimClient(config) };
}

/** Registers and logs in users. */
export function online(emu: Emulator, ...users: string[]): void {
  for (const user of users) emu.zim.setOnline(user, true);
}
