import { createHash } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { rejection, setup } from './helpers.js';

let t: Awaited<ReturnType<typeof setup>>;
beforeAll(async () => {
  t = await setup({ rateLimits: 'off' });
});
afterAll(() => t.emu.close());
beforeEach(() => {
  t.emu.reset();
  t.emu.zegoRtc.joinRoom('room-1', 'alice');
});

const send = (client = t.client) =>
  client.sendCustomCommand({ RoomId: 'room-1', FromUserId: 'server', MessageContent: 'x' });

describe('signing against the emulator', () => {
  it('each request carries a fresh 16-hex nonce, Unix-second timestamp and a valid signature', async () => {
    for (let i = 0; i < 5; i++) await send();
    const sent = t.urls.slice(-5).map((u) => u.searchParams);
    const nonces = sent.map((q) => q.get('SignatureNonce')!);
    expect(new Set(nonces).size).toBe(5);
    for (const q of sent) {
      expect(q.get('SignatureNonce')).toMatch(/^[0-9a-f]{16}$/);
      expect(Math.abs(Number(q.get('Timestamp')) - Date.now() / 1000)).toBeLessThan(5);
      expect(q.get('SignatureVersion')).toBe('2.0');
      const expected = createHash('md5')
        .update(
          `${q.get('AppId')}${q.get('SignatureNonce')}${t.emu.credentials.zegoRtc.serverSecret}${q.get('Timestamp')}`,
        )
        .digest('hex');
      expect(q.get('Signature')).toBe(expected);
    }
    expect(t.emu.requests({ action: 'SendCustomCommand' }).map((r) => r.credential)).toEqual(nonces);
  });

  it('an expired signature (100000004) is re-signed and sent once more', async () => {
    t.emu.faults.inject({ vendor: 'zego-rtc', kind: 'code', code: 100000004, count: 1 });
    const response = await send();
    expect(response.Code).toBe(0);
    const log = t.emu.requests({ action: 'SendCustomCommand' });
    expect(log.map((r) => r.code)).toEqual([100000004, 0]);
    expect(log[0]!.credential).not.toBe(log[1]!.credential);
    expect(t.emu.inbox('zego-rtc', 'alice')).toHaveLength(1);
  });

  it('a server clock 20 minutes off fails after exactly one re-sign: UNAUTHENTICATED with a clock hint', async () => {
    const skewed = await setup({ rateLimits: 'off' }, { now: () => Date.now() - 20 * 60_000 });
    try {
      skewed.emu.zegoRtc.joinRoom('room-1', 'alice');
      const error = await rejection(send(skewed.client));
      expect(error).toMatchObject({ code: 'UNAUTHENTICATED', retryable: false, providerCode: 100000004 });
      expect(error.message).toMatch(/clock/);
      const log = skewed.emu.requests();
      expect(log.map((r) => r.code)).toEqual([100000004, 100000004]);
      expect(log[0]!.credential).not.toBe(log[1]!.credential);
    } finally {
      await skewed.emu.close();
    }
  });

  it('a clock 9 minutes off is still inside the ±10 minute window', async () => {
    const skewed = await setup({ rateLimits: 'off', now: () => Date.now() + 9 * 60_000 }, { now: Date.now });
    try {
      skewed.emu.zegoRtc.joinRoom('room-1', 'alice');
      await expect(send(skewed.client)).resolves.toMatchObject({ Code: 0 });
    } finally {
      await skewed.emu.close();
    }
  });
});
