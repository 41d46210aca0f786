import type { SendOptions, SendResult } from '@roomcast/core';
import type { DemoRegistry } from './backend.js';

/**
 * Sends to a channel chosen at run time (from a form or a command line). The registry's typed
 * `send` wants a literal channel id; here the id and message come as data and core validates both
 * (unknown alias or kind, missing fields, sizes), so the cast gives up nothing at run time.
 */
export function sendDynamic(
  rc: DemoRegistry,
  channel: string,
  message: unknown,
  options?: SendOptions,
): Promise<SendResult> {
  return rc.send(channel as never, message as never, options);
}
