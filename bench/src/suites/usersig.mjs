// 4. UserSig: @roomcast/trtc's genUserSig against Tencent's own tls-sig-api-v2, same inputs,
// alternating rounds in one process; then the per-request cost of the cached admin UserSig the
// client actually pays (createUserSigCache().get(), what the transport awaits on every request).
import { createHmac } from 'node:crypto';
import { deflateSync } from 'node:zlib';
import { createUserSigCache, genUserSig } from '@roomcast/trtc';
import TLSSigAPIv2 from 'tls-sig-api-v2';
import { collectGarbage } from '../lib/measure.mjs';
import { round, roundSummary, summarize } from '../lib/stats.mjs';

const SDK_APP_ID = 1400000000;
const SECRET_KEY = '5bd2850fff3ecb11d7c805251c51ee463a25727bddc2385f3fa8bfee1bb93b5e';
const USER_ID = 'administrator';
const EXPIRE = 86_400;

export const GOAL = 'genUserSig ≥ 1.0× tls-sig-api-v2 ops/s; the cached path effectively free';

function opsPerSecond(fn, ops) {
  collectGarbage();
  const started = performance.now();
  for (let i = 0; i < ops; i++) fn();
  return (ops / (performance.now() - started)) * 1000;
}

async function asyncOpsPerSecond(fn, ops) {
  collectGarbage();
  const started = performance.now();
  for (let i = 0; i < ops; i++) await fn();
  return (ops / (performance.now() - started)) * 1000;
}

/** Both libraries read the clock; retry until both calls fell in the same second, then compare. */
function sameOutput(tencent) {
  for (let attempt = 0; attempt < 5; attempt++) {
    const before = Math.floor(Date.now() / 1000);
    const theirs = tencent.genUserSig(USER_ID, EXPIRE);
    const ours = genUserSig({
      sdkAppId: SDK_APP_ID,
      secretKey: SECRET_KEY,
      userId: USER_ID,
      expireSeconds: EXPIRE,
      now: before,
    });
    if (Math.floor(Date.now() / 1000) === before) return ours === theirs;
  }
  return false;
}

/**
 * The steps of one signature on this Node, to show what dominates and where the two libraries
 * differ: both HMAC and deflate the same bytes; roomcast turns bytes into base64 with the
 * web-standard btoa (trtc/src/usersig/base64.ts), tls-sig-api-v2 with Buffer.
 */
function components(rounds, ops) {
  const text =
    'TLS.identifier:administrator\nTLS.sdkappid:1400000000\nTLS.time:1700000000\nTLS.expire:86400\n';
  const doc = JSON.stringify({
    'TLS.ver': '2.0',
    'TLS.identifier': USER_ID,
    'TLS.sdkappid': SDK_APP_ID,
    'TLS.time': 1_700_000_000,
    'TLS.expire': EXPIRE,
    'TLS.sig': createHmac('sha256', SECRET_KEY).update(text).digest('base64'),
  });
  const bytes = new Uint8Array(deflateSync(new TextEncoder().encode(doc)));
  const btoaBase64 = (input) => {
    let binary = '';
    for (let i = 0; i < input.length; i += 0x8000)
      binary += String.fromCharCode(...input.subarray(i, i + 0x8000));
    return btoa(binary);
  };
  const steps = {
    'HMAC-SHA256 of the string to sign (createHmac)': () =>
      createHmac('sha256', SECRET_KEY).update(text, 'utf8').digest('base64'),
    'zlib deflateSync of the JSON document': () => deflateSync(Buffer.from(doc)),
    'base64 of the deflated bytes: String.fromCharCode + btoa (roomcast)': () => btoaBase64(bytes),
    'base64 of the deflated bytes: Buffer#toString (tls-sig-api-v2)': () =>
      Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('base64'),
    'new TextEncoder() + encode (roomcast, per call)': () => new TextEncoder().encode(doc),
  };
  return Object.entries(steps).map(([step, fn]) => {
    opsPerSecond(fn, ops / 4);
    const samples = Array.from({ length: rounds }, () => 1e9 / opsPerSecond(fn, ops));
    return { step, ns: Math.round(summarize(samples).median) };
  });
}

export async function run({ quick, log }) {
  const rounds = quick ? 2 : 9;
  const ops = quick ? 2_000 : 20_000;
  const tencent = new TLSSigAPIv2.Api(SDK_APP_ID, SECRET_KEY);
  const variants = {
    roomcast: () =>
      genUserSig({ sdkAppId: SDK_APP_ID, secretKey: SECRET_KEY, userId: USER_ID, expireSeconds: EXPIRE }),
    tencent: () => tencent.genUserSig(USER_ID, EXPIRE),
  };
  const identical = sameOutput(tencent);
  for (const fn of Object.values(variants)) opsPerSecond(fn, ops / 2);
  const samples = { roomcast: [], tencent: [] };
  for (let r = 0; r < rounds; r++) {
    for (const key of r % 2 === 0 ? ['tencent', 'roomcast'] : ['roomcast', 'tencent']) {
      samples[key].push(opsPerSecond(variants[key], ops));
    }
  }
  const ratio = summarize(samples.roomcast.map((v, i) => v / samples.tencent[i]));
  log(
    `genUserSig ${round(summarize(samples.roomcast).median, 0)} ops/s vs tls-sig-api-v2 ${round(summarize(samples.tencent).median, 0)} ops/s (×${round(ratio.median, 3)}), identical output: ${identical}`,
  );

  // The cached path: what every Tencent request pays for its admin UserSig.
  const cache = createUserSigCache({
    ttlSeconds: EXPIRE,
    now: Date.now,
    generate: (now) =>
      genUserSig({
        sdkAppId: SDK_APP_ID,
        secretKey: SECRET_KEY,
        userId: USER_ID,
        expireSeconds: EXPIRE,
        now,
      }),
  });
  await cache.get();
  const cachedOps = quick ? 20_000 : 500_000;
  await asyncOpsPerSecond(() => cache.get(), cachedOps / 4);
  const cached = [];
  for (let r = 0; r < rounds; r++) cached.push(await asyncOpsPerSecond(() => cache.get(), cachedOps));
  const cachedSummary = summarize(cached);
  const coldNs = 1e9 / summarize(samples.roomcast).median;
  const cachedNs = 1e9 / cachedSummary.median;
  log(
    `cached UserSig: ${round(cachedNs, 0)} ns per request vs ${round(coldNs, 0)} ns to sign (×${round(cachedNs / coldNs, 4)})`,
  );
  const steps = components(quick ? 1 : 5, ops);
  for (const c of steps) log(`${c.ns} ns  ${c.step}`);
  const opsRow = (key) => roundSummary(summarize(samples[key]), 0);
  return {
    id: 'usersig',
    title: 'UserSig generation',
    goal: GOAL,
    settings: { rounds, opsPerRound: ops, cachedOpsPerRound: cachedOps },
    identicalOutput: identical,
    components: steps,
    rows: [
      {
        variant: 'tencent',
        label: 'tls-sig-api-v2 1.0.2 Api#genUserSig (baseline)',
        opsPerSecond: opsRow('tencent'),
      },
      {
        variant: 'roomcast',
        label: '@roomcast/trtc genUserSig',
        opsPerSecond: opsRow('roomcast'),
        ratio: roundSummary(ratio, 3),
        goalMet: ratio.median >= 1.0,
      },
    ],
    cached: {
      label: 'createUserSigCache().get() — the per-request cost through the client',
      opsPerSecond: roundSummary(cachedSummary, 0),
      nsPerRequest: round(cachedNs, 1),
      signNs: round(coldNs, 0),
      fractionOfSigning: round(cachedNs / coldNs, 5),
      goalMet: cachedNs / coldNs < 0.01,
    },
  };
}
