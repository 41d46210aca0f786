import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { EmulatorContext, VendorHandler } from '../context.js';
import type { VendorId } from '../types.js';
import { BodyTooLargeError, readBody } from './body.js';
import { sendJson } from './respond.js';
import { serveVendor } from './vendor-route.js';

/** Control API and SSE stream under `/_emulator/`. Returns false when the path is not one of its. */
export type ControlRoute = (
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
  rawQuery: string,
  body: Buffer,
) => Promise<void> | void;

export const VENDOR_PREFIXES: Readonly<Record<VendorId, string>> = {
  'zego-rtc': '/zego-rtc',
  'zego-zim': '/zego-zim',
  trtc: '/trtc',
};

const CONTROL_PREFIX = '/_emulator';

/** One HTTP server, one port: a base path per vendor and the control API. */
export function createEmulatorServer(
  ctx: EmulatorContext,
  handlers: Readonly<Record<VendorId, VendorHandler>>,
  control: ControlRoute,
): Server {
  const vendors = Object.entries(VENDOR_PREFIXES) as [VendorId, string][];
  const server = createServer((req, res) => {
    const url = req.url ?? '/';
    const q = url.indexOf('?');
    const path = q < 0 ? url : url.slice(0, q);
    const rawQuery = q < 0 ? '' : url.slice(q + 1);
    const method = req.method ?? 'GET';

    const onError = (error: unknown): void => {
      if (res.headersSent || res.destroyed) return;
      if (error instanceof BodyTooLargeError) sendJson(res, 413, { error: error.message });
      else sendJson(res, 500, { error: error instanceof Error ? error.message : String(error) });
    };

    readBody(req)
      .then((body) => {
        if (path === CONTROL_PREFIX || path.startsWith(`${CONTROL_PREFIX}/`)) {
          return control(req, res, path.slice(CONTROL_PREFIX.length) || '/', rawQuery, body);
        }
        for (const [vendor, prefix] of vendors) {
          if (path === prefix || path.startsWith(`${prefix}/`)) {
            const rest = path.slice(prefix.length) || '/';
            return serveVendor(ctx, handlers[vendor], { method, path: rest, rawQuery, body }, req, res);
          }
        }
        sendJson(res, 404, {
          error: `no route for ${path}; vendor base paths are /zego-rtc, /zego-zim and /trtc, control is /_emulator`,
        });
        return undefined;
      })
      .catch(onError);
  });
  // Benchmarks hold many keep-alive sockets; the defaults would close idle ones mid-run.
  server.keepAliveTimeout = 30_000;
  return server;
}
