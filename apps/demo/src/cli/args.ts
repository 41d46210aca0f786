import { readFile } from 'node:fs/promises';
import { type ParseArgsOptionsConfig, parseArgs } from 'node:util';
import { UsageError } from './usage.js';

export interface SendArgs {
  channel: string;
  room: string;
  from: string;
  to: string[] | undefined;
  text: string | undefined;
  data: string | undefined;
  type: string | undefined;
  offline: string[];
  baseUrl: string | undefined;
  json: boolean;
}

const splitList = (value: string): string[] =>
  value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

/** One id per line; blank lines and `#` comments are skipped (a list exported from a database or a sheet). */
export function parseIdFile(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
}

function parse(argv: string[], options: ParseArgsOptionsConfig) {
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

export async function parseSendArgs(argv: string[]): Promise<SendArgs> {
  const { values, positionals } = parse(argv, {
    room: { type: 'string' },
    from: { type: 'string' },
    to: { type: 'string' },
    'to-file': { type: 'string' },
    text: { type: 'string' },
    data: { type: 'string' },
    type: { type: 'string' },
    offline: { type: 'string' },
    'base-url': { type: 'string' },
    json: { type: 'boolean' },
  });
  const v = values as Record<string, string | boolean | undefined>;
  const channel = positionals[0];
  if (channel === undefined)
    throw new UsageError('send needs a channel, e.g. roomcast send zego:signal --to alice --data hi');
  if (positionals.length > 1) throw new UsageError(`unexpected argument "${positionals[1]}"`);
  if (v.to !== undefined && v['to-file'] !== undefined)
    throw new UsageError('use --to or --to-file, not both');
  if ((v.text === undefined) === (v.data === undefined))
    throw new UsageError('give the payload as --text or --data (one of them)');
  let to: string[] | undefined;
  if (typeof v.to === 'string') to = splitList(v.to);
  if (typeof v['to-file'] === 'string') {
    try {
      to = parseIdFile(await readFile(v['to-file'], 'utf8'));
    } catch (error) {
      throw new UsageError(
        `cannot read --to-file ${v['to-file']}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
      );
    }
    if (to.length === 0) throw new UsageError(`--to-file ${v['to-file']} lists no user ids`);
  }
  return {
    channel,
    room: (v.room as string | undefined) ?? 'live-1',
    from: (v.from as string | undefined) ?? 'server',
    to,
    text: v.text as string | undefined,
    data: v.data as string | undefined,
    type: v.type as string | undefined,
    offline: typeof v.offline === 'string' ? splitList(v.offline) : [],
    baseUrl: v['base-url'] as string | undefined,
    json: v.json === true,
  };
}

export function parseEmulatorArgs(argv: string[]): { port: number; host: string } {
  const { values, positionals } = parse(argv, { port: { type: 'string' }, host: { type: 'string' } });
  if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"`);
  const port = Number(values.port ?? 4510);
  if (!Number.isInteger(port) || port < 0 || port > 65_535)
    throw new UsageError(`--port must be a port number, got ${String(values.port)}`);
  return { port, host: (values.host as string | undefined) ?? '127.0.0.1' };
}

export function parseJsonFlag(argv: string[]): boolean {
  const { values, positionals } = parse(argv, { json: { type: 'boolean' } });
  if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"`);
  return values.json === true;
}
