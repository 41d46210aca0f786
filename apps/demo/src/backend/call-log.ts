import type { HttpHooks } from '@roomcast/core';

/** One vendor call as the dashboard's activity log shows it (redacted by core: no query, no secret). */
export type VendorCallEvent =
  | {
      type: 'response';
      provider: string;
      operation: string;
      attempt: number;
      httpStatus: number;
      providerCode: number | undefined;
      requestId: string | undefined;
      durationMs: number;
    }
  | { type: 'retry'; provider: string; operation: string; attempt: number; delayMs: number; code: string }
  | { type: 'error'; provider: string; operation: string; attempt: number; durationMs: number; code: string };

export type VendorCallListener = (event: VendorCallEvent) => void;

/**
 * Registry hooks that fan out to any number of listeners, so the server can stream vendor calls
 * (and retries) live while the CLI counts them.
 */
export function createCallLog(): { hooks: HttpHooks; subscribe(listener: VendorCallListener): () => void } {
  const listeners = new Set<VendorCallListener>();
  const emit = (event: VendorCallEvent) => {
    for (const listener of listeners) listener(event);
  };
  return {
    hooks: {
      onResponse: (r) =>
        emit({
          type: 'response',
          provider: r.provider,
          operation: r.operation,
          attempt: r.attempt,
          httpStatus: r.httpStatus,
          providerCode: r.providerCode,
          requestId: r.requestId,
          durationMs: Math.round(r.durationMs),
        }),
      onRetry: (r) =>
        emit({
          type: 'retry',
          provider: r.provider,
          operation: r.operation,
          attempt: r.attempt,
          delayMs: Math.round(r.delayMs),
          code: r.error.code,
        }),
      onError: (r) =>
        emit({
          type: 'error',
          provider: r.provider,
          operation: r.operation,
          attempt: r.attempt,
          durationMs: Math.round(r.durationMs),
          code: r.error.code,
        }),
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
