import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { DescribeUserListResponse } from '../src/index.js';
import { rejection, setup } from './helpers.js';

let t: Awaited<ReturnType<typeof setup>>;
let clock = 1_700_000_000_000;
beforeAll(async () => {
  t = await setup({ now: () => clock });
});
afterAll(() => t.emu.close());
beforeEach(() => {
  t.emu.reset();
  clock += 10_000;
  t.emu.zegoRtc.joinRoom('room-1', 'alice', { userName: 'Alice' });
  clock += 1;
  t.emu.zegoRtc.joinRoom('room-1', 'bob', { role: 1 });
  clock += 1;
  t.emu.zegoRtc.joinRoom('room-1', 'admin-bot', { role: 4 });
  t.emu.zegoRtc.joinRoom('room-2', 'carol');
});

describe('describeUserNum', () => {
  it('counts users and admins per room, unknown rooms as 0', async () => {
    const response = await t.client.describeUserNum({ RoomId: ['room-1', 'room-2', 'nowhere'] });
    expect(response.Data.UserCountList).toEqual([
      { RoomId: 'room-1', UserCount: 3, AdminUserCount: 1 },
      { RoomId: 'room-2', UserCount: 1, AdminUserCount: 0 },
      { RoomId: 'nowhere', UserCount: 0, AdminUserCount: 0 },
    ]);
    expect(t.urls.at(-1)!.search).toContain('RoomId[]=room-1&RoomId[]=room-2&RoomId[]=nowhere');
  });
});

describe('describeUsers', () => {
  it('reports who is in the room, with login time and role', async () => {
    const response = await t.client.describeUsers({ RoomId: 'room-1', UserId: ['bob', 'ghost'] });
    expect(response.Data.UserStatusList).toEqual([
      { UserId: 'bob', Status: 1, LoginTime: expect.any(Number), UserRole: 1 },
      { UserId: 'ghost', Status: 0, LoginTime: 0, UserRole: 0 },
    ]);
  });

  it('an unknown room is ROOM_NOT_FOUND (50001)', async () => {
    const error = await rejection(t.client.describeUsers({ RoomId: 'nowhere', UserId: ['a'] }));
    expect(error).toMatchObject({ code: 'ROOM_NOT_FOUND', providerCode: 50001, retryable: false });
  });
});

describe('describeUserList', () => {
  it('returns one page by login time, with Mode and Limit', async () => {
    const asc = await t.client.describeUserList({ RoomId: 'room-1', Limit: 2 });
    expect(asc.Data.UserList).toEqual([
      { UserId: 'alice', UserName: 'Alice', UserRole: 2 },
      { UserId: 'bob', UserName: 'bob', UserRole: 1 },
    ]);
    expect(asc.Data.Marker).not.toBe('');
    clock += 1_000;
    const desc = await t.client.describeUserList({ RoomId: 'room-1', Mode: 1, Limit: 0 });
    expect(desc.Data.UserList.map((u) => u.UserId)).toEqual(['admin-bot', 'bob', 'alice']);
    expect(desc.Data.Marker).toBe('');
  });

  it('an unknown room is an empty list', async () => {
    const response = await t.client.describeUserList({ RoomId: 'nowhere' });
    expect(response.Data).toEqual({ Marker: '', UserList: [] });
  });

  it('the vendor per-room limit (1/s) answers 207 = RATE_LIMITED, retryable', async () => {
    await t.client.describeUserList({ RoomId: 'room-1' });
    const error = await rejection(t.client.describeUserList({ RoomId: 'room-1' }));
    expect(error).toMatchObject({ code: 'RATE_LIMITED', providerCode: 207, retryable: true });
  });
});

describe('paginateDescribeUserList', () => {
  it('follows Marker through every page, pausing between pages', async () => {
    const pages: DescribeUserListResponse[] = [];
    // The emulator clock only moves when we move it: advance it by the pause the iterator takes.
    const iterator = t.client.paginateDescribeUserList({ RoomId: 'room-1', Limit: 1 }, { pageIntervalMs: 5 });
    for await (const page of iterator) {
      pages.push(page);
      clock += 1_000;
    }
    expect(pages.map((p) => p.Data.UserList.map((u) => u.UserId))).toEqual([
      ['alice'],
      ['bob'],
      ['admin-bot'],
    ]);
    expect(pages.at(-1)!.Data.Marker).toBe('');
    expect(t.urls.slice(-3).map((u) => u.searchParams.get('Marker'))).toEqual([
      null,
      pages[0]!.Data.Marker,
      pages[1]!.Data.Marker,
    ]);
  });

  it('waits a second between pages by default, staying inside the per-room limit', async () => {
    const realClock = await setup({});
    try {
      for (const u of ['a', 'b']) realClock.emu.zegoRtc.joinRoom('r', u);
      const started = performance.now();
      const ids: string[] = [];
      for await (const page of realClock.client.paginateDescribeUserList({ RoomId: 'r', Limit: 1 })) {
        ids.push(...page.Data.UserList.map((u) => u.UserId));
      }
      expect(ids).toEqual(['a', 'b']);
      expect(performance.now() - started).toBeGreaterThanOrEqual(990);
    } finally {
      await realClock.emu.close();
    }
  });

  it('stops on abort between pages', async () => {
    const controller = new AbortController();
    const pages: string[] = [];
    const error = await rejection(
      (async () => {
        for await (const page of t.client.paginateDescribeUserList(
          { RoomId: 'room-1', Limit: 1 },
          { pageIntervalMs: 10_000, signal: controller.signal },
        )) {
          pages.push(page.RequestId);
          controller.abort();
        }
      })(),
    );
    expect(error.code).toBe('ABORTED');
    expect(pages).toHaveLength(1);
  });
});

describe('kickoutUser and closeRoom', () => {
  it('kicks users with a reason', async () => {
    const response = await t.client.kickoutUser({
      RoomId: 'room-1',
      UserId: ['alice', 'bob'],
      CustomReason: 'bye & 再见',
    });
    expect(response).toEqual({ Code: 0, Message: 'success', RequestId: expect.any(String) });
    expect(
      t.emu.zegoRtc
        .rooms()
        .find((r) => r.roomId === 'room-1')!
        .users.map((u) => u.userId),
    ).toEqual(['admin-bot']);
    expect(t.emu.inbox('zego-rtc', 'alice').at(-1)!.content).toBe('bye & 再见');
  });

  it('closes a room; closing it again is ROOM_NOT_FOUND (5024)', async () => {
    clock += 1_000;
    await t.client.closeRoom({ RoomId: 'room-2', CustomReason: 'show over', RoomCloseCallback: true });
    expect(t.urls.at(-1)!.searchParams.get('RoomCloseCallback')).toBe('true');
    expect(t.emu.zegoRtc.rooms().map((r) => r.roomId)).toEqual(['room-1']);
    clock += 1_000;
    const error = await rejection(t.client.closeRoom({ RoomId: 'room-2' }));
    expect(error).toMatchObject({ code: 'ROOM_NOT_FOUND', providerCode: 5024, operation: 'CloseRoom' });
  });
});
