import { fileURLToPath } from 'node:url';
import { createDemoBackend } from '../backend/backend.js';
import { readVendorEnv } from '../backend/env.js';
import { VENDOR_IDS } from '../shared/vendors.js';
import { createDemoServer } from './app.js';

/** Default dashboard port; `PORT` overrides it. */
const DEFAULT_PORT = 4600;

function portFrom(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65_535)
    throw new Error(`${name} must be a port number, got "${value}"`);
  return port;
}

async function main(): Promise<void> {
  const port = portFrom(process.env.PORT, 'PORT', DEFAULT_PORT);
  const host = process.env.HOST || '127.0.0.1';
  const backend = await createDemoBackend({
    vendors: readVendorEnv(process.env),
    emulatorPort: portFrom(process.env.EMULATOR_PORT, 'EMULATOR_PORT', 0),
  });
  // tsup bundles this file into dist/server.js; the Vite build sits beside it in dist/web.
  const webRoot = fileURLToPath(new URL('./web', import.meta.url));
  const demo = createDemoServer({ backend, webRoot });
  let bound: number;
  try {
    bound = await demo.listen(port, host);
  } catch (error) {
    await backend.close();
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      throw new Error(`port ${port} is in use: start with PORT=<another port> (PORT=0 picks a free one)`);
    }
    throw error;
  }

  const shown = host === '127.0.0.1' || host === '::1' ? 'localhost' : host;
  const lines = [`roomcast demo: http://${shown}:${bound}`];
  for (const vendor of VENDOR_IDS) {
    lines.push(
      `  ${vendor.padEnd(8)} ${backend.modes[vendor] === 'vendor' ? 'real vendor (credentials from the environment)' : 'emulator'}`,
    );
  }
  if (backend.emulator)
    lines.push(`  emulator ${backend.emulator.url} (control API: ${backend.emulator.url}/_emulator/)`);
  lines.push('Press Ctrl+C to stop.');
  process.stdout.write(`${lines.join('\n')}\n`);

  const stop = () => {
    demo.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`roomcast demo: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
