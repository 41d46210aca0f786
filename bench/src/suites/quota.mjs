// 2. Quota saturation: the emulator enforcing SendCustomCommand at the real 100/s and at a scaled
// 1,000/s; each sender is asked for 5× the quota's worth of requests (a fan-out, 10 recipients per
// request). Achieved rate = accepted requests per second between the first and the last arrival at
// the emulator; rejections = the emulator's rate-limit answers (ZEGO 206/207).
import { setTimeout as sleep } from 'node:timers/promises';
import { createRoomcast, memoryRateLimitStore } from '@roomcast/core';
import { zegoRtc } from '@roomcast/zego-rtc';
import { handZegoSignal } from '../clients/handwritten.mjs';
import { withQuota } from '../clients/roomcast.mjs';
import { startEmulatorProcess } from '../lib/children.mjs';
import { round, roundSummary, summarize } from '../lib/stats.mjs';

const ROOM = 'bench-room';
const PER_REQUEST = 10;
const DATA = '{"type":"tick"}';
const users = (from, count) => Array.from({ length: count }, (_, i) => `user-${from + i}`);

export const GOAL = 'achieved rate ÷ quota ≥ 0.99 with 0 vendor rate-limit rejections';

function provider(emu, quota) {
  const base = zegoRtc({ ...emu.credentials.zegoRtc, baseUrl: emu.zegoRtcUrl });
  return quota === 100 ? base : withQuota(base, 'signal', quota);
}

async function roomcastSend(rc, recipients) {
  const result = await rc.send('zego:signal', {
    roomId: ROOM,
    from: 'bench-server',
    to: recipients,
    data: DATA,
  });
  return { accepted: result.accepted.length, failed: result.failed.length, attempts: result.attempts };
}

/** The senders compared, each given `requests` requests' worth of recipients. */
function variants(emu, quota) {
  return {
    roomcast: {
      label: 'roomcast, one registry (default concurrency 8)',
      async run(requests) {
        const rc = createRoomcast({ providers: { zego: provider(emu, quota) } });
        return roomcastSend(rc, users(0, requests * PER_REQUEST));
      },
    },
    roomcast32: {
      label: 'roomcast, one registry, `concurrency: 32`',
      async run(requests) {
        const rc = createRoomcast({ providers: { zego: provider(emu, quota) }, concurrency: 32 });
        return roomcastSend(rc, users(0, requests * PER_REQUEST));
      },
    },
    shared: {
      label: 'roomcast, two registries sharing one memoryRateLimitStore',
      async run(requests) {
        const store = memoryRateLimitStore();
        const a = createRoomcast({ providers: { zego: provider(emu, quota) }, rateLimitStore: store });
        const b = createRoomcast({ providers: { zego: provider(emu, quota) }, rateLimitStore: store });
        const half = Math.floor(requests / 2) * PER_REQUEST;
        const results = await Promise.all([
          roomcastSend(a, users(0, half)),
          roomcastSend(b, users(half, requests * PER_REQUEST - half)),
        ]);
        return sum(results);
      },
    },
    separate: {
      label: 'control: two registries, separate stores (what sharing prevents)',
      async run(requests) {
        const a = createRoomcast({ providers: { zego: provider(emu, quota) } });
        const b = createRoomcast({ providers: { zego: provider(emu, quota) } });
        const half = Math.floor(requests / 2) * PER_REQUEST;
        const results = await Promise.all([
          roomcastSend(a, users(0, half)),
          roomcastSend(b, users(half, requests * PER_REQUEST - half)),
        ]);
        return sum(results);
      },
    },
    paced: {
      label: 'baseline: hand-written loop, send then sleep 1000/quota ms',
      async run(requests) {
        const send = handZegoSignal({ baseUrl: emu.zegoRtcUrl, ...emu.credentials.zegoRtc });
        let accepted = 0;
        let failed = 0;
        for (let i = 0; i < requests; i++) {
          try {
            await send({
              roomId: ROOM,
              from: 'bench-server',
              to: users(i * PER_REQUEST, PER_REQUEST),
              data: DATA,
            });
            accepted += PER_REQUEST;
          } catch {
            failed += PER_REQUEST;
          }
          await sleep(1000 / quota);
        }
        return { accepted, failed, attempts: requests };
      },
    },
    unpaced: {
      label: 'baseline: hand-written, 8 in flight, no pacing',
      async run(requests) {
        const send = handZegoSignal({ baseUrl: emu.zegoRtcUrl, ...emu.credentials.zegoRtc });
        let next = 0;
        let accepted = 0;
        let failed = 0;
        async function worker() {
          for (let i = next++; i < requests; i = next++) {
            try {
              await send({
                roomId: ROOM,
                from: 'bench-server',
                to: users(i * PER_REQUEST, PER_REQUEST),
                data: DATA,
              });
              accepted += PER_REQUEST;
            } catch {
              failed += PER_REQUEST;
            }
          }
        }
        await Promise.all(Array.from({ length: 8 }, worker));
        return { accepted, failed, attempts: requests };
      },
    },
  };
}

function sum(results) {
  return results.reduce(
    (a, b) => ({
      accepted: a.accepted + b.accepted,
      failed: a.failed + b.failed,
      attempts: a.attempts + b.attempts,
    }),
    { accepted: 0, failed: 0, attempts: 0 },
  );
}

async function measure(emu, variant, { quota, requests }) {
  await emu.call('prepare', { rtcRoom: ROOM, rtcUsers: requests * PER_REQUEST });
  const started = performance.now();
  const outcome = await variant.run(requests);
  const wallMs = performance.now() - started;
  const log = await emu.call('summary', { vendor: 'zego-rtc', action: 'SendCustomCommand' });
  // From the second accepted arrival to the last: the first request also pays for opening the
  // connection, which would shorten the span and flatter every sender by up to one interval.
  const spanMs = (log.lastAt ?? 0) - (log.secondAt ?? 0);
  const achieved = spanMs > 0 ? ((log.accepted - 2) / spanMs) * 1000 : Number.NaN;
  const rejections = (log.codes[206] ?? 0) + (log.codes[207] ?? 0);
  return {
    achievedRate: achieved,
    ratio: achieved / quota,
    rejections,
    vendorRequests: log.total,
    acceptedRequests: log.accepted,
    recipientsAccepted: outcome.accepted,
    recipientsFailed: outcome.failed,
    wallMs,
  };
}

export async function run({ quick, log }) {
  const multiple = quick ? 1.5 : 5;
  const rounds = quick ? 1 : 3;
  const order = ['roomcast', 'roomcast32', 'shared', 'paced', 'unpaced', 'separate'];
  const rows = [];
  for (const quota of [100, 1000]) {
    const requests = Math.round(multiple * quota);
    const emu = await startEmulatorProcess({
      rateLimits: quota === 100 ? 'vendor' : { 'zego-rtc': { SendCustomCommand: { perSecond: quota } } },
      maxLogEntries: 200_000,
    });
    try {
      const list = variants(emu, quota);
      const samples = Object.fromEntries(order.map((k) => [k, []]));
      for (let r = 0; r < rounds; r++) {
        const sequence = r % 2 === 0 ? order : [...order].reverse();
        for (const key of sequence) {
          const m = await measure(emu, list[key], { quota, requests });
          samples[key].push(m);
          log(
            `quota ${quota}/s, ${requests} requests, ${key}: ${round(m.achievedRate, 1)}/s (×${round(m.ratio, 4)}), ` +
              `${m.rejections} rejections, ${m.recipientsFailed} recipients failed, ${Math.round(m.wallMs)} ms`,
          );
        }
      }
      for (const key of order) {
        const s = samples[key];
        const roomcast = key === 'roomcast' || key === 'roomcast32' || key === 'shared';
        const row = {
          quota,
          requests,
          recipients: requests * PER_REQUEST,
          variant: key,
          label: list[key].label,
          rounds,
          achievedRate: roundSummary(summarize(s.map((m) => m.achievedRate)), 1),
          ratio: roundSummary(summarize(s.map((m) => m.ratio)), 4),
          rejections: roundSummary(summarize(s.map((m) => m.rejections)), 0),
          recipientsFailed: roundSummary(summarize(s.map((m) => m.recipientsFailed)), 0),
          wallMs: roundSummary(summarize(s.map((m) => m.wallMs)), 0),
        };
        if (roomcast)
          row.goalMet = row.ratio.min >= 0.99 && row.rejections.max === 0 && row.recipientsFailed.max === 0;
        rows.push(row);
      }
      // Same-round ratio of roomcast's achieved rate to the paced hand-written loop's.
      const versus = summarize(
        samples.roomcast.map((m, i) => m.achievedRate / samples.paced[i].achievedRate),
      );
      rows.find((row) => row.quota === quota && row.variant === 'roomcast').vsPacedBaseline = roundSummary(
        versus,
        3,
      );
    } finally {
      await emu.stop();
    }
  }
  return {
    id: 'quota',
    title: 'Quota saturation against the emulator',
    goal: GOAL,
    settings: { multiple, rounds, recipientsPerRequest: PER_REQUEST },
    rows,
  };
}
