import { BAD_INPUT_DEMOS, runBadInputDemo } from '../../backend/bad-input.js';
import { serializeError } from '../../shared/serialize.js';
import { HttpError } from '../http-util.js';
import type { Route } from '../route.js';

/**
 * Bad-input demos through the vendor clients: `GET /api/vendor-client` lists them,
 * `POST /api/vendor-client { demo }` runs one and answers the error (expected) and how many vendor
 * requests it cost (expected: 0, the client refuses before the network).
 */
export const vendorClientRoutes: Route[] = [
  {
    method: 'GET',
    pattern: /^\/api\/vendor-client$/,
    handle: () => ({ body: { demos: BAD_INPUT_DEMOS.map(({ id, title, code }) => ({ id, title, code })) } }),
  },
  {
    method: 'POST',
    pattern: /^\/api\/vendor-client$/,
    handle: async ({ ctx, body }) => {
      const { demo } = await body();
      let outcome: Awaited<ReturnType<typeof runBadInputDemo>>;
      try {
        outcome = await runBadInputDemo(demo, ctx.backend.clientConfigs, ctx.backend.emulator);
      } catch (error) {
        throw new HttpError(400, error instanceof Error ? error.message : String(error));
      }
      const { error, response, ...rest } = outcome;
      if (error === undefined) return { body: { ...rest, ok: true, response } };
      return { status: 400, body: { ...rest, ok: false, ...serializeError(error) } };
    },
  },
];
