import { registerSender } from '../../backend/prepare.js';
import { sendDynamic } from '../../backend/send.js';
import { httpStatusOf, serializeError, serializeResult, toRoomcastError } from '../../shared/serialize.js';
import { vendorOfChannel } from '../../shared/vendors.js';
import { HttpError } from '../http-util.js';
import type { Route } from '../route.js';
import { faultState } from './faults.js';

/**
 * `POST /api/send` `{ channel, message }`: one `rc.send`. Answers the `SendResult` (200), or the
 * error's `toJSON()` with the partial result (400 for bad input, 502 for vendor and network failures).
 */
export const sendRoutes: Route[] = [
  {
    method: 'POST',
    pattern: /^\/api\/send$/,
    handle: async ({ ctx, body }) => {
      const { channel, message } = await body();
      if (typeof channel !== 'string')
        throw new HttpError(400, 'channel must be a string such as "zego:signal"');
      const vendor = vendorOfChannel(channel);
      if (vendor !== undefined && ctx.backend.modes[vendor] === 'emulator') {
        registerSender(ctx.backend.emulator, vendor, message);
      }
      try {
        const result = await sendDynamic(ctx.backend.rc, channel, message);
        return { body: serializeResult(result) };
      } catch (error) {
        const roomcastError = toRoomcastError(error);
        return { status: httpStatusOf(roomcastError), body: serializeError(roomcastError) };
      } finally {
        // A send may have used up injected faults: let the fault panel show what is left.
        if (ctx.backend.emulator) ctx.hub.publish('faults', faultState(ctx));
      }
    },
  },
];
