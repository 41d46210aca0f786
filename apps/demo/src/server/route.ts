import type { IncomingMessage, ServerResponse } from 'node:http';
import type { DemoBackend } from '../backend/backend.js';
import type { CallbackFeed } from '../backend/callback-feed.js';
import type { FanoutRunner } from '../backend/fanout.js';
import type { SimulatedClients } from '../backend/simulated-clients.js';
import type { EventHub } from './event-hub.js';

/** What every route can use. `clients` is undefined when no vendor runs on the emulator. */
export interface DemoContext {
  backend: DemoBackend;
  hub: EventHub;
  clients: SimulatedClients | undefined;
  fanout: FanoutRunner;
  callbacks: CallbackFeed;
}

export interface RouteArgs {
  ctx: DemoContext;
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  params: string[];
  body: () => Promise<Record<string, unknown>>;
}

/** A JSON answer; a route that wrote the response itself (the event stream) returns undefined. */
export interface Reply {
  status?: number;
  body: unknown;
}

export interface Route {
  method: 'GET' | 'POST' | 'DELETE';
  pattern: RegExp;
  handle(args: RouteArgs): Promise<Reply | undefined> | Reply | undefined;
}
