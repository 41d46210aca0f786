import { describe, expect, it } from 'vitest';
import { createTrtcClient } from '../src/index.js';
import { okEnvelope, STUB_CREDENTIALS, stubFetch } from './helpers/stub-fetch.js';

const sent = okEnvelope({ MsgTime: 1, MsgSeq: 2 });

function setup() {
  const stub = stubFetch(sent);
  return {
    stub,
    client: createTrtcClient({
      ...STUB_CREDENTIALS,
      baseUrl: 'https://console.tim.qq.com',
      fetch: stub.fetch,
    }),
  };
}

const custom = { RoomId: 'room1', BusinessId: 'gift', Data: 'x' };
const text = { RoomId: 'room1', Sender_Account: 'host', TextContent: 'hi' };
const room = { RoomId: 'live-room', RoomType: 'Live' as const };

describe('send_custom_msg checks', () => {
  it.each([
    ['a 49-byte RoomId', { RoomId: 'r'.repeat(49) }, 'INVALID_ARGUMENT', /RoomId is 49 bytes; at most 48/],
    ['an empty RoomId', { RoomId: '' }, 'INVALID_ARGUMENT', /RoomId must not be empty/],
    ['a missing BusinessId', { BusinessId: undefined }, 'INVALID_ARGUMENT', /BusinessId must be a string/],
    ['an empty Data', { Data: '' }, 'INVALID_ARGUMENT', /Data must not be empty/],
    [
      'a 33-byte Sender_Account',
      { Sender_Account: 's'.repeat(33) },
      'INVALID_ARGUMENT',
      /Sender_Account is 33 bytes/,
    ],
    [
      'wrapped JSON over 12 KB',
      { Data: 'x'.repeat(12_288) },
      'PAYLOAD_TOO_LARGE',
      /as Tencent wraps it .* is 12,319 bytes \(UTF-8\); Tencent allows 12,288 \(12 KB\)/,
    ],
  ])('rejects %s before any request', async (_, patch, code, message) => {
    const { stub, client } = setup();
    await expect(client.sendCustomMsg({ ...custom, ...patch } as never)).rejects.toMatchObject({
      code,
      message: expect.stringMatching(message),
      provider: 'trtc',
      operation: 'send_custom_msg',
    });
    expect(stub.requests).toHaveLength(0);
  });

  it('measures the wrapped JSON: escapes count, the exact limit passes', async () => {
    const { stub, client } = setup();
    const overhead = JSON.stringify({ BusinessId: 'gift', Data: '' }).length;
    await client.sendCustomMsg({ ...custom, Data: 'x'.repeat(12_288 - overhead) });
    expect(stub.requests).toHaveLength(1);
    // 6,000 quotes are 6,000 bytes of data but 12,000 once escaped.
    await expect(client.sendCustomMsg({ ...custom, Data: '"'.repeat(6_200) })).rejects.toMatchObject({
      code: 'PAYLOAD_TOO_LARGE',
    });
    expect(stub.requests).toHaveLength(1);
  });
});

describe('send_text_msg checks', () => {
  it.each([
    [
      'a missing Sender_Account',
      { Sender_Account: undefined },
      'INVALID_ARGUMENT',
      /Sender_Account must be a string/,
    ],
    ['an empty TextContent', { TextContent: '' }, 'INVALID_ARGUMENT', /TextContent must not be empty/],
    [
      'TextContent over 12 KB',
      { TextContent: '€'.repeat(4_097) },
      'PAYLOAD_TOO_LARGE',
      /TextContent is 12,291 bytes/,
    ],
    [
      'a non-string ExtensionInfo',
      { ExtensionInfo: { a: 1 } },
      'INVALID_ARGUMENT',
      /ExtensionInfo must be a string/,
    ],
  ])('rejects %s before any request', async (_, patch, code, message) => {
    const { stub, client } = setup();
    await expect(client.sendTextMsg({ ...text, ...patch } as never)).rejects.toMatchObject({
      code,
      message: expect.stringMatching(message),
    });
    expect(stub.requests).toHaveLength(0);
  });

  it('accepts exactly 12 KB of text', async () => {
    const { stub, client } = setup();
    await client.sendTextMsg({ ...text, TextContent: 'a'.repeat(12_288) });
    expect(stub.requests).toHaveLength(1);
  });
});

describe('create_room checks (every documented limit)', () => {
  it.each([
    ['no RoomInfo', undefined, /RoomInfo must be an object/],
    ['a 49-byte RoomId', { ...room, RoomId: 'r'.repeat(49) }, /RoomInfo.RoomId is 49 bytes; at most 48/],
    ['a RoomType other than Live', { ...room, RoomType: 'Conference' }, /RoomType must be "Live"/],
    ['a missing RoomType', { RoomId: 'r' }, /RoomType must be "Live"/],
    ['a 101-byte RoomName', { ...room, RoomName: 'n'.repeat(101) }, /RoomName is 101 bytes; at most 100/],
    ['a 201-byte CoverURL', { ...room, CoverURL: 'c'.repeat(201) }, /CoverURL is 201 bytes; at most 200/],
    [
      'four categories',
      { ...room, Category: [1, 2, 3, 4] },
      /Category lists 4 entries; Tencent allows at most 3/,
    ],
    ['a string category', { ...room, Category: ['game'] }, /Category\[0\] must be an integer/],
    ['a non-array Category', { ...room, Category: 1 }, /Category must be an array/],
    ['a zero MaxMemberCount', { ...room, MaxMemberCount: 0 }, /MaxMemberCount must be between 1/],
    ['a fractional MaxSeatCount', { ...room, MaxSeatCount: 1.5 }, /MaxSeatCount must be an integer/],
    [
      'an unknown TakeSeatMode',
      { ...room, TakeSeatMode: 'Anyone' },
      /TakeSeatMode must be "FreeToTake" or "ApplyToTake"/,
    ],
    [
      'a string IsMessageDisabled',
      { ...room, IsMessageDisabled: 'true' },
      /IsMessageDisabled must be a boolean/,
    ],
    ['a string IsPublicVisible', { ...room, IsPublicVisible: 1 }, /IsPublicVisible must be a boolean/],
    ['a string IsSeatEnabled', { ...room, IsSeatEnabled: 'no' }, /IsSeatEnabled must be a boolean/],
    ['a 33-byte Owner_Account', { ...room, Owner_Account: 'o'.repeat(33) }, /Owner_Account is 33 bytes/],
    ['a string ActivityStatus', { ...room, ActivityStatus: '1' }, /ActivityStatus must be an integer/],
  ])('rejects %s before any request', async (_, roomInfo, message) => {
    const { stub, client } = setup();
    await expect(client.createRoom({ RoomInfo: roomInfo } as never)).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
      message: expect.stringMatching(message),
      operation: 'create_room',
    });
    expect(stub.requests).toHaveLength(0);
  });

  it('accepts every field at its limit', async () => {
    const { stub, client } = setup();
    await client.createRoom({
      RoomInfo: {
        ...room,
        RoomId: 'r'.repeat(48),
        RoomName: 'n'.repeat(100),
        CoverURL: 'c'.repeat(200),
        Category: [1, 2, 3],
        Owner_Account: 'o'.repeat(32),
        MaxMemberCount: 1,
        MaxSeatCount: 1,
        TakeSeatMode: 'FreeToTake',
        SeatTemplate: 'AudioSalon',
        SeatLayoutTemplateId: 600,
        IsUnlimitedRoomEnabled: true,
      },
    });
    expect(stub.requests).toHaveLength(1);
  });
});

describe('room id requests', () => {
  it.each(['destroyRoom', 'getRoomInfo'] as const)('%s checks RoomId', async (method) => {
    const { stub, client } = setup();
    await expect(client[method]({ RoomId: 'r'.repeat(49) })).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
    });
    await expect(client[method]({} as never)).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    expect(stub.requests).toHaveLength(0);
  });
});

describe('client config', () => {
  it.each([
    ['a string sdkAppId', { sdkAppId: '1400000000' }, /convert it with Number/],
    ['an empty secretKey', { secretKey: '' }, /secretKey must not be empty/],
    ['no adminUserId', { adminUserId: undefined }, /adminUserId must be a string/],
    ['a zero userSigTtlSeconds', { userSigTtlSeconds: 0 }, /userSigTtlSeconds must be positive/],
    [
      'a fractional userSigTtlSeconds',
      { userSigTtlSeconds: 0.5 },
      /userSigTtlSeconds must be a whole number/,
    ],
    ['a negative timeoutMs', { timeoutMs: -1 }, /timeoutMs must be a positive number/],
    ['a non-function now', { now: 5 }, /now must be a function/],
    ['a baseUrl with a query', { baseUrl: 'https://console.tim.qq.com/?x=1' }, /must not contain a query/],
  ])('rejects %s at construction, without echoing the key', (_, patch, message) => {
    let error: unknown;
    try {
      createTrtcClient({ ...STUB_CREDENTIALS, ...patch } as never);
    } catch (e) {
      error = e;
    }
    expect(error).toMatchObject({ code: 'INVALID_ARGUMENT', message: expect.stringMatching(message) });
    expect(JSON.stringify(error)).not.toContain(STUB_CREDENTIALS.secretKey);
  });
});

describe('send_text_msg size counts ExtensionInfo too', () => {
  it('rejects 12 KB of text plus an ExtensionInfo', async () => {
    const { stub, client } = setup();
    await expect(
      client.sendTextMsg({ ...text, TextContent: 'a'.repeat(12_280), ExtensionInfo: '{"k":"vvvv"}' }),
    ).rejects.toMatchObject({
      code: 'PAYLOAD_TOO_LARGE',
      message: expect.stringMatching(/TextContent plus ExtensionInfo is 12,292 bytes/),
    });
    expect(stub.requests).toHaveLength(0);
  });
});
