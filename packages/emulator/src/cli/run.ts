import { readFile } from 'node:fs/promises';
import type { Emulator, StartEmulatorOptions } from '../emulator.js';
import { startEmulator } from '../start.js';

const USAGE = `Usage: roomcast-emulator [--port 4510] [--host 127.0.0.1] [--config file.json]
                         [--seed N] [--rate-limits vendor|off] [--test-app]

Starts a local emulator of the ZEGO RTC, ZEGO ZIM and Tencent RTC live-room server APIs and prints
the base URLs and the credentials it accepts. --config takes a JSON file with any startEmulator()
options (credentials, rateLimits, sizeLimits, behavior, fixtures, ...); flags win over the file.
Stop it with Ctrl-C.`;

export interface CliIo {
  out(text: string): void;
  /** Resolves when the process is asked to stop; tests pass their own. */
  waitForStop(): Promise<void>;
}

const processIo: CliIo = {
  out: (text) => process.stdout.write(text),
  waitForStop: () =>
    new Promise((resolve) => {
      process.once('SIGINT', () => resolve());
      process.once('SIGTERM', () => resolve());
    }),
};

/** Parses the flags, starts the emulator, prints where it is, and runs until stopped. */
export async function runCli(argv: readonly string[], io: CliIo = processIo): Promise<Emulator | undefined> {
  const flags = parseFlags(argv);
  if (flags.help) {
    io.out(`${USAGE}\n`);
    return undefined;
  }
  let options: StartEmulatorOptions = {};
  if (flags.config) {
    const text = await readFile(flags.config, 'utf8');
    try {
      options = JSON.parse(text) as StartEmulatorOptions;
    } catch (error) {
      throw new Error(`${flags.config} is not valid JSON: ${(error as Error).message}`);
    }
  }
  const emu = await startEmulator({
    ...options,
    port: flags.port ?? options.port ?? 4510,
    host: flags.host ?? options.host ?? '127.0.0.1',
    ...(flags.seed !== undefined ? { seed: flags.seed } : {}),
    ...(flags.rateLimits !== undefined ? { rateLimits: flags.rateLimits } : {}),
    ...(flags.testApp ? { isTestApp: true } : {}),
  });
  io.out(banner(emu));
  await io.waitForStop();
  await emu.close();
  return emu;
}

interface Flags {
  help: boolean;
  port?: number;
  host?: string;
  config?: string;
  seed?: number;
  rateLimits?: 'vendor' | 'off';
  testApp: boolean;
}

function parseFlags(argv: readonly string[]): Flags {
  const flags: Flags = { help: false, testApp: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [name, inline] = arg.includes('=')
      ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)]
      : [arg, undefined];
    const value = (): string => {
      const v = inline ?? argv[++i];
      if (v === undefined) throw new Error(`${name} needs a value\n\n${USAGE}`);
      return v;
    };
    switch (name) {
      case '-h':
      case '--help':
        flags.help = true;
        break;
      case '-p':
      case '--port': {
        const port = Number(value());
        if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error('--port must be 0..65535');
        flags.port = port;
        break;
      }
      case '--host':
        flags.host = value();
        break;
      case '-c':
      case '--config':
        flags.config = value();
        break;
      case '--seed': {
        const seed = Number(value());
        if (!Number.isInteger(seed)) throw new Error('--seed must be an integer');
        flags.seed = seed;
        break;
      }
      case '--rate-limits': {
        const v = value();
        if (v !== 'vendor' && v !== 'off') throw new Error('--rate-limits must be vendor or off');
        flags.rateLimits = v;
        break;
      }
      case '--test-app':
        flags.testApp = true;
        break;
      default:
        throw new Error(`unknown option ${arg}\n\n${USAGE}`);
    }
  }
  return flags;
}

function banner(emu: Emulator): string {
  const c = emu.credentials;
  return [
    `roomcast emulator listening on ${emu.url}`,
    '',
    `  ZEGO RTC   ${emu.zegoRtcUrl}   appId=${c.zegoRtc.appId} serverSecret=${c.zegoRtc.serverSecret}`,
    `  ZEGO ZIM   ${emu.zegoZimUrl}   appId=${c.zegoZim.appId} serverSecret=${c.zegoZim.serverSecret}`,
    `  Tencent    ${emu.trtcUrl}   sdkAppId=${c.trtc.sdkAppId} adminUserId=${c.trtc.adminUserId} secretKey=${c.trtc.secretKey}`,
    '',
    `  control    ${emu.url}/_emulator/   events ${emu.url}/_emulator/events`,
    '',
    "These are the emulator's own test credentials; they open nothing else.",
    '',
  ].join('\n');
}
