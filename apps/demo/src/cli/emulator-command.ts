import { startEmulator } from '@roomcast/emulator';
import { parseEmulatorArgs } from './args.js';
import type { CliIo } from './io.js';
import { EXIT } from './usage.js';

/** `roomcast emulator`: the vendor emulator alone, until Ctrl+C. */
export async function emulatorCommand(argv: string[], io: CliIo): Promise<number> {
  const { port, host } = parseEmulatorArgs(argv);
  const emulator = await startEmulator({ port, host });
  const c = emulator.credentials;
  // These are the emulator's own test credentials: they open nothing but this local process.
  io.stdout.write(
    [
      `roomcast emulator: ${emulator.url}`,
      `  ZEGO RTC  ${emulator.zegoRtcUrl}  appId ${c.zegoRtc.appId}  serverSecret ${c.zegoRtc.serverSecret}`,
      `  ZEGO ZIM  ${emulator.zegoZimUrl}  appId ${c.zegoZim.appId}  serverSecret ${c.zegoZim.serverSecret}`,
      `  Tencent   ${emulator.trtcUrl}  sdkAppId ${c.trtc.sdkAppId}  adminUserId ${c.trtc.adminUserId}  secretKey ${c.trtc.secretKey}`,
      `  control API ${emulator.url}/_emulator/  (events: ${emulator.url}/_emulator/events)`,
      `  send to it: roomcast send zego:signal --base-url ${emulator.zegoRtcUrl} --room live-1 --data hi`,
      'Press Ctrl+C to stop.',
      '',
    ].join('\n'),
  );
  await io.waitForStop();
  await emulator.close();
  return EXIT.ok;
}
