import { createRoomcast, isRoomcastError, type RoomcastError } from '@roomcast/core';
import { signZegoCallback } from '@roomcast/zego-common';
import { describe, expect, it } from 'vitest';
import { zegoZim } from '../../src/index.js';

const appId = 1;
const serverSecret = '0123456789abcdef0123456789abcdef';
// Vector Z3 of the fact sheet: the before_send_msg sample's own timestamp and nonce.
const callbackSecret = '5c1f0c7d2e9a4b3f8e6d1a2b3c4d5e6f';
const NOW = 1_499_676_968;

const rc = createRoomcast({
  providers: { zim: zegoZim({ appId, serverSecret, callbackSecret, now: () => NOW * 1000 }) },
});

/** Replaces the sample's "abc" signature with the real one for its timestamp and nonce. */
function sign(body: Record<string, unknown>, secret = callbackSecret): string {
  const signature = signZegoCallback({
    callbackSecret: secret,
    timestamp: body.timestamp as number,
    nonce: body.nonce as string,
  });
  return JSON.stringify({ ...body, signature });
}

const post = (body: string) =>
  new Request('https://hooks.example.com/zim', {
    method: 'POST',
    body,
    headers: { 'content-type': 'application/json' },
  });

async function rejection(promise: Promise<unknown>): Promise<RoomcastError> {
  try {
    await promise;
  } catch (error) {
    if (isRoomcastError(error)) return error;
    throw error;
  }
  throw new Error('expected a rejection');
}

/** The documented before_send_msg sample. */
const BEFORE_SEND = {
  appid: '1',
  event: 'before_send_msg',
  from_user_id: 'sender',
  conv_id: 'receiver',
  request_id: '3501907290370176',
  msg_id: '1234232421343',
  conv_type: 0,
  timestamp: 1499676968,
  msg_body: 'msg_body',
  msg_type: 1,
  signature: 'abc',
  nonce: '321',
  sub_msg_type: 0,
  payload: 'payload',
};

describe('zego-zim before_send_msg', () => {
  it('verifies the sample (vector Z3) and parses it into message.beforeSend', async () => {
    expect(sign(BEFORE_SEND)).toContain('8f1ca6992d43809259246a1531715997933be5c5');
    const event = await rc.handleCallback(post(sign(BEFORE_SEND)));
    expect(event).toMatchObject({
      type: 'message.beforeSend',
      provider: 'zego-zim',
      alias: 'zim',
      conversation: { type: 'peer', id: 'receiver' },
      from: 'sender',
      messageId: '1234232421343',
      text: 'msg_body',
      at: 1499676968000,
    });
    if (event.type !== 'message.beforeSend') throw new Error('narrowing');
    expect(event.vendor).toMatchObject({ request_id: '3501907290370176', msg_type: 1, payload: 'payload' });
    expect(event.reply.canRewrite).toBe(false);
  });

  it.each([
    ['allow', (r: ZimReply) => r.allow(), { result: 0 }],
    ['overrideModeration', (r: ZimReply) => r.overrideModeration(), { result: 1 }],
    ['drop', (r: ZimReply) => r.drop(), { result: 2 }],
    ['reject', (r: ZimReply) => r.reject(), { result: 3 }],
    ['reject with a reason', (r: ZimReply) => r.reject(10101, 'no links'), { result: 3, reason: 'no links' }],
  ])('reply.%s answers ZIM’s JSON', async (_, answer, body) => {
    const event = await rc.handleCallback(post(sign(BEFORE_SEND)));
    if (event.type !== 'message.beforeSend' || event.provider !== 'zego-zim') throw new Error('narrowing');
    const response = answer(event.reply);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('application/json');
    expect(await response.json()).toEqual(body);
  });

  it('ack() is allow(), and rewrite is unsupported', async () => {
    const event = await rc.handleCallback(post(sign(BEFORE_SEND)));
    expect(await event.ack().json()).toEqual({ result: 0 });
    if (event.type !== 'message.beforeSend') throw new Error('narrowing');
    expect(() => event.reply.rewrite(undefined as never)).toThrow(/cannot rewrite/);
  });

  it('decodes URL-encoded media bodies and maps room/group conversations', async () => {
    const media = { file_name: 'a b.png', file_size: 12, download_url: 'https://x/a.png' };
    const body = {
      ...BEFORE_SEND,
      conv_type: 1,
      conv_id: 'room-9',
      msg_type: 11,
      msg_body: encodeURIComponent(JSON.stringify(media)),
    };
    const event = await rc.handleCallback(post(sign(body)));
    expect(event).toMatchObject({ conversation: { type: 'room', id: 'room-9' }, text: undefined });
    if (event.type !== 'message.beforeSend') throw new Error('narrowing');
    expect(event.vendor.msg_body_json).toEqual(media);
    const group = await rc.handleCallback(post(sign({ ...BEFORE_SEND, conv_type: 2, conv_id: 'g1' })));
    expect(group).toMatchObject({ conversation: { type: 'group', id: 'g1' } });
  });

  it('refuses a forged sample, a stale one, and a bad conv_type', async () => {
    expect((await rejection(rc.handleCallback(post(JSON.stringify(BEFORE_SEND))))).code).toBe(
      'UNAUTHENTICATED',
    );
    expect((await rejection(rc.handleCallback(post(sign(BEFORE_SEND, 'other-secret'))))).code).toBe(
      'UNAUTHENTICATED',
    );
    const stale = { ...BEFORE_SEND, timestamp: NOW - 301 };
    expect((await rejection(rc.handleCallback(post(sign(stale))))).message).toMatch(/in the past/);
    const bad = await rejection(rc.handleCallback(post(sign({ ...BEFORE_SEND, conv_type: 7 }))));
    expect(bad.code).toBe('INVALID_ARGUMENT');
  });
});

type ZimReply = {
  allow(): Response;
  overrideModeration(): Response;
  drop(): Response;
  reject(code?: number, text?: string): Response;
};

describe('zego-zim after-callbacks', () => {
  const common = { appid: 1, timestamp: NOW, nonce: '77' };

  it('send_msg → message.sent with exact 64-bit ids and send_result', async () => {
    const raw = `{"appid":1,"event":"send_msg","timestamp":${NOW},"nonce":"77","signature":"${signZegoCallback({ callbackSecret, timestamp: NOW, nonce: '77' })}","from_user_id":"a","conv_type":1,"conv_id":"room-1","msg_type":1,"sub_msg_type":0,"source":0,"msg_body":"hi","msg_id":"144115233406643804","msg_seq":9007199254740993,"payload":"","msg_time":1499676968123,"send_result":660500009,"user_list":[{"UserId":"b","MsgId":"144115233406643805","MsgSeq":3}]}`;
    const event = await rc.handleCallback(post(raw));
    expect(event).toMatchObject({
      type: 'message.sent',
      conversation: { type: 'room', id: 'room-1' },
      from: 'a',
      text: 'hi',
      ok: false,
      at: 1499676968123,
    });
    if (event.type !== 'message.sent') throw new Error('narrowing');
    expect(event.vendor).toMatchObject({ msg_seq: '9007199254740993', send_result: 660500009 });
    expect(event.vendor.user_list).toEqual([{ UserId: 'b', MsgId: '144115233406643805', MsgSeq: '3' }]);
    expect(event.ack().status).toBe(200);
  });

  it.each([
    [
      'room_create',
      {
        room_id: 'r1',
        operator_account: 'host',
        room_name: 'R',
        attributes: [{ key: 'k', value: 'v', auto_delete: true }],
      },
      { type: 'room.created', roomId: 'r1', userId: 'host' },
    ],
    [
      'room_destroy',
      { room_id: 'r1', user_ids: ['a', 'b'], operator_account: 'host' },
      { type: 'room.closed', roomId: 'r1' },
    ],
    [
      'room_enter',
      { room_id: 'r1', operator_account: 'a', new_user_ids: ['a', 'b'] },
      { type: 'user.joined', roomId: 'r1', userIds: ['a', 'b'] },
    ],
    [
      'room_exit',
      { room_id: 'r1', exit_type: 'Kickout', operator_account: 'host', exit_user_ids: ['b'] },
      { type: 'user.left', roomId: 'r1', userIds: ['b'], reason: 'Kickout' },
    ],
    ['group_create', { group_id: 'g', user_ids: ['a'] }, { type: 'other', name: 'group_create' }],
    ['user_action', { user_id: 'a', action: 0 }, { type: 'other', name: 'user_action' }],
  ])('%s', async (event, fields, expected) => {
    const parsed = await rc.handleCallback(post(sign({ ...common, event, ...fields })));
    expect(parsed).toMatchObject({ ...expected, provider: 'zego-zim', at: NOW * 1000 });
  });

  it('a string timestamp works as well as a number (the samples mix both)', async () => {
    const parsed = await rc.handleCallback(
      post(
        sign({ ...common, timestamp: String(NOW), event: 'room_enter', room_id: 'r', new_user_ids: ['x'] }),
      ),
    );
    expect(parsed).toMatchObject({ type: 'user.joined', userIds: ['x'] });
  });
});
