import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Emulator } from '../src/index.js';
import { manualClock, start, trtc } from './helpers/http.js';

const clock = manualClock(1_750_074_537);
let emu: Emulator;
beforeAll(async () => {
  emu = await start({ now: clock.now });
});
beforeEach(() => {
  emu.reset();
  clock.advance(5_000);
});
afterAll(() => emu.close());

const now = () => Math.floor(clock.now() / 1000);
const call = (command: string, body: unknown, extra: Parameters<typeof trtc>[3] = {}) =>
  trtc(emu, command, body, { nowSeconds: now(), ...extra });

describe('request checks', () => {
  it('POST only (60002), known commands only (60009)', async () => {
    expect((await call('get_room_info', undefined, { method: 'GET' })).body.ErrorCode).toBe(60002);
    expect((await call('send_carrier_pigeon', {})).body.ErrorCode).toBe(60009);
    expect((await call('send_custom_msg', {}, { service: 'group_open_http_svc' })).body.ErrorCode).toBe(
      60009,
    );
  });

  it('the five query parameters', async () => {
    expect((await call('get_room_info', {}, { query: { sdkappid: undefined } })).body.ErrorCode).toBe(60012);
    expect((await call('get_room_info', {}, { query: { sdkappid: 'abc' } })).body.ErrorCode).toBe(60025);
    expect((await call('get_room_info', {}, { query: { identifier: undefined } })).body.ErrorCode).toBe(
      60025,
    );
    expect((await call('get_room_info', {}, { query: { random: undefined } })).body.ErrorCode).toBe(60025);
    expect((await call('get_room_info', {}, { query: { random: '4294967296' } })).body.ErrorCode).toBe(60025);
    expect((await call('get_room_info', {}, { query: { contenttype: 'xml' } })).body.ErrorCode).toBe(60025);
    expect((await call('get_room_info', {}, { query: { contenttype: undefined } })).body.ErrorCode).toBe(
      60025,
    );
    expect((await call('get_room_info', {}, { query: { usersig: undefined } })).body.ErrorCode).toBe(70002);
  });

  it('the body must be a JSON object (60003); HTTP 200 and the full envelope on errors', async () => {
    for (const body of ['', 'nope', '[]', 'null']) {
      const res = await call('get_room_info', body);
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        ErrorCode: 60003,
        ErrorInfo: expect.any(String),
        ActionStatus: 'FAIL',
        RequestId: expect.stringMatching(/^Id-[0-9a-f]{32}-O-Seq-\d+$/),
      });
    }
  });

  it('RequestId sequence increases', async () => {
    const a = (await call('get_room_info', { RoomId: 'x' })).body.RequestId as string;
    const b = (await call('get_room_info', { RoomId: 'x' })).body.RequestId as string;
    expect(Number(b.split('-Seq-')[1])).toBe(Number(a.split('-Seq-')[1]) + 1);
  });
});

describe('rooms', () => {
  it('create_room, get_room_info, destroy_room', async () => {
    const created = await call('create_room', {
      RoomInfo: {
        RoomId: 'live-1',
        RoomType: 'Live',
        RoomName: 'Launch',
        Owner_Account: 'host',
        IsMessageDisabled: false,
        Category: [1, 2],
      },
    });
    expect(created.body).toEqual({
      ErrorCode: 0,
      ErrorInfo: '',
      ActionStatus: 'OK',
      RequestId: expect.any(String),
    });
    expect(
      (await call('create_room', { RoomInfo: { RoomId: 'live-1', RoomType: 'Live' } })).body.ErrorCode,
    ).toBe(100003);
    emu.trtc.joinRoom('live-1', 'v1');
    const info = await call('get_room_info', { RoomId: 'live-1' });
    expect(info.body.Response).toEqual({
      RoomInfo: expect.objectContaining({
        RoomId: 'live-1',
        RoomType: 'Live',
        RoomName: 'Launch',
        Owner_Account: 'host',
        Category: [1, 2],
        MemberCount: 1,
        CreateTime: now(),
      }),
    });
    const destroyed = await call('destroy_room', { RoomId: 'live-1' });
    expect(destroyed.body.Response).toEqual({
      Statistic: {
        TotalViewers: 1,
        TotalGiftsSent: 0,
        TotalGiftCoins: 0,
        TotalUniqueGiftSenders: 0,
        TotalLikesReceived: 0,
      },
    });
    expect((await call('get_room_info', { RoomId: 'live-1' })).body.ErrorCode).toBe(100004);
    expect((await call('destroy_room', { RoomId: 'live-1' })).body.ErrorCode).toBe(100004);
  });

  it('create_room validation: 100002', async () => {
    const bad = [
      {},
      { RoomInfo: 'x' },
      { RoomInfo: { RoomType: 'Live' } },
      { RoomInfo: { RoomId: 'r'.repeat(49), RoomType: 'Live' } },
      { RoomInfo: { RoomId: 'r', RoomType: 'Meeting' } },
      { RoomInfo: { RoomId: 'r', RoomType: 'Live', RoomName: 'n'.repeat(101) } },
      { RoomInfo: { RoomId: 'r', RoomType: 'Live', CoverURL: 'u'.repeat(201) } },
      { RoomInfo: { RoomId: 'r', RoomType: 'Live', Category: [1, 2, 3, 4] } },
      { RoomInfo: { RoomId: 'r', RoomType: 'Live', MaxMemberCount: -1 } },
      { RoomInfo: { RoomId: 'r', RoomType: 'Live', IsSeatEnabled: 'yes' } },
    ];
    for (const body of bad) expect((await call('create_room', body)).body.ErrorCode).toBe(100002);
    expect(
      (await call('create_room', { RoomInfo: { RoomId: 'r'.repeat(48), RoomType: 'Live' } })).body.ErrorCode,
    ).toBe(0);
  });
});

describe('messages', () => {
  beforeEach(() => {
    emu.trtc.createRoom('live');
    for (const u of ['host', 'v1', 'v2']) emu.trtc.joinRoom('live', u);
  });

  it('send_custom_msg: delivered to members but the sender, MsgSeq per room, MsgTime in seconds', async () => {
    const first = await call('send_custom_msg', {
      RoomId: 'live',
      Sender_Account: 'host',
      BusinessId: 'gift',
      Data: '{"n":1}',
    });
    expect(first.body).toEqual({
      ErrorCode: 0,
      ErrorInfo: '',
      ActionStatus: 'OK',
      RequestId: expect.stringMatching(/^Id-[0-9a-f]{32}-O-Seq-\d+$/),
      Response: { MsgTime: now(), MsgSeq: 1, MsgDropReason: '' },
    });
    expect(emu.inbox('trtc', 'host')).toEqual([]);
    const [got] = emu.inbox('trtc', 'v1');
    expect(got).toMatchObject({
      callback: 'onRecvNewMessage',
      from: 'host',
      roomId: 'live',
      content: '{"n":1}',
      messageId: '1',
    });
    expect(got!.raw.MsgBody).toEqual([
      { MsgType: 'TIMCustomElem', MsgContent: { Data: '{"BusinessId":"gift","Data":"{\\"n\\":1}"}' } },
    ]);
    // Sender_Account is optional: the admin sends, so every member receives.
    const second = await call('send_custom_msg', { RoomId: 'live', BusinessId: 'b', Data: 7 });
    expect((second.body.Response as { MsgSeq: number }).MsgSeq).toBe(2);
    expect(emu.inbox('trtc', 'host').map((d) => [d.from, d.content])).toEqual([['administrator', '7']]);
  });

  it('send_custom_msg checks: 100002, 100004, 100603, 100601', async () => {
    expect((await call('send_custom_msg', { RoomId: 'live', Data: 'd' })).body.ErrorCode).toBe(100002);
    expect((await call('send_custom_msg', { RoomId: 'live', BusinessId: 'b' })).body.ErrorCode).toBe(100002);
    expect((await call('send_custom_msg', { BusinessId: 'b', Data: 'd' })).body.ErrorCode).toBe(100002);
    expect(
      (await call('send_custom_msg', { RoomId: 'live', BusinessId: 'b', Data: 'd', Sender_Account: 5 })).body
        .ErrorCode,
    ).toBe(100002);
    expect(
      (await call('send_custom_msg', { RoomId: 'gone', BusinessId: 'b', Data: 'd' })).body.ErrorCode,
    ).toBe(100004);
    // 12 KB applies to the wrapped {"BusinessId":..,"Data":..} string.
    const overhead = JSON.stringify({ BusinessId: 'b', Data: '' }).length;
    const fits = 'x'.repeat(12 * 1024 - overhead);
    expect(
      (await call('send_custom_msg', { RoomId: 'live', BusinessId: 'b', Data: fits })).body.ErrorCode,
    ).toBe(0);
    expect(
      (await call('send_custom_msg', { RoomId: 'live', BusinessId: 'b', Data: `${fits}x` })).body.ErrorCode,
    ).toBe(100603);
    emu.trtc.muteUser('live', 'v1');
    expect(
      (await call('send_custom_msg', { RoomId: 'live', BusinessId: 'b', Data: 'd', Sender_Account: 'v1' }))
        .body.ErrorCode,
    ).toBe(100601);
  });

  it('send_text_msg: TIMTextElem with CloudCustomData; Sender_Account and TextContent required', async () => {
    const res = await call('send_text_msg', {
      RoomId: 'live',
      Sender_Account: 'v2',
      TextContent: 'hello',
      ExtensionInfo: '{"lvl":3}',
    });
    expect(res.body).toMatchObject({ ErrorCode: 0, Response: { MsgSeq: 1, MsgDropReason: '' } });
    expect(emu.inbox('trtc', 'host')[0]).toMatchObject({
      content: 'hello',
      raw: {
        MsgBody: [{ MsgType: 'TIMTextElem', MsgContent: { Text: 'hello' } }],
        CloudCustomData: '{"lvl":3}',
      },
    });
    expect(emu.inbox('trtc', 'v2')).toEqual([]);
    expect((await call('send_text_msg', { RoomId: 'live', TextContent: 'x' })).body.ErrorCode).toBe(100002);
    expect((await call('send_text_msg', { RoomId: 'live', Sender_Account: 'v2' })).body.ErrorCode).toBe(
      100002,
    );
    expect(
      (
        await call('send_text_msg', {
          RoomId: 'live',
          Sender_Account: 'v2',
          TextContent: 'y'.repeat(12 * 1024 + 1),
        })
      ).body.ErrorCode,
    ).toBe(100603);
  });

  it('200 requests per second per command (60007)', async () => {
    const results = await Promise.all(
      Array.from({ length: 201 }, () => call('get_room_info', { RoomId: 'live' })),
    );
    const codes = results.map((r) => r.body.ErrorCode);
    expect(codes.filter((c) => c === 0)).toHaveLength(200);
    expect(codes.filter((c) => c === 60007)).toHaveLength(1);
    // Another command has its own bucket.
    expect(
      (await call('send_custom_msg', { RoomId: 'live', BusinessId: 'b', Data: 'd' })).body.ErrorCode,
    ).toBe(0);
  });
});

describe('frequency control (opt-in per-room message limit)', () => {
  it('drops with MsgFreqCtrl by default, or rejects with 100602', async () => {
    for (const mode of ['drop', 'reject'] as const) {
      const local = await start({
        now: clock.now,
        rateLimits: {
          trtc: { send_custom_msg: { perRoomPerSecond: 2 }, send_text_msg: { perRoomPerSecond: 2 } },
        },
        behavior: { trtcFrequencyControl: mode },
      });
      local.trtc.createRoom('live');
      local.trtc.joinRoom('live', 'v');
      const send = () =>
        trtc(local, 'send_custom_msg', { RoomId: 'live', BusinessId: 'b', Data: 'd' }, { nowSeconds: now() });
      expect((await send()).body.ErrorCode).toBe(0);
      // The text command shares the room's bucket.
      expect(
        (
          await trtc(
            local,
            'send_text_msg',
            { RoomId: 'live', Sender_Account: 'h', TextContent: 't' },
            { nowSeconds: now() },
          )
        ).body.ErrorCode,
      ).toBe(0);
      const third = await send();
      if (mode === 'drop')
        expect(third.body).toMatchObject({ ErrorCode: 0, Response: { MsgDropReason: 'MsgFreqCtrl' } });
      else expect(third.body.ErrorCode).toBe(100602);
      expect(local.inbox('trtc', 'v')).toHaveLength(2);
      await local.close();
    }
  });
});
