import type { VendorId } from '../types.js';
import type { LimitTable } from './limits.js';
import { TokenBucket, WindowCounter } from './token-bucket.js';

/** Which limit refused a request; each vendor answers a different code for each. */
export type LimitVerdict = 'ok' | 'app' | 'room' | 'day';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Keyed buckets for every (vendor, app, environment, Action[, room]) scope. */
export class RateLimiter {
  private readonly buckets = new Map<string, TokenBucket>();
  private readonly windows = new Map<string, WindowCounter>();

  constructor(private readonly table: LimitTable) {}

  /** The per-AppID checks, done before the parameters are read. */
  takeApp(vendor: VendorId, action: string, appKey: string, test: boolean, nowMs: number): LimitVerdict {
    const limit = this.table[vendor][action];
    if (!limit) return 'ok';
    const perSecond = test ? (limit.perSecondTest ?? limit.perSecond) : limit.perSecond;
    const env = test ? 'test' : 'prod';
    if (perSecond !== undefined && !this.bucket(`${vendor}|${appKey}|${env}|${action}`, perSecond, nowMs)) {
      return 'app';
    }
    if (limit.perDay !== undefined) {
      const key = `${vendor}|${appKey}|${env}|${action}|day`;
      let window = this.windows.get(key);
      if (!window) {
        window = new WindowCounter(limit.perDay, DAY_MS);
        this.windows.set(key, window);
      }
      if (!window.take(nowMs)) return 'day';
    }
    return 'ok';
  }

  /** The per-room (or per-group) check, done once the room id is known. `scope` lets Actions share one. */
  takeRoom(vendor: VendorId, action: string, scope: string, roomId: string, nowMs: number): LimitVerdict {
    const perRoom = this.table[vendor][action]?.perRoomPerSecond;
    if (perRoom === undefined) return 'ok';
    return this.bucket(`${vendor}|room|${scope}|${roomId}`, perRoom, nowMs) ? 'ok' : 'room';
  }

  reset(): void {
    this.buckets.clear();
    this.windows.clear();
  }

  private bucket(key: string, perSecond: number, nowMs: number): boolean {
    let bucket = this.buckets.get(key);
    if (!bucket) {
      bucket = new TokenBucket(perSecond, nowMs);
      this.buckets.set(key, bucket);
    }
    return bucket.take(nowMs);
  }
}
