import { ZEGO_GATEWAY_CODES } from '@roomcast/zego-common';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createZegoRtcClient, ZEGO_RTC_CODES } from '../src/index.js';
import { expectNoSecrets, rejection, setup } from './helpers.js';

let t: Awaited<ReturnType<typeof setup>>;
beforeAll(async () => {
  t = await setup({ rateLimits: 'off' });
});
afterAll(() => t.emu.close());
beforeEach(() => {
  t.emu.reset();
  t.emu.zegoRtc.joinRoom('room-1', 'alice');
});

const send = () =>
  t.client.sendCustomCommand({
    RoomId: 'room-1',
    FromUserId: 'server',
    ToUserId: ['alice'],
    MessageContent: 'x',
  });

describe('every documented RTC business code is mapped', () => {
  it.each(Object.entries(ZEGO_RTC_CODES))('code %s', async (code, info) => {
    t.emu.faults.inject({
      vendor: 'zego-rtc',
      action: 'SendCustomCommand',
      kind: 'code',
      code: Number(code),
    });
    const error = await rejection(send());
    expect(error).toMatchObject({
      code: info.code,
      retryable: info.retryable,
      ambiguous: info.ambiguous ?? false,
      providerCode: Number(code),
      provider: 'zego-rtc',
      operation: 'SendCustomCommand',
      httpStatus: 200,
    });
    expect(error.requestId).toMatch(/\S/);
    expect(error.message).toContain(`ZEGO code ${code}`);
    expect(error.message).toContain(info.message);
    expectNoSecrets(error, t.secrets());
  });

  it('rate-limit codes are retryable RATE_LIMITED', () => {
    for (const code of [7, 206, 207])
      expect(ZEGO_RTC_CODES[code]).toMatchObject({ code: 'RATE_LIMITED', retryable: true });
  });

  it('an undocumented code is a PROVIDER_ERROR, not retryable, with the vendor code', async () => {
    t.emu.faults.inject({ vendor: 'zego-rtc', kind: 'code', code: 777777, message: 'strange' });
    const error = await rejection(send());
    expect(error).toMatchObject({ code: 'PROVIDER_ERROR', retryable: false, providerCode: 777777 });
    expect(error.message).toContain('"strange"');
  });
});

describe('gateway codes', () => {
  it.each(Object.entries(ZEGO_GATEWAY_CODES).filter(([code]) => code !== '100000004'))(
    'forced gateway code %s',
    async (code, info) => {
      t.emu.faults.inject({ vendor: 'zego-rtc', kind: 'code', code: Number(code) });
      const error = await rejection(send());
      expect(error).toMatchObject({ code: info.code, retryable: info.retryable, providerCode: Number(code) });
      expectNoSecrets(error, t.secrets());
    },
  );

  it('a wrong ServerSecret is UNAUTHENTICATED (100000005), without the secret in the error', async () => {
    const wrongSecret = 'deadbeefdeadbeefdeadbeefdeadbeef';
    const client = createZegoRtcClient({ ...t.config, serverSecret: wrongSecret });
    const error = await rejection(
      client.sendCustomCommand({ RoomId: 'room-1', FromUserId: 's', MessageContent: 'x' }),
    );
    expect(error).toMatchObject({ code: 'UNAUTHENTICATED', providerCode: 100000005, retryable: false });
    expectNoSecrets(error, [wrongSecret, ...t.secrets()]);
  });

  it('an unknown AppID is UNAUTHENTICATED (100000010)', async () => {
    const client = createZegoRtcClient({ ...t.config, appId: 42 });
    const error = await rejection(client.describeUserNum({ RoomId: ['room-1'] }));
    expect(error).toMatchObject({ code: 'UNAUTHENTICATED', providerCode: 100000010 });
  });
});

describe('test environment', () => {
  it('an old project without isTest gets 100000016 with a hint; isTest: true works', async () => {
    const old = await setup({ isTestApp: true, rateLimits: 'off' });
    try {
      old.emu.zegoRtc.joinRoom('r', 'a');
      const error = await rejection(old.client.describeUserNum({ RoomId: ['r'] }));
      expect(error).toMatchObject({ code: 'PERMISSION_DENIED', providerCode: 100000016 });
      expect(error.message).toMatch(/isTest: true/);
      const testClient = createZegoRtcClient({ ...old.config, isTest: true });
      expect(testClient.isTest).toBe(true);
      const response = await testClient.describeUserNum({ RoomId: ['r'] });
      expect(response.Data.UserCountList[0]!.UserCount).toBe(1);
      expect(old.urls.at(-1)!.searchParams.get('IsTest')).toBe('true');
    } finally {
      await old.emu.close();
    }
  });

  it('the test environment has its own, lower rate limit (10/s for SendCustomCommand)', async () => {
    // A frozen clock: on a loaded machine the bucket must not refill between the 12 requests.
    const frozen = Date.now();
    const env = await setup({ now: () => frozen }, { isTest: true });
    try {
      env.emu.zegoRtc.joinRoom('r', 'a');
      const results = await Promise.allSettled(
        Array.from({ length: 12 }, () =>
          env.client.sendCustomCommand({ RoomId: 'r', FromUserId: 's', MessageContent: 'x' }),
        ),
      );
      const limited = results.filter((r) => r.status === 'rejected');
      expect(limited.length).toBeGreaterThanOrEqual(2);
      for (const r of limited)
        expect((r as PromiseRejectedResult).reason).toMatchObject({
          code: 'RATE_LIMITED',
          providerCode: 206,
        });
    } finally {
      await env.emu.close();
    }
  });
});
