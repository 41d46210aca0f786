import { parseClientRef, type SimulatedClients } from '../../backend/simulated-clients.js';
import { toDeliveryEvent } from '../../shared/deliveries.js';
import { HttpError } from '../http-util.js';
import type { DemoContext, Route } from '../route.js';

const INBOX_SIZE = 30;

function clientsOf(ctx: DemoContext): SimulatedClients {
  if (ctx.clients === undefined)
    throw new HttpError(409, 'every vendor is real: simulated clients need the emulator');
  return ctx.clients;
}

/** Every simulated client with the tail of its inbox (messages of its vendor to it, in its room or roomless). */
function listing(ctx: DemoContext) {
  const emulator = ctx.backend.emulator;
  if (ctx.clients === undefined || emulator === undefined) return { available: false, clients: [] };
  return {
    available: true,
    clients: ctx.clients.list().map((client) => ({
      ...client,
      inbox: emulator
        .inbox(client.vendor, client.userId)
        .filter((d) => d.roomId === undefined || d.roomId === client.roomId)
        .slice(-INBOX_SIZE)
        .map(toDeliveryEvent),
    })),
  };
}

function parse(input: Record<string, unknown>) {
  try {
    return parseClientRef(input);
  } catch (error) {
    throw new HttpError(400, (error as Error).message);
  }
}

/** After a change: answer the new listing and tell every open dashboard. */
function changed(ctx: DemoContext) {
  const body = listing(ctx);
  ctx.hub.publish('clients', body);
  return { body };
}

/**
 * Simulated clients on the emulator: `GET /api/clients`; `POST /api/clients { vendor, roomId,
 * userId }` adds one and joins its room; `POST /api/clients/online { …, online }` joins or leaves;
 * `POST /api/clients/remove` leaves and forgets it. `POST /api/clients/say { …, text? }` sends as
 * that ZIM client, so ZIM's before_send_msg hook runs (server sends skip it): answers
 * `{ status: 'delivered' | 'silent' | 'refused' | 'failed', messageId }`.
 */
export const clientRoutes: Route[] = [
  { method: 'GET', pattern: /^\/api\/clients$/, handle: ({ ctx }) => ({ body: listing(ctx) }) },
  {
    method: 'POST',
    pattern: /^\/api\/clients$/,
    handle: async ({ ctx, body }) => {
      clientsOf(ctx).add(parse(await body()));
      return changed(ctx);
    },
  },
  {
    method: 'POST',
    pattern: /^\/api\/clients\/online$/,
    handle: async ({ ctx, body }) => {
      const input = await body();
      if (typeof input.online !== 'boolean') throw new HttpError(400, 'online must be true or false');
      clientsOf(ctx).setOnline(parse(input), input.online);
      return changed(ctx);
    },
  },
  {
    method: 'POST',
    pattern: /^\/api\/clients\/remove$/,
    handle: async ({ ctx, body }) => {
      clientsOf(ctx).remove(parse(await body()));
      return changed(ctx);
    },
  },
  {
    method: 'POST',
    pattern: /^\/api\/clients\/say$/,
    handle: async ({ ctx, body }) => {
      const input = await body();
      const ref = parse(input);
      clientsOf(ctx);
      if (ref.vendor !== 'zego-zim') {
        throw new HttpError(
          400,
          "client sends are simulated for ZEGO ZIM (before_send_msg); Tencent's before-send hook guards server sends: use Compose",
        );
      }
      const text = typeof input.text === 'string' && input.text !== '' ? input.text : `hi from ${ref.userId}`;
      try {
        const sent = await ctx.backend.emulator!.zim.sendAsClient({
          from: ref.userId,
          roomId: ref.roomId,
          text,
        });
        return { body: sent };
      } catch (error) {
        throw new HttpError(400, error instanceof Error ? error.message : String(error));
      }
    },
  },
];
