#!/usr/bin/env node
// Throughput of the emulator for signed ZEGO SendCustomCommand requests on loopback.
//
//   node bench/throughput.mjs [--seconds 5] [--concurrency 32] [--in-process]
//
// The emulator runs in a child process (the CLI, so it gets its own core); this process is the
// client: plain fetch (keep-alive), a fresh nonce and md5 signature per request, N requests in
// flight. Requires `pnpm build` first. Prints a summary and one JSON line (for BENCHMARKS.md).
import { spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '5' },
    concurrency: { type: 'string', default: '32' },
    warmup: { type: 'string', default: '1' },
    'in-process': { type: 'boolean', default: false },
  },
});
const seconds = Number(values.seconds);
const concurrency = Number(values.concurrency);
const warmupSeconds = Number(values.warmup);
if (!(seconds > 0 && seconds <= 120) || !(concurrency >= 1 && concurrency <= 1024)) {
  throw new Error('--seconds must be in (0, 120] and --concurrency in [1, 1024]');
}

const dist = new URL('../dist/', import.meta.url);

async function startChild() {
  const child = spawn(
    process.execPath,
    [fileURLToPath(new URL('cli.js', dist)), '--port', '0', '--rate-limits', 'off'],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  let out = '';
  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('emulator did not start in 10 s')), 10_000);
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const match = /listening on (\S+)/.exec(out);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.once('exit', (code) => reject(new Error(`emulator exited early (${code})`)));
  });
  const info = await (await fetch(`${url}/_emulator/`)).json();
  return {
    info,
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', resolve);
        child.kill('SIGTERM');
      }),
  };
}

async function startInProcess() {
  const { startEmulator } = await import(new URL('index.js', dist).href);
  const emu = await startEmulator({ port: 0, rateLimits: 'off' });
  return {
    info: { zegoRtcUrl: emu.zegoRtcUrl, credentials: emu.credentials, url: emu.url },
    stop: () => emu.close(),
  };
}

const server = values['in-process'] ? await startInProcess() : await startChild();
const { zegoRtcUrl, credentials, url } = server.info;
const { appId, serverSecret } = credentials.zegoRtc;
for (const userId of ['viewer-1', 'viewer-2']) {
  await fetch(`${url}/_emulator/zego-rtc/rooms/bench-room/users`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ userId }),
  });
}

function signedUrl(i) {
  const nonce = randomBytes(8).toString('hex');
  const timestamp = Math.floor(Date.now() / 1000);
  const signature = createHash('md5').update(`${appId}${nonce}${serverSecret}${timestamp}`).digest('hex');
  return (
    `${zegoRtcUrl}/?Action=SendCustomCommand&AppId=${appId}&SignatureNonce=${nonce}&Timestamp=${timestamp}` +
    `&Signature=${signature}&SignatureVersion=2.0&RoomId=bench-room&FromUserId=bench-server` +
    `&ToUserId[]=viewer-1&MessageContent=${encodeURIComponent(`{"seq":${i}}`)}`
  );
}

async function run(durationMs, record) {
  const deadline = performance.now() + durationMs;
  let seq = 0;
  let ok = 0;
  let failed = 0;
  const latencies = [];
  async function worker() {
    while (performance.now() < deadline) {
      const t0 = performance.now();
      try {
        const res = await fetch(signedUrl(seq++));
        const body = await res.json();
        if (res.status === 200 && body.Code === 0) ok++;
        else failed++;
      } catch {
        failed++;
      }
      if (record) latencies.push(performance.now() - t0);
    }
  }
  const started = performance.now();
  await Promise.all(Array.from({ length: concurrency }, worker));
  return { ok, failed, elapsedMs: performance.now() - started, latencies };
}

try {
  if (warmupSeconds > 0) await run(warmupSeconds * 1000, false);
  const result = await run(seconds * 1000, true);
  result.latencies.sort((a, b) => a - b);
  const pct = (p) =>
    result.latencies[Math.min(result.latencies.length - 1, Math.floor(result.latencies.length * p))] ?? 0;
  const summary = {
    benchmark: 'emulator-signed-SendCustomCommand',
    mode: values['in-process'] ? 'in-process' : 'child-process',
    node: process.version,
    concurrency,
    seconds,
    requests: result.ok + result.failed,
    failed: result.failed,
    requestsPerSecond: Math.round((result.ok / result.elapsedMs) * 1000),
    latencyMs: { p50: +pct(0.5).toFixed(2), p99: +pct(0.99).toFixed(2) },
  };
  console.log(
    `signed SendCustomCommand on loopback: ${summary.requestsPerSecond} req/s ` +
      `(${summary.requests} requests, ${summary.failed} failed, concurrency ${concurrency}, ` +
      `p50 ${summary.latencyMs.p50} ms, p99 ${summary.latencyMs.p99} ms, ${summary.mode})`,
  );
  console.log(JSON.stringify(summary));
} finally {
  await server.stop();
}
