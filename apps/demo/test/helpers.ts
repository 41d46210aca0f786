import { resolve } from 'node:path';
import { createDemoBackend, type DemoBackendOptions } from '../src/backend/backend.js';
import { createDemoServer } from '../src/server/app.js';

export const WEB_ROOT = resolve(import.meta.dirname, '../dist/web');
export const CLI = resolve(import.meta.dirname, '../dist/cli.js');

/** A demo server on a free loopback port, with its own embedded emulator. */
export async function startDemo(options: DemoBackendOptions = {}) {
  const backend = await createDemoBackend(options);
  const demo = createDemoServer({ backend, webRoot: WEB_ROOT });
  const port = await demo.listen(0, '127.0.0.1');
  const base = `http://127.0.0.1:${port}`;
  const call = async (method: string, path: string, body?: unknown) => {
    const init: RequestInit = { method };
    if (body !== undefined) {
      init.body = JSON.stringify(body);
      init.headers = { 'content-type': 'application/json' };
    }
    const response = await fetch(`${base}${path}`, init);
    // biome-ignore lint/suspicious/noExplicitAny: test assertions walk arbitrary JSON
    return { status: response.status, body: (await response.json()) as any };
  };
  return {
    base,
    backend,
    get: (path: string) => call('GET', path),
    post: (path: string, body: unknown) => call('POST', path, body),
    del: (path: string) => call('DELETE', path),
    close: () => demo.close(),
  };
}

export type Demo = Awaited<ReturnType<typeof startDemo>>;

/** Reads SSE events from the dashboard's stream until `until` returns true or the time runs out. */
export async function collectEvents(
  base: string,
  until: (events: { type: string; data: unknown }[]) => boolean,
  action: () => Promise<unknown>,
  timeoutMs = 10_000,
): Promise<{ type: string; data: unknown }[]> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  const response = await fetch(`${base}/api/events`, { signal: controller.signal });
  const events: { type: string; data: unknown }[] = [];
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  void action();
  try {
    while (!until(events)) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += value;
      let end = buffer.indexOf('\n\n');
      while (end !== -1) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const type = /^event: (.*)$/m.exec(block)?.[1];
        const data = /^data: (.*)$/m.exec(block)?.[1];
        if (type !== undefined && data !== undefined) events.push({ type, data: JSON.parse(data) });
        end = buffer.indexOf('\n\n');
      }
    }
  } catch (error) {
    if (!controller.signal.aborted) throw error;
  } finally {
    clearTimeout(timer);
    controller.abort();
  }
  return events;
}
