import { isRoomcastError } from '@roomcast/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTrtcClient, genUserSig } from '../src/index.js';
import { emulatorSetup } from './helpers/emulator.js';

// Regressions found by the reliability suite's property tests (plain JavaScript callers):
// genUserSig() crashed with "Cannot read properties of undefined (reading 'sdkAppId')", null call
// options with "Cannot read properties of null (reading 'signal')", and a baseUrl object with
// "Cannot convert object to primitive value".
describe('plain JavaScript callers', () => {
  let ctx: Awaited<ReturnType<typeof emulatorSetup>>;
  beforeAll(async () => {
    ctx = await emulatorSetup();
    ctx.emulator.trtc.createRoom('js-room');
  });
  afterAll(() => ctx.emulator.close());

  it.each([undefined, null, 'administrator', 42])('genUserSig(%s) is INVALID_ARGUMENT', (options) => {
    let thrown: unknown;
    try {
      genUserSig(options as never);
    } catch (error) {
      thrown = error;
    }
    expect(isRoomcastError(thrown)).toBe(true);
    expect(thrown).toMatchObject({ code: 'INVALID_ARGUMENT' });
  });

  it('treats null call options like no options', async () => {
    const { Response } = await ctx.client().getRoomInfo({ RoomId: 'js-room' }, null as never);
    expect(Response.RoomInfo.RoomId).toBe('js-room');
  });

  it('refuses a baseUrl that is not a string with INVALID_ARGUMENT', () => {
    let thrown: unknown;
    try {
      createTrtcClient({ ...ctx.emulator.credentials.trtc, baseUrl: Object.create(null) });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toMatchObject({ code: 'INVALID_ARGUMENT' });
  });
});
