import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { createTrtcClient, inspectUserSig } from '../src/index.js';
import { okEnvelope, STUB_CREDENTIALS, stubFetch } from './helpers/stub-fetch.js';

const sent = okEnvelope({ MsgTime: 1_750_074_537, MsgSeq: 26, MsgDropReason: '' });

function client(fetch: typeof globalThis.fetch, extra: Record<string, unknown> = {}) {
  return createTrtcClient({ ...STUB_CREDENTIALS, baseUrl: 'https://console.tim.qq.com', fetch, ...extra });
}

describe('request building', () => {
  it('POSTs JSON to /v4/live_engine_http_srv/<command> with the documented query', async () => {
    const stub = stubFetch(sent);
    const result = await client(stub.fetch, { now: () => 1_700_000_000_500 }).sendCustomMsg({
      RoomId: 'room1',
      Sender_Account: 'user1',
      BusinessId: 'gift',
      Data: '{"giftId":7}',
    });
    expect(result).toEqual({
      ActionStatus: 'OK',
      ErrorCode: 0,
      ErrorInfo: '',
      RequestId: 'Id-test-O-Seq-1',
      Response: { MsgTime: 1_750_074_537, MsgSeq: 26, MsgDropReason: '' },
    });
    const [request] = stub.requests;
    expect(request?.method).toBe('POST');
    expect(request?.url.origin + request!.url.pathname).toBe(
      'https://console.tim.qq.com/v4/live_engine_http_srv/send_custom_msg',
    );
    expect([...request!.url.searchParams.keys()]).toEqual([
      'sdkappid',
      'identifier',
      'usersig',
      'random',
      'contenttype',
    ]);
    expect(request?.url.searchParams.get('sdkappid')).toBe('1400000000');
    expect(request?.url.searchParams.get('identifier')).toBe('administrator');
    expect(request?.url.searchParams.get('contenttype')).toBe('json');
    expect(request?.body).toEqual({
      RoomId: 'room1',
      Sender_Account: 'user1',
      BusinessId: 'gift',
      Data: '{"giftId":7}',
    });
    const info = inspectUserSig(request!.url.searchParams.get('usersig')!);
    expect(info).toMatchObject({
      identifier: 'administrator',
      sdkAppId: 1400000000,
      issuedAt: 1_700_000_000,
      expireSeconds: 86_400,
    });
  });

  it('sends a fresh uint32 random with every request, and reuses the cached UserSig', async () => {
    const stub = stubFetch(sent);
    const c = client(stub.fetch);
    for (let i = 0; i < 20; i++) await c.sendCustomMsg({ RoomId: 'r', BusinessId: 'b', Data: 'd' });
    const randoms = stub.requests.map((r) => r.url.searchParams.get('random')!);
    for (const random of randoms) {
      expect(random).toMatch(/^\d+$/);
      expect(Number(random)).toBeLessThanOrEqual(4_294_967_295);
    }
    expect(new Set(randoms).size).toBe(20);
    expect(new Set(stub.requests.map((r) => r.url.searchParams.get('usersig'))).size).toBe(1);
  });

  it('encodes a non-ASCII admin id in the query', async () => {
    const stub = stubFetch(sent);
    await client(stub.fetch, { adminUserId: '管理员' }).sendCustomMsg({
      RoomId: 'r',
      BusinessId: 'b',
      Data: 'd',
    });
    expect(stub.requests[0]?.url.search).toContain(`identifier=${encodeURIComponent('管理员')}`);
    expect(stub.requests[0]?.url.searchParams.get('identifier')).toBe('管理员');
  });

  it('omits an absent Sender_Account and sends only documented fields', async () => {
    const stub = stubFetch(sent);
    await client(stub.fetch).sendCustomMsg({ RoomId: 'r', BusinessId: 'b', Data: 'd', extra: 1 } as never);
    expect(stub.requests[0]?.body).toEqual({ RoomId: 'r', BusinessId: 'b', Data: 'd' });
  });

  it('sends {} when a command has no fields (the body may never be empty)', async () => {
    const stub = stubFetch(okEnvelope({ RoomList: [] }));
    const result = await client(stub.fetch).call<{ RoomList: unknown[] }>('get_room_list', {});
    expect(stub.requests[0]?.body).toEqual({});
    expect(stub.requests[0]?.url.pathname).toBe('/v4/live_engine_http_srv/get_room_list');
    expect(result.Response.RoomList).toEqual([]);
  });

  it('rejects a malformed command name for call()', async () => {
    const stub = stubFetch(sent);
    await expect(client(stub.fetch).call('../v4/x', {})).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    expect(stub.requests).toHaveLength(0);
  });

  it('sends text messages with TextContent and ExtensionInfo', async () => {
    const stub = stubFetch(sent);
    await client(stub.fetch).sendTextMsg({
      RoomId: 'r',
      Sender_Account: 'host',
      TextContent: 'hello',
      ExtensionInfo: '{"color":"red"}',
    });
    expect(stub.requests[0]?.url.pathname).toBe('/v4/live_engine_http_srv/send_text_msg');
    expect(stub.requests[0]?.body).toEqual({
      RoomId: 'r',
      Sender_Account: 'host',
      TextContent: 'hello',
      ExtensionInfo: '{"color":"red"}',
    });
  });

  it('passes RoomInfo through for create_room and returns typed room answers', async () => {
    const roomInfo = {
      RoomId: 'live-room',
      RoomType: 'Live',
      RoomName: 'live name',
      Owner_Account: 'administrator',
      MaxMemberCount: 400,
      CoverURL: 'https://example.com/c.png',
      IsMessageDisabled: true,
      Category: [1, 2, 3],
      IsPublicVisible: true,
      IsSeatEnabled: true,
      TakeSeatMode: 'ApplyToTake',
      MaxSeatCount: 8,
      ActivityStatus: 1,
    } as const;
    const stub = stubFetch(
      okEnvelope({ RoomId: 'live-room' }),
      okEnvelope({ RoomInfo: { ...roomInfo, CreateTime: 1_693_271_354, ViewCount: 10 } }),
      okEnvelope({ Statistic: { TotalViewers: 3 } }),
    );
    const c = client(stub.fetch);
    expect((await c.createRoom({ RoomInfo: { ...roomInfo, Category: [1, 2, 3] } })).Response).toEqual({
      RoomId: 'live-room',
    });
    expect(stub.requests[0]?.body).toEqual({ RoomInfo: roomInfo });
    expect((await c.getRoomInfo({ RoomId: 'live-room' })).Response.RoomInfo.ViewCount).toBe(10);
    expect((await c.destroyRoom({ RoomId: 'live-room' })).Response.Statistic?.TotalViewers).toBe(3);
    expect(stub.requests.map((r) => r.url.pathname.split('/').pop())).toEqual([
      'create_room',
      'get_room_info',
      'destroy_room',
    ]);
  });

  it('keeps the SecretKey and UserSig out of util.inspect and JSON of the client', async () => {
    const stub = stubFetch(sent);
    const c = client(stub.fetch);
    await c.sendCustomMsg({ RoomId: 'r', BusinessId: 'b', Data: 'd' });
    const userSig = stub.requests[0]!.url.searchParams.get('usersig')!;
    for (const text of [inspect(c, { depth: 8, showHidden: true }), JSON.stringify(c)]) {
      expect(text).not.toContain(STUB_CREDENTIALS.secretKey);
      expect(text).not.toContain(userSig);
    }
  });
});
