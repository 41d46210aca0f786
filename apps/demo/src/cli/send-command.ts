import { DEFAULT_CREDENTIALS } from '@roomcast/emulator';
import { createDemoBackend } from '../backend/backend.js';
import { readVendorEnv, type VendorSettings } from '../backend/env.js';
import { joinRecipients, registerSender } from '../backend/prepare.js';
import { sendDynamic } from '../backend/send.js';
import { serializeError, serializeResult, toRoomcastError } from '../shared/serialize.js';
import { type VendorId, vendorOfChannel } from '../shared/vendors.js';
import { parseSendArgs, type SendArgs } from './args.js';
import type { CliIo } from './io.js';
import { formatError, formatResult } from './output.js';
import { createProgressBar } from './progress-bar.js';
import { EXIT, UsageError } from './usage.js';

/** Sends of at least this many recipients get a progress bar. */
const PROGRESS_THRESHOLD = 100;

/**
 * `--base-url` points the channel's vendor somewhere else: with credentials from the environment
 * (a proxy, another region), or else with the emulator's default credentials (a standalone
 * `roomcast emulator`).
 */
function withBaseUrl(vendors: VendorSettings, vendor: VendorId, baseUrl: string): VendorSettings {
  switch (vendor) {
    case 'zego-rtc':
      return { ...vendors, zegoRtc: { ...(vendors.zegoRtc ?? DEFAULT_CREDENTIALS.zegoRtc), baseUrl } };
    case 'zego-zim':
      return { ...vendors, zegoZim: { ...(vendors.zegoZim ?? DEFAULT_CREDENTIALS.zegoZim), baseUrl } };
    case 'trtc':
      return { ...vendors, trtc: { ...(vendors.trtc ?? DEFAULT_CREDENTIALS.trtc), baseUrl } };
  }
}

function buildMessage(
  args: SendArgs,
  kind: string,
  takesUsers: boolean,
  takesRoom: boolean,
): Record<string, unknown> {
  const message: Record<string, unknown> = { from: args.from };
  if (takesRoom) message.roomId = args.room;
  if (takesUsers && args.to !== undefined) message.to = args.to;
  if (args.data !== undefined) message.data = args.data;
  else if (kind === 'signal') message.data = args.text;
  else message.text = args.text;
  if (args.type !== undefined) message.type = args.type;
  return message;
}

/** `roomcast send <channel> …`: one send, its outcome per recipient, an exit status that says how it went. */
export async function sendCommand(argv: string[], io: CliIo): Promise<number> {
  const args = await parseSendArgs(argv);
  const vendor = vendorOfChannel(args.channel);
  if (vendor === undefined) {
    throw new UsageError(
      `unknown channel "${args.channel}"; channels start with zego:, zim: or tencent: (see roomcast channels)`,
    );
  }
  let vendors = readVendorEnv(io.env);
  if (args.baseUrl !== undefined) vendors = withBaseUrl(vendors, vendor, args.baseUrl);

  const backend = await createDemoBackend({ vendors, timeoutMs: 10_000 });
  try {
    const info = backend.rc.channels().find((c) => c.id === args.channel);
    if (info === undefined) {
      const kinds = backend.rc.channels().filter((c) => c.id.startsWith(`${args.channel.split(':')[0]}:`));
      throw new UsageError(`${args.channel} does not exist; try ${kinds.map((c) => c.id).join(', ')}`);
    }
    const audiences = info.capability.audiences;
    const takesUsers = audiences.includes('users') || audiences.includes('room-users');
    const takesRoom = audiences.includes('room') || audiences.includes('room-users');
    const emulator = backend.modes[vendor] === 'emulator' ? backend.emulator : undefined;
    if (!takesUsers && args.to !== undefined && emulator === undefined) {
      throw new UsageError(`${args.channel} addresses the whole room; drop --to`);
    }
    const message = buildMessage(args, info.kind, takesUsers, takesRoom);

    if (emulator !== undefined) {
      // For the demo: put the recipients where the send can reach them (room-only kinds: a viewer).
      const audience = args.to ?? (takesRoom ? ['viewer'] : []);
      joinRecipients(
        emulator,
        vendor,
        info.kind,
        takesRoom ? args.room : undefined,
        audience,
        new Set(args.offline),
      );
      registerSender(emulator, vendor, message);
    }

    const recipients = args.to?.length ?? 0;
    const bar = !args.json && recipients >= PROGRESS_THRESHOLD ? createProgressBar(io.stderr) : undefined;
    try {
      const result = await sendDynamic(
        backend.rc,
        args.channel,
        message,
        bar ? { onProgress: bar.update } : {},
      );
      bar?.finish();
      if (args.json) io.stdout.write(`${JSON.stringify(serializeResult(result), null, 2)}\n`);
      else io.stdout.write(formatResult(args.channel, result));
      return result.status === 'ok' ? EXIT.ok : EXIT.partial;
    } catch (thrown) {
      bar?.finish();
      const error = toRoomcastError(thrown);
      if (args.json) io.stdout.write(`${JSON.stringify(serializeError(error), null, 2)}\n`);
      else io.stderr.write(formatError(args.channel, error));
      return EXIT.failed;
    }
  } finally {
    await backend.close();
  }
}
