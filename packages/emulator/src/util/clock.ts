/** Milliseconds since the epoch; injectable so tests control signature windows and rate limits. */
export type Clock = () => number;

export function nowSeconds(clock: Clock): number {
  return Math.floor(clock() / 1000);
}
