import type { RoomcastError } from '@roomcast/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createZegoRtcClient, type ZegoRtcClient } from '../src/index.js';
import { rejection, setup } from './helpers.js';

let t: Awaited<ReturnType<typeof setup>>;
beforeAll(async () => {
  t = await setup({ rateLimits: 'off' });
});
afterAll(() => t.emu.close());

const base = { RoomId: 'room-1', FromUserId: 'server', MessageContent: 'x' };
const text = { RoomId: 'room-1', UserId: 'server', MessageCategory: 2 as const, MessageContent: 'x' };
const users = (n: number) => Array.from({ length: n }, (_, i) => `user-${i}`);

type Case = [string, (c: ZegoRtcClient) => Promise<unknown>, RoomcastError['code'], RegExp];

const cases: Case[] = [
  [
    'MessageContent over 1,024 UTF-8 bytes (CJK)',
    (c) => c.sendCustomCommand({ ...base, MessageContent: `${'你'.repeat(341)}ab` }),
    'PAYLOAD_TOO_LARGE',
    /MessageContent is 1,025 bytes \(UTF-8\); ZEGO allows 1,024/,
  ],
  [
    'MessageContent of 1,025 ASCII bytes on broadcast',
    (c) => c.sendBroadcastMessage({ ...text, MessageContent: 'a'.repeat(1025) }),
    'PAYLOAD_TOO_LARGE',
    /1,025 bytes/,
  ],
  [
    'MessageContent with emoji over the limit on barrage',
    (c) => c.sendBarrageMessage({ ...text, MessageContent: '🎉'.repeat(257) }),
    'PAYLOAD_TOO_LARGE',
    /1,028 bytes/,
  ],
  [
    'empty MessageContent',
    (c) => c.sendCustomCommand({ ...base, MessageContent: '' }),
    'INVALID_ARGUMENT',
    /must not be empty/,
  ],
  [
    '11 ToUserId',
    (c) => c.sendCustomCommand({ ...base, ToUserId: users(11) }),
    'TOO_MANY_RECIPIENTS',
    /11 users; at most 10/,
  ],
  [
    'an empty ToUserId (would mean the whole room)',
    (c) => c.sendCustomCommand({ ...base, ToUserId: [] }),
    'INVALID_ARGUMENT',
    /at least one/,
  ],
  [
    'an empty user id in ToUserId',
    (c) => c.sendCustomCommand({ ...base, ToUserId: ['a', ''] }),
    'INVALID_ARGUMENT',
    /ToUserId\[1\]/,
  ],
  [
    'a 65-byte user id',
    (c) => c.sendCustomCommand({ ...base, FromUserId: 'u'.repeat(65) }),
    'INVALID_ARGUMENT',
    /FromUserId is 65 bytes/,
  ],
  [
    'a 129-byte room id',
    (c) => c.sendCustomCommand({ ...base, RoomId: 'r'.repeat(129) }),
    'INVALID_ARGUMENT',
    /RoomId is 129 bytes/,
  ],
  [
    'a lone surrogate',
    (c) => c.sendCustomCommand({ ...base, MessageContent: 'a\ud800' }),
    'INVALID_ARGUMENT',
    /surrogate/,
  ],
  [
    'a misspelt field',
    (c) => c.sendCustomCommand({ ...base, ToUserIds: ['a'] } as never),
    'INVALID_ARGUMENT',
    /no field "ToUserIds"/,
  ],
  [
    'MessageCategory 3',
    (c) => c.sendBroadcastMessage({ ...text, MessageCategory: 3 as never }),
    'INVALID_ARGUMENT',
    /1 or 2, got 3/,
  ],
  [
    'MessageCategory "2"',
    (c) => c.sendBarrageMessage({ ...text, MessageCategory: '2' as never }),
    'INVALID_ARGUMENT',
    /1 or 2/,
  ],
  [
    '6 kicked users',
    (c) => c.kickoutUser({ RoomId: 'r', UserId: users(6) }),
    'TOO_MANY_RECIPIENTS',
    /6 users; at most 5/,
  ],
  [
    'CustomReason over 256 bytes',
    (c) => c.kickoutUser({ RoomId: 'r', UserId: ['a'], CustomReason: '理'.repeat(86) }),
    'PAYLOAD_TOO_LARGE',
    /CustomReason is 258 bytes/,
  ],
  [
    'CloseRoom CustomReason over 256 bytes',
    (c) => c.closeRoom({ RoomId: 'r', CustomReason: 'x'.repeat(257) }),
    'PAYLOAD_TOO_LARGE',
    /257/,
  ],
  [
    'RoomCloseCallback "yes"',
    (c) => c.closeRoom({ RoomId: 'r', RoomCloseCallback: 'yes' as never }),
    'INVALID_ARGUMENT',
    /true or false/,
  ],
  [
    '11 rooms',
    (c) => c.describeUserNum({ RoomId: users(11) }),
    'INVALID_ARGUMENT',
    /11 rooms; DescribeUserNum takes at most 10/,
  ],
  ['no rooms', (c) => c.describeUserNum({ RoomId: [] }), 'INVALID_ARGUMENT', /1–10 room ids/],
  [
    '11 described users',
    (c) => c.describeUsers({ RoomId: 'r', UserId: users(11) }),
    'TOO_MANY_RECIPIENTS',
    /at most 10/,
  ],
  [
    'Limit 201',
    (c) => c.describeUserList({ RoomId: 'r', Limit: 201 }),
    'INVALID_ARGUMENT',
    /between 0 and 200, got 201/,
  ],
  [
    'Limit -1',
    (c) => c.describeUserList({ RoomId: 'r', Limit: -1 }),
    'INVALID_ARGUMENT',
    /between 0 and 200/,
  ],
  ['Limit 1.5', (c) => c.describeUserList({ RoomId: 'r', Limit: 1.5 }), 'INVALID_ARGUMENT', /integer/],
  [
    'Mode 2',
    (c) => c.describeUserList({ RoomId: 'r', Mode: 2 as never }),
    'INVALID_ARGUMENT',
    /Mode must be 0 or 1/,
  ],
  [
    'a request that is not an object',
    (c) => c.closeRoom(null as never),
    'INVALID_ARGUMENT',
    /CloseRoom request must be an object/,
  ],
];

describe('limits are checked before anything is sent', () => {
  it.each(cases)('%s', async (_, call, code, message) => {
    const before = t.emu.requestCount();
    const error = await rejection(call(t.client));
    expect(error.code).toBe(code);
    expect(error.message).toMatch(message);
    expect(error.provider).toBe('zego-rtc');
    expect(error.operation).toBeDefined();
    expect(t.emu.requestCount()).toBe(before);
  });
});

describe('config', () => {
  it('rejects a misspelt option', () => {
    expect(() => createZegoRtcClient({ ...t.config, istest: true } as never)).toThrow(/no option "istest"/);
  });

  it('rejects plain http to a non-loopback host', () => {
    expect(() =>
      createZegoRtcClient({ ...t.emu.credentials.zegoRtc, baseUrl: 'http://rtc-api.zego.im' }),
    ).toThrow(/https/);
  });

  it('defaults to the unified origin, and a region picks its host', () => {
    const { appId, serverSecret } = t.emu.credentials.zegoRtc;
    expect(createZegoRtcClient({ appId, serverSecret }).baseUrl).toBe('https://rtc-api.zego.im');
    expect(createZegoRtcClient({ appId, serverSecret, region: 'bom' }).baseUrl).toBe(
      'https://rtc-api-bom.zego.im',
    );
  });
});
