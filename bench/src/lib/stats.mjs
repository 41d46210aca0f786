// Summaries of repeated measurements: every figure is reported as min / median / max over rounds.

/** The value at quantile `q` (0..1) of an ascending array, nearest-rank. */
export function quantile(sorted, q) {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[index];
}

/** `{ min, median, max }` of a list of numbers (the median of an even count is the mean of the middle two). */
export function summarize(values) {
  const sorted = [...values].filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return { min: Number.NaN, median: Number.NaN, max: Number.NaN, n: 0 };
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  return { min: sorted[0], median, max: sorted[sorted.length - 1], n: sorted.length };
}

/** p50 and p99 of raw latencies in milliseconds. */
export function latencyPercentiles(latencies) {
  const sorted = Float64Array.from(latencies).sort();
  return { p50: quantile(sorted, 0.5), p99: quantile(sorted, 0.99) };
}

/** Rounds to `digits` significant decimals for JSON output. */
export function round(value, digits = 3) {
  if (!Number.isFinite(value)) return value;
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

/** Applies `round` to each field of a summary. */
export function roundSummary(summary, digits = 3) {
  return {
    min: round(summary.min, digits),
    median: round(summary.median, digits),
    max: round(summary.max, digits),
  };
}

/** Collects the same field from a list of per-round records and summarizes it. */
export function across(records, pick) {
  return summarize(records.map(pick));
}
