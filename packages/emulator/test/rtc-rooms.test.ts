import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Emulator } from '../src/index.js';
import { manualClock, rtc, start } from './helpers/http.js';

const clock = manualClock(1_700_000_000);
let emu: Emulator;
beforeAll(async () => {
  emu = await start({ now: clock.now });
});
beforeEach(() => {
  emu.reset();
  clock.advance(10_000); // refill every bucket between tests
});
afterAll(() => emu.close());

const ts = () => Math.floor(clock.now() / 1000);
const call = (action: string, params: Record<string, string | number | string[] | undefined>) =>
  rtc(emu, action, params, { timestamp: ts() });

describe('DescribeUserNum', () => {
  it('counts users and admins; unknown rooms count 0; at most 10 rooms', async () => {
    emu.zegoRtc.joinRoom('r1', 'a');
    emu.zegoRtc.joinRoom('r1', 'bot', { role: 4 });
    const { body } = await call('DescribeUserNum', { RoomId: ['r1', 'r2'] });
    expect(body.Data).toEqual({
      UserCountList: [
        { RoomId: 'r1', UserCount: 2, AdminUserCount: 1 },
        { RoomId: 'r2', UserCount: 0, AdminUserCount: 0 },
      ],
    });
    const eleven = Array.from({ length: 11 }, (_, i) => `r${i}`);
    expect((await call('DescribeUserNum', { RoomId: eleven })).body.Code).toBe(3);
    expect((await call('DescribeUserNum', {})).body.Code).toBe(2);
  });
});

describe('DescribeUsers', () => {
  it('reports status, login time (ms) and role', async () => {
    emu.zegoRtc.joinRoom('r1', 'a', { role: 1 });
    const { body } = await call('DescribeUsers', { RoomId: 'r1', UserId: ['a', 'b'] });
    expect(body.Data).toEqual({
      UserStatusList: [
        { UserId: 'a', Status: 1, LoginTime: clock.now(), UserRole: 1 },
        { UserId: 'b', Status: 0, LoginTime: 0, UserRole: 0 },
      ],
    });
    expect((await call('DescribeUsers', { RoomId: 'nope', UserId: ['a'] })).body.Code).toBe(50001);
    expect((await call('DescribeUsers', { RoomId: 'r1' })).body.Code).toBe(2);
    const eleven = Array.from({ length: 11 }, (_, i) => `u${i}`);
    expect((await call('DescribeUsers', { RoomId: 'r1', UserId: eleven })).body.Code).toBe(3);
  });
});

describe('DescribeUserList', () => {
  async function page(params: Record<string, string | number>) {
    clock.advance(1000); // the per-room limit is 1/s: page exactly at the limit
    const { body } = await call('DescribeUserList', { RoomId: 'big', ...params });
    expect(body.Code).toBe(0);
    return body.Data as {
      Marker: string;
      UserList: { UserId: string; UserName: string; UserRole: number }[];
    };
  }

  it('pages by login time with Marker, ascending and descending', async () => {
    for (let i = 0; i < 5; i++) {
      emu.zegoRtc.joinRoom('big', `user${i}`, { userName: `User ${i}` });
      clock.advance(1);
    }
    const p1 = await page({ Limit: 2 });
    expect(p1.UserList.map((u) => u.UserId)).toEqual(['user0', 'user1']);
    expect(p1.Marker).toMatch(/^\d+-user1$/);
    expect(p1.UserList[0]).toEqual({ UserId: 'user0', UserName: 'User 0', UserRole: 2 });
    const p2 = await page({ Limit: 2, Marker: p1.Marker });
    expect(p2.UserList.map((u) => u.UserId)).toEqual(['user2', 'user3']);
    const p3 = await page({ Limit: 2, Marker: p2.Marker });
    expect(p3).toEqual({ Marker: '', UserList: [expect.objectContaining({ UserId: 'user4' })] });

    const d1 = await page({ Limit: 3, Mode: 1 });
    expect(d1.UserList.map((u) => u.UserId)).toEqual(['user4', 'user3', 'user2']);
    const d2 = await page({ Limit: 3, Mode: 1, Marker: d1.Marker });
    expect(d2.UserList.map((u) => u.UserId)).toEqual(['user1', 'user0']);
    expect(d2.Marker).toBe('');
    // Limit 0 or absent: the default page of 200.
    expect((await page({ Limit: 0 })).UserList).toHaveLength(5);
  });

  it('unknown room: empty list; bad Mode/Limit/Marker: 2', async () => {
    expect(await page({ RoomId: 'void' })).toEqual({ Marker: '', UserList: [] });
    for (const bad of [{ Mode: 2 }, { Limit: 201 }, { Limit: -1 }, { Mode: 'x' }, { Marker: 'garbage' }]) {
      clock.advance(1000);
      expect((await call('DescribeUserList', { RoomId: 'big', ...bad })).body.Code).toBe(2);
    }
  });

  it('1 request per second per room (207), independent rooms', async () => {
    emu.zegoRtc.joinRoom('big', 'a');
    expect((await call('DescribeUserList', { RoomId: 'big' })).body.Code).toBe(0);
    expect((await call('DescribeUserList', { RoomId: 'big' })).body.Code).toBe(207);
    expect((await call('DescribeUserList', { RoomId: 'other' })).body.Code).toBe(0);
    clock.advance(1000);
    expect((await call('DescribeUserList', { RoomId: 'big' })).body.Code).toBe(0);
  });
});

describe('KickoutUser / CloseRoom', () => {
  it('KickoutUser removes up to 5 users and tells them; no Data', async () => {
    for (const u of ['a', 'b', 'c']) emu.zegoRtc.joinRoom('r1', u);
    const { body } = await call('KickoutUser', {
      RoomId: 'r1',
      UserId: ['a', 'ghost'],
      CustomReason: 'bye now',
    });
    expect(body).toEqual({ Code: 0, Message: 'success', RequestId: expect.any(String) });
    expect(emu.zegoRtc.rooms()[0]!.users.map((u) => u.userId)).toEqual(['b', 'c']);
    expect(emu.inbox('zego-rtc', 'a')).toEqual([
      expect.objectContaining({
        callback: 'onRoomStateChanged',
        content: 'bye now',
        raw: expect.objectContaining({ reason: 'KickOut' }),
      }),
    ]);
    const six = ['1', '2', '3', '4', '5', '6'];
    expect((await call('KickoutUser', { RoomId: 'r1', UserId: six })).body.Code).toBe(50011);
    expect(
      (await call('KickoutUser', { RoomId: 'r1', UserId: ['b'], CustomReason: 'x'.repeat(257) })).body.Code,
    ).toBe(3);
    expect((await call('KickoutUser', { RoomId: 'none', UserId: ['b'] })).body.Code).toBe(50001);
    expect((await call('KickoutUser', { RoomId: 'r1' })).body.Code).toBe(2);
  });

  it('CloseRoom removes everybody; the room is gone; unknown room 5024; 1/s', async () => {
    for (const u of ['a', 'b']) emu.zegoRtc.joinRoom('r1', u);
    const { body } = await call('CloseRoom', {
      RoomId: 'r1',
      CustomReason: 'closing',
      RoomCloseCallback: 'true',
    });
    expect(body).toEqual({ Code: 0, Message: 'success', RequestId: expect.any(String) });
    expect(emu.zegoRtc.rooms()).toEqual([]);
    expect(emu.deliveries().map((d) => [d.to, d.callback])).toEqual([
      ['a', 'onRoomStateChanged'],
      ['b', 'onRoomStateChanged'],
    ]);
    expect((await call('CloseRoom', { RoomId: 'r1' })).body.Code).toBe(206);
    clock.advance(1000);
    expect((await call('CloseRoom', { RoomId: 'r1' })).body.Code).toBe(5024);
    clock.advance(1000);
    expect((await call('CloseRoom', { RoomId: 'r1', RoomCloseCallback: 'maybe' })).body.Code).toBe(2);
  });
});
