// One memory measurement process (started with --expose-gc by suites/memory.mjs): `runs` fan-outs of
// `recipients` zego:signal recipients (10 per request) against the trivial responder at `url`,
// through roomcast or the hand-written baseline. Prints one JSON line.
import { handZegoSignal } from '../clients/handwritten.mjs';
import { FAKE_CREDENTIALS, roomcastFor, unlimitedStore } from '../clients/roomcast.mjs';

const [variant, runsArg, recipientsArg, url] = process.argv.slice(2);
const runs = Number(runsArg);
const recipients = Array.from({ length: Number(recipientsArg) }, (_, i) => `user-${i}`);
const message = { roomId: 'bench-room', from: 'bench-server', data: '{"type":"tick"}' };
const MB = 2 ** 20;

function roomcastFanOut() {
  const rc = roomcastFor({ zegoRtc: url, zegoZim: url, trtc: url }, FAKE_CREDENTIALS, {
    rateLimitStore: unlimitedStore(),
  });
  return async () => {
    const result = await rc.send('zego:signal', { ...message, to: recipients });
    return result.accepted.length;
  };
}

/** The same fan-out by hand: 10 recipients per request, 8 in flight, accepted ids collected. */
function handFanOut() {
  const send = handZegoSignal({ baseUrl: url, ...FAKE_CREDENTIALS.zegoRtc });
  return async () => {
    const accepted = [];
    let next = 0;
    async function worker() {
      for (let i = next; i < recipients.length; i = next) {
        next += 10;
        const to = recipients.slice(i, i + 10);
        await send({ ...message, to });
        accepted.push(...to);
      }
    }
    await Promise.all(Array.from({ length: 8 }, worker));
    return accepted.length;
  };
}

const fanOut = variant === 'roomcast' ? roomcastFanOut() : handFanOut();
const samples = [];
for (let run = 0; run < runs; run++) {
  globalThis.gc();
  let peak = process.memoryUsage.rss();
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss());
  }, 2);
  const started = performance.now();
  const accepted = await fanOut();
  const wallMs = performance.now() - started;
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage.rss());
  if (accepted !== recipients.length)
    throw new Error(`${variant}: ${accepted} of ${recipients.length} accepted`);
  globalThis.gc();
  const after = process.memoryUsage();
  samples.push({
    run: run + 1,
    peakRssMB: peak / MB,
    rssAfterGcMB: after.rss / MB,
    heapUsedAfterGcMB: after.heapUsed / MB,
    wallMs,
  });
}
process.stdout.write(
  `${JSON.stringify({ variant, samples, maxRssMB: (process.resourceUsage().maxRSS * 1024) / MB })}\n`,
);
