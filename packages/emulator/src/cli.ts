import { runCli } from './cli/run.js';

runCli(process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(`roomcast-emulator: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
