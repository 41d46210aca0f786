// @roomcast/emulator in its own process (so it has a core of its own and its CPU is not the
// client's), driven over IPC: the parent sends { id, method, args } and gets { id, result | error }.
// `method` is a dotted path on the Emulator object (`reset`, `requests`, `zim.setOnline`, …).
import { startEmulator } from '@roomcast/emulator';

const options = JSON.parse(process.argv[2] ?? '{}');
const emulator = await startEmulator({ port: 0, ...options });

const extra = {
  /** Back to a clean state (logs, buckets, rooms), then `count` users in a ZEGO RTC room and/or online in ZIM. */
  prepare({ rtcRoom, rtcUsers = 0, zimUsers = 0 }) {
    emulator.reset();
    for (let i = 0; i < rtcUsers; i++) emulator.zegoRtc.joinRoom(rtcRoom, `user-${i}`);
    emulator.zim.setOnline('bench-server', true);
    for (let i = 0; i < zimUsers; i++) emulator.zim.setOnline(`user-${i}`, true);
    return null;
  },
  /** Request-log summary for one action: counts by code and the arrival span of accepted ones. */
  summary({ vendor, action }) {
    const entries = emulator.requests({ vendor, action });
    const accepted = entries.filter((e) => e.code === 0);
    const codes = {};
    for (const e of entries) codes[e.code] = (codes[e.code] ?? 0) + 1;
    return {
      total: entries.length,
      accepted: accepted.length,
      codes,
      firstAt: accepted[0]?.at,
      secondAt: accepted[1]?.at,
      lastAt: accepted.at(-1)?.at,
    };
  },
  /** Deliveries per user for one vendor: proves nobody got a message twice. */
  deliveryCounts({ vendor }) {
    const counts = new Map();
    for (const d of emulator.deliveries({ vendor }))
      if (!d.senderCopy) counts.set(d.to, (counts.get(d.to) ?? 0) + 1);
    let users = 0;
    let duplicates = 0;
    let total = 0;
    for (const n of counts.values()) {
      users++;
      total += n;
      if (n > 1) duplicates++;
    }
    return { users, total, duplicates };
  },
};

function resolve(path) {
  if (Object.hasOwn(extra, path)) return { target: extra, fn: extra[path] };
  const parts = path.split('.');
  let target = emulator;
  for (const part of parts.slice(0, -1)) target = target[part];
  return { target, fn: target[parts.at(-1)] };
}

process.on('message', async ({ id, method, args = [] }) => {
  try {
    const { target, fn } = resolve(method);
    const result = await fn.apply(target, args);
    process.send({ id, result: result === undefined ? null : result });
  } catch (error) {
    process.send({ id, error: String(error?.stack ?? error) });
  }
});
process.on('disconnect', () => emulator.close().then(() => process.exit(0)));
process.send({
  ready: true,
  url: emulator.url,
  zegoRtcUrl: emulator.zegoRtcUrl,
  zegoZimUrl: emulator.zegoZimUrl,
  trtcUrl: emulator.trtcUrl,
  credentials: emulator.credentials,
});
