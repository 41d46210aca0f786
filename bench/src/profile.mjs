// CPU profile of roomcast's client path, network replaced by a stub fetch (client work only):
// self time grouped by package and the top functions, so "what dominates" can be re-checked.
//   node src/profile.mjs [zego|zim|tencent] [--requests 20000]
import { Session } from 'node:inspector/promises';
import { parseArgs } from 'node:util';
import { createRoomcast } from '@roomcast/core';
import { trtc } from '@roomcast/trtc';
import { zegoRtc } from '@roomcast/zego-rtc';
import { zegoZim } from '@roomcast/zego-zim';
import { FAKE_CREDENTIALS, unlimitedStore } from './clients/roomcast.mjs';
import { ZIM_RECIPIENTS } from './servers/responder.mjs';

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { requests: { type: 'string', default: '20000' } },
});
const channel = positionals[0] ?? 'zego';
const requests = Number(values.requests);
const json = (value) => JSON.stringify(value);
const answers = {
  zego: json({ Code: 0, Message: 'success', RequestId: '1', Data: { FailUsers: [] } }),
  zim: json({
    Code: 0,
    Message: 'success',
    RequestId: '1',
    ErrorList: [],
    SuccList: ZIM_RECIPIENTS.map((UserId, i) => ({ UserId, MsgId: String(i + 1), MsgSeq: 1 })),
  }),
  tencent: json({
    ActionStatus: 'OK',
    ErrorCode: 0,
    ErrorInfo: '',
    RequestId: 'Id-1',
    Response: { MsgTime: 1, MsgSeq: 1, MsgDropReason: '' },
  }),
};
if (!answers[channel]) throw new Error('channel: zego, zim or tencent');
const fetch = async () => new Response(answers[channel], { headers: { 'content-type': 'application/json' } });
const baseUrl = 'http://127.0.0.1:9';
const rc = createRoomcast({
  providers: {
    zego: zegoRtc({ ...FAKE_CREDENTIALS.zegoRtc, baseUrl, fetch }),
    zim: zegoZim({ ...FAKE_CREDENTIALS.zegoZim, baseUrl, fetch }),
    tencent: trtc({ ...FAKE_CREDENTIALS.trtc, baseUrl, fetch }),
  },
  rateLimitStore: unlimitedStore(),
});
const data = '{"type":"gift","giftId":7}';
const send = {
  zego: () =>
    rc.send('zego:signal', { roomId: 'room', from: 'server', to: ZIM_RECIPIENTS.slice(0, 10), data }),
  zim: () => rc.send('zim:direct', { from: 'server', to: ZIM_RECIPIENTS, text: 'hello' }),
  tencent: () => rc.send('tencent:signal', { roomId: 'room', type: 'gift', data }),
}[channel];

async function load(count) {
  for (let i = 0; i < count; i += 32) await Promise.all(Array.from({ length: 32 }, send));
}

await load(requests / 4);
const session = new Session();
session.connect();
await session.post('Profiler.enable');
await session.post('Profiler.setSamplingInterval', { interval: 100 });
await session.post('Profiler.start');
const cpu = process.cpuUsage();
await load(requests);
const used = process.cpuUsage(cpu);
const { profile } = await session.post('Profiler.stop');
session.disconnect();

const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
const self = new Map();
let total = 0;
profile.samples.forEach((id, i) => {
  const dt = profile.timeDeltas[i] ?? 0;
  self.set(id, (self.get(id) ?? 0) + dt);
  total += dt;
});
const where = (url) => {
  if (!url) return '(V8: GC, native, idle)';
  const pkg =
    /\/packages\/([^/]+)\//.exec(url) ?? /node_modules\/(?:\.pnpm\/)?([^/@]+|@[^/]+\/[^/]+)@/.exec(url);
  if (pkg) return pkg[1];
  return url.startsWith('node:') ? url.replace(/^node:internal\/(deps\/)?/, 'node:').split('/')[0] : 'other';
};
const byPackage = new Map();
const byFunction = new Map();
for (const [id, time] of self) {
  const { callFrame } = nodes.get(id);
  const pkg = where(callFrame.url);
  byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + time);
  const fn = `${callFrame.functionName || '(anonymous)'}  [${pkg}]`;
  byFunction.set(fn, (byFunction.get(fn) ?? 0) + time);
}
const top = (map, count) =>
  [...map]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([name, time]) => `${((time / total) * 100).toFixed(1).padStart(5)} %  ${name}`)
    .join('\n');
console.log(
  `${channel}: ${requests} sends, ${((used.user + used.system) / requests).toFixed(1)} µs CPU per send (profiler on)\n`,
);
console.log(`self time by package\n${top(byPackage, 12)}\n\ntop functions\n${top(byFunction, 20)}`);
