import type { Emulator } from '@roomcast/emulator';
import { createZegoRtcClient } from '@roomcast/zego-rtc';
import { createZegoZimClient } from '@roomcast/zego-zim';
import type { VendorClientConfigs } from './backend.js';

/** One bad-input demo: a vendor-client call that must fail locally with a clear error. */
export interface BadInputDemo {
  id: string;
  title: string;
  /** The call as a user would write it, shown next to the error. */
  code: string;
  run(configs: VendorClientConfigs): Promise<unknown>;
}

const ELEVEN = Array.from({ length: 11 }, (_, i) => `user-${i + 1}`);
// 512 gift emoji: 512 characters but 2,048 UTF-8 bytes, twice ZEGO's 1,024-byte MessageContent limit.
const TWO_KB = '🎁'.repeat(512);

export const BAD_INPUT_DEMOS: readonly BadInputDemo[] = [
  {
    id: 'zego-rtc-2kb',
    title: 'A 2 KB ZEGO message',
    code: "createZegoRtcClient(config).sendCustomCommand({ RoomId: 'live-1', FromUserId: 'server', MessageContent: '🎁'.repeat(512) })",
    run: (configs) =>
      createZegoRtcClient(configs.zegoRtc).sendCustomCommand({
        RoomId: 'live-1',
        FromUserId: 'server',
        MessageContent: TWO_KB,
      }),
  },
  {
    id: 'zego-rtc-11-recipients',
    title: '11 recipients in one ZEGO request',
    code: "createZegoRtcClient(config).sendCustomCommand({ RoomId: 'live-1', FromUserId: 'server', ToUserId: ['user-1', …, 'user-11'], MessageContent: 'hi' })",
    run: (configs) =>
      createZegoRtcClient(configs.zegoRtc).sendCustomCommand({
        RoomId: 'live-1',
        FromUserId: 'server',
        ToUserId: ELEVEN,
        MessageContent: 'hi',
      }),
  },
  {
    id: 'zego-zim-bad-user-id',
    title: 'A bad ZIM user id',
    code: "createZegoZimClient(config).sendPeerMessage({ FromUserId: 'server', ToUserId: ['bob/admin'], MessageType: 1, Priority: 2, MessageBody: { Message: 'hi' } })",
    run: (configs) =>
      createZegoZimClient(configs.zegoZim).sendPeerMessage({
        FromUserId: 'server',
        ToUserId: ['bob/admin'],
        MessageType: 1,
        Priority: 2,
        MessageBody: { Message: 'hi' },
      }),
  },
];

/** The outcome of a demo: the error (expected) and how many vendor requests it cost (expected: none). */
export interface BadInputOutcome {
  demo: string;
  code: string;
  error?: unknown;
  response?: unknown;
  vendorRequests: number | undefined;
}

export async function runBadInputDemo(
  id: unknown,
  configs: VendorClientConfigs,
  emulator: Emulator | undefined,
): Promise<BadInputOutcome> {
  const demo = BAD_INPUT_DEMOS.find((d) => d.id === id);
  if (demo === undefined) {
    throw new TypeError(
      `unknown demo ${JSON.stringify(id)}; use ${BAD_INPUT_DEMOS.map((d) => d.id).join(', ')}`,
    );
  }
  const before = emulator?.requestCount();
  const outcome: BadInputOutcome = { demo: demo.id, code: demo.code, vendorRequests: undefined };
  try {
    outcome.response = await demo.run(configs);
  } catch (error) {
    outcome.error = error;
  }
  if (before !== undefined && emulator) outcome.vendorRequests = emulator.requestCount() - before;
  return outcome;
}
