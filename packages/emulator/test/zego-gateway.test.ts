import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Emulator } from '../src/index.js';
import { json, manualClock, start } from './helpers/http.js';
import { zegoCommonParams } from './helpers/sign.js';
import { vectors } from './helpers/vectors.js';

const sig = vectors.zego_signature;
const base = sig.emulator_checks.find((c: { name: string }) => c.name === 'valid_now');

describe('ZEGO gateway: vendor-vectors emulator_checks', () => {
  const clock = manualClock(base.server_now);
  let emu: Emulator;
  beforeAll(async () => {
    emu = await start({
      now: clock.now,
      credentials: {
        zegoRtc: { appId: base.appId, serverSecret: base.secret },
        zegoZim: { appId: base.appId, serverSecret: base.secret },
      },
    });
  });
  afterAll(() => emu.close());

  const validParams = (): Record<string, string | undefined> => ({
    Action: 'DescribeUserNum',
    AppId: String(base.appId),
    SignatureNonce: base.nonce,
    Timestamp: String(base.timestamp),
    Signature: base.signature,
    SignatureVersion: '2.0',
    'RoomId[]': 'room-1',
  });

  async function send(params: Record<string, string | undefined>, url = emu.zegoRtcUrl): Promise<number> {
    const qs = Object.entries(params)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => `${k}=${encodeURIComponent(v!)}`)
      .join('&');
    const res = await fetch(`${url}/?${qs}`);
    expect(res.status).toBe(200);
    return (await json(res)).Code as number;
  }

  const mutations: Record<string, (p: Record<string, string | undefined>) => void> = {
    missing_nonce: (p) => delete p.SignatureNonce,
    missing_signature: (p) => delete p.Signature,
    missing_timestamp: (p) => delete p.Timestamp,
    non_numeric_timestamp: (p) => (p.Timestamp = 'yesterday'),
    missing_action: (p) => delete p.Action,
    unknown_action: (p) => (p.Action = 'SendCarrierPigeon'),
    missing_signature_version: (p) => delete p.SignatureVersion,
    'signature_version_not_2.0': (p) => (p.SignatureVersion = '1.0'),
    bad_appid_format: (p) => (p.AppId = 'app-12'),
    unknown_appid: (p) => {
      const other = zegoCommonParams({
        appId: 1234567891,
        serverSecret: base.secret,
        nonce: base.nonce,
        timestamp: base.timestamp,
      });
      Object.assign(p, other);
    },
  };

  for (const check of sig.emulator_checks as {
    name: string;
    expected_code: number | null;
    server_now?: number;
  }[]) {
    it(`${check.name} → ${check.expected_code}`, async () => {
      clock.set(check.server_now ?? base.server_now);
      const params = validParams();
      const full = check as unknown as Record<string, string | number>;
      if (full.signature !== undefined) {
        params.Signature = String(full.signature);
        params.Timestamp = String(full.timestamp);
        params.SignatureNonce = String(full.nonce);
      }
      mutations[check.name]?.(params);
      if (check.name === 'uppercase_hex_signature') {
        // Undocumented: the emulator rejects uppercase by default (behavior.acceptUppercaseSignature).
        expect(await send(params)).toBe(100000005);
        return;
      }
      expect(await send(params)).toBe(check.expected_code);
      // ZIM shares the gateway.
      if (check.name !== 'unknown_action') {
        if (params.Action === 'DescribeUserNum') params.Action = 'QueryUserOnlineState';
        const zimParams: Record<string, string | undefined> = { ...params, 'UserId[]': 'u1' };
        delete zimParams['RoomId[]'];
        expect(await send(zimParams, emu.zegoZimUrl)).toBe(check.expected_code);
      }
    });
  }

  it('the symmetric side of the window: Timestamp 600 s ahead passes, 601 s ahead expires', async () => {
    clock.set(base.timestamp - 600);
    expect(await send(validParams())).toBe(0);
    clock.set(base.timestamp - 601);
    expect(await send(validParams())).toBe(100000004);
  });

  it('checks run in the documented order (Action before AppId before nonce ...)', async () => {
    clock.set(base.server_now);
    expect(await send({ AppId: 'bad' })).toBe(100000006);
    expect(await send({ Action: 'DescribeUserNum', AppId: 'bad' })).toBe(100000001);
    expect(await send({ Action: 'DescribeUserNum', AppId: String(base.appId), Timestamp: 'x' })).toBe(
      100000008,
    );
    expect(await send({ ...validParams(), Signature: undefined, Timestamp: 'x' })).toBe(100000003);
    expect(await send({ ...validParams(), Signature: undefined, SignatureVersion: '9' })).toBe(100000009);
    // An expired timestamp with a bad signature reports the expiry first.
    clock.set(base.server_now + 10_000);
    expect(await send({ ...validParams(), Signature: '0'.repeat(32) })).toBe(100000004);
  });

  it('every positive signature case verifies; the numeric-addition pitfall does not', async () => {
    for (const c of sig.cases) {
      const local = await start({
        now: () => c.timestamp * 1000,
        credentials: { zegoRtc: { appId: c.appId, serverSecret: c.secret } },
      });
      const common = zegoCommonParams({
        appId: c.appId,
        serverSecret: c.secret,
        nonce: c.nonce,
        timestamp: c.timestamp,
      });
      expect(common.Signature).toBe(c.expected);
      const res = await fetch(
        `${local.zegoRtcUrl}/?Action=DescribeUserNum&RoomId[]=r&${new URLSearchParams(common).toString()}`,
      );
      expect((await json(res)).Code).toBe(0);
      if (c.nonce === '15215528852396') {
        const wrong = { ...common, Signature: sig.pitfall.wrong_expected_for_case_2 };
        const bad = await fetch(
          `${local.zegoRtcUrl}/?Action=DescribeUserNum&RoomId[]=r&${new URLSearchParams(wrong)}`,
        );
        expect((await json(bad)).Code).toBe(100000005);
      }
      await local.close();
    }
  });

  it('accepts uppercase signatures when configured to', async () => {
    const local = await start({
      now: () => base.server_now * 1000,
      credentials: { zegoRtc: { appId: base.appId, serverSecret: base.secret } },
      behavior: { acceptUppercaseSignature: true },
    });
    const common = zegoCommonParams({
      appId: base.appId,
      serverSecret: base.secret,
      nonce: base.nonce,
      timestamp: base.timestamp,
    });
    common.Signature = common.Signature!.toUpperCase();
    const res = await fetch(
      `${local.zegoRtcUrl}/?Action=DescribeUserNum&RoomId[]=r&${new URLSearchParams(common)}`,
    );
    expect((await json(res)).Code).toBe(0);
    await local.close();
  });
});

describe('ZEGO RTC IsTest', () => {
  it('a test-only app needs IsTest=true (any case), else 100000016', async () => {
    const emu = await start({ isTestApp: true });
    const common = zegoCommonParams(emu.credentials.zegoRtc);
    const url = (extra: string) =>
      `${emu.zegoRtcUrl}/?Action=DescribeUserNum&RoomId[]=r&${new URLSearchParams(common)}${extra}`;
    expect((await json(await fetch(url('')))).Code).toBe(100000016);
    expect((await json(await fetch(url('&IsTest=false')))).Code).toBe(100000016);
    expect((await json(await fetch(url('&IsTest=TRUE')))).Code).toBe(0);
    await emu.close();
  });

  it('a production app accepts both; IsTest=true gets the lower test-environment limits', async () => {
    // A frozen clock: on a loaded machine a second may pass between calls and refill the bucket.
    const emu = await start({ now: manualClock(Math.floor(Date.now() / 1000)).now });
    const common = () => new URLSearchParams(zegoCommonParams(emu.credentials.zegoRtc));
    const call = async (extra: string) =>
      (await json(await fetch(`${emu.zegoRtcUrl}/?Action=DescribeUserNum&RoomId[]=r&${common()}${extra}`)))
        .Code;
    // DescribeUserNum: 10/s production, 1/s test.
    expect(await call('&IsTest=true')).toBe(0);
    expect(await call('&IsTest=true')).toBe(206);
    for (let i = 0; i < 10; i++) expect(await call('')).toBe(0);
    expect(await call('')).toBe(206);
    await emu.close();
  });
});
