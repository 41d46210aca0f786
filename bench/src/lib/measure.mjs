// Closed-loop load: `concurrency` workers send `total` requests back to back. Records wall time,
// per-request latency and this process's CPU time (user + system), so the server's CPU (another
// process) is never counted.
import { latencyPercentiles } from './stats.mjs';

/** Runs the garbage collector when the process was started with --expose-gc. */
export function collectGarbage() {
  globalThis.gc?.();
}

export async function closedLoop(sendOne, { concurrency, total }) {
  const latencies = new Float64Array(total);
  let next = 0;
  collectGarbage();
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  async function worker() {
    for (;;) {
      const i = next++;
      if (i >= total) return;
      const t = performance.now();
      await sendOne(i);
      latencies[i] = performance.now() - t;
    }
  }
  await Promise.all(Array.from({ length: concurrency }, worker));
  const wallMs = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  return {
    requests: total,
    wallMs,
    throughput: (total / wallMs) * 1000,
    ...latencyPercentiles(latencies),
    cpuUsPerRequest: (cpu.user + cpu.system) / total,
  };
}
