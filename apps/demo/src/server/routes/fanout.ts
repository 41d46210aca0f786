import { parseFanoutRequest } from '../../backend/fanout.js';
import { HttpError } from '../http-util.js';
import type { Route } from '../route.js';

/**
 * `POST /api/fanout` starts a send to N generated users and answers at once (202) with its id;
 * progress and the final accounting arrive as `fanout` events on `/api/events`, and
 * `GET /api/fanout/:id` returns the latest snapshot.
 */
export const fanoutRoutes: Route[] = [
  {
    method: 'POST',
    pattern: /^\/api\/fanout$/,
    handle: async ({ ctx, body }) => {
      try {
        const snapshot = ctx.fanout.start(parseFanoutRequest(await body()));
        return { status: 202, body: snapshot };
      } catch (error) {
        if (error instanceof TypeError) throw new HttpError(400, error.message);
        throw error;
      }
    },
  },
  {
    method: 'GET',
    pattern: /^\/api\/fanout\/(\d+)$/,
    handle: ({ ctx, params }) => {
      const snapshot = ctx.fanout.get(Number(params[0]));
      if (snapshot === undefined) throw new HttpError(404, `no fan-out ${params[0]}`);
      return { body: snapshot };
    },
  },
];
