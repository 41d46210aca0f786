import type { ServerResponse } from 'node:http';
import { type DeliveryFilter, type DeliveryLog, matchesDelivery } from '../state/deliveries.js';

const HEARTBEAT_MS = 15_000;

/** Server-sent events of deliveries, one stream per subscriber, filtered by vendor/room/user. */
export class DeliveryStreams {
  private readonly open = new Set<ServerResponse>();

  constructor(private readonly deliveries: DeliveryLog) {}

  attach(res: ServerResponse, filter: DeliveryFilter): void {
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache',
      connection: 'keep-alive',
      'access-control-allow-origin': '*',
    });
    res.write(`retry: 2000\n: connected\n\n`);
    const unsubscribe = this.deliveries.subscribe((delivery) => {
      if (!matchesDelivery(delivery, filter)) return;
      res.write(`id: ${delivery.id}\nevent: delivery\ndata: ${JSON.stringify(delivery)}\n\n`);
    });
    const heartbeat = setInterval(() => res.write(': ping\n\n'), HEARTBEAT_MS);
    heartbeat.unref();
    this.open.add(res);
    res.on('close', () => {
      clearInterval(heartbeat);
      unsubscribe();
      this.open.delete(res);
    });
  }

  closeAll(): void {
    for (const res of this.open) res.end();
    this.open.clear();
  }
}
