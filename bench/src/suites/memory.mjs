// 5. Memory: a 100,000-recipient zego:signal fan-out (10,000 requests) against the trivial
// responder, repeated in one process: peak RSS, and heap/RSS after a full GC after each run (no
// growth expected). Each variant runs in its own fresh process (--expose-gc) so neither inherits
// the other's heap; processes alternate.
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { startResponderProcess } from '../lib/children.mjs';
import { round, roundSummary, summarize } from '../lib/stats.mjs';

const run = promisify(execFile);
const worker = fileURLToPath(new URL('./memory-worker.mjs', import.meta.url));

export const GOAL = 'peak RSS < 150 MB and no growth across repeated runs';

/**
 * V8 sizes its young generation from the machine's memory (128 MB of new space on a 24 GB host),
 * which dominates peak RSS for any allocation-heavy loop, roomcast or not: so each variant also
 * runs with the young generation capped at 16 MB semi-spaces (the old 64-bit default).
 */
const FLAG_SETS = {
  default: [],
  'semi-space 16 MB': ['--max-semi-space-size=16'],
};

async function measure(variant, runs, recipients, url, flags) {
  const args = ['--expose-gc', ...flags, worker, variant, String(runs), String(recipients), url];
  const { stdout } = await run(process.execPath, args, { maxBuffer: 1 << 20 });
  return JSON.parse(stdout.trim().split('\n').at(-1));
}

async function runMemory({ quick, log }) {
  const recipients = quick ? 10_000 : 100_000;
  const runs = quick ? 2 : 4;
  const processes = quick ? 1 : 2;
  const responder = await startResponderProcess();
  const configs = [];
  try {
    for (const [name, flags] of Object.entries(FLAG_SETS)) {
      const results = { baseline: [], roomcast: [] };
      for (let p = 0; p < processes; p++) {
        for (const variant of p % 2 === 0 ? ['baseline', 'roomcast'] : ['roomcast', 'baseline']) {
          const result = await measure(variant, runs, recipients, responder.url, flags);
          results[variant].push(result);
          const s = result.samples;
          log(
            `${name}, ${variant}: peak RSS ${round(result.maxRssMB, 1)} MB; heap after GC ${s.map((x) => round(x.heapUsedAfterGcMB, 1)).join(' → ')} MB; ` +
              `${s.map((x) => Math.round(x.wallMs)).join('/')} ms`,
          );
        }
      }
      configs.push(summarizeConfig(name, flags, results));
    }
  } finally {
    await responder.stop();
  }
  const byDefault = configs[0];
  return {
    id: 'memory',
    title: `Memory: a ${recipients.toLocaleString('en-US')}-recipient zego:signal fan-out`,
    goal: GOAL,
    settings: { recipients, requests: recipients / 10, runsPerProcess: runs, processes, concurrency: 8 },
    configs,
    // Growth within 1 MB of heap over the runs counts as none (allocation-site noise).
    goalMet: byDefault.roomcast.peakRssMB.max < 150 && byDefault.roomcast.heapGrowthMB.max < 1,
  };
}

function summarizeConfig(name, flags, results) {
  const side = (variant) => {
    const procs = results[variant];
    const all = procs.flatMap((p) => p.samples);
    // Growth: after a full GC, the last run minus the second (the first also warms the JIT and
    // lazily built module state), per process.
    const from = (p) => p.samples[Math.min(1, p.samples.length - 1)];
    const growth = procs.map((p) => p.samples.at(-1).heapUsedAfterGcMB - from(p).heapUsedAfterGcMB);
    const rssGrowth = procs.map((p) => p.samples.at(-1).rssAfterGcMB - from(p).rssAfterGcMB);
    return {
      peakRssMB: roundSummary(summarize(procs.map((p) => p.maxRssMB)), 1),
      perRunPeakRssMB: roundSummary(summarize(all.map((s) => s.peakRssMB)), 1),
      heapAfterGcMB: roundSummary(summarize(all.map((s) => s.heapUsedAfterGcMB)), 2),
      heapGrowthMB: roundSummary(summarize(growth), 2),
      rssGrowthMB: roundSummary(summarize(rssGrowth), 1),
      wallMs: roundSummary(summarize(all.map((s) => s.wallMs)), 0),
      runs: procs.map((p) =>
        p.samples.map((s) => ({
          ...s,
          peakRssMB: round(s.peakRssMB, 1),
          rssAfterGcMB: round(s.rssAfterGcMB, 1),
          heapUsedAfterGcMB: round(s.heapUsedAfterGcMB, 2),
          wallMs: Math.round(s.wallMs),
        })),
      ),
    };
  };
  const ratio = summarize(results.roomcast.map((r, i) => r.maxRssMB / results.baseline[i].maxRssMB));
  return {
    name,
    flags,
    baseline: side('baseline'),
    roomcast: side('roomcast'),
    peakRssRatio: roundSummary(ratio, 3),
  };
}

export { runMemory as run };
