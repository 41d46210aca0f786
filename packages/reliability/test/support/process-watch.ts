/**
 * Watches the process for what a library must never cause: unhandled promise rejections and
 * runtime warnings (a MaxListenersExceededWarning on an AbortSignal is a listener leak).
 */
export function watchProcess() {
  const unhandled: unknown[] = [];
  const warnings: string[] = [];
  const onUnhandled = (reason: unknown) => {
    unhandled.push(reason);
  };
  const onWarning = (warning: Error) => {
    warnings.push(`${warning.name}: ${warning.message}`);
  };
  process.on('unhandledRejection', onUnhandled);
  process.on('warning', onWarning);
  return {
    unhandled,
    warnings,
    stop() {
      process.off('unhandledRejection', onUnhandled);
      process.off('warning', onWarning);
    },
  };
}

/**
 * Heap in use after full collections (needs `--expose-gc`, which vitest.config.ts passes). Yields
 * between collections: fetch bodies and sockets are released by finalization callbacks, which run
 * only after a collection, on a later turn of the event loop.
 */
export async function heapAfterGc(): Promise<number> {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc === undefined) throw new Error('gc() is not exposed: run with --expose-gc (see vitest.config.ts)');
  for (let i = 0; i < 4; i++) {
    gc();
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  gc();
  return process.memoryUsage().heapUsed;
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
