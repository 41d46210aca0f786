import { sendWebResponse, toWebRequest } from '@roomcast/core/node';
import { isBeforeSendVendor } from '../../backend/callback-feed.js';
import { toRoomcastError } from '../../shared/serialize.js';
import type { DemoAlias } from '../../shared/vendors.js';
import { HttpError } from '../http-util.js';
import type { Route } from '../route.js';

const ACTIONS = new Set(['allow', 'drop', 'reject']);

/**
 * Vendor callbacks (webhooks). `POST /api/callbacks/<alias>` is the receiver the emulator (or a
 * vendor console) posts to: `rc.handleCallback` verifies it, the feed answers it and streams it as
 * a `callback` event; an unverified one is answered 401 and shows as an error entry, never an event.
 * `GET /api/callbacks` lists the recent ones; `POST /api/before-send { vendor, action }` sets how
 * the next before-send hook of `zego-zim` or `trtc` is answered (`allow`, `drop`, `reject`).
 */
export const callbackRoutes: Route[] = [
  {
    method: 'GET',
    pattern: /^\/api\/callbacks$/,
    handle: ({ ctx }) => ({
      body: {
        entries: ctx.callbacks.recent(),
        beforeSend: ctx.callbacks.beforeSend(),
        receivers: ctx.backend.emulator?.callbacks.targets() ?? {},
      },
    }),
  },
  {
    method: 'POST',
    pattern: /^\/api\/callbacks\/([^/]+)$/,
    handle: async ({ ctx, req, res, params }) => {
      const alias = decodeURIComponent(params[0] ?? '');
      let response: Response;
      try {
        // The raw request, not readJson: the signature and 64-bit ids need the exact bytes.
        const event = await ctx.backend.rc.handleCallback(toWebRequest(req), { alias: alias as DemoAlias });
        response = ctx.callbacks.answer(event);
      } catch (error) {
        response = ctx.callbacks.refuse(alias, toRoomcastError(error));
      }
      await sendWebResponse(res, response);
      return undefined;
    },
  },
  {
    method: 'POST',
    pattern: /^\/api\/before-send$/,
    handle: async ({ ctx, body }) => {
      const { vendor, action } = await body();
      if (!isBeforeSendVendor(vendor)) throw new HttpError(400, 'vendor must be zego-zim or trtc');
      if (typeof action !== 'string' || !ACTIONS.has(action))
        throw new HttpError(400, 'action must be allow, drop or reject');
      return { body: ctx.callbacks.setBeforeSend(vendor, action as 'allow' | 'drop' | 'reject') };
    },
  },
];
