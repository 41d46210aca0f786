import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Emulator } from '../src/index.js';
import { manualClock, start, zim } from './helpers/http.js';

const clock = manualClock(1_700_000_000);
let emu: Emulator;
beforeAll(async () => {
  emu = await start({ now: clock.now });
});
beforeEach(() => {
  emu.reset();
  clock.advance(5_000);
  for (const u of ['alice', 'bob', 'carol']) emu.zim.setOnline(u, true);
  emu.zim.registerUser('dave'); // registered, offline
});
afterAll(() => emu.close());

const ts = () => Math.floor(clock.now() / 1000);
const post = (action: string, body: unknown) => zim(emu, action, body, { timestamp: ts() });
const text = (message: string) => ({ MessageType: 1, Priority: 1, MessageBody: { Message: message } });

describe('SendPeerMessage', () => {
  it('SuccList for online users, ErrorList for offline (660200001) and unregistered (660500002)', async () => {
    const { status, body } = await post('SendPeerMessage', {
      FromUserId: 'alice',
      ToUserId: ['bob', 'dave', 'zed'],
      ...text('hi'),
    });
    expect(status).toBe(200);
    expect(body).toEqual({
      Code: 0,
      Message: 'success',
      RequestId: expect.stringMatching(/^\d{19}$/),
      ErrorList: [
        { UserId: 'dave', SubCode: 660200001 },
        { UserId: 'zed', SubCode: 660500002 },
      ],
      SuccList: [{ UserId: 'bob', MsgId: expect.stringMatching(/^\d+$/), MsgSeq: 1 }],
      AuditInfos: [],
    });
    expect(emu.inbox('zego-zim', 'bob')).toEqual([
      expect.objectContaining({
        callback: 'peerMessageReceived',
        from: 'alice',
        content: 'hi',
        messageId: (body.SuccList as { MsgId: string }[])[0]!.MsgId,
      }),
    ]);
    // SenderUnaware defaults to 0: alice's own client sees the message it "sent".
    expect(emu.inbox('zego-zim', 'alice')).toEqual([
      expect.objectContaining({ senderCopy: true, to: 'alice' }),
    ]);
  });

  it('SenderUnaware 1: no copy to the sender; MsgSeq increases per conversation', async () => {
    await post('SendPeerMessage', { FromUserId: 'alice', ToUserId: ['bob'], SenderUnaware: 1, ...text('1') });
    const { body } = await post('SendPeerMessage', {
      FromUserId: 'bob',
      ToUserId: ['alice'],
      SenderUnaware: 1,
      ...text('2'),
    });
    expect((body.SuccList as { MsgSeq: number }[])[0]!.MsgSeq).toBe(2);
    expect(emu.inbox('zego-zim', 'alice').map((d) => d.content)).toEqual(['2']);
  });

  it('every recipient failed: Code is the failure code, ErrorList non-empty', async () => {
    const { body } = await post('SendPeerMessage', { FromUserId: 'alice', ToUserId: ['zed'], ...text('x') });
    expect(body.Code).toBe(660500002);
    expect(body.ErrorList).toEqual([{ UserId: 'zed', SubCode: 660500002 }]);
    expect(body.SuccList).toEqual([]);
  });

  it('offline peers can be stored instead (behavior.zimOfflinePeer = "store")', async () => {
    const local = await start({ now: clock.now, behavior: { zimOfflinePeer: 'store' } });
    local.zim.setOnline('a', true);
    local.zim.registerUser('b');
    const { body } = await zim(
      local,
      'SendPeerMessage',
      { FromUserId: 'a', ToUserId: ['b'], SenderUnaware: 1, ...text('later') },
      { timestamp: ts() },
    );
    expect(body.ErrorList).toEqual([]);
    expect(local.inbox('zego-zim', 'b')[0]!.raw.offline).toBe(true);
    await local.close();
  });

  it('signaling (type 2) has no MsgSeq; IsBase64 decodes (660000025 when it cannot)', async () => {
    const b64 = Buffer.from('{"op":"mute"}').toString('base64');
    const { body } = await post('SendPeerMessage', {
      FromUserId: 'alice',
      ToUserId: ['bob'],
      MessageType: 2,
      Priority: 3,
      MessageBody: { Message: b64, IsBase64: 1 },
    });
    expect(body.SuccList).toEqual([{ UserId: 'bob', MsgId: expect.any(String) }]);
    expect(emu.inbox('zego-zim', 'bob')[0]).toMatchObject({
      content: '{"op":"mute"}',
      raw: { isBase64: true, messageBase64: b64 },
    });
    const bad = await post('SendPeerMessage', {
      FromUserId: 'alice',
      ToUserId: ['bob'],
      MessageType: 2,
      Priority: 1,
      MessageBody: { Message: 'no!base64', IsBase64: 1 },
    });
    expect(bad.body.Code).toBe(660000025);
  });

  it('limits: 100 recipients (660000011), 2 KB per type (660400001), 32-byte ids (660000012)', async () => {
    const hundred = Array.from({ length: 100 }, (_, i) => `u${i}`);
    expect(
      (await post('SendPeerMessage', { FromUserId: 'alice', ToUserId: hundred, ...text('x') })).body.Code,
    ).toBe(660500002);
    expect(
      (await post('SendPeerMessage', { FromUserId: 'alice', ToUserId: [...hundred, 'u100'], ...text('x') }))
        .body.Code,
    ).toBe(660000011);
    expect(
      (await post('SendPeerMessage', { FromUserId: 'alice', ToUserId: ['bob'], ...text('é'.repeat(1024)) }))
        .body.Code,
    ).toBe(0);
    expect(
      (
        await post('SendPeerMessage', {
          FromUserId: 'alice',
          ToUserId: ['bob'],
          ...text(`${'é'.repeat(1024)}!`),
        })
      ).body.Code,
    ).toBe(660400001);
    // Combined (10) allows 5 KB; the limit for command messages counts decoded bytes.
    const combined = {
      FromUserId: 'alice',
      ToUserId: ['bob'],
      MessageType: 10,
      Priority: 1,
      MessageBody: { Message: 'c'.repeat(5000) },
    };
    expect((await post('SendPeerMessage', combined)).body.Code).toBe(0);
    const raw2048 = Buffer.alloc(2048, 1).toString('base64');
    expect(
      (
        await post('SendPeerMessage', {
          FromUserId: 'alice',
          ToUserId: ['bob'],
          MessageType: 2,
          Priority: 1,
          MessageBody: { Message: raw2048, IsBase64: 1 },
        })
      ).body.Code,
    ).toBe(0);
    expect(
      (
        await post('SendPeerMessage', {
          FromUserId: 'alice',
          ToUserId: ['bob'],
          ...text('x'),
          MessageBody: { Message: 'x', ExtendedData: 'e'.repeat(1025) },
        })
      ).body.Code,
    ).toBe(660400001);
    expect(
      (await post('SendPeerMessage', { FromUserId: 'a'.repeat(33), ToUserId: ['bob'], ...text('x') })).body
        .Code,
    ).toBe(660000012);
    expect(
      (await post('SendPeerMessage', { FromUserId: 'alice', ToUserId: ['b'.repeat(33)], ...text('x') })).body
        .Code,
    ).toBe(660000012);
  });

  it('parameter errors: 660000002', async () => {
    const base = { FromUserId: 'alice', ToUserId: ['bob'], ...text('x') };
    const bad: unknown[] = [
      'not json',
      { ...base, ToUserId: [] },
      { ...base, ToUserId: 'bob' },
      { ...base, ToUserId: ['alice'] },
      { ...base, FromUserId: 'bad/slash' },
      { ...base, MessageType: 20 },
      { ...base, MessageType: 3 },
      { ...base, Priority: 4 },
      { ...base, Priority: undefined },
      { ...base, MessageBody: { Message: '' } },
      { ...base, MessageBody: 'x' },
      { ...base, MessageType: 200 },
      { ...base, MessageType: 200, SubMsgType: 201 },
      { ...base, MessageType: 200, SubMsgType: 1, SearchedContent: 's'.repeat(65) },
      { ...base, SenderUnaware: 2 },
    ];
    for (const body of bad) expect((await post('SendPeerMessage', body)).body.Code).toBe(660000002);
    expect(
      (
        await post('SendPeerMessage', {
          ...base,
          MessageType: 200,
          SubMsgType: 7,
          SearchedContent: 'find me',
        })
      ).body.Code,
    ).toBe(0);
    expect((await post('SendPeerMessage', { ...base, FromUserId: 'with space' })).body.Code).toBe(660500002);
  });

  it('an unregistered sender answers 660500002 with an empty ErrorList', async () => {
    const { body } = await post('SendPeerMessage', { FromUserId: 'ghost', ToUserId: ['bob'], ...text('x') });
    expect(body).toMatchObject({ Code: 660500002 });
    expect(body.ErrorList).toBeUndefined();
  });

  it('20 per second per app (660300005)', async () => {
    const results = await Promise.all(
      Array.from({ length: 21 }, () =>
        post('SendPeerMessage', { FromUserId: 'alice', ToUserId: ['bob'], ...text('x') }),
      ),
    );
    expect(results.filter((r) => r.body.Code === 660300005)).toHaveLength(1);
  });
});

describe('SendRoomMessage', () => {
  beforeEach(() => {
    for (const u of ['alice', 'bob', 'carol']) emu.zim.joinRoom('room', u);
  });

  it('to every member but the sender; SenderUnaware defaults to 1; AuditInfos only', async () => {
    const { body } = await post('SendRoomMessage', {
      FromUserId: 'alice',
      RoomId: 'room',
      ...text('hello room'),
    });
    expect(body).toEqual({ Code: 0, Message: 'success', RequestId: expect.any(String), AuditInfos: [] });
    expect(emu.inbox('zego-zim', 'alice')).toEqual([]);
    expect(emu.inbox('zego-zim', 'bob')[0]).toMatchObject({
      callback: 'roomMessageReceived',
      roomId: 'room',
      content: 'hello room',
    });
    await post('SendRoomMessage', {
      FromUserId: 'alice',
      RoomId: 'room',
      SenderUnaware: 0,
      MessageType: 20,
      Priority: 1,
      MessageBody: { Message: 'barrage' },
    });
    expect(emu.inbox('zego-zim', 'alice')).toEqual([
      expect.objectContaining({ senderCopy: true, content: 'barrage' }),
    ]);
  });

  it('codes: 660300001 room, 660300013 receipts, 660500002 sender', async () => {
    expect(
      (await post('SendRoomMessage', { FromUserId: 'alice', RoomId: 'nope', ...text('x') })).body.Code,
    ).toBe(660300001);
    expect(
      (
        await post('SendRoomMessage', {
          FromUserId: 'alice',
          RoomId: 'room',
          ...text('x'),
          MessageBody: { Message: 'x', HasReceipt: 1 },
        })
      ).body.Code,
    ).toBe(660300013);
    expect(
      (await post('SendRoomMessage', { FromUserId: 'ghost', RoomId: 'room', ...text('x') })).body.Code,
    ).toBe(660500002);
    expect(
      (await post('SendRoomMessage', { FromUserId: 'alice', RoomId: 'r'.repeat(129), ...text('x') })).body
        .Code,
    ).toBe(660000002);
  });

  it('10/s per app; an optional per-room limit answers 660300006', async () => {
    const results = await Promise.all(
      Array.from({ length: 11 }, () =>
        post('SendRoomMessage', { FromUserId: 'alice', RoomId: 'room', ...text('x') }),
      ),
    );
    expect(results.filter((r) => r.body.Code === 660300005)).toHaveLength(1);
    const local = await start({
      now: clock.now,
      rateLimits: { 'zego-zim': { SendRoomMessage: { perRoomPerSecond: 1 } } },
    });
    local.zim.joinRoom('r', 'a');
    const send = () =>
      zim(local, 'SendRoomMessage', { FromUserId: 'a', RoomId: 'r', ...text('x') }, { timestamp: ts() });
    expect((await send()).body.Code).toBe(0);
    expect((await send()).body.Code).toBe(660300006);
    await local.close();
  });
});

describe('SendGroupMessage', () => {
  beforeEach(() => emu.zim.createGroup('g1', ['alice', 'bob', 'carol', 'dave']));

  it('to members but the sender (offline too); MsgSeq and MsgId (Number)', async () => {
    const { body } = await post('SendGroupMessage', { FromUserId: 'alice', GroupId: 'g1', ...text('team') });
    expect(body).toEqual({
      Code: 0,
      Message: 'success',
      RequestId: expect.any(String),
      MsgSeq: 1,
      MsgId: expect.any(Number),
      AuditInfos: [],
    });
    expect(emu.deliveries().map((d) => d.to)).toEqual(['bob', 'carol', 'dave']);
    expect(emu.inbox('zego-zim', 'dave')[0]).toMatchObject({
      callback: 'groupMessageReceived',
      groupId: 'g1',
    });
  });

  it('TargetOption: Inclusive narrows to the list, exclusive removes it', async () => {
    await post('SendGroupMessage', {
      FromUserId: 'alice',
      GroupId: 'g1',
      ...text('only bob'),
      SendMsgOptions: { TargetOption: { ReceiverUserIds: ['bob'], Inclusive: true } },
    });
    await post('SendGroupMessage', {
      FromUserId: 'alice',
      GroupId: 'g1',
      ...text('not bob'),
      SendMsgOptions: { TargetOption: { ReceiverUserIds: ['bob'] } },
    });
    expect(emu.deliveries().map((d) => `${d.content}:${d.to}`)).toEqual([
      'only bob:bob',
      'not bob:carol',
      'not bob:dave',
    ]);
  });

  it('codes: 660600001 group, 660500002 sender, 660000002 barrage type', async () => {
    expect(
      (await post('SendGroupMessage', { FromUserId: 'alice', GroupId: 'nope', ...text('x') })).body.Code,
    ).toBe(660600001);
    expect(
      (await post('SendGroupMessage', { FromUserId: 'ghost', GroupId: 'g1', ...text('x') })).body.Code,
    ).toBe(660500002);
    expect(
      (await post('SendGroupMessage', { FromUserId: 'alice', GroupId: 'g1', ...text('x'), MessageType: 20 }))
        .body.Code,
    ).toBe(660000002);
    expect(
      (
        await post('SendGroupMessage', {
          FromUserId: 'alice',
          GroupId: 'g1',
          ...text('x'),
          SendMsgOptions: { TargetOption: { ReceiverUserIds: 'bob' } },
        })
      ).body.Code,
    ).toBe(660000002);
  });
});

describe('SendMessageToAllUsers', () => {
  it('reaches every online user, the sender included; 1/s and 100 per 24 h (660500003)', async () => {
    const send = () => post('SendMessageToAllUsers', { FromUserId: 'alice', ...text('news') });
    const { body } = await send();
    expect(body).toEqual({ Code: 0, Message: 'success', RequestId: expect.any(String) });
    expect(
      emu
        .deliveries()
        .map((d) => d.to)
        .sort(),
    ).toEqual(['alice', 'bob', 'carol']);
    expect(emu.inbox('zego-zim', 'bob')[0]!.callback).toBe('broadcastMessageReceived');
    expect((await send()).body.Code).toBe(660500003);
    for (let i = 1; i < 100; i++) {
      clock.advance(1000);
      expect((await send()).body.Code).toBe(0);
    }
    clock.advance(1000);
    expect((await send()).body.Code).toBe(660500003);
    clock.advance(24 * 3600 * 1000);
    expect((await send()).body.Code).toBe(0);
  });

  it('type and sender checks', async () => {
    expect(
      (await post('SendMessageToAllUsers', { FromUserId: 'alice', ...text('x'), MessageType: 2 })).body.Code,
    ).toBe(660000002);
    clock.advance(1000);
    expect(
      (await post('SendMessageToAllUsers', { FromUserId: 'alice', ...text('x'), PushType: 3 })).body.Code,
    ).toBe(660000002);
    clock.advance(1000);
    expect((await post('SendMessageToAllUsers', { FromUserId: 'ghost', ...text('x') })).body.Code).toBe(
      660500002,
    );
  });
});

describe('QueryUserOnlineState', () => {
  it('Result with Online/Offline, ErrorList for unregistered users', async () => {
    emu.zim.setOnline('carol', false);
    const { body } = await zim(emu, 'QueryUserOnlineState', undefined, {
      method: 'GET',
      timestamp: ts(),
      params: { UserId: ['alice', 'carol', 'zed'] },
    });
    expect(body).toEqual({
      Code: 0,
      Message: 'success',
      RequestId: expect.any(String),
      Result: [
        { UserId: 'alice', Status: 'Online' },
        { UserId: 'carol', Status: 'Offline' },
      ],
      ErrorList: [{ UserId: 'zed', SubCode: 660200001 }],
    });
    const many = Array.from({ length: 101 }, (_, i) => `u${i}`);
    const tooMany = await zim(emu, 'QueryUserOnlineState', undefined, {
      method: 'GET',
      timestamp: ts(),
      params: { UserId: many },
    });
    expect(tooMany.body.Code).toBe(660000011);
    const none = await zim(emu, 'QueryUserOnlineState', undefined, { method: 'GET', timestamp: ts() });
    expect(none.body.Code).toBe(660000002);
  });

  it('logging out leaves rooms; the last member leaving removes the room', () => {
    emu.zim.joinRoom('r', 'alice');
    emu.zim.setOnline('alice', false);
    expect(emu.zim.state().rooms).toEqual([]);
  });
});
