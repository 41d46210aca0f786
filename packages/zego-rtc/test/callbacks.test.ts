import { createRoomcast, isRoomcastError, type RoomcastError } from '@roomcast/core';
import { signZegoCallback } from '@roomcast/zego-common';
import { describe, expect, it } from 'vitest';
import { zegoRtc, zegoRtcCallbacks } from '../src/index.js';

const appId = 1;
const serverSecret = '0123456789abcdef0123456789abcdef';
const callbackSecret = 'a1b2c3d4e5f60718293a4b5c6d7e8f90';
const NOW = 1_499_676_978; // the samples' timestamp

/** Signs a body's own timestamp and nonce, the way ZEGO does, and serialises it as JSON text. */
function signed(
  fields: string,
  timestamp: string | number = NOW,
  nonce = '7254119327986670314',
  secret = callbackSecret,
) {
  const signature = signZegoCallback({ callbackSecret: secret, timestamp, nonce });
  const ts = typeof timestamp === 'number' ? String(timestamp) : `"${timestamp}"`;
  return `{${fields},"timestamp":${ts},"nonce":"${nonce}","signature":"${signature}"}`;
}

const post = (body: string, contentType = 'application/json') =>
  new Request('https://hooks.example.com/callbacks/zego', {
    method: 'POST',
    body,
    headers: { 'content-type': contentType },
  });

const rc = createRoomcast({
  providers: { zego: zegoRtc({ appId, serverSecret, callbackSecret, now: () => NOW * 1000 }) },
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

describe('zego-rtc callbacks: the documented samples', () => {
  it('room_create keeps the UInt64 room_session_id exact and numbers normalised', async () => {
    const body = signed(
      '"event":"room_create","appid":1,"room_id":"room-1","room_session_id":858012925204410400,"room_create_time":"1499676968123","id_name":"alice"',
      NOW,
    );
    const event = await rc.handleCallback(post(body));
    expect(event).toMatchObject({
      type: 'room.created',
      provider: 'zego-rtc',
      alias: 'zego',
      name: 'room_create',
      roomId: 'room-1',
      userId: 'alice',
      at: 1499676968123,
    });
    if (event.type !== 'room.created') throw new Error('narrowing');
    expect(event.vendor.room_session_id).toBe('858012925204410400');
    expect(event.vendor).toMatchObject({ appid: 1, timestamp: NOW, nonce: '7254119327986670314' });
    expect(event.vendor.raw).not.toHaveProperty('signature');
    const ack = event.ack();
    expect(ack.status).toBe(200);
  });

  it('room_close', async () => {
    const body = signed(
      '"event":"room_close","appid":1,"room_id":"room-1","room_session_id":858012925204410400,"close_reason":1,"room_close_time":"1499676978000"',
    );
    const event = await rc.handleCallback(post(body));
    expect(event).toMatchObject({ type: 'room.closed', roomId: 'room-1', reason: '1', at: 1499676978000 });
  });

  it('room_login (all strings)', async () => {
    const body = signed(
      '"event":"room_login","appid":"1","room_id":"room-1","room_name":"Friday","room_seq":"6085791336856668982","user_account":"bob","user_nickname":"Bob","session_id":"7891234567890123456","login_time":"1499676978123","user_role":"2","auth_level":"1","relogin":"0","user_update_seq":"3","callback_data":""',
      String(NOW),
    );
    const event = await rc.handleCallback(post(body));
    expect(event).toMatchObject({
      type: 'user.joined',
      roomId: 'room-1',
      userIds: ['bob'],
      at: 1499676978123,
    });
    if (event.type !== 'user.joined') throw new Error('narrowing');
    expect(event.vendor).toMatchObject({
      room_seq: '6085791336856668982',
      session_id: '7891234567890123456',
      user_role: 2,
      auth_level: 1,
      relogin: 0,
      user_update_seq: 3,
      callback_data: undefined,
      appid: 1,
    });
  });

  it('room_logout', async () => {
    const body = signed(
      '"event":"room_logout","appid":"1","room_id":"room-1","room_seq":"6085791336856668982","user_account":"bob","user_nickname":"Bob","session_id":"7891234567890123456","login_time":"1499676978123","logout_time":"1499676988123","reason":"4","user_role":"2","user_update_seq":"4"',
      String(NOW),
    );
    const event = await rc.handleCallback(post(body));
    expect(event).toMatchObject({
      type: 'user.left',
      roomId: 'room-1',
      userIds: ['bob'],
      reason: '4',
      at: 1499676988123,
    });
  });

  it('stream_create and stream_close', async () => {
    const created = await rc.handleCallback(
      post(
        signed(
          '"event":"stream_create","appid":"1","room_id":"room-1","room_session_id":"858012925204410400","user_id":"alice","user_name":"Alice","channel_id":"0","stream_id":"s1","stream_sid":"s-123","title":"","stream_alias":"s1","stream_attr":"{\\"cid\\":0}","stream_seq":"7","create_time":"1499676978","create_time_ms":"1499676978123","extra_info":"","recreate":"0","publish_id":"alice","publish_name":"Alice","rtmp_url":["rtmp://x/s1"],"hls_url":[],"hdl_url":["http://x/s1.flv"],"pic_url":[]',
          String(NOW),
        ),
      ),
    );
    expect(created).toMatchObject({
      type: 'stream.created',
      roomId: 'room-1',
      userId: 'alice',
      streamId: 's1',
    });
    if (created.type !== 'stream.created') throw new Error('narrowing');
    expect(created.vendor).toMatchObject({
      stream_attr: '{"cid":0}',
      rtmp_url: ['rtmp://x/s1'],
      recreate: 0,
      create_time: NOW,
    });
    const closed = await rc.handleCallback(
      post(
        signed(
          '"event":"stream_close","appid":"1","room_id":"room-1","room_session_id":"858012925204410400","user_id":"alice","user_name":"Alice","channel_id":"0","type":"100","stream_alias":"s1","stream_id":"s1","stream_sid":"s-123","stream_seq":"8","third_define_data":"","create_time_ms":"1499676978123","destroy_timemillis":"1499677978123"',
          String(NOW),
        ),
      ),
    );
    expect(closed).toMatchObject({ type: 'stream.closed', streamId: 's1', reason: '100', at: 1499677978123 });
  });

  it('other RTC callbacks come back as `other` with their raw fields', async () => {
    const event = await rc.handleCallback(
      post(signed('"event":"record_file","appid":1,"file_url":"https://x/y.mp4"')),
    );
    expect(event).toMatchObject({ type: 'other', name: 'record_file' });
    expect(event.vendor.raw).toMatchObject({ file_url: 'https://x/y.mp4' });
  });

  it('accepts the legacy form encoding', async () => {
    const signature = signZegoCallback({ callbackSecret, timestamp: NOW, nonce: '42' });
    const form = new URLSearchParams({
      event: 'room_login',
      appid: '1',
      room_id: 'room 1',
      user_account: 'bob',
      timestamp: String(NOW),
      nonce: '42',
      signature,
    });
    const event = await rc.handleCallback(post(form.toString(), 'application/x-www-form-urlencoded'));
    expect(event).toMatchObject({ type: 'user.joined', roomId: 'room 1', userIds: ['bob'] });
  });
});

describe('zego-rtc callbacks: refusals', () => {
  const login = '"event":"room_login","appid":"1","room_id":"r","user_account":"bob"';

  it('refuses a wrong secret, a stale timestamp and a foreign AppID', async () => {
    const wrong = await rejection(rc.handleCallback(post(signed(login, NOW, '1', 'not-the-secret'))));
    expect(wrong.code).toBe('UNAUTHENTICATED');
    const stale = await rejection(rc.handleCallback(post(signed(login, NOW - 301))));
    expect(stale.message).toMatch(/301 s in the past/);
    const foreign = await rejection(
      rc.handleCallback(post(signed(login.replace('"appid":"1"', '"appid":"2"')))),
    );
    expect(foreign.message).toMatch(/AppID 2/);
  });

  it('refuses unsigned and unreadable bodies as UNAUTHENTICATED', async () => {
    expect((await rejection(rc.handleCallback(post(`{${login},"timestamp":${NOW},"nonce":"1"}`)))).code).toBe(
      'UNAUTHENTICATED',
    );
    expect((await rejection(rc.handleCallback(post('not json', 'application/json')))).code).toBe(
      'UNAUTHENTICATED',
    );
  });

  it('refuses a signed callback that lacks its ids as INVALID_ARGUMENT', async () => {
    const error = await rejection(
      rc.handleCallback(post(signed('"event":"room_login","appid":"1","room_id":"r"'))),
    );
    expect(error.code).toBe('INVALID_ARGUMENT');
    expect(error.message).toContain('user_account');
  });

  it('has no callbacks without a callbackSecret, and validates it', () => {
    expect(zegoRtc({ appId, serverSecret }).callbacks).toBeUndefined();
    expect(() => zegoRtc({ appId, serverSecret, callbackSecret: '' })).toThrow(/callbackSecret/);
    expect(() => zegoRtc({ appId, serverSecret, callbackSecret, callbackMaxSkewSeconds: -1 })).toThrow(
      /callbackMaxSkewSeconds/,
    );
  });

  it('honours callbackMaxSkewSeconds and works without a registry', async () => {
    const strict = zegoRtcCallbacks({
      appId,
      callbackSecret,
      callbackMaxSkewSeconds: 10,
      now: () => NOW * 1000,
    });
    const error = await rejection(strict.verifyAndParse(post(signed(login, NOW - 11)), { alias: 'z' }));
    expect(error.code).toBe('UNAUTHENTICATED');
    const event = await strict.verifyAndParse(post(signed(login, NOW - 9)), { alias: 'z' });
    expect(event).toMatchObject({ type: 'user.joined', alias: 'z' });
  });
});
