import { createDemoBackend } from '../backend/backend.js';
import { readVendorEnv } from '../backend/env.js';
import { ALIAS_VENDOR, type DemoAlias } from '../shared/vendors.js';
import { parseJsonFlag } from './args.js';
import type { CliIo } from './io.js';
import { EXIT } from './usage.js';

/** `roomcast channels [--json]`: every channel with its capability, and whether it is emulated. */
export async function channelsCommand(argv: string[], io: CliIo): Promise<number> {
  const json = parseJsonFlag(argv);
  const backend = await createDemoBackend({ vendors: readVendorEnv(io.env) });
  try {
    const channels = backend.rc
      .channels()
      .map((c) => ({ ...c, mode: backend.modes[ALIAS_VENDOR[c.alias as DemoAlias]] }));
    if (json) {
      io.stdout.write(`${JSON.stringify(channels, null, 2)}\n`);
      return EXIT.ok;
    }
    for (const c of channels) {
      const cap = c.capability;
      const quota = cap.quotas[0];
      io.stdout.write(
        `${c.id.padEnd(18)} ${cap.operation.padEnd(22)} ${cap.audiences.join('/').padEnd(16)} ≤${String(cap.maxPayloadBytes).padStart(6)} B  ` +
          `${cap.maxRecipientsPerRequest > 0 ? `${cap.maxRecipientsPerRequest}/request` : 'room'}`.padEnd(
            12,
          ) +
          `${quota ? `${quota.limit}/${quota.intervalMs} ms` : ''}  ${c.mode}\n`,
      );
    }
    return EXIT.ok;
  } finally {
    await backend.close();
  }
}
