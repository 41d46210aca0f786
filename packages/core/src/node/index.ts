import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import { RoomcastError } from '../errors/roomcast-error.js';

/** Options of {@link toWebRequest}. */
export interface ToWebRequestOptions {
  /**
   * The origin to resolve `req.url` against (`https://hooks.example.com`). Default: `http(s)://` +
   * the `Host` header. Routing by `?provider=` or by path needs only the path, so this is rarely needed.
   */
  origin?: string | undefined;
}

/**
 * Turns a `node:http` request into a web-standard `Request` for `rc.handleCallback`, streaming
 * its body unchanged (signatures and 64-bit integers need the exact bytes).
 *
 * Mount the route before any body parser: once `express.json()` has parsed the body, the raw text
 * is gone and large integers are already rounded, so an already-parsed object body is refused with
 * `INVALID_ARGUMENT`. A raw `Buffer`/string body (`express.raw`, `express.text`) is used as is.
 *
 * @example
 * ```ts
 * import { createServer } from 'node:http';
 * import { sendWebResponse, toWebRequest } from '@roomcast/core/node';
 *
 * createServer(async (req, res) => {
 *   try {
 *     const event = await rc.handleCallback(toWebRequest(req));
 *     await sendWebResponse(res, event.ack());
 *   } catch {
 *     res.writeHead(401).end();
 *   }
 * }).listen(8080);
 * ```
 */
export function toWebRequest(req: IncomingMessage, options: ToWebRequestOptions = {}): Request {
  const encrypted = (req.socket as { encrypted?: boolean } | undefined)?.encrypted === true;
  const origin = options.origin ?? `${encrypted ? 'https' : 'http'}://${req.headers.host ?? 'localhost'}`;
  const url = new URL(req.url ?? '/', origin);
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) headers.append(name, item);
  }
  const method = req.method ?? 'GET';
  if (method === 'GET' || method === 'HEAD') return new Request(url, { method, headers });
  return new Request(url, { method, headers, body: bodyOf(req), duplex: 'half' } as RequestInit);
}

function bodyOf(req: IncomingMessage): BodyInit {
  const parsed = (req as { body?: unknown }).body;
  if (typeof parsed === 'string') return parsed;
  if (parsed instanceof Uint8Array) return new Uint8Array(parsed);
  if (parsed !== undefined) {
    throw new RoomcastError(
      'INVALID_ARGUMENT',
      'The request body was already parsed by a body parser: the exact bytes (and 64-bit integers) are lost. ' +
        'Mount the callback route before express.json(), or use express.raw({ type: "*/*" })',
    );
  }
  return Readable.toWeb(req) as unknown as ReadableStream<Uint8Array>;
}

/**
 * Writes a web-standard `Response` (such as `event.ack()` or `event.reply.drop()`) to a
 * `node:http` response.
 */
export async function sendWebResponse(res: ServerResponse, response: Response): Promise<void> {
  const body = Buffer.from(await response.arrayBuffer());
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    headers[name] = value;
  });
  headers['content-length'] = String(body.byteLength);
  res.writeHead(response.status, headers);
  res.end(body);
}
