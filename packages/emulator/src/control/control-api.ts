import type { IncomingMessage, ServerResponse } from 'node:http';
import type { EmulatorContext } from '../context.js';
import type { Emulator } from '../emulator.js';
import type { FaultRule } from '../faults/rules.js';
import type { ControlRoute } from '../server/http-server.js';
import { sendJson } from '../server/respond.js';
import { isVendorId, type VendorId } from '../types.js';
import { DeliveryStreams } from './sse.js';

const CORS = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'GET, POST, PUT, DELETE, OPTIONS',
  'access-control-allow-headers': 'content-type',
};

class ControlError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

interface Route {
  method: string;
  pattern: RegExp;
  run(args: {
    emu: Emulator;
    params: string[];
    query: URLSearchParams;
    body: Record<string, unknown>;
    req: IncomingMessage;
    res: ServerResponse;
  }): unknown;
}

function deliveryFilter(query: URLSearchParams) {
  return {
    vendor: vendorParam(query.get('vendor')),
    roomId: query.get('roomId') ?? undefined,
    userId: query.get('userId') ?? undefined,
  };
}

function text(body: Record<string, unknown>, field: string): string {
  const value = body[field];
  if (typeof value !== 'string' || value === '')
    throw new ControlError(400, `${field} must be a non-empty string`);
  return value;
}

function vendorParam(value: string | null): VendorId | undefined {
  if (value === null || value === '') return undefined;
  if (!isVendorId(value))
    throw new ControlError(400, `vendor must be zego-rtc, zego-zim or trtc (got ${value})`);
  return value;
}

const ok = { ok: true };

/** Returned by a route that keeps the response open (the event stream). */
const STREAMING = Symbol('streaming');

/**
 * The JSON control API under `/_emulator/` (the programmatic API over HTTP, for the CLI, the demo
 * and tests in other languages) and the SSE stream `/_emulator/events`.
 */
export function createControlRoute(ctx: EmulatorContext, emulator: () => Emulator) {
  const streams = new DeliveryStreams(ctx.deliveries);
  const routes: Route[] = [
    {
      method: 'GET',
      pattern: /^\/$/,
      run: ({ emu }) => ({
        url: emu.url,
        zegoRtcUrl: emu.zegoRtcUrl,
        zegoZimUrl: emu.zegoZimUrl,
        trtcUrl: emu.trtcUrl,
        credentials: emu.credentials,
      }),
    },
    {
      method: 'GET',
      pattern: /^\/state$/,
      run: ({ emu }) => ({ zegoRtc: emu.zegoRtc.rooms(), zim: emu.zim.state(), trtc: emu.trtc.rooms() }),
    },
    { method: 'POST', pattern: /^\/reset$/, run: ({ emu }) => emu.reset() },
    {
      method: 'GET',
      pattern: /^\/requests$/,
      run: ({ emu, query }) => {
        const filter = { vendor: vendorParam(query.get('vendor')), action: query.get('action') ?? undefined };
        return { count: emu.requestCount(), requests: emu.requests(filter) };
      },
    },
    { method: 'GET', pattern: /^\/faults$/, run: ({ emu }) => ({ faults: emu.faults.list() }) },
    {
      method: 'POST',
      pattern: /^\/faults$/,
      run: ({ emu, body }) => {
        try {
          return { id: emu.faults.inject(body as unknown as FaultRule) };
        } catch (error) {
          throw new ControlError(400, (error as Error).message);
        }
      },
    },
    { method: 'DELETE', pattern: /^\/faults$/, run: ({ emu }) => emu.faults.clear() },
    {
      method: 'DELETE',
      pattern: /^\/faults\/(\d+)$/,
      run: ({ emu, params }) => emu.faults.clear(Number(params[0])),
    },
    {
      method: 'GET',
      pattern: /^\/inbox$/,
      run: ({ emu, query }) => {
        const vendor = vendorParam(query.get('vendor'));
        const userId = query.get('userId');
        if (!vendor || !userId) throw new ControlError(400, 'inbox needs ?vendor=&userId=');
        return { messages: emu.inbox(vendor, userId) };
      },
    },
    {
      method: 'GET',
      pattern: /^\/deliveries$/,
      run: ({ emu, query }) => ({ deliveries: emu.deliveries(deliveryFilter(query)) }),
    },
    {
      method: 'GET',
      pattern: /^\/events$/,
      run: ({ query, res }) => {
        streams.attach(res, deliveryFilter(query));
        return STREAMING;
      },
    },
    // ZEGO RTC
    { method: 'GET', pattern: /^\/zego-rtc\/rooms$/, run: ({ emu }) => ({ rooms: emu.zegoRtc.rooms() }) },
    {
      method: 'POST',
      pattern: /^\/zego-rtc\/rooms\/([^/]+)\/users$/,
      run: ({ emu, params, body }) => {
        const role = body.role;
        if (role !== undefined && role !== 1 && role !== 2 && role !== 4)
          throw new ControlError(400, 'role must be 1, 2 or 4');
        emu.zegoRtc.joinRoom(params[0]!, text(body, 'userId'), {
          userName: typeof body.userName === 'string' ? body.userName : undefined,
          role: role as number | undefined,
        });
      },
    },
    {
      method: 'DELETE',
      pattern: /^\/zego-rtc\/rooms\/([^/]+)\/users\/([^/]+)$/,
      run: ({ emu, params }) => ({ removed: emu.zegoRtc.leaveRoom(params[0]!, params[1]!) }),
    },
    // ZEGO ZIM
    { method: 'GET', pattern: /^\/zego-zim$/, run: ({ emu }) => emu.zim.state() },
    {
      method: 'POST',
      pattern: /^\/zego-zim\/users$/,
      run: ({ emu, body }) => {
        const userId = text(body, 'userId');
        if (body.online === true) emu.zim.setOnline(userId, true);
        else emu.zim.registerUser(userId);
      },
    },
    {
      method: 'PUT',
      pattern: /^\/zego-zim\/users\/([^/]+)$/,
      run: ({ emu, params, body }) => {
        if (typeof body.online !== 'boolean') throw new ControlError(400, 'online must be a boolean');
        emu.zim.setOnline(params[0]!, body.online);
      },
    },
    {
      method: 'POST',
      pattern: /^\/zego-zim\/rooms$/,
      run: ({ emu, body }) => emu.zim.createRoom(text(body, 'roomId')),
    },
    {
      method: 'POST',
      pattern: /^\/zego-zim\/rooms\/([^/]+)\/users$/,
      run: ({ emu, params, body }) => emu.zim.joinRoom(params[0]!, text(body, 'userId')),
    },
    {
      method: 'DELETE',
      pattern: /^\/zego-zim\/rooms\/([^/]+)\/users\/([^/]+)$/,
      run: ({ emu, params }) => ({ removed: emu.zim.leaveRoom(params[0]!, params[1]!) }),
    },
    {
      method: 'POST',
      pattern: /^\/zego-zim\/groups$/,
      run: ({ emu, body }) => {
        const members = body.members ?? [];
        if (!Array.isArray(members) || !members.every((m) => typeof m === 'string')) {
          throw new ControlError(400, 'members must be an array of user ids');
        }
        emu.zim.createGroup(text(body, 'groupId'), members);
      },
    },
    {
      method: 'POST',
      pattern: /^\/zego-zim\/client-messages$/,
      run: ({ emu, body }) => {
        const optional = (field: string) =>
          typeof body[field] === 'string' ? (body[field] as string) : undefined;
        return emu.zim.sendAsClient({
          from: text(body, 'from'),
          roomId: optional('roomId'),
          toUserId: optional('toUserId'),
          groupId: optional('groupId'),
          text: optional('text'),
          data: optional('data'),
          subType: typeof body.subType === 'number' ? body.subType : undefined,
        });
      },
    },
    // Vendor callbacks (webhooks)
    {
      method: 'GET',
      pattern: /^\/callbacks$/,
      run: ({ emu, query }) => ({
        targets: emu.callbacks.targets(),
        attempts: emu.callbacks.attempts({
          vendor: vendorParam(query.get('vendor')),
          event: query.get('event') ?? undefined,
        }),
      }),
    },
    {
      method: 'PUT',
      pattern: /^\/callbacks\/([^/]+)$/,
      run: ({ emu, params, body }) => {
        const vendor = vendorParam(params[0] ?? null) as VendorId;
        const url = text(body, 'url');
        if (vendor === 'trtc') emu.callbacks.configure('trtc', { url, token: text(body, 'token') });
        else emu.callbacks.configure(vendor, { url, secret: text(body, 'secret') });
      },
    },
    {
      method: 'DELETE',
      pattern: /^\/callbacks\/([^/]+)$/,
      run: ({ emu, params }) => emu.callbacks.configure(vendorParam(params[0] ?? null) as VendorId, null),
    },
    // Tencent
    { method: 'GET', pattern: /^\/trtc\/rooms$/, run: ({ emu }) => ({ rooms: emu.trtc.rooms() }) },
    {
      method: 'POST',
      pattern: /^\/trtc\/rooms$/,
      run: ({ emu, body }) => {
        const info = body.info;
        if (info !== undefined && (typeof info !== 'object' || info === null)) {
          throw new ControlError(400, 'info must be an object');
        }
        emu.trtc.createRoom(text(body, 'roomId'), info as Record<string, never> | undefined);
      },
    },
    {
      method: 'DELETE',
      pattern: /^\/trtc\/rooms\/([^/]+)$/,
      run: ({ emu, params }) => ({ removed: emu.trtc.destroyRoom(params[0]!) }),
    },
    {
      method: 'POST',
      pattern: /^\/trtc\/rooms\/([^/]+)\/users$/,
      run: ({ emu, params, body }) => emu.trtc.joinRoom(params[0]!, text(body, 'userId')),
    },
    {
      method: 'DELETE',
      pattern: /^\/trtc\/rooms\/([^/]+)\/users\/([^/]+)$/,
      run: ({ emu, params }) => ({ removed: emu.trtc.leaveRoom(params[0]!, params[1]!) }),
    },
    {
      method: 'POST',
      pattern: /^\/trtc\/rooms\/([^/]+)\/muted$/,
      run: ({ emu, params, body }) =>
        emu.trtc.muteUser(params[0]!, text(body, 'userId'), body.muted !== false),
    },
  ];

  const route: ControlRoute = (req, res, path, rawQuery, rawBody) => {
    const method = req.method ?? 'GET';
    if (method === 'OPTIONS') {
      res.writeHead(204, CORS);
      res.end();
      return;
    }
    try {
      const normalized = path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path;
      let pathMatched = false;
      for (const r of routes) {
        const match = r.pattern.exec(normalized);
        if (!match) continue;
        pathMatched = true;
        if (r.method !== method) continue;
        const params = match.slice(1).map((p) => decodeURIComponent(p));
        const result = r.run({
          emu: emulator(),
          params,
          query: new URLSearchParams(rawQuery),
          body: parseBody(rawBody),
          req,
          res,
        });
        if (result instanceof Promise) {
          // Client sends wait for the before-send callback.
          result.then(
            (value) => sendJson(res, 200, value ?? ok, CORS),
            (error: unknown) =>
              sendJson(res, 400, { error: error instanceof Error ? error.message : String(error) }, CORS),
          );
          return;
        }
        // Routes that return nothing answer { ok: true }; the SSE route has answered already.
        if (result !== STREAMING) sendJson(res, 200, result ?? ok, CORS);
        return;
      }
      throw new ControlError(pathMatched ? 405 : 404, `no control route ${method} /_emulator${path}`);
    } catch (error) {
      const status = error instanceof ControlError ? error.status : 400;
      sendJson(res, status, { error: error instanceof Error ? error.message : String(error) }, CORS);
    }
  };
  return { route, closeStreams: () => streams.closeAll() };
}

function parseBody(raw: Buffer): Record<string, unknown> {
  if (raw.length === 0) return {};
  let value: unknown;
  try {
    value = JSON.parse(raw.toString('utf8'));
  } catch {
    throw new ControlError(400, 'the body must be JSON');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ControlError(400, 'the body must be a JSON object');
  }
  return value as Record<string, unknown>;
}
