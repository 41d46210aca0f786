import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { isRoomcastError, type RoomcastEvent } from '@roomcast/core';
import { sendWebResponse, toWebRequest } from '@roomcast/core/node';

/**
 * A webhook receiver as an application would write it: node:http → rc.handleCallback → a
 * Response. Records verified events and the errors of refused callbacks.
 */
export async function startReceiver<E extends RoomcastEvent>(
  handle: (request: Request) => Promise<E>,
  decide: (event: E) => Response = (event) => event.ack(),
) {
  const events: E[] = [];
  const errors: string[] = [];
  const server = createServer(async (req, res) => {
    try {
      const event = await handle(toWebRequest(req));
      events.push(event);
      await sendWebResponse(res, decide(event));
    } catch (error) {
      errors.push(isRoomcastError(error) ? error.code : String(error));
      res.writeHead(isRoomcastError(error) && error.code === 'UNAUTHENTICATED' ? 401 : 400).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    events,
    errors,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
