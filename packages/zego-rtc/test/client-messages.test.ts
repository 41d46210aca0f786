import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { setup } from './helpers.js';

let t: Awaited<ReturnType<typeof setup>>;
beforeAll(async () => {
  t = await setup({ rateLimits: 'off' });
});
afterAll(() => t.emu.close());
beforeEach(() => {
  t.emu.reset();
  for (const user of ['alice', 'bob', 'carol']) t.emu.zegoRtc.joinRoom('room-1', user);
});

describe('sendCustomCommand', () => {
  it('reaches the listed users and reports offline ones in FailUsers', async () => {
    const response = await t.client.sendCustomCommand({
      RoomId: 'room-1',
      FromUserId: 'server',
      ToUserId: ['alice', 'ghost', 'bob'],
      MessageContent: '{"type":"gift"}',
    });
    expect(response).toMatchObject({
      Code: 0,
      Message: 'success',
      Data: { FailUsers: [{ Uid: 'ghost', Code: 50003 }] },
    });
    expect(response.RequestId).not.toBe('');
    expect(t.emu.inbox('zego-rtc', 'alice').map((d) => d.content)).toEqual(['{"type":"gift"}']);
    expect(t.emu.inbox('zego-rtc', 'bob')).toHaveLength(1);
    expect(t.emu.inbox('zego-rtc', 'carol')).toHaveLength(0);
    const url = t.urls.at(-1)!;
    expect(url.search).toContain('ToUserId[]=alice&ToUserId[]=ghost&ToUserId[]=bob');
  });

  it('reaches the whole room (but the sender) when ToUserId is left out', async () => {
    const response = await t.client.sendCustomCommand({
      RoomId: 'room-1',
      FromUserId: 'alice',
      MessageContent: 'hi',
    });
    expect(response.Data.FailUsers).toEqual([]);
    expect(t.emu.inbox('zego-rtc', 'alice')).toHaveLength(0);
    expect(t.emu.inbox('zego-rtc', 'bob')).toHaveLength(1);
    expect(t.emu.inbox('zego-rtc', 'carol')).toHaveLength(1);
    expect(t.urls.at(-1)!.searchParams.has('ToUserId[]')).toBe(false);
  });

  it('sends duplicates in ToUserId once', async () => {
    await t.client.sendCustomCommand({
      RoomId: 'room-1',
      FromUserId: 'server',
      ToUserId: ['alice', 'alice'],
      MessageContent: 'x',
    });
    expect(t.urls.at(-1)!.searchParams.getAll('ToUserId[]')).toEqual(['alice']);
  });
});

describe('hostile content arrives byte-exact', () => {
  const hostile = [
    'a+b',
    'a&b=c',
    '100% sure',
    '  leading and trailing spaces  ',
    '%20 is not a space here, nor is +',
    '&Action=CloseRoom&RoomId=room-1',
    '🎉🚀 emoji 👩‍👩‍👧',
    '你好，世界；弹幕消息',
    'quotes " \' and <tags> # ? / \\ ~ ! * ( )',
    'line\nbreak\ttab',
  ];

  it.each(hostile)('custom command %j', async (content) => {
    await t.client.sendCustomCommand({
      RoomId: 'room-1',
      FromUserId: 'server',
      ToUserId: ['alice'],
      MessageContent: content,
    });
    expect(t.emu.inbox('zego-rtc', 'alice').at(-1)!.content).toBe(content);
  });

  it('broadcast and barrage text, and a hostile UserName', async () => {
    const text = 'a+b&c=d%e f 你好 🎉';
    await t.client.sendBroadcastMessage({
      RoomId: 'room-1',
      UserId: 'server',
      UserName: 'Bot & Co + 机器人',
      MessageCategory: 2,
      MessageContent: text,
    });
    await t.client.sendBarrageMessage({
      RoomId: 'room-1',
      UserId: 'server',
      MessageCategory: 1,
      MessageContent: text,
    });
    const [broadcast, barrage] = t.emu.inbox('zego-rtc', 'bob');
    expect(broadcast!.content).toBe(text);
    expect((broadcast!.raw.fromUser as { userName: string }).userName).toBe('Bot & Co + 机器人');
    expect(barrage!.content).toBe(text);
  });

  it('exactly 1,024 bytes of CJK and emoji are accepted', async () => {
    const content = `${'你'.repeat(340)}🎉`; // 1,020 + 4 bytes
    await t.client.sendCustomCommand({
      RoomId: 'room-1',
      FromUserId: 'server',
      ToUserId: ['alice'],
      MessageContent: content,
    });
    expect(t.emu.inbox('zego-rtc', 'alice').at(-1)!.content).toBe(content);
  });
});

describe('sendBroadcastMessage and sendBarrageMessage', () => {
  it('broadcast answers a numeric MessageId and reaches everyone but the sender', async () => {
    const first = await t.client.sendBroadcastMessage({
      RoomId: 'room-1',
      UserId: 'alice',
      MessageCategory: 2,
      MessageContent: 'hello',
    });
    const second = await t.client.sendBroadcastMessage({
      RoomId: 'room-1',
      UserId: 'alice',
      MessageCategory: 1,
      MessageContent: 'again',
    });
    expect(typeof first.Data.MessageId).toBe('number');
    expect(second.Data.MessageId).toBeGreaterThan(first.Data.MessageId);
    expect(t.emu.inbox('zego-rtc', 'alice')).toHaveLength(0);
    const bob = t.emu.inbox('zego-rtc', 'bob');
    expect(bob.map((d) => [d.callback, d.raw.category])).toEqual([
      ['onIMRecvBroadcastMessage', 2],
      ['onIMRecvBroadcastMessage', 1],
    ]);
  });

  it('barrage answers a string MessageId', async () => {
    const response = await t.client.sendBarrageMessage({
      RoomId: 'room-1',
      UserId: 'server',
      MessageCategory: 2,
      MessageContent: '666',
    });
    expect(typeof response.Data.MessageId).toBe('string');
    expect(t.emu.inbox('zego-rtc', 'carol').map((d) => d.callback)).toEqual(['onIMRecvBarrageMessage']);
  });

  it('an empty room is ROOM_NOT_FOUND with the vendor code', async () => {
    const error = await t.client
      .sendBroadcastMessage({ RoomId: 'nobody-here', UserId: 's', MessageCategory: 2, MessageContent: 'x' })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({
      code: 'ROOM_NOT_FOUND',
      providerCode: 104,
      operation: 'SendBroadcastMessage',
    });
  });
});
