import type { Route } from '../route.js';

/**
 * `GET /api/events`: Server-Sent Events. Event types: `delivery` (a simulated client received a
 * message), `call` (a vendor request answered, retried or failed), `fanout` (progress and the final
 * accounting), `clients` and `faults` (state changed).
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
