import { isRoomcastError } from '@roomcast/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setup } from './helpers.js';

// Regressions found by the reliability suite's property tests (plain JavaScript callers): `null`
// call options crashed every method with "Cannot read properties of null (reading 'signal')", and
// paginateDescribeUserList(undefined) with "Cannot read properties of undefined (reading 'Marker')".
describe('vendor client calls from plain JavaScript', () => {
  let ctx: Awaited<ReturnType<typeof setup>>;
  beforeAll(async () => {
    ctx = await setup();
    ctx.emu.zegoRtc.joinRoom('js-room', 'alice');
  });
  afterAll(() => ctx.emu.close());

  it('treats null options like no options', async () => {
    const { Data } = await ctx.client.describeUserNum({ RoomId: ['js-room'] }, null as never);
    expect(Data.UserCountList[0]?.UserCount).toBe(1);
    const closed = await ctx.client
      .closeRoom({ RoomId: 'no-such-room' }, null as never)
      .catch((error: unknown) => error);
    expect(closed).toMatchObject({ code: 'ROOM_NOT_FOUND' });
  });

  it.each([undefined, null, 'js-room', { RoomId: 42 }])(
    'paginateDescribeUserList(%s) rejects with INVALID_ARGUMENT before any request',
    async (request) => {
      const before = ctx.emu.requestCount();
      const error = await ctx.client
        .paginateDescribeUserList(request as never)
        .next()
        .catch((e: unknown) => e);
      expect(isRoomcastError(error)).toBe(true);
      expect(error).toMatchObject({ code: 'INVALID_ARGUMENT' });
      expect(ctx.emu.requestCount()).toBe(before);
    },
  );

  it('paginateDescribeUserList with null options reads the first page', async () => {
    const pages = ctx.client.paginateDescribeUserList({ RoomId: 'js-room' }, null as never);
    const first = await pages.next();
    await pages.return(undefined);
    expect(first.value?.Data.UserList.map((u) => u.UserId)).toEqual(['alice']);
  });
});
