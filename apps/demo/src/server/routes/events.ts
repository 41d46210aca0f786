import type { Route } from '../route.js';

/**
 * `GET /api/events`: Server-Sent Events. Event types: `delivery` (a simulated client received a
 * message), `call` (a vendor request answered, retried or failed), `fanout` (progress and the final
 * accounting), `callback` (a vendor webhook, verified, or refused with `ok: false`), `clients`,
 * `faults` and `before-send` (state changed).
 */
export const eventRoutes: Route[] = [
  {
    method: 'GET',
    pattern: /^\/api\/events$/,
    handle: ({ ctx, res }) => {
      ctx.hub.attach(res);
      return undefined;
    },
  },
];
