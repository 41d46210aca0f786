import { RoomcastError } from '@roomcast/core';

/** What {@link checkRedisRequirements} found. */
export interface RedisRequirements {
  /** Server version (`redis_version`, or Valkey's / Dragonfly's). */
  version: string;
  maxmemoryPolicy: string;
  /** Append-only file on: enqueued messages survive a Redis restart (with `appendfsync everysec`, all but ≤ 1 s). */
  aof: boolean;
  /** Settings that work but weaken a guarantee, each saying what to change. */
  warnings: string[];
}

/** The one client call needed: ioredis's `info()`. */
export interface InfoClient {
  info(): Promise<string>;
}

const MINIMUM_VERSION = [6, 2, 0];

/**
 * Checks that a Redis can hold an outbox, and throws `UNSUPPORTED` saying what to change if not:
 * `maxmemory-policy` must be `noeviction` (under memory pressure any other policy may evict a
 * queued message or a job's lock: a lost or repeated message), and the server at least 6.2.
 * A disabled append-only file only warns: durable across Redis restarts needs it.
 *
 * @example
 * ```ts
 * const { warnings } = await checkRedisRequirements(new Redis(process.env.REDIS_URL!));
 * for (const warning of warnings) logger.warn(warning);
 * ```
 */
export async function checkRedisRequirements(client: InfoClient): Promise<RedisRequirements> {
  const info = parseInfo(await client.info());
  const version = info.valkey_version ?? info.dragonfly_version ?? info.redis_version ?? '0.0.0';
  const maxmemoryPolicy = info.maxmemory_policy ?? 'unknown';
  const aof = info.aof_enabled === '1';
  if (maxmemoryPolicy !== 'noeviction') {
    throw new RoomcastError(
      'UNSUPPORTED',
      `Redis has maxmemory-policy ${maxmemoryPolicy}; the outbox needs noeviction, because any other policy may evict queued messages or job locks under memory pressure (a lost or repeated message). Run CONFIG SET maxmemory-policy noeviction and set it in redis.conf (or your provider's console), or give the outbox its own Redis`,
    );
  }
  if (compareVersions(version, MINIMUM_VERSION) < 0) {
    throw new RoomcastError(
      'UNSUPPORTED',
      `Redis ${version} is too old for the outbox (BullMQ); use ${MINIMUM_VERSION.join('.')} or newer`,
    );
  }
  const warnings: string[] = [];
  if (!aof) {
    warnings.push(
      'Redis has appendonly no: messages enqueued since the last snapshot are lost if Redis restarts. For durable delivery set appendonly yes (appendfsync everysec)',
    );
  }
  return { version, maxmemoryPolicy, aof, warnings };
}

function parseInfo(text: string): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const line of text.split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon > 0 && !line.startsWith('#')) fields[line.slice(0, colon)] = line.slice(colon + 1).trim();
  }
  return fields;
}

function compareVersions(version: string, minimum: readonly number[]): number {
  const parts = version.split('.').map((p) => Number.parseInt(p, 10) || 0);
  for (let i = 0; i < minimum.length; i++) {
    const difference = (parts[i] ?? 0) - minimum[i]!;
    if (difference !== 0) return difference;
  }
  return 0;
}
