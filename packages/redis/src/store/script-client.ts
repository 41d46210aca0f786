/**
 * The two commands the rate-limit store needs. An ioredis `Redis` or `Cluster` fits as is; any
 * other client can be adapted in a few lines.
 */
export interface RedisScriptClient {
  evalsha(sha1: string, numkeys: number, ...args: (string | number)[]): Promise<unknown>;
  eval(script: string, numkeys: number, ...args: (string | number)[]): Promise<unknown>;
  /** ioredis's connection state; when present, a client that is reconnecting counts as down at once. */
  readonly status?: string;
  /** ioredis's events; when present, a call made while the client is still connecting waits for `ready`. */
  once?(event: 'ready', listener: () => void): unknown;
}
