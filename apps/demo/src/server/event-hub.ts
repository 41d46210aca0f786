import type { ServerResponse } from 'node:http';

/**
 * The dashboard's one event stream (`GET /api/events`, Server-Sent Events). Events are queued and
 * written every `flushMs` in one chunk: a 1,000-user fan-out produces 1,000 deliveries in about a
 * second, and one write per event would cost more than the events themselves.
 */
export class EventHub {
  private readonly clients = new Set<ServerResponse>();
  private queue: string[] = [];
  private readonly flushTimer: NodeJS.Timeout;
  private readonly heartbeat: NodeJS.Timeout;

  constructor(flushMs = 50) {
    this.flushTimer = setInterval(() => this.flush(), flushMs);
    // Proxies and browsers drop idle streams; a comment line every 15 s keeps them open.
    this.heartbeat = setInterval(() => this.write(': keep-alive\n\n'), 15_000);
    this.flushTimer.unref();
    this.heartbeat.unref();
  }

  /** Queues one event for every connected client. */
  publish(type: string, data: unknown): void {
    if (this.clients.size === 0) return;
    this.queue.push(`event: ${type}\ndata: ${JSON.stringify(data)}\n\n`);
  }

  attach(res: ServerResponse): void {
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
    });
    res.write('retry: 1000\n\n');
    this.clients.add(res);
    res.on('close', () => this.clients.delete(res));
  }

  get size(): number {
    return this.clients.size;
  }

  private flush(): void {
    if (this.queue.length === 0) return;
    const chunk = this.queue.join('');
    this.queue = [];
    this.write(chunk);
  }

  private write(chunk: string): void {
    for (const res of this.clients) res.write(chunk);
  }

  close(): void {
    clearInterval(this.flushTimer);
    clearInterval(this.heartbeat);
    this.flush();
    for (const res of this.clients) res.end();
    this.clients.clear();
  }
}
