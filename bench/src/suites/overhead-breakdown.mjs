// Where a roomcast request's CPU goes, layer by layer, with the network replaced by a stub fetch
// that answers ZEGO's success JSON at once: what remains is client work only, without the kernel's
// loopback cost and the server's noise. zego:signal (SendCustomCommand, 10 recipients).
import { createHttpClient, createRoomcast, defineProvider } from '@roomcast/core';
import { buildQuery, createZegoTransport } from '@roomcast/zego-common';
import { zegoRtc } from '@roomcast/zego-rtc';
import ky from 'ky';
import { handZegoSignal } from '../clients/handwritten.mjs';
import { FAKE_CREDENTIALS, unlimitedStore } from '../clients/roomcast.mjs';
import { collectGarbage } from '../lib/measure.mjs';
import { roundSummary, summarize } from '../lib/stats.mjs';

const BASE = 'http://127.0.0.1:9';
const ANSWER = JSON.stringify({ Code: 0, Message: 'success', RequestId: '1', Data: { FailUsers: [] } });
const TO = Array.from({ length: 10 }, (_, i) => `user-${i}`);
const DATA = '{"type":"gift","giftId":7,"count":3,"from":"host"}';

const stubFetch = async () =>
  new Response(ANSWER, { status: 200, headers: { 'content-type': 'application/json' } });

function layers() {
  const cred = FAKE_CREDENTIALS.zegoRtc;
  const message = { roomId: 'bench-room', from: 'bench-server', to: TO, data: DATA };
  const params = [
    ['RoomId', message.roomId],
    ['FromUserId', message.from],
    ...TO.map((user) => ['ToUserId[]', user]),
    ['MessageContent', DATA],
  ];
  const query = buildQuery([
    ['AppId', String(cred.appId)],
    ['SignatureNonce', '4fd24687296dd9f3'],
    ['Timestamp', '1615186943'],
    ['Signature', '43e5cfcca828314675f91b001390566a'],
    ['SignatureVersion', '2.0'],
    ['Action', 'SendCustomCommand'],
    ...params,
  ]);
  const url = `${BASE}/?${query}`;
  const kyClient = ky.create({ retry: 0, throwHttpErrors: false, fetch: stubFetch });
  const http = createHttpClient({
    provider: 'zego-rtc',
    packageName: '@roomcast/bench',
    packageVersion: '0.0.0',
    baseUrl: BASE,
    fetch: stubFetch,
  });
  const transport = createZegoTransport(
    { ...cred, baseUrl: BASE, fetch: stubFetch },
    { product: 'rtc', provider: 'zego-rtc', packageName: '@roomcast/bench', packageVersion: '0.0.0' },
  );
  const provider = zegoRtc({ ...cred, baseUrl: BASE, fetch: stubFetch });
  const rc = createRoomcast({ providers: { zego: provider }, rateLimitStore: unlimitedStore() });
  const noop = defineProvider({
    specVersion: provider.specVersion,
    id: provider.id,
    capabilities: provider.capabilities,
    validate: provider.validate,
    send: async () => ({}),
  });
  const rcNoop = createRoomcast({ providers: { zego: noop }, rateLimitStore: unlimitedStore() });
  const hand = handZegoSignal({ baseUrl: BASE, ...cred, fetch: stubFetch });
  const attempt = () => ({
    attempt: 1,
    signal: new AbortController().signal,
    timeoutMs: 10_000,
    requestKey: 'bench',
    hooks: undefined,
  });
  return [
    {
      layer: 'stub fetch + JSON.parse (the floor)',
      run: async () => JSON.parse(await (await stubFetch(url)).text()),
    },
    { layer: 'hand-written: sign + build URL + fetch + json (baseline)', run: () => hand(message) },
    {
      layer: 'ky, timeout (fixed URL)',
      run: async () => JSON.parse(await (await kyClient(url, { timeout: 10_000 })).text()),
    },
    {
      layer: 'ky, timeout + caller signal (fixed URL)',
      run: async () =>
        JSON.parse(
          await (await kyClient(url, { timeout: 10_000, signal: new AbortController().signal })).text(),
        ),
    },
    {
      layer: 'core createHttpClient().request (fixed query, pipeline signal)',
      run: () =>
        http.request({
          operation: 'SendCustomCommand',
          method: 'GET',
          path: '/',
          query,
          signal: new AbortController().signal,
        }),
    },
    {
      layer: 'zego-common transport.call (sign, buildQuery, envelope)',
      run: () =>
        transport.call({
          action: 'SendCustomCommand',
          method: 'GET',
          params,
          signal: new AbortController().signal,
          mapCode: () => undefined,
        }),
    },
    {
      layer: 'zego-rtc provider.send (client checks, mapping, FailUsers)',
      run: () => provider.send({ kind: 'signal', message, recipients: TO }, attempt()),
    },
    {
      layer: 'zego-rtc provider.send without a signal',
      run: () =>
        provider.send({ kind: 'signal', message, recipients: TO }, { ...attempt(), signal: undefined }),
    },
    { layer: "rc.send('zego:signal') — the whole client", run: () => rc.send('zego:signal', message) },
    {
      layer: 'rc.send pipeline alone (provider.send a no-op)',
      run: () => rcNoop.send('zego:signal', message),
    },
  ];
}

async function cpuPerCall(fn, calls) {
  collectGarbage();
  const before = process.cpuUsage();
  for (let i = 0; i < calls; i += 32) await Promise.all(Array.from({ length: 32 }, fn));
  const used = process.cpuUsage(before);
  return (used.user + used.system) / calls;
}

export async function breakdown({ quick, log }) {
  const rounds = quick ? 2 : 5;
  const calls = quick ? 1_024 : 8_192;
  const list = layers();
  for (const l of list) await cpuPerCall(l.run, calls);
  const samples = list.map(() => []);
  for (let r = 0; r < rounds; r++) {
    const order = r % 2 === 0 ? list.map((_, i) => i) : list.map((_, i) => list.length - 1 - i);
    for (const i of order) samples[i].push(await cpuPerCall(list[i].run, calls));
  }
  const baseline = summarize(samples[1]).median;
  const rows = list.map((l, i) => {
    const cpu = summarize(samples[i]);
    return {
      layer: l.layer,
      cpuUs: roundSummary(cpu, 1),
      ratioToBaseline: Math.round((cpu.median / baseline) * 100) / 100,
    };
  });
  for (const row of rows) log(`breakdown: ${row.cpuUs.median} µs  ${row.layer}`);
  return { calls, rounds, concurrency: 32, rows };
}
