// Emulator throughput: signed SendCustomCommand requests per second on loopback, the emulator
// (rate limits off, full signature checks, room state, delivery log) against the trivial responder,
// with the same hand-written client at concurrency 32 and alternating rounds. Plus the emulator
// package's own bench/throughput.mjs, run as shipped.
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { handZegoSignal } from '../clients/handwritten.mjs';
import { FAKE_CREDENTIALS } from '../clients/roomcast.mjs';
import { startEmulatorProcess, startResponderProcess } from '../lib/children.mjs';
import { closedLoop } from '../lib/measure.mjs';
import { round, roundSummary, summarize } from '../lib/stats.mjs';

const exec = promisify(execFile);
const throughputScript = fileURLToPath(
  new URL('../../../packages/emulator/bench/throughput.mjs', import.meta.url),
);

export async function run({ quick, log }) {
  const rounds = quick ? 1 : 5;
  const total = quick ? 500 : 6_000;
  const concurrency = 32;
  const emu = await startEmulatorProcess({ rateLimits: 'off' });
  const responder = await startResponderProcess();
  const samples = { responder: [], emulator: [] };
  try {
    await emu.call('zegoRtc.joinRoom', 'bench-room', 'user-0');
    const message = { roomId: 'bench-room', from: 'bench-server', to: ['user-0'], data: '{"seq":1}' };
    const senders = {
      emulator: handZegoSignal({ baseUrl: emu.zegoRtcUrl, ...emu.credentials.zegoRtc }),
      responder: handZegoSignal({ baseUrl: responder.url, ...FAKE_CREDENTIALS.zegoRtc }),
    };
    for (const key of Object.keys(senders))
      await closedLoop(() => senders[key](message), { concurrency, total: total / 4 });
    for (let r = 0; r < rounds; r++) {
      for (const key of r % 2 === 0 ? ['responder', 'emulator'] : ['emulator', 'responder']) {
        // The delivery and request logs grow with every request: clear them between rounds.
        await emu.call('reset');
        await emu.call('zegoRtc.joinRoom', 'bench-room', 'user-0');
        samples[key].push(await closedLoop(() => senders[key](message), { concurrency, total }));
      }
    }
  } finally {
    await emu.stop();
    await responder.stop();
  }
  const side = (key) => ({
    requestsPerSecond: roundSummary(summarize(samples[key].map((s) => s.throughput)), 0),
    p50Ms: roundSummary(summarize(samples[key].map((s) => s.p50)), 2),
    p99Ms: roundSummary(summarize(samples[key].map((s) => s.p99)), 2),
  });
  const ratio = summarize(samples.emulator.map((s, i) => s.throughput / samples.responder[i].throughput));
  log(
    `emulator ${round(summarize(samples.emulator.map((s) => s.throughput)).median, 0)} req/s vs trivial responder ` +
      `${round(summarize(samples.responder.map((s) => s.throughput)).median, 0)} req/s (×${round(ratio.median, 3)})`,
  );

  // The emulator package's own benchmark (its emulator in a child process, plain fetch client).
  let packaged;
  try {
    const args = quick ? ['--seconds', '1', '--warmup', '0'] : ['--seconds', '5'];
    const { stdout } = await exec(process.execPath, [throughputScript, ...args]);
    packaged = JSON.parse(stdout.trim().split('\n').at(-1));
    log(`packages/emulator/bench/throughput.mjs: ${packaged.requestsPerSecond} req/s`);
  } catch (error) {
    packaged = { error: String(error.message ?? error).slice(0, 300) };
  }
  return {
    id: 'emulator',
    title: 'Emulator throughput (signed SendCustomCommand on loopback)',
    settings: { rounds, requestsPerRound: total, concurrency },
    responder: side('responder'),
    emulator: side('emulator'),
    ratio: roundSummary(ratio, 3),
    packaged,
  };
}
