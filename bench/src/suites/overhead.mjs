// 1. Client overhead: roomcast against the hand-written minimal signed fetch, same request, same
// trivial responder (another process), alternating rounds (ABBA order).
//   a. loopback, concurrency 1 and 32: the client's own cost made as visible as it can be;
//   b. the responder answering after a simulated vendor round trip, concurrency 32: the regime a
//      real vendor puts the client in;
//   c. where the time goes: CPU per request of each layer with the network replaced by a stub fetch.
import { handTencentSignal, handZegoSignal, handZimDirect } from '../clients/handwritten.mjs';
import { FAKE_CREDENTIALS, roomcastFor, unlimitedStore } from '../clients/roomcast.mjs';
import { startResponderProcess } from '../lib/children.mjs';
import { closedLoop } from '../lib/measure.mjs';
import { across, roundSummary } from '../lib/stats.mjs';
import { ZIM_RECIPIENTS } from '../servers/responder.mjs';
import { breakdown } from './overhead-breakdown.mjs';

const ZEGO_RECIPIENTS = ZIM_RECIPIENTS.slice(0, 10);
const DATA = '{"type":"gift","giftId":7,"count":3,"from":"host"}';
const VENDOR_LATENCY_MS = 20;

export const GOAL = 'roomcast throughput ≥ 0.95× the hand-written baseline';

function cases(rc, url) {
  const zego = handZegoSignal({ baseUrl: url, ...FAKE_CREDENTIALS.zegoRtc });
  const zim = handZimDirect({ baseUrl: url, ...FAKE_CREDENTIALS.zegoZim });
  const tencent = handTencentSignal({ baseUrl: url, ...FAKE_CREDENTIALS.trtc });
  const ok = (result) => {
    if (result.status !== 'ok') throw new Error(`roomcast answered ${result.status}`);
  };
  return [
    {
      channel: 'zego:signal',
      request: 'SendCustomCommand GET, 10 ToUserId[], 50-byte MessageContent',
      roomcast: async () =>
        ok(
          await rc.send('zego:signal', {
            roomId: 'bench-room',
            from: 'bench-server',
            to: ZEGO_RECIPIENTS,
            data: DATA,
          }),
        ),
      baseline: () => zego({ roomId: 'bench-room', from: 'bench-server', to: ZEGO_RECIPIENTS, data: DATA }),
    },
    {
      channel: 'zim:direct',
      request: 'SendPeerMessage POST, 100 ToUserId, text; the answer lists 100 SuccList entries',
      roomcast: async () =>
        ok(await rc.send('zim:direct', { from: 'bench-server', to: ZIM_RECIPIENTS, text: 'hello' })),
      baseline: () => zim({ from: 'bench-server', to: ZIM_RECIPIENTS, text: 'hello' }),
    },
    {
      channel: 'tencent:signal',
      request: 'send_custom_msg POST, whole room, BusinessId + 50-byte Data',
      roomcast: async () =>
        ok(
          await rc.send('tencent:signal', {
            roomId: 'bench-room',
            from: 'bench-server',
            type: 'gift',
            data: DATA,
          }),
        ),
      baseline: () => tencent({ roomId: 'bench-room', from: 'bench-server', type: 'gift', data: DATA }),
    },
  ];
}

/** Baseline and roomcast side by side over `rounds` alternating rounds; ratios are taken per round. */
async function compare(c, { concurrency, total, rounds, warmup }) {
  // Warm both paths (JIT, keep-alive sockets) before anything is recorded.
  await closedLoop(c.baseline, { concurrency, total: warmup });
  await closedLoop(c.roomcast, { concurrency, total: warmup });
  const results = [];
  for (let r = 0; r < rounds; r++) {
    const order = r % 2 === 0 ? ['baseline', 'roomcast'] : ['roomcast', 'baseline'];
    const round = {};
    for (const variant of order) round[variant] = await closedLoop(c[variant], { concurrency, total });
    results.push(round);
  }
  const side = (variant) => ({
    throughput: roundSummary(
      across(results, (r) => r[variant].throughput),
      0,
    ),
    p50Ms: roundSummary(
      across(results, (r) => r[variant].p50),
      3,
    ),
    p99Ms: roundSummary(
      across(results, (r) => r[variant].p99),
      3,
    ),
    cpuUsPerRequest: roundSummary(
      across(results, (r) => r[variant].cpuUsPerRequest),
      1,
    ),
  });
  const ratio = (field) =>
    roundSummary(
      across(results, (r) => r.roomcast[field] / r.baseline[field]),
      3,
    );
  const row = {
    channel: c.channel,
    request: c.request,
    concurrency,
    requestsPerRound: total,
    rounds,
    baseline: side('baseline'),
    roomcast: side('roomcast'),
    ratio: {
      throughput: ratio('throughput'),
      p50: ratio('p50'),
      p99: ratio('p99'),
      cpuPerRequest: ratio('cpuUsPerRequest'),
    },
  };
  row.goalMet = row.ratio.throughput.median >= 0.95;
  return row;
}

async function againstResponder({ latencyMs, concurrencies, settings, log }) {
  const responder = await startResponderProcess({ latencyMs });
  const url = responder.url;
  // A store that always grants: the limiter runs, but the vendor quota never paces these runs.
  const rc = roomcastFor({ zegoRtc: url, zegoZim: url, trtc: url }, FAKE_CREDENTIALS, {
    rateLimitStore: unlimitedStore(),
  });
  const rows = [];
  try {
    for (const c of cases(rc, url)) {
      for (const concurrency of concurrencies) {
        const row = await compare(c, { concurrency, ...settings, total: settings.total[concurrency] });
        row.vendorLatencyMs = latencyMs;
        rows.push(row);
        log(
          `${c.channel} c=${concurrency} latency=${latencyMs}ms: ${row.baseline.throughput.median} vs ${row.roomcast.throughput.median} req/s ` +
            `(×${row.ratio.throughput.median}), CPU ${row.baseline.cpuUsPerRequest.median} vs ${row.roomcast.cpuUsPerRequest.median} µs/req`,
        );
      }
    }
  } finally {
    await responder.stop();
  }
  return rows;
}

export async function run({ quick, log }) {
  const loopback = quick
    ? { rounds: 2, warmup: 100, total: { 1: 200, 32: 400 } }
    : { rounds: 5, warmup: 1000, total: { 1: 1000, 32: 3000 } };
  const latency = quick
    ? { rounds: 1, warmup: 64, total: { 8: 64, 32: 128 } }
    : { rounds: 3, warmup: 256, total: { 8: 800, 32: 1600 } };
  const rows = await againstResponder({ latencyMs: 0, concurrencies: [1, 32], settings: loopback, log });
  const latencyRows = await againstResponder({
    latencyMs: VENDOR_LATENCY_MS,
    concurrencies: [8, 32],
    settings: latency,
    log,
  });
  const layers = await breakdown({ quick, log });
  return {
    id: 'overhead',
    title: 'Client overhead against a trivial local responder',
    goal: GOAL,
    settings: { loopback, latency, vendorLatencyMs: VENDOR_LATENCY_MS },
    rows,
    latencyRows,
    breakdown: layers,
  };
}
