/** Rates over a sliding one-second window, from cumulative counters sampled as progress arrives. */
export function createThroughput(windowMs = 1_000) {
  const samples: { at: number; requests: number; recipients: number }[] = [];
  return {
    record(at: number, requests: number, recipients: number): void {
      samples.push({ at, requests, recipients });
      while (samples.length > 2 && at - samples[0]!.at > windowMs) samples.shift();
    },
    rates(now: number): { requestsPerSecond: number; recipientsPerSecond: number } {
      const first = samples[0];
      const last = samples[samples.length - 1];
      if (first === undefined || last === undefined || last === first) {
        return { requestsPerSecond: 0, recipientsPerSecond: 0 };
      }
      // Span at least 100 ms so a burst of back-to-back answers does not read as thousands per second.
      const seconds = Math.max(now - first.at, 100) / 1_000;
      return {
        requestsPerSecond: Math.round((last.requests - first.requests) / seconds),
        recipientsPerSecond: Math.round((last.recipients - first.recipients) / seconds),
      };
    },
  };
}
