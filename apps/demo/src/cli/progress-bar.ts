import type { SendProgress } from '@roomcast/core';

const WIDTH = 30;
const number = new Intl.NumberFormat('en-US');

/** `[██████████░░░░░░░░░░]  50%  500/1,000 recipients · 50 requests` */
export function renderBar(p: SendProgress): string {
  const ratio = p.total === 0 ? 1 : p.settled / p.total;
  const filled = Math.round(ratio * WIDTH);
  return `[${'█'.repeat(filled)}${'░'.repeat(WIDTH - filled)}] ${String(Math.round(ratio * 100)).padStart(3)}%  ${number.format(p.settled)}/${number.format(p.total)} recipients · ${number.format(p.attempts)} requests`;
}

/**
 * A progress bar on stderr. On a terminal it redraws in place; in a log (not a TTY) it prints
 * only the final bar, so CI output stays one line per send.
 */
export function createProgressBar(stream: NodeJS.WriteStream) {
  let last: SendProgress | undefined;
  let drawnAt = 0;
  return {
    update(p: SendProgress): void {
      last = p;
      const now = Date.now();
      if (stream.isTTY && now - drawnAt >= 80) {
        drawnAt = now;
        stream.write(`\r${renderBar(p)}`);
      }
    },
    finish(): void {
      if (last === undefined) return;
      stream.write(`${stream.isTTY ? '\r' : ''}${renderBar(last)}\n`);
    },
  };
}
