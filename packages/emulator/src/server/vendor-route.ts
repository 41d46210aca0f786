import type { IncomingMessage, ServerResponse } from 'node:http';
import type { EmulatorContext, VendorAnswer, VendorHandler, VendorRequest } from '../context.js';
import { sendHtmlError, sendJson, sendMalformed } from './respond.js';

/**
 * Serves one vendor request: log it, apply a transport fault if one hits, run the handler, answer.
 * The order mirrors the real path: network (faults) → gateway (auth) → business.
 */
export async function serveVendor(
  ctx: EmulatorContext,
  handler: VendorHandler,
  request: VendorRequest,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const identified = handler.identify(request);
  const entry = ctx.log.open({
    vendor: handler.vendor,
    action: identified.action,
    method: request.method,
    at: ctx.clock(),
    credential: identified.credential,
  });
  const fault = ctx.faults.take(handler.vendor, identified.action, 'transport');
  if (fault) entry.fault = fault.kind;

  const run = async (): Promise<VendorAnswer> => {
    // Async only where a before-send callback is awaited (Tencent messages).
    const answer = await handler.handle(request, identified);
    entry.requestId = answer.requestId;
    if (answer.roomId !== undefined) entry.roomId = answer.roomId;
    if (answer.fault !== undefined) entry.fault = answer.fault;
    return answer;
  };

  switch (fault?.kind) {
    case 'latency':
      await new Promise((resolve) => setTimeout(resolve, fault.ms));
      break;
    case 'timeout':
      if (fault.afterProcessing) await run();
      // Never answer: the socket stays open until the client gives up or the emulator closes.
      return;
    case 'reset':
      if (fault.afterProcessing) await run();
      req.socket.destroy();
      return;
    case 'http':
      if (fault.afterProcessing) await run();
      entry.httpStatus = fault.status;
      sendHtmlError(res, fault.status);
      return;
    case 'malformed':
      if (fault.afterProcessing) await run();
      entry.httpStatus = 200;
      sendMalformed(res, handler.malformedPrefix);
      return;
    default:
      break;
  }
  if (res.destroyed) return;
  const answer = await run();
  if (res.destroyed) return;
  entry.code = answer.code;
  entry.httpStatus = 200;
  sendJson(res, 200, answer.body);
}
