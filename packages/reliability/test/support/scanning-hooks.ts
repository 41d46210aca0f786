import type { HttpHooks, RoomcastError, SendResult } from '@roomcast/core';
import type { SecretScanner } from './secret-scanner.js';

/**
 * Hooks that do what a production logger does with every payload (serialize it into a log line)
 * and scan both the payload and the line for secrets.
 */
export function scanningHooks(scanner: SecretScanner, log: (line: string) => void = () => {}): HttpHooks {
  const record = (hook: string) => (payload: object) => {
    const line = `${hook} ${JSON.stringify(payload)}`;
    log(line);
    scanner.scan(`${hook} log line`, line);
    scanner.scan(`${hook} payload`, payload);
  };
  return {
    onRequest: record('onRequest'),
    onResponse: record('onResponse'),
    onRetry: record('onRetry'),
    onError: record('onError'),
  };
}

/** Scans a send's outcome: the result (as a logger would print it) and each distinct error once. */
export function scanOutcome(
  scanner: SecretScanner,
  where: string,
  outcome: { result?: SendResult | undefined; error?: unknown },
): void {
  const errors = new Set<unknown>();
  if (outcome.error !== undefined) errors.add(outcome.error);
  const result = outcome.result ?? (outcome.error as RoomcastError | undefined)?.result;
  for (const failure of result?.failed ?? []) errors.add(failure.error);
  for (const error of errors) scanner.scan(`${where} error`, error);
  if (outcome.result !== undefined) scanner.scan(`${where} result`, JSON.stringify(outcome.result));
}
