/**
 * The default lifetime of the admin UserSig the client signs its REST calls with: one day.
 *
 * Why one day: the admin UserSig travels in the query string of every request, where proxies and
 * access logs may keep it, so a short lifetime bounds what a leaked URL is worth. Renewing is a
 * local HMAC (microseconds), and the client renews ahead of expiry, so a long lifetime buys nothing
 * for a server. One day is also the minimum Tencent recommends (its 70001 text asks for at least
 * 24 h), which leaves a wide margin for clock skew between this server and Tencent.
 */
export const DEFAULT_USER_SIG_TTL_SECONDS = 86_400;

/**
 * How long before expiry a cached UserSig is replaced: 10 % of its lifetime but at least one hour,
 * and never more than half the lifetime (so short test lifetimes still get reused). For the one-day
 * default that is 2.4 h, far beyond any plausible clock skew.
 */
export function renewalMarginSeconds(ttlSeconds: number): number {
  return Math.min(Math.max(Math.ceil(ttlSeconds * 0.1), 3600), Math.floor(ttlSeconds / 2));
}

/** What the cache needs: how to sign, for how long, and a clock. */
export interface UserSigCacheOptions {
  /** Signs a UserSig issued at `nowSeconds`; may be async (an edge build's WebCrypto). */
  generate(nowSeconds: number): string | Promise<string>;
  ttlSeconds: number;
  /** Milliseconds since the Unix epoch, like `Date.now`. */
  now(): number;
}

/** A self-renewing admin UserSig. */
export interface UserSigCache {
  /** The current UserSig, signing a new one when none is cached or renewal is due. */
  get(): Promise<string>;
  /**
   * Drops `stale` (the UserSig Tencent just rejected as expired) so the next `get` signs afresh.
   * Ignored when the cache already moved on, so concurrent rejections of one UserSig renew once.
   */
  invalidate(stale: string): void;
}

/**
 * Caches one UserSig and renews it ahead of expiry. Concurrent callers share one generation
 * (single flight); a failed generation is not cached. The client uses one for its admin UserSig.
 *
 * @example
 * ```ts
 * const cache = createUserSigCache({
 *   ttlSeconds: 86_400,
 *   now: Date.now,
 *   generate: (now) => genUserSig({ sdkAppId, secretKey, userId: 'administrator', expireSeconds: 86_400, now }),
 * });
 * const userSig = await cache.get();
 * ```
 */
export function createUserSigCache(options: UserSigCacheOptions): UserSigCache {
  const margin = renewalMarginSeconds(options.ttlSeconds);
  let current: { userSig: string; renewAt: number } | undefined;
  let inflight: Promise<string> | undefined;

  function nowSeconds(): number {
    return Math.floor(options.now() / 1000);
  }

  function get(): Promise<string> {
    const now = nowSeconds();
    if (current !== undefined && now < current.renewAt) return Promise.resolve(current.userSig);
    if (inflight !== undefined) return inflight;
    // Deferred by a microtask so `inflight` is set before `generate` runs, even when it throws.
    const pending = Promise.resolve()
      .then(() => options.generate(now))
      .then(
        (userSig) => {
          current = { userSig, renewAt: now + options.ttlSeconds - margin };
          inflight = undefined;
          return userSig;
        },
        (error: unknown) => {
          inflight = undefined;
          throw error;
        },
      );
    inflight = pending;
    return pending;
  }

  function invalidate(stale: string): void {
    if (current?.userSig === stale) current = undefined;
  }

  return { get, invalidate };
}
