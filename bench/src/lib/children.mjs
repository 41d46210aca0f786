// Servers the benchmarks talk to, each in its own process: on a 2-core machine the client under
// test gets one core and the server the other, and process.cpuUsage() counts the client only.
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const serverPath = (name) => fileURLToPath(new URL(`../servers/${name}`, import.meta.url));

function forkReady(script, args) {
  const child = fork(serverPath(script), args, { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${script} did not start in 20 s`)), 20_000);
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`${script} exited early with ${code}`)));
    child.once('message', (message) => {
      clearTimeout(timer);
      child.removeAllListeners('exit');
      resolve({ child, info: message });
    });
  });
}

function stopChild(child) {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.disconnect();
  });
}

/** Starts the trivial responder (answers after `latencyMs`); resolves `{ url, connections(), stop() }`. */
export async function startResponderProcess({ latencyMs = 0 } = {}) {
  const { child, info } = await forkReady('responder.mjs', [String(latencyMs)]);
  return {
    url: info.url,
    /** Sockets the responder accepted so far. */
    connections: () =>
      new Promise((resolve) => {
        child.once('message', (message) => resolve(message.connections));
        child.send('stats');
      }),
    stop: () => stopChild(child),
  };
}

/**
 * Starts the emulator with `options` (startEmulator's). Resolves its URLs and credentials plus
 * `call(method, ...args)`, which runs `emulator[method](...args)` in the child and resolves the result.
 */
export async function startEmulatorProcess(options = {}) {
  const { child, info } = await forkReady('emulator-child.mjs', [JSON.stringify(options)]);
  let nextId = 1;
  const pending = new Map();
  child.on('message', ({ id, result, error }) => {
    const waiter = pending.get(id);
    if (!waiter) return;
    pending.delete(id);
    if (error) waiter.reject(new Error(error));
    else waiter.resolve(result);
  });
  return {
    ...info,
    call(method, ...args) {
      const id = nextId++;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        child.send({ id, method, args });
      });
    },
    stop: () => stopChild(child),
  };
}
