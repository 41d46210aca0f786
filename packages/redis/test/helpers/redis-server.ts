import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { Redis, type RedisOptions } from 'ioredis';

/** A throwaway redis-server on 127.0.0.1 for one test file. */
export interface TestRedis {
  port: number;
  url: string;
  /** A new client; closed by `stop()`. */
  client(options?: RedisOptions): Redis;
  /** Kills the server (SIGKILL: as abrupt as a crash) and waits for it to exit. */
  kill(): Promise<void>;
  /** Starts it again on the same port (empty: no persistence). */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

const BINARY = process.env.REDIS_SERVER ?? 'redis-server';

/**
 * Starts `redis-server --port <free port> --save '' --appendonly no` and waits until it answers.
 * A missing binary fails loudly: these tests need a real server and must not pass without one.
 */
export async function startRedis(extraArgs: string[] = []): Promise<TestRedis> {
  const port = await freePort();
  const clients: Redis[] = [];
  let child = await launch(port, extraArgs);
  const api: TestRedis = {
    port,
    url: `redis://127.0.0.1:${port}`,
    client(options: RedisOptions = {}) {
      const client = new Redis({ host: '127.0.0.1', port, ...options } as never);
      client.on('error', () => {
        // Expected while a test kills the server; commands report their own errors.
      });
      clients.push(client);
      return client;
    },
    async kill() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = once(child, 'exit');
      child.kill('SIGKILL');
      await exited;
    },
    async restart() {
      await api.kill();
      child = await launch(port, extraArgs);
    },
    async stop() {
      for (const client of clients) client.disconnect();
      await api.kill();
    },
  };
  return api;
}

async function launch(port: number, extraArgs: string[]): Promise<ChildProcess> {
  const args = [
    '--port',
    String(port),
    '--bind',
    '127.0.0.1',
    '--save',
    '',
    '--appendonly',
    'no',
    ...extraArgs,
  ];
  const child = spawn(BINARY, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  const failed = new Promise<never>((_, reject) => {
    child.once('error', (error: NodeJS.ErrnoException) => {
      reject(
        new Error(
          error.code === 'ENOENT'
            ? `redis-server not found (tried "${BINARY}"). Install it (apt-get install -y redis-server) or set REDIS_SERVER to its path: these tests need a real Redis.`
            : `could not start ${BINARY}: ${error.message}`,
        ),
      );
    });
    child.once('exit', (code) =>
      reject(new Error(`${BINARY} exited with ${code} before answering:\n${output}`)),
    );
  });
  failed.catch(() => {});
  await Promise.race([failed, waitForPing(port)]);
  child.removeAllListeners('exit');
  return child;
}

async function waitForPing(port: number): Promise<void> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const probe = new Redis({
      host: '127.0.0.1',
      port,
      lazyConnect: true,
      retryStrategy: () => null,
      maxRetriesPerRequest: 0,
    });
    probe.on('error', () => {});
    try {
      await probe.connect();
      if ((await probe.ping()) === 'PONG') return;
    } catch {
      if (Date.now() > deadline) throw new Error(`redis-server on port ${port} did not answer within 10 s`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    } finally {
      probe.disconnect();
    }
  }
}

async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  server.close();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}
