import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { DemoBackend } from '../backend/backend.js';
import { CallbackFeed } from '../backend/callback-feed.js';
import { FanoutRunner } from '../backend/fanout.js';
import { SimulatedClients, seedClients } from '../backend/simulated-clients.js';
import { toDeliveryEvent } from '../shared/deliveries.js';
import { VENDOR_IDS } from '../shared/vendors.js';
import { EventHub } from './event-hub.js';
import { HttpError, readJson, sendJson } from './http-util.js';
import type { DemoContext, Route } from './route.js';
import { callbackRoutes } from './routes/callbacks.js';
import { channelRoutes } from './routes/channels.js';
import { clientRoutes } from './routes/clients.js';
import { eventRoutes } from './routes/events.js';
import { fanoutRoutes } from './routes/fanout.js';
import { faultRoutes } from './routes/faults.js';
import { sendRoutes } from './routes/send.js';
import { vendorClientRoutes } from './routes/vendor-client.js';
import { serveStatic } from './static-files.js';

const STATUS_CODES: Record<number, string> = {
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  409: 'CONFLICT',
  413: 'BODY_TOO_LARGE',
};

const ROUTES: Route[] = [
  ...channelRoutes,
  ...sendRoutes,
  ...fanoutRoutes,
  ...clientRoutes,
  ...faultRoutes,
  ...vendorClientRoutes,
  ...eventRoutes,
  ...callbackRoutes,
];

export interface DemoServerOptions {
  backend: DemoBackend;
  /** The built front end (dist/web). */
  webRoot: string;
  /** Start with alice and bob in room live-1 on every emulated vendor (default true). */
  seed?: boolean | undefined;
}

export interface DemoServer {
  readonly server: Server;
  /** Listens and resolves with the bound port. */
  listen(port: number, host: string): Promise<number>;
  /** Closes event streams, the HTTP server and the backend (the embedded emulator). */
  close(): Promise<void>;
}

/**
 * The dashboard's HTTP server: the JSON API under `/api/` and the built front end.
 *
 * @example
 * ```ts
 * const backend = await createDemoBackend();
 * const demo = createDemoServer({ backend, webRoot: 'dist/web' });
 * const port = await demo.listen(4600, '127.0.0.1');
 * ```
 */
export function createDemoServer(options: DemoServerOptions): DemoServer {
  const { backend } = options;
  const hub = new EventHub();
  const emulator = backend.emulator;
  const clients = emulator ? new SimulatedClients(emulator) : undefined;
  if (clients && options.seed !== false) {
    seedClients(
      clients,
      VENDOR_IDS.filter((v) => backend.modes[v] === 'emulator'),
    );
  }
  const ctx: DemoContext = {
    backend,
    hub,
    clients,
    fanout: new FanoutRunner(backend, (snapshot) => hub.publish('fanout', snapshot)),
    callbacks: new CallbackFeed((type, data) => hub.publish(type, data)),
  };
  const unsubscribers = [
    backend.onVendorCall((event) => hub.publish('call', event)),
    ...(emulator ? [emulator.onDelivery((d) => hub.publish('delivery', toDeliveryEvent(d)))] : []),
  ];

  const server = createServer((req, res) => {
    handle(ctx, options.webRoot, req, res).catch((error: unknown) => {
      if (!res.headersSent) sendJson(res, 500, { error: { code: 'INTERNAL', message: String(error) } });
      else res.end();
    });
  });

  return {
    server,
    listen: (port, host) =>
      new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          server.off('error', reject);
          const bound = (server.address() as AddressInfo).port;
          // The emulator runs in this process: reach the receiver over loopback unless bound elsewhere.
          backend.routeCallbacksTo(`http://${loopbackHost(host)}:${bound}/api/callbacks`);
          resolve(bound);
        });
      }),
    close: async () => {
      for (const unsubscribe of unsubscribers) unsubscribe();
      hub.close();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await backend.close();
    },
  };
}

/** A host the embedded emulator can post to: a wildcard address means "any", so use loopback. */
function loopbackHost(host: string): string {
  if (host === '' || host === '0.0.0.0' || host === '::') return '127.0.0.1';
  return host.includes(':') ? `[${host}]` : host;
}

async function handle(ctx: DemoContext, webRoot: string, req: IncomingMessage, res: ServerResponse) {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const method = req.method ?? 'GET';
  if (!url.pathname.startsWith('/api/')) {
    if ((method === 'GET' || method === 'HEAD') && (await serveStatic(webRoot, url.pathname, res))) return;
    sendJson(res, 404, { error: { code: 'NOT_FOUND', message: `no page ${url.pathname}` } });
    return;
  }
  const candidates = ROUTES.map((route) => ({ route, match: route.pattern.exec(url.pathname) })).filter(
    (c) => c.match !== null,
  );
  const found = candidates.find((c) => c.route.method === method);
  try {
    if (found === undefined) {
      throw candidates.length > 0
        ? new HttpError(405, `${method} is not allowed on ${url.pathname}`)
        : new HttpError(404, `no API route ${url.pathname}`);
    }
    const reply = await found.route.handle({
      ctx,
      req,
      res,
      url,
      params: found.match!.slice(1),
      body: () => readJson(req),
    });
    if (reply !== undefined) sendJson(res, reply.status ?? 200, reply.body);
  } catch (error) {
    if (!(error instanceof HttpError)) throw error;
    sendJson(res, error.status, {
      error: { code: STATUS_CODES[error.status] ?? 'BAD_REQUEST', message: error.message },
    });
  }
}
