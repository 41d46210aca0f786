// 3. Fan-out: zim:direct to 10,000 online users through the emulator at ZIM's real SendPeerMessage
// quota (20/s, 100 recipients per request): 100 requests, ideally 100 / 20 = 5.0 s. Every recipient
// must be accounted for once (in `accepted` or `failed`) and delivered once.
import { setTimeout as sleep } from 'node:timers/promises';
import { createRoomcast } from '@roomcast/core';
import { zegoZim } from '@roomcast/zego-zim';
import { handZimDirect } from '../clients/handwritten.mjs';
import { startEmulatorProcess } from '../lib/children.mjs';
import { round, roundSummary, summarize } from '../lib/stats.mjs';

const RATE = 20;
const PER_REQUEST = 100;
const ZIM_RATE_LIMIT_CODES = [660300005, 660300006];

export const GOAL = 'zim:direct to 10,000 users in ≤ 5.1 s (ideal 5.0 s), every recipient accounted once';

const users = (count) => Array.from({ length: count }, (_, i) => `user-${i}`);

const variants = {
  roomcast: {
    label: "roomcast: one rc.send('zim:direct', { to: 10,000 users })",
    async run(emu, recipients) {
      const rc = createRoomcast({
        providers: { zim: zegoZim({ ...emu.credentials.zegoZim, baseUrl: emu.zegoZimUrl }) },
      });
      const result = await rc.send('zim:direct', {
        from: 'bench-server',
        to: recipients,
        text: 'Season pass unlocked',
      });
      const seen = new Set([...result.accepted, ...result.failed.map((f) => f.userId)]);
      return {
        accepted: result.accepted.length,
        failed: result.failed.length,
        accountedOnce:
          seen.size === recipients.length &&
          result.accepted.length + result.failed.length === recipients.length,
      };
    },
  },
  paced: {
    label: 'baseline: hand-written loop of 100-recipient requests, sleeping 1000/20 ms between them',
    async run(emu, recipients) {
      const send = handZimDirect({ baseUrl: emu.zegoZimUrl, ...emu.credentials.zegoZim });
      let accepted = 0;
      let failed = 0;
      for (let i = 0; i < recipients.length; i += PER_REQUEST) {
        const to = recipients.slice(i, i + PER_REQUEST);
        try {
          await send({ from: 'bench-server', to, text: 'Season pass unlocked' });
          accepted += to.length;
        } catch {
          failed += to.length;
        }
        await sleep(1000 / RATE);
      }
      return { accepted, failed, accountedOnce: accepted + failed === recipients.length };
    },
  },
};

export async function run({ quick, log }) {
  const count = quick ? 2_000 : 10_000;
  const rounds = quick ? 1 : 3;
  const idealMs = (count / PER_REQUEST / RATE) * 1000;
  const recipients = users(count);
  const emu = await startEmulatorProcess({ maxLogEntries: 200_000 });
  const samples = { roomcast: [], paced: [] };
  try {
    for (let r = 0; r < rounds; r++) {
      for (const key of r % 2 === 0 ? ['roomcast', 'paced'] : ['paced', 'roomcast']) {
        await emu.call('prepare', { zimUsers: count });
        const started = performance.now();
        const outcome = await variants[key].run(emu, recipients);
        const wallMs = performance.now() - started;
        const requests = await emu.call('summary', { vendor: 'zego-zim', action: 'SendPeerMessage' });
        const delivered = await emu.call('deliveryCounts', { vendor: 'zego-zim' });
        const rejections = ZIM_RATE_LIMIT_CODES.reduce((n, code) => n + (requests.codes[code] ?? 0), 0);
        const m = {
          wallMs,
          ratioToIdeal: wallMs / idealMs,
          vendorRequests: requests.total,
          rejections,
          ...outcome,
          deliveredUsers: delivered.users,
          duplicateDeliveries: delivered.duplicates,
        };
        samples[key].push(m);
        log(
          `${key}: ${round(wallMs / 1000, 3)} s (×${round(m.ratioToIdeal, 4)} of ideal), ${requests.total} requests, ` +
            `${rejections} rejections, ${outcome.accepted} accepted, ${delivered.users} users delivered, ${delivered.duplicates} duplicates`,
        );
      }
    }
  } finally {
    await emu.stop();
  }
  const rows = Object.entries(samples).map(([key, s]) => {
    const row = {
      variant: key,
      label: variants[key].label,
      recipients: count,
      idealMs,
      rounds,
      wallMs: roundSummary(summarize(s.map((m) => m.wallMs)), 0),
      ratioToIdeal: roundSummary(summarize(s.map((m) => m.ratioToIdeal)), 4),
      vendorRequests: roundSummary(summarize(s.map((m) => m.vendorRequests)), 0),
      rejections: roundSummary(summarize(s.map((m) => m.rejections)), 0),
      accountedOnce: s.every((m) => m.accountedOnce),
      deliveredUsers: roundSummary(summarize(s.map((m) => m.deliveredUsers)), 0),
      duplicateDeliveries: roundSummary(summarize(s.map((m) => m.duplicateDeliveries)), 0),
    };
    if (key === 'roomcast') {
      row.goalMet =
        row.wallMs.max <= idealMs * 1.02 &&
        row.accountedOnce &&
        row.duplicateDeliveries.max === 0 &&
        row.deliveredUsers.min === count;
    }
    return row;
  });
  const vs = summarize(samples.roomcast.map((m, i) => m.wallMs / samples.paced[i].wallMs));
  rows[0].vsPacedBaseline = roundSummary(vs, 3);
  return { id: 'fanout', title: 'Fan-out: zim:direct to 10,000 users at 20/s', goal: GOAL, rows };
}
