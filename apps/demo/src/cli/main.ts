#!/usr/bin/env node
import { channelsCommand } from './channels-command.js';
import { emulatorCommand } from './emulator-command.js';
import { type CliIo, processIo } from './io.js';
import { sendCommand } from './send-command.js';
import { EXIT, USAGE, UsageError } from './usage.js';

const COMMANDS: Record<string, (argv: string[], io: CliIo) => Promise<number>> = {
  send: sendCommand,
  channels: channelsCommand,
  emulator: emulatorCommand,
};

async function run(argv: string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  if (
    command === undefined ||
    command === '--help' ||
    command === '-h' ||
    command === 'help' ||
    rest.includes('--help')
  ) {
    io.stdout.write(`${USAGE}\n`);
    return command === undefined ? EXIT.usage : EXIT.ok;
  }
  const handler = COMMANDS[command];
  if (handler === undefined) throw new UsageError(`unknown command "${command}"`);
  return handler(rest, io);
}

run(process.argv.slice(2), processIo).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof UsageError) {
      process.stderr.write(`roomcast: ${error.message}\nRun roomcast --help for the options.\n`);
      process.exitCode = EXIT.usage;
      return;
    }
    process.stderr.write(`roomcast: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = EXIT.failed;
  },
);
