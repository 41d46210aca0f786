import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import type { Emulator } from '../src/index.js';
import { rtc, start } from './helpers/http.js';
import { zegoCommonParams } from './helpers/sign.js';

let emu: Emulator;
beforeEach(async () => {
  if (!emu) emu = await start({ rateLimits: 'off' });
  emu.reset();
  emu.zegoRtc.joinRoom('room-1', 'alice', { userName: 'Alice' });
  emu.zegoRtc.joinRoom('room-1', 'bob');
  emu.zegoRtc.joinRoom('room-1', 'carol');
});
afterAll(() => emu.close());

describe('SendCustomCommand', () => {
  it('omitting ToUserId[] reaches the whole room except the sender', async () => {
    const { status, body } = await rtc(emu, 'SendCustomCommand', {
      RoomId: 'room-1',
      FromUserId: 'alice',
      MessageContent: 'hi',
    });
    expect(status).toBe(200);
    expect(body).toEqual({
      Code: 0,
      Message: 'success',
      RequestId: expect.stringMatching(/^\d{19}$/),
      Data: { FailUsers: [] },
    });
    expect(emu.inbox('zego-rtc', 'alice')).toEqual([]);
    for (const user of ['bob', 'carol']) {
      const [msg] = emu.inbox('zego-rtc', user);
      expect(msg).toMatchObject({
        callback: 'onIMRecvCustomCommand',
        from: 'alice',
        roomId: 'room-1',
        content: 'hi',
        to: user,
      });
      expect(msg!.requestId).toBe(body.RequestId);
    }
    expect(emu.deliveries()).toHaveLength(2);
  });

  it('listed users only; offline ones come back in FailUsers with 50003; the sender is skipped', async () => {
    const { body } = await rtc(emu, 'SendCustomCommand', {
      RoomId: 'room-1',
      FromUserId: 'alice',
      ToUserId: ['bob', 'dave', 'alice', 'bob'],
      MessageContent: 'x',
    });
    expect(body.Code).toBe(0);
    expect(body.Data).toEqual({ FailUsers: [{ Uid: 'dave', Code: 50003 }] });
    expect(emu.inbox('zego-rtc', 'bob')).toHaveLength(1);
    expect(emu.inbox('zego-rtc', 'carol')).toHaveLength(0);
    expect(emu.inbox('zego-rtc', 'alice')).toHaveLength(0);
  });

  it('accepts ToUserId%5B%5D as well as ToUserId[]', async () => {
    const { body } = await rtc(
      emu,
      'SendCustomCommand',
      { RoomId: 'room-1', FromUserId: 'server', ToUserId: ['carol'], MessageContent: 'enc' },
      { bracket: 'encoded' },
    );
    expect(body.Code).toBe(0);
    expect(emu.inbox('zego-rtc', 'carol')).toHaveLength(1);
    expect(emu.inbox('zego-rtc', 'bob')).toHaveLength(0);
  });

  it('decodes + and %20 as spaces and %XX as UTF-8', async () => {
    const common = new URLSearchParams(zegoCommonParams(emu.credentials.zegoRtc)).toString();
    const res = await fetch(
      `${emu.zegoRtcUrl}/?Action=SendCustomCommand&RoomId=room-1&FromUserId=srv&ToUserId[]=bob&MessageContent=hello+zego%20big+%E5%BC%B9%E5%B9%95&${common}`,
    );
    expect(((await res.json()) as { Code: number }).Code).toBe(0);
    expect(emu.inbox('zego-rtc', 'bob')[0]!.content).toBe('hello zego big 弹幕');
  });

  it('limits MessageContent to 1024 decoded UTF-8 bytes (50012), empty is 1008', async () => {
    const cjk = '弹'.repeat(341); // 1023 bytes
    expect(
      (await rtc(emu, 'SendCustomCommand', { RoomId: 'room-1', FromUserId: 's', MessageContent: `${cjk}a` }))
        .body.Code,
    ).toBe(0);
    const over = await rtc(emu, 'SendCustomCommand', {
      RoomId: 'room-1',
      FromUserId: 's',
      MessageContent: `${cjk}ab`,
    });
    expect(over.body.Code).toBe(50012);
    expect(over.body.Message).toContain('1025 bytes');
    expect(
      (await rtc(emu, 'SendCustomCommand', { RoomId: 'room-1', FromUserId: 's', MessageContent: '' })).body
        .Code,
    ).toBe(1008);
    expect((await rtc(emu, 'SendCustomCommand', { RoomId: 'room-1', FromUserId: 's' })).body.Code).toBe(1008);
  });

  it('at most 10 recipients (50011)', async () => {
    const ten = Array.from({ length: 10 }, (_, i) => `u${i}`);
    const ok = await rtc(emu, 'SendCustomCommand', {
      RoomId: 'room-1',
      FromUserId: 's',
      ToUserId: ten,
      MessageContent: 'm',
    });
    expect(ok.body.Code).toBe(0);
    expect((ok.body.Data as { FailUsers: unknown[] }).FailUsers).toHaveLength(10);
    const eleven = [...ten, 'u10'];
    const bad = await rtc(emu, 'SendCustomCommand', {
      RoomId: 'room-1',
      FromUserId: 's',
      ToUserId: eleven,
      MessageContent: 'm',
    });
    expect(bad.body.Code).toBe(50011);
  });

  it('rooms exist only while users are in them (50001)', async () => {
    const missing = await rtc(emu, 'SendCustomCommand', {
      RoomId: 'nowhere',
      FromUserId: 's',
      MessageContent: 'm',
    });
    expect(missing.body.Code).toBe(50001);
    for (const u of ['alice', 'bob', 'carol']) emu.zegoRtc.leaveRoom('room-1', u);
    expect(emu.zegoRtc.rooms()).toEqual([]);
    const gone = await rtc(emu, 'SendCustomCommand', {
      RoomId: 'room-1',
      FromUserId: 's',
      MessageContent: 'm',
    });
    expect(gone.body.Code).toBe(50001);
  });

  it('missing or oversized ids: 2 and 3; bad URL encoding: 8', async () => {
    expect((await rtc(emu, 'SendCustomCommand', { FromUserId: 's', MessageContent: 'm' })).body.Code).toBe(2);
    expect((await rtc(emu, 'SendCustomCommand', { RoomId: 'room-1', MessageContent: 'm' })).body.Code).toBe(
      2,
    );
    const longUser = 'u'.repeat(65);
    expect(
      (await rtc(emu, 'SendCustomCommand', { RoomId: 'room-1', FromUserId: longUser, MessageContent: 'm' }))
        .body.Code,
    ).toBe(3);
    expect(
      (await rtc(emu, 'SendCustomCommand', { RoomId: 'r'.repeat(129), FromUserId: 's', MessageContent: 'm' }))
        .body.Code,
    ).toBe(3);
    const common = new URLSearchParams(zegoCommonParams(emu.credentials.zegoRtc)).toString();
    const res = await fetch(
      `${emu.zegoRtcUrl}/?Action=SendCustomCommand&RoomId=room-1&FromUserId=s&MessageContent=%E5%BC&${common}`,
    );
    expect(((await res.json()) as { Code: number }).Code).toBe(8);
  });
});

describe('SendBroadcastMessage / SendBarrageMessage', () => {
  it('broadcast: everyone but the sender, MessageId a Number increasing per room', async () => {
    const first = await rtc(emu, 'SendBroadcastMessage', {
      RoomId: 'room-1',
      UserId: 'alice',
      UserName: 'Alice',
      MessageCategory: 2,
      MessageContent: 'hello all',
    });
    expect(first.body).toMatchObject({ Code: 0, Message: 'success', Data: { MessageId: 1 } });
    const second = await rtc(emu, 'SendBroadcastMessage', {
      RoomId: 'room-1',
      UserId: 'x',
      MessageCategory: 1,
      MessageContent: 'sys',
    });
    expect((second.body.Data as { MessageId: unknown }).MessageId).toBe(2);
    expect(emu.inbox('zego-rtc', 'alice').map((m) => m.content)).toEqual(['sys']);
    const bob = emu.inbox('zego-rtc', 'bob');
    expect(bob.map((m) => m.callback)).toEqual(['onIMRecvBroadcastMessage', 'onIMRecvBroadcastMessage']);
    expect(bob[0]).toMatchObject({
      messageId: '1',
      raw: { messageID: 1, category: 2, fromUser: { userID: 'alice', userName: 'Alice' } },
    });
  });

  it('barrage: MessageId is a String; delivered with onIMRecvBarrageMessage', async () => {
    const { body } = await rtc(emu, 'SendBarrageMessage', {
      RoomId: 'room-1',
      UserId: 'bob',
      MessageCategory: 2,
      MessageContent: '666',
    });
    expect(body.Code).toBe(0);
    expect(typeof (body.Data as { MessageId: unknown }).MessageId).toBe('string');
    expect(emu.inbox('zego-rtc', 'carol')[0]).toMatchObject({
      callback: 'onIMRecvBarrageMessage',
      content: '666',
      from: 'bob',
    });
    expect(emu.inbox('zego-rtc', 'bob')).toEqual([]);
  });

  it('checks MessageCategory, content and room', async () => {
    const base = { RoomId: 'room-1', UserId: 'a', MessageContent: 'm' };
    for (const action of ['SendBroadcastMessage', 'SendBarrageMessage']) {
      expect((await rtc(emu, action, { ...base, MessageCategory: 3 })).body.Code).toBe(2);
      expect((await rtc(emu, action, base)).body.Code).toBe(2);
      expect((await rtc(emu, action, { ...base, MessageCategory: 1, MessageContent: '' })).body.Code).toBe(
        1008,
      );
      expect(
        (await rtc(emu, action, { ...base, MessageCategory: 1, MessageContent: 'a'.repeat(1025) })).body.Code,
      ).toBe(50012);
      expect((await rtc(emu, action, { ...base, MessageCategory: 1, RoomId: 'none' })).body.Code).toBe(104);
      expect((await rtc(emu, action, { ...base, MessageCategory: 1, UserId: undefined })).body.Code).toBe(2);
    }
  });
});
