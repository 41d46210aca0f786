import { createRoomcast, isRoomcastError, type RoomcastError } from '@roomcast/core';
import { describe, expect, it } from 'vitest';
import { signTrtcCallback, trtc, trtcBeforeSendReply } from '../src/index.js';
import { STUB_CREDENTIALS } from './helpers/stub-fetch.js';

const SECRET_KEY = STUB_CREDENTIALS.secretKey;

const NOW = 1_670_574_414;
const token = 'my-im-callback-token';
const rc = createRoomcast({
  providers: {
    tencent: trtc({
      sdkAppId: 1400000000,
      secretKey: SECRET_KEY,
      adminUserId: 'administrator',
      callbackToken: token,
      now: () => NOW * 1000,
    }),
  },
});

function callback(
  command: string,
  body: string,
  options: { time?: number; token?: string; appId?: string } = {},
) {
  const time = String(options.time ?? NOW);
  const sign = signTrtcCallback({ token: options.token ?? token, requestTime: time });
  const url = `https://hooks.example.com/tencent?SdkAppid=${options.appId ?? '1400000000'}&CallbackCommand=${command}&contenttype=json&ClientIP=10.0.0.1&OptPlatform=RESTAPI&Sign=${sign}&RequestTime=${time}`;
  return new Request(url, { method: 'POST', body, headers: { 'content-type': 'application/json' } });
}

async function rejection(promise: Promise<unknown>): Promise<RoomcastError> {
  try {
    await promise;
  } catch (error) {
    if (isRoomcastError(error)) return error;
    throw error;
  }
  throw new Error('expected a rejection');
}

/** The documented Live sample of Group.CallbackBeforeSendMsg. */
const BEFORE =
  '{"CallbackCommand":"Group.CallbackBeforeSendMsg","GroupId":"@TGS#2J4SZEAEL","Type":"Live","From_Account":"jared","Operator_Account":"admin","Random":123456,"MsgId":"144115233406643804-1727580296-4026038328","MsgBody":[{"MsgType":"TIMTextElem","MsgContent":{"Text":"red packet"}}],"CloudCustomData":"your cloud custom data","EventTime":"1670574414123"}';

describe('trtc Group.CallbackBeforeSendMsg', () => {
  it('parses the Live sample into message.beforeSend', async () => {
    const event = await rc.handleCallback(callback('Group.CallbackBeforeSendMsg', BEFORE));
    expect(event).toMatchObject({
      type: 'message.beforeSend',
      provider: 'trtc',
      alias: 'tencent',
      name: 'Group.CallbackBeforeSendMsg',
      conversation: { type: 'room', id: '@TGS#2J4SZEAEL' },
      from: 'jared',
      messageId: '144115233406643804-1727580296-4026038328',
      text: 'red packet',
      at: 1670574414123,
    });
    if (event.type !== 'message.beforeSend') throw new Error('narrowing');
    expect(event.vendor).toMatchObject({
      Random: 123456,
      EventTime: 1670574414123,
      Operator_Account: 'admin',
    });
    expect(event.vendor.query).toEqual({
      SdkAppid: '1400000000',
      CallbackCommand: 'Group.CallbackBeforeSendMsg',
      contenttype: 'json',
      ClientIP: '10.0.0.1',
      OptPlatform: 'RESTAPI',
      RequestTime: String(NOW),
    });
    expect(JSON.stringify(event.vendor)).not.toContain('Sign');
    expect(event.reply.canRewrite).toBe(true);
  });

  it.each([
    ['allow', (r: R) => r.allow(), { ActionStatus: 'OK', ErrorCode: 0, ErrorInfo: '' }],
    ['drop', (r: R) => r.drop(), { ActionStatus: 'OK', ErrorCode: 2, ErrorInfo: '' }],
    ['reject', (r: R) => r.reject(), { ActionStatus: 'OK', ErrorCode: 1, ErrorInfo: '' }],
    [
      'reject 10100',
      (r: R) => r.reject(10100, 'no'),
      { ActionStatus: 'OK', ErrorCode: 10100, ErrorInfo: 'no' },
    ],
    [
      'reject 10200',
      (r: R) => r.reject(10200, 'Muted'),
      { ActionStatus: 'OK', ErrorCode: 10200, ErrorInfo: 'Muted' },
    ],
    [
      'rewrite',
      (r: R) =>
        r.rewrite({
          MsgBody: [{ MsgType: 'TIMTextElem', MsgContent: { Text: '***' } }],
          CloudCustomData: '{"lv":1}',
        }),
      {
        ActionStatus: 'OK',
        ErrorCode: 0,
        ErrorInfo: '',
        MsgBody: [{ MsgType: 'TIMTextElem', MsgContent: { Text: '***' } }],
        CloudCustomData: '{"lv":1}',
      },
    ],
  ])('reply.%s', async (_, answer, expected) => {
    const response = answer(trtcBeforeSendReply());
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual(expected);
  });

  it('refuses codes Tencent does not forward and empty rewrites', () => {
    const reply = trtcBeforeSendReply();
    for (const code of [2, 10016, 10099, 10201, 10100.5])
      expect(() => reply.reject(code)).toThrow(/10100–10200/);
    expect(() => reply.rewrite({})).toThrow(/needs MsgBody/);
    expect(() => reply.rewrite({ MsgBody: [] })).toThrow(/non-empty/);
    expect(() => reply.rewrite({ MsgBody: [{ MsgType: 'TIMTextElem' } as never] })).toThrow(/MsgContent/);
  });

  it('decodes a live custom message and maps chat groups', async () => {
    const body = JSON.stringify({
      CallbackCommand: 'Group.CallbackBeforeSendMsg',
      GroupId: 'live-1',
      Type: 'Live',
      From_Account: 'admin',
      MsgBody: [
        { MsgType: 'TIMCustomElem', MsgContent: { Data: '{"BusinessId":"gift","Data":"{\\"id\\":7}"}' } },
      ],
      EventTime: 1670574414123,
    });
    const event = await rc.handleCallback(callback('Group.CallbackBeforeSendMsg', body));
    if (event.type !== 'message.beforeSend' || event.provider !== 'trtc') throw new Error('narrowing');
    expect(event.vendor.LiveCustomData).toEqual({ BusinessId: 'gift', Data: '{"id":7}' });
    expect(event.text).toBeUndefined();
    const group = await rc.handleCallback(
      callback('Group.CallbackBeforeSendMsg', BEFORE.replace('"Type":"Live"', '"Type":"Public"')),
    );
    expect(group).toMatchObject({ conversation: { type: 'group' } });
  });
});

type R = ReturnType<typeof trtcBeforeSendReply>;

describe('trtc after-callbacks and live-room events', () => {
  it('Group.CallbackAfterSendMsg → message.sent', async () => {
    const body = BEFORE.replace('Group.CallbackBeforeSendMsg', 'Group.CallbackAfterSendMsg').replace(
      '"EventTime"',
      '"MsgSeq":42,"MsgTime":1670574414,"EventTime"',
    );
    const event = await rc.handleCallback(callback('Group.CallbackAfterSendMsg', body));
    expect(event).toMatchObject({ type: 'message.sent', ok: true, from: 'jared', text: 'red packet' });
    if (event.type !== 'message.sent') throw new Error('narrowing');
    expect(event.vendor).toMatchObject({ MsgSeq: 42, MsgTime: 1670574414 });
    expect(await event.ack().json()).toEqual({ ActionStatus: 'OK', ErrorCode: 0, ErrorInfo: '' });
  });

  it('Live.CallbackAfterCreateRoom keeps a 64-bit Owner_Account exact', async () => {
    const body =
      '{"CallbackCommand":"Live.CallbackAfterCreateRoom","Operator_Account":"admin","RoomInfo":{"RoomId":"live-1","RoomName":"Show","RoomType":"Live","Owner_Account":144115216631667826,"MaxMemberCount":1000},"EventTime":1670574414123}';
    const event = await rc.handleCallback(callback('Live.CallbackAfterCreateRoom', body));
    expect(event).toMatchObject({ type: 'room.created', roomId: 'live-1', userId: '144115216631667826' });
  });

  it('Live.CallbackAfterDestroyRoom (the sample’s bare-number Owner_Account)', async () => {
    const body =
      '{"CallbackCommand":"Live.CallbackAfterDestroyRoom","Operator_Account":"admin","RoomId":"live-1","EventType":"DestroyBySystem","EventTime":1670574414123,"RoomInfo":{"RoomName":"Show","Owner_Account":144115216631667826},"Statistic":{"TotalViewers":12}}';
    const event = await rc.handleCallback(callback('Live.CallbackAfterDestroyRoom', body));
    expect(event).toMatchObject({ type: 'room.closed', roomId: 'live-1', reason: 'DestroyBySystem' });
    if (event.type !== 'room.closed' || event.provider !== 'trtc') throw new Error('narrowing');
    expect(event.vendor.RoomInfo?.Owner_Account).toBe('144115216631667826');
    expect(event.vendor.Statistic).toEqual({ TotalViewers: 12 });
  });

  it.each(['Live.CallbackAfterMemberStateChanged', 'Live.CallbackMemberStateChanged'])(
    '%s → user.joined / user.left',
    async (command) => {
      const member = (type: string, cause: string) =>
        JSON.stringify({
          CallbackCommand: command,
          RoomId: 'live-1',
          EventType: type,
          EventCause: cause,
          MemberList: [{ Member_Account: 'fan' }, { Member_Account: 'fan2' }],
          EventTime: 1670574414123,
        });
      const joined = await rc.handleCallback(callback(command, member('Online', 'Enter')));
      expect(joined).toMatchObject({ type: 'user.joined', roomId: 'live-1', userIds: ['fan', 'fan2'] });
      const left = await rc.handleCallback(callback(command, member('Offline', 'HeartbeatInterrupt')));
      expect(left).toMatchObject({ type: 'user.left', reason: 'HeartbeatInterrupt' });
    },
  );

  it('other commands are `other`, with the query’s command used when the body has none', async () => {
    const event = await rc.handleCallback(
      callback('Live.CallbackAfterUpdateRoomInfo', '{"RoomId":"live-1"}'),
    );
    expect(event).toMatchObject({ type: 'other', name: 'Live.CallbackAfterUpdateRoomInfo' });
  });
});

describe('trtc callbacks: refusals', () => {
  it('checks the Sign before reading the body', async () => {
    const error = await rejection(
      rc.handleCallback(callback('Group.CallbackBeforeSendMsg', 'not json', { token: 'wrong' })),
    );
    expect(error.code).toBe('UNAUTHENTICATED');
  });

  it('refuses stale, foreign-app, unsigned and command-mismatched callbacks', async () => {
    expect((await rejection(rc.handleCallback(callback('X', '{}', { time: NOW - 61 })))).message).toMatch(
      /in the past/,
    );
    expect(
      (await rejection(rc.handleCallback(callback('X', '{}', { appId: '1400000001' })))).message,
    ).toMatch(/SdkAppid/);
    const unsigned = new Request('https://h/tencent?SdkAppid=1400000000&CallbackCommand=X', {
      method: 'POST',
      body: '{}',
    });
    expect((await rejection(rc.handleCallback(unsigned))).message).toMatch(/unsigned/);
    const mismatch = await rejection(rc.handleCallback(callback('Group.CallbackAfterSendMsg', BEFORE)));
    expect(mismatch.code).toBe('INVALID_ARGUMENT');
  });

  it('has no callbacks without a token, and validates it', () => {
    const base = { sdkAppId: 1400000000, secretKey: SECRET_KEY, adminUserId: 'administrator' };
    expect(trtc(base).callbacks).toBeUndefined();
    expect(() => trtc({ ...base, callbackToken: '' })).toThrow(/callbackToken/);
    expect(() => trtc({ ...base, callbackToken: 'x'.repeat(129) })).toThrow(/callbackToken/);
    expect(() => trtc({ ...base, callbackToken: 't', callbackMaxSkewSeconds: 0 })).toThrow(
      /callbackMaxSkewSeconds/,
    );
  });
});
