import { inspect } from 'node:util';
import { isRoomcastError, type RoomcastError } from '@roomcast/core';
import type { Emulator } from '@roomcast/emulator';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { inspectUserSig, TRTC_CODES, type TrtcClient } from '../src/index.js';
import { emulatorSetup, errorTexts, manualClock, type recordingFetch } from './helpers/emulator.js';

let emulator: Emulator;
let recorder: ReturnType<typeof recordingFetch>;
let makeClient: Awaited<ReturnType<typeof emulatorSetup>>['client'];
let client: TrtcClient;
const errors: RoomcastError[] = [];
const hookPayloads: unknown[] = [];
const hooks = {
  onRequest: (i: unknown) => hookPayloads.push(i),
  onResponse: (i: unknown) => hookPayloads.push(i),
};

async function failure(promise: Promise<unknown>): Promise<RoomcastError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(isRoomcastError(error), String(error)).toBe(true);
  errors.push(error as RoomcastError);
  return error as RoomcastError;
}

beforeAll(async () => {
  ({ emulator, recorder, client: makeClient } = await emulatorSetup());
});
afterAll(async () => {
  await emulator.close();
});
beforeEach(() => {
  emulator.reset();
  client = makeClient({ hooks });
  emulator.trtc.createRoom('room-1');
  emulator.trtc.joinRoom('room-1', 'viewer');
});

const custom = { RoomId: 'room-1', Sender_Account: 'host', BusinessId: 'gift', Data: '{"giftId":7}' };

describe('every method against the emulator', () => {
  it('creates, reads, messages and destroys a room', async () => {
    const info = {
      RoomId: 'live-2',
      RoomType: 'Live',
      RoomName: 'Friday show',
      Owner_Account: 'host',
      MaxMemberCount: 400,
      CoverURL: 'https://example.com/cover.png',
      IsMessageDisabled: false,
      Category: [1, 2],
      IsPublicVisible: true,
      IsSeatEnabled: true,
      TakeSeatMode: 'ApplyToTake',
      MaxSeatCount: 8,
      ActivityStatus: 1,
    } as const;
    const created = await client.createRoom({ RoomInfo: { ...info, Category: [1, 2] } });
    expect(created).toMatchObject({ ActionStatus: 'OK', ErrorCode: 0 });
    expect(created.RequestId).toMatch(/^Id-[0-9a-f]{32}-O-Seq-\d+$/);

    const read = await client.getRoomInfo({ RoomId: 'live-2' });
    expect(read.Response.RoomInfo).toMatchObject({
      RoomId: 'live-2',
      RoomName: 'Friday show',
      Category: [1, 2],
    });

    emulator.trtc.joinRoom('live-2', 'fan');
    const customResult = await client.sendCustomMsg({ ...custom, RoomId: 'live-2' });
    const textResult = await client.sendTextMsg({
      RoomId: 'live-2',
      Sender_Account: 'host',
      TextContent: 'Welcome!',
    });
    expect(textResult.Response.MsgSeq).toBeGreaterThan(customResult.Response.MsgSeq);
    expect(customResult.Response.MsgDropReason).toBe('');
    const inbox = emulator.inbox('trtc', 'fan');
    expect(inbox.map((d) => d.content)).toEqual(['{"giftId":7}', 'Welcome!']);

    const destroyed = await client.destroyRoom({ RoomId: 'live-2' });
    expect(destroyed.Response.Statistic).toBeDefined();
    const gone = await failure(client.getRoomInfo({ RoomId: 'live-2' }));
    expect(gone).toMatchObject({
      code: 'ROOM_NOT_FOUND',
      providerCode: 100004,
      requestId: expect.stringMatching(/^Id-/),
    });
  });

  it('sends a custom message without Sender_Account', async () => {
    const result = await client.sendCustomMsg({ RoomId: 'room-1', BusinessId: 'tick', Data: '1' });
    expect(result.Response.MsgSeq).toBeGreaterThan(0);
    expect(emulator.inbox('trtc', 'viewer')).toHaveLength(1);
  });

  it('agrees with the emulator on the exact 12 KB boundaries', async () => {
    const overhead = JSON.stringify({ BusinessId: 'gift', Data: '' }).length;
    await client.sendCustomMsg({ RoomId: 'room-1', BusinessId: 'gift', Data: 'x'.repeat(12_288 - overhead) });
    await client.sendTextMsg({
      RoomId: 'room-1',
      Sender_Account: 'h',
      TextContent: 'y'.repeat(12_280),
      ExtensionInfo: '{"k":1}',
    });
    expect(emulator.inbox('trtc', 'viewer')).toHaveLength(2);
  });

  it('maps the emulator’s own answers: unknown room, muted sender, duplicate room', async () => {
    expect(await failure(client.sendCustomMsg({ ...custom, RoomId: 'nope' }))).toMatchObject({
      code: 'ROOM_NOT_FOUND',
    });
    emulator.trtc.muteUser('room-1', 'host');
    expect(await failure(client.sendCustomMsg(custom))).toMatchObject({
      code: 'MUTED',
      providerCode: 100601,
    });
    expect(
      await failure(client.createRoom({ RoomInfo: { RoomId: 'room-1', RoomType: 'Live' } })),
    ).toMatchObject({
      code: 'INVALID_ARGUMENT',
      providerCode: 100003,
    });
  });
});

describe('every mapped code, injected by the emulator', () => {
  const codes = Object.entries(TRTC_CODES).filter(([, info]) => !info.renewsUserSig);
  it.each(codes)('ErrorCode %s', async (code, info) => {
    emulator.faults.inject({ vendor: 'trtc', action: 'send_custom_msg', kind: 'code', code: Number(code) });
    const error = await failure(client.sendCustomMsg(custom));
    expect(error).toMatchObject({
      code: info.code,
      providerCode: Number(code),
      retryable: info.retryable,
      ambiguous: info.ambiguous ?? false,
      provider: 'trtc',
      operation: 'send_custom_msg',
      requestId: expect.stringMatching(/^Id-/),
    });
    expect(emulator.requestCount()).toBe(1);
  });

  it('an undocumented code is PROVIDER_ERROR', async () => {
    emulator.faults.inject({ vendor: 'trtc', kind: 'code', code: 123456 });
    expect(await failure(client.sendCustomMsg(custom))).toMatchObject({
      code: 'PROVIDER_ERROR',
      providerCode: 123456,
    });
  });
});

describe('credentials', () => {
  it('a wrong SecretKey is 70009, UNAUTHENTICATED', async () => {
    const wrong = makeClient({ secretKey: 'f'.repeat(64), hooks });
    expect(await failure(wrong.sendCustomMsg(custom))).toMatchObject({
      code: 'UNAUTHENTICATED',
      providerCode: 70009,
    });
  });

  it('a non-admin identifier is 60010, PERMISSION_DENIED', async () => {
    const notAdmin = makeClient({ adminUserId: 'someone', hooks });
    expect(await failure(notAdmin.sendCustomMsg(custom))).toMatchObject({
      code: 'PERMISSION_DENIED',
      providerCode: 60010,
    });
  });
});

describe('70001: UserSig renewal', () => {
  it('an injected 70001 is answered by one re-signed resend with a fresh random', async () => {
    emulator.faults.inject({ vendor: 'trtc', kind: 'code', code: 70001 });
    const result = await client.sendCustomMsg(custom);
    expect(result.ErrorCode).toBe(0);
    const log = emulator.requests({ vendor: 'trtc' });
    expect(log.map((e) => e.code)).toEqual([70001, 0]);
    expect(log[0]?.credential).not.toBe(log[1]?.credential);
  });

  it('a UserSig expired by the emulator clock is renewed and the call succeeds', async () => {
    const t = 1_800_000_000;
    const vendorClock = manualClock(t * 1000);
    const clientClock = manualClock(t * 1000);
    const setup = await emulatorSetup({ now: vendorClock.now });
    try {
      setup.emulator.trtc.createRoom('room-1');
      const c = setup.client({ now: clientClock.now, userSigTtlSeconds: 100 });
      await c.sendCustomMsg(custom);
      // The client thinks 40 s passed (renewal due at 50 s); Tencent's clock is past expiry.
      clientClock.advanceSeconds(40);
      vendorClock.advanceSeconds(101);
      await c.sendCustomMsg(custom);
      expect(setup.emulator.requests({ vendor: 'trtc' }).map((e) => e.code)).toEqual([0, 70001, 0]);
      const issued = setup.recorder.userSigs().map((s) => inspectUserSig(s).issuedAt);
      expect(issued).toEqual([t, t + 40]);
    } finally {
      await setup.emulator.close();
    }
  });

  it('renews ahead of expiry without ever seeing a 70001', async () => {
    const t = 1_800_000_000;
    const clock = manualClock(t * 1000);
    const setup = await emulatorSetup({ now: clock.now });
    try {
      setup.emulator.trtc.createRoom('room-1');
      const c = setup.client({ now: clock.now, userSigTtlSeconds: 100 });
      for (let i = 0; i < 6; i++) {
        await c.sendCustomMsg(custom);
        clock.advanceSeconds(30);
      }
      expect(setup.emulator.requests({ vendor: 'trtc' }).every((e) => e.code === 0)).toBe(true);
      expect(setup.recorder.userSigs().map((s) => inspectUserSig(s).issuedAt)).toEqual([t, t + 60, t + 120]);
    } finally {
      await setup.emulator.close();
    }
  });

  it('a clock far behind Tencent fails after one renewal, pointing at the clock', async () => {
    const setup = await emulatorSetup({ now: () => 1_900_000_000_000 });
    try {
      setup.emulator.trtc.createRoom('room-1');
      const c = setup.client({ now: () => 1_800_000_000_000, hooks });
      const error = await failure(c.sendCustomMsg(custom));
      expect(error).toMatchObject({ code: 'UNAUTHENTICATED', providerCode: 70001, retryable: false });
      expect(error.message).toMatch(/check this server's clock/);
      expect(setup.emulator.requestCount()).toBe(2);
    } finally {
      await setup.emulator.close();
    }
  });
});

describe('MsgDropReason', () => {
  it('an emulator drop (MsgFreqCtrl) is RATE_LIMITED, retryable, and nothing is delivered', async () => {
    emulator.faults.inject({ vendor: 'trtc', kind: 'drop' });
    const error = await failure(
      client.sendTextMsg({ RoomId: 'room-1', Sender_Account: 'host', TextContent: 'hi' }),
    );
    expect(error).toMatchObject({
      code: 'RATE_LIMITED',
      retryable: true,
      requestId: expect.stringMatching(/^Id-/),
    });
    expect(emulator.inbox('trtc', 'viewer')).toHaveLength(0);
    await client.sendTextMsg({ RoomId: 'room-1', Sender_Account: 'host', TextContent: 'hi' });
    expect(emulator.inbox('trtc', 'viewer')).toHaveLength(1);
  });
});

describe('transport failures pass through core', () => {
  it.each([
    [{ kind: 'http', status: 502 } as const, 'UNAVAILABLE', true],
    [{ kind: 'malformed' } as const, 'PROVIDER_ERROR', true],
    [{ kind: 'reset' } as const, 'NETWORK', true],
  ])('%o → %s', async (fault, code, ambiguous) => {
    emulator.faults.inject({ vendor: 'trtc', ...fault });
    expect(await failure(client.sendCustomMsg(custom))).toMatchObject({ code, ambiguous });
  });

  it('a timeout is TIMEOUT, ambiguous', async () => {
    emulator.faults.inject({ vendor: 'trtc', kind: 'timeout' });
    expect(await failure(client.sendCustomMsg(custom, { timeoutMs: 200 }))).toMatchObject({
      code: 'TIMEOUT',
      ambiguous: true,
    });
  });
});

describe('secrets', () => {
  it('no SecretKey and no UserSig in any error above, nor in hook payloads', () => {
    expect(errors.length).toBeGreaterThan(40);
    expect(hookPayloads.length).toBeGreaterThan(40);
    const secrets = [emulator.credentials.trtc.secretKey, ...recorder.userSigs()];
    expect(secrets.length).toBeGreaterThan(2);
    const texts = [...errors.flatMap(errorTexts), ...hookPayloads.map((p) => inspect(p, { depth: 8 }))];
    for (const secret of secrets) {
      for (const text of texts) expect(text.includes(secret), 'a secret leaked').toBe(false);
    }
    for (const payload of hookPayloads) {
      expect((payload as { url: string }).url).toMatch(
        /^http:\/\/127\.0\.0\.1:\d+\/trtc\/v4\/live_engine_http_srv\/[a-z_]+$/,
      );
    }
  });
});
