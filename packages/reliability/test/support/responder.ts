import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One canned HTTP answer. */
export interface Canned {
  status: number;
  body: string;
  contentType?: string | undefined;
}

/**
 * A tiny HTTP server on 127.0.0.1 that answers every request with the canned answer of the moment:
 * a stand-in for a vendor (or a proxy in front of it) that sends what no emulator would.
 */
export async function startResponder() {
  let canned: Canned = { status: 200, body: '{}' };
  let count = 0;
  const server = createServer((req, res) => {
    count++;
    req.resume();
    req.on('end', () => {
      res.writeHead(canned.status, { 'content-type': canned.contentType ?? 'application/json' });
      res.end(canned.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    answer(next: Canned) {
      canned = next;
    },
    count: () => count,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
