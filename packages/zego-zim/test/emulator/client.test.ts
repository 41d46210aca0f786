import type { Emulator } from '@roomcast/emulator';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type ZegoZimClient, zimCombined, zimImage } from '../../src/index.js';
import { online, startZim, type WireRequest } from './harness.js';

let emu: Emulator;
let zim: ZegoZimClient;
let wire: WireRequest[];

beforeAll(async () => {
  ({ emu, client: zim, wire } = await startZim({ rateLimits: 'off' }));
});
afterAll(() => emu.close());
beforeEach(() => {
  emu.reset();
  wire.length = 0;
  online(emu, 'bot', 'u1', 'u2');
});

const inbox = (user: string) => emu.inbox('zego-zim', user);

describe('sendPeerMessage against the emulator', () => {
  it('delivers a text message and returns typed ids', async () => {
    const res = await zim.sendPeerMessage({
      FromUserId: 'bot',
      ToUserId: ['u1', 'u2'],
      MessageType: 1,
      Priority: 2,
      MessageBody: {
        Message: 'hello 👋',
        ExtendedData: 'ext',
        OfflinePush: { Enable: 1, Title: 'T', Content: 'C' },
      },
      SendMsgOptions: { NoUnread: true },
    });
    expect(res.Code).toBe(0);
    expect(res.ErrorList).toEqual([]);
    expect(res.SuccList.map((s) => s.UserId)).toEqual(['u1', 'u2']);
    for (const s of res.SuccList) {
      expect(s.MsgId).toMatch(/^\d+$/);
      expect(s.MsgSeq).toBeTypeOf('number');
    }
    expect(inbox('u1').map((d) => [d.callback, d.content, d.from])).toEqual([
      ['peerMessageReceived', 'hello 👋', 'bot'],
    ]);
  });

  it('sends a custom message with SubMsgType and SearchedContent', async () => {
    await zim.sendPeerMessage({
      FromUserId: 'bot',
      ToUserId: ['u1'],
      MessageType: 200,
      SubMsgType: 17,
      SearchedContent: 'gift',
      Priority: 3,
      MessageBody: { Message: '{"gift":"rose"}' },
    });
    expect(inbox('u1')[0]?.raw).toMatchObject({
      type: 200,
      subType: 17,
      searchedContent: 'gift',
      message: '{"gift":"rose"}',
    });
  });

  it('round-trips binary command messages through IsBase64', async () => {
    const bytes = new Uint8Array(256).map((_, i) => 255 - i);
    const res = await zim.sendPeerMessage({
      FromUserId: 'bot',
      ToUserId: ['u1'],
      MessageType: 2,
      Priority: 3,
      MessageBody: { Message: bytes },
    });
    expect(res.SuccList[0]?.MsgSeq).toBeUndefined();
    expect(wire[0]?.body?.MessageBody).toMatchObject({ IsBase64: 1 });
    const raw = inbox('u1')[0]?.raw as { isBase64: boolean; messageBase64: string };
    expect(raw.isBase64).toBe(true);
    expect(Uint8Array.from(atob(raw.messageBase64), (c) => c.charCodeAt(0))).toEqual(bytes);
  });

  it('sends media and combined messages as JSON strings', async () => {
    const image = {
      Origin: { Url: 'https://cdn.example.com/a.png', Width: 10, Height: 10 },
      FileName: 'a.png',
    };
    await zim.sendPeerMessage({
      FromUserId: 'bot',
      ToUserId: ['u1'],
      MessageType: 11,
      Priority: 2,
      MessageBody: { Message: image },
    });
    await zim.sendPeerMessage({
      FromUserId: 'bot',
      ToUserId: ['u1'],
      MessageType: 12,
      Priority: 2,
      MessageBody: { Message: { Url: 'https://cdn.example.com/f.pdf', FileName: 'f.pdf', Size: 3 } },
    });
    await zim.sendPeerMessage({
      FromUserId: 'bot',
      ToUserId: ['u1'],
      MessageType: 13,
      Priority: 2,
      MessageBody: { Message: { Url: 'https://cdn.example.com/v.m4a', FileName: 'v.m4a', MediaDuration: 4 } },
    });
    await zim.sendPeerMessage({
      FromUserId: 'bot',
      ToUserId: ['u1'],
      MessageType: 14,
      Priority: 2,
      MessageBody: { Message: { Url: 'https://cdn.example.com/c.mp4', FileName: 'c.mp4', MediaDuration: 9 } },
    });
    await zim.sendPeerMessage({
      FromUserId: 'bot',
      ToUserId: ['u1'],
      MessageType: 10,
      Priority: 2,
      MessageBody: {
        Message: zimCombined([
          { MsgType: 1, Msg: 'look' },
          { MsgType: 11, Msg: image },
        ]),
      },
    });
    const received = inbox('u1');
    expect(received.map((d) => d.raw.type)).toEqual([11, 12, 13, 14, 10]);
    expect(JSON.parse(received[0]?.content ?? '')).toEqual(JSON.parse(zimImage(image)));
    expect(JSON.parse(received[4]?.content ?? '').MultiMsg).toHaveLength(2);
  });

  it('returns a partial success with ErrorList SubCodes', async () => {
    emu.zim.registerUser('sleepy'); // registered, offline
    const res = await zim.sendPeerMessage({
      FromUserId: 'bot',
      ToUserId: ['u1', 'sleepy', 'ghost'],
      MessageType: 1,
      Priority: 2,
      MessageBody: { Message: 'hi' },
    });
    expect(res.Code).toBe(0);
    expect(res.SuccList.map((s) => s.UserId)).toEqual(['u1']);
    expect(res.ErrorList).toEqual([
      { UserId: 'sleepy', SubCode: 660200001 },
      { UserId: 'ghost', SubCode: 660500002 },
    ]);
  });

  it('throws with per-recipient failures when every recipient failed', async () => {
    const error = await zim
      .sendPeerMessage({
        FromUserId: 'bot',
        ToUserId: ['ghost1', 'ghost2'],
        MessageType: 1,
        Priority: 2,
        MessageBody: { Message: 'hi' },
      })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'USER_NOT_FOUND', providerCode: 660500002, retryable: false });
    expect(
      (error as { failures: { userId: string; error: { providerCode: number } }[] }).failures.map(
        (f) => f.userId,
      ),
    ).toEqual(['ghost1', 'ghost2']);
  });
});

describe('sendRoomMessage, sendGroupMessage, sendMessageToAllUsers, queryUserOnlineState', () => {
  it('sends text, custom, command and barrage messages to a room', async () => {
    emu.zim.joinRoom('live-1', 'u1');
    emu.zim.joinRoom('live-1', 'bot');
    for (const [MessageType, extra] of [
      [1, {}],
      [200, { SubMsgType: 3 }],
      [2, {}],
      [20, {}],
    ] as const) {
      const res = await zim.sendRoomMessage({
        FromUserId: 'bot',
        RoomId: 'live-1',
        Priority: 1,
        MessageType,
        MessageBody: { Message: `m${MessageType}` },
        ...extra,
      } as never);
      expect(res).toMatchObject({ Code: 0, AuditInfos: [] });
    }
    expect(inbox('u1').map((d) => [d.callback, d.raw.type, d.content])).toEqual([
      ['roomMessageReceived', 1, 'm1'],
      ['roomMessageReceived', 200, 'm200'],
      ['roomMessageReceived', 2, 'm2'],
      ['roomMessageReceived', 20, 'm20'],
    ]);
    // SenderUnaware defaults to 1 in rooms: the sender got no copy.
    expect(inbox('bot')).toEqual([]);
  });

  it('maps an unknown room to ROOM_NOT_FOUND', async () => {
    await expect(
      zim.sendRoomMessage({
        FromUserId: 'bot',
        RoomId: 'nowhere',
        MessageType: 1,
        Priority: 2,
        MessageBody: { Message: 'x' },
      }),
    ).rejects.toMatchObject({ code: 'ROOM_NOT_FOUND', providerCode: 660300001 });
  });

  it('sends a group message to the targeted members and reads MsgId as a number', async () => {
    emu.zim.createGroup('g1', ['bot', 'u1', 'u2']);
    const res = await zim.sendGroupMessage({
      FromUserId: 'bot',
      GroupId: 'g1',
      MessageType: 1,
      Priority: 2,
      MessageBody: { Message: 'only you' },
      SendMsgOptions: { TargetOption: { ReceiverUserIds: ['u2'], Inclusive: true } },
    });
    expect(res.MsgId).toBeTypeOf('number');
    expect(res.MsgSeq).toBe(1);
    expect(inbox('u1')).toEqual([]);
    expect(inbox('u2').map((d) => d.content)).toEqual(['only you']);
  });

  it('pushes to all users', async () => {
    const res = await zim.sendMessageToAllUsers({
      FromUserId: 'bot',
      MessageType: 1,
      PushType: 0,
      MessageBody: { Message: 'all' },
    });
    expect(res.Code).toBe(0);
    expect(inbox('u2').map((d) => [d.callback, d.content])).toEqual([['broadcastMessageReceived', 'all']]);
  });

  it('queries online state', async () => {
    emu.zim.registerUser('sleepy');
    const res = await zim.queryUserOnlineState({ UserId: ['u1', 'sleepy', 'ghost'] });
    expect(res.Result).toEqual([
      { UserId: 'u1', Status: 'Online' },
      { UserId: 'sleepy', Status: 'Offline' },
    ]);
    expect(res.ErrorList).toEqual([{ UserId: 'ghost', SubCode: 660200001 }]);
  });
});
