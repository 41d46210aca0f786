import type { RoomcastError, SendResult } from '@roomcast/core';

const number = new Intl.NumberFormat('en-US');
/** Beyond this many recipients, lists are summarized rather than printed one per line. */
const LIST_LIMIT = 20;

const plural = (n: number, word: string) => `${number.format(n)} ${word}${n === 1 ? '' : 's'}`;

/** "vendor code 50003 · request 6011…" — what a support ticket needs. */
export function errorFacts(error: RoomcastError): string {
  return [
    `vendor code ${error.providerCode ?? '—'}`,
    `request id ${error.requestId ?? '—'}`,
    ...(error.retryable ? ['retryable'] : []),
    ...(error.ambiguous ? ['ambiguous: the vendor may have acted'] : []),
  ].join(' · ');
}

function byCode(failed: SendResult['failed']): string {
  const counts = new Map<string, number>();
  for (const f of failed) counts.set(f.error.code, (counts.get(f.error.code) ?? 0) + 1);
  return [...counts].map(([code, n]) => `${code} ×${number.format(n)}`).join(', ');
}

/** Per-recipient outcomes, one per line for small sends, summarized for large ones. */
export function formatOutcomes(result: SendResult): string[] {
  const lines: string[] = [];
  if (result.accepted.length <= LIST_LIMIT)
    for (const userId of result.accepted) lines.push(`  ✓ ${userId}  accepted`);
  else {
    const first = result.accepted[0];
    const last = result.accepted[result.accepted.length - 1];
    lines.push(`  ✓ ${number.format(result.accepted.length)} recipients accepted (${first} … ${last})`);
  }
  for (const { userId, error } of result.failed.slice(0, LIST_LIMIT)) {
    lines.push(`  ✗ ${userId}  ${error.code} · ${errorFacts(error)}`, `      ${error.message}`);
  }
  if (result.failed.length > LIST_LIMIT) {
    lines.push(
      `  … and ${number.format(result.failed.length - LIST_LIMIT)} more failed (${byCode(result.failed.slice(LIST_LIMIT))})`,
    );
  }
  return lines;
}

export function formatResult(channel: string, result: SendResult): string {
  const lines = [
    `${channel}: ${result.status} · ${plural(result.accepted.length, 'recipient')} accepted, ${number.format(result.failed.length)} failed · ${plural(result.attempts, 'vendor request')} · ${Math.round(result.durationMs)} ms`,
    ...formatOutcomes(result),
  ];
  if (result.failed.length > 0) lines.push(`failed by code: ${byCode(result.failed)}`);
  if (result.messageIds.length > 0)
    lines.push(
      `message ids: ${result.messageIds.slice(0, 5).join(', ')}${result.messageIds.length > 5 ? ', …' : ''}`,
    );
  lines.push(
    `request ids: ${result.requestIds.slice(0, 5).join(', ') || '—'}${result.requestIds.length > 5 ? `, … (${result.requestIds.length})` : ''}`,
  );
  return `${lines.join('\n')}\n`;
}

export function formatError(channel: string, error: RoomcastError): string {
  const lines = [
    `${channel}: error ${error.code}`,
    `  ${error.message}`,
    `  ${error.provider ? `provider ${error.provider} · ` : ''}${error.operation ? `operation ${error.operation} · ` : ''}${errorFacts(error)}`,
  ];
  if (error.result && error.result.failed.length > 0) lines.push(...formatOutcomes(error.result));
  return `${lines.join('\n')}\n`;
}
