import { RoomcastError } from '../errors/roomcast-error.js';

/** Waits `ms` milliseconds; rejects with `ABORTED` as soon as `signal` aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  if (signal?.aborted) return Promise.reject(abortError(signal));
  if (ms <= 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortError(signal));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** The `ABORTED` error for a signal, keeping a caller's reason as the cause. */
export function abortError(signal?: AbortSignal, provider?: string): RoomcastError {
  return new RoomcastError('ABORTED', 'The send was aborted by the caller before this request was made', {
    provider,
    cause: signal?.reason,
  });
}
