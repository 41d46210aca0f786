const number = new Intl.NumberFormat('en-US');

export const count = (n: number): string => number.format(n);

export const ms = (value: number): string =>
  value >= 1_000 ? `${(value / 1_000).toFixed(2)} s` : `${Math.round(value)} ms`;

export const bytes = (n: number): string => `${number.format(n)} B`;

export const clock = (at: number): string => new Date(at).toLocaleTimeString('en-GB', { hour12: false });

/** A quota as people say it: "100 req/s". */
export function rate(limit: number, intervalMs: number): string {
  return intervalMs === 1_000 ? `${count(limit)} req/s` : `${count(limit)} req / ${ms(intervalMs)}`;
}
