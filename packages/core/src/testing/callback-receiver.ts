import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { isRoomcastError } from '../errors/roomcast-error.js';
import { sendWebResponse, toWebRequest } from '../node/index.js';
import type { RoomcastEvent } from '../spec/events.js';

/** A running {@link startCallbackReceiver}. */
export interface CallbackReceiver<E extends RoomcastEvent> {
  /** Where the vendor (or the emulator) should post. */
  url: string;
  /** Verified events, in arrival order. */
  events: E[];
  /** Error codes of refused callbacks. */
  errors: string[];
  close(): Promise<void>;
}

/**
 * A webhook receiver on 127.0.0.1 as an application would write it: node:http → `handle`
 * (usually `rc.handleCallback`) → a Response. Refused callbacks answer 401 (unauthenticated) or 400.
 *
 * @example
 * ```ts
 * const receiver = await startCallbackReceiver((request) => rc.handleCallback(request));
 * emulator.callbacks.configure({ 'zego-rtc': { url: receiver.url, secret } });
 * ```
 */
export async function startCallbackReceiver<E extends RoomcastEvent>(
  handle: (request: Request) => Promise<E>,
  decide: (event: E) => Response = (event) => event.ack(),
): Promise<CallbackReceiver<E>> {
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
