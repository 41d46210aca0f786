// Runs under Node 22 (the oldest Node the published packages support): imports the built
// packages and sends one message through each provider to an embedded emulator on 127.0.0.1.
// Invoked by scripts/run-tests.mjs as `npx -y node@22 scripts/node22-smoke.mjs`.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const dist = (name) =>
  pathToFileURL(join(import.meta.dirname, '..', 'packages', name, 'dist', 'index.js')).href;
const [{ startEmulator }, { createRoomcast }, { zegoRtc }, { zegoZim }, { trtc }] = await Promise.all(
  ['emulator', 'core', 'zego-rtc', 'zego-zim', 'trtc'].map((name) => import(dist(name))),
);

const emu = await startEmulator({ port: 0, host: '127.0.0.1' });
try {
  emu.zegoRtc.joinRoom('smoke', 'alice');
  emu.zim.registerUser('bot');
  emu.zim.setOnline('alice', true);
  emu.trtc.createRoom('smoke');
  const rc = createRoomcast({
    providers: {
      zego: zegoRtc({ ...emu.credentials.zegoRtc, baseUrl: emu.zegoRtcUrl }),
      zim: zegoZim({ ...emu.credentials.zegoZim, baseUrl: emu.zegoZimUrl }),
      tencent: trtc({ ...emu.credentials.trtc, baseUrl: emu.trtcUrl }),
    },
  });
  const results = [
    await rc.send('zego:signal', { roomId: 'smoke', from: 'server', to: ['alice'], data: '{"n":1}' }),
    await rc.send('zim:direct', { from: 'bot', to: ['alice'], text: 'hello' }),
    await rc.send('tencent:signal', { roomId: 'smoke', type: 'smoke', data: '{"n":1}' }),
  ];
  const bad = results.filter((r) => r.status !== 'ok');
  if (bad.length > 0) throw new Error(`unexpected results: ${JSON.stringify(bad)}`);
  console.log(`node ${process.version}: zego, zim and tencent sends ok`);
} finally {
  await emu.close();
}
