import type { FaultKind } from '../faults/rules.js';
import type { VendorId } from '../types.js';

/** One vendor request the emulator received. */
export interface RequestLogEntry {
  /** Increasing from 1 (reset restarts it). */
  id: number;
  vendor: VendorId;
  /** The ZEGO Action, or the Tencent command (`send_custom_msg`); `''` when missing. */
  action: string;
  method: string;
  /** Arrival time, from the emulator clock (ms). */
  at: number;
  /** HTTP status sent; `null` while pending or when no answer was sent (timeout, reset). */
  httpStatus: number | null;
  /** The vendor return code (ZEGO `Code`, Tencent `ErrorCode`); `null` when no vendor answer was sent. */
  code: number | null;
  /** The per-request credential: ZEGO `SignatureNonce`, Tencent `random`. */
  credential: string | null;
  /** The vendor RequestId of the answer, if one was sent. */
  requestId: string | null;
  /** The room the request named, when it named one. */
  roomId?: string | undefined;
  /** The injected fault that hit this request, if any. */
  fault?: FaultKind | undefined;
}

export interface RequestFilter {
  vendor?: VendorId | undefined;
  action?: string | undefined;
}

/** The request log. Bounded: the oldest entries go first once `maxEntries` is passed. */
export class RequestLog {
  private entries: RequestLogEntry[] = [];
  private nextId = 1;
  private total = 0;

  constructor(private readonly maxEntries: number) {}

  open(fields: Omit<RequestLogEntry, 'id' | 'httpStatus' | 'code' | 'requestId'>): RequestLogEntry {
    const entry: RequestLogEntry = {
      id: this.nextId++,
      httpStatus: null,
      code: null,
      requestId: null,
      ...fields,
    };
    this.entries.push(entry);
    this.total++;
    // Trim in chunks so a long benchmark does not pay an O(n) shift per request.
    if (this.entries.length > this.maxEntries * 1.1) this.entries = this.entries.slice(-this.maxEntries);
    return entry;
  }

  list(filter?: RequestFilter): RequestLogEntry[] {
    const out: RequestLogEntry[] = [];
    for (const e of this.entries) {
      if (filter?.vendor !== undefined && e.vendor !== filter.vendor) continue;
      if (filter?.action !== undefined && e.action !== filter.action) continue;
      out.push({ ...e });
    }
    return out;
  }

  /** Requests received since the last reset, including any trimmed from the log. */
  count(): number {
    return this.total;
  }

  clear(): void {
    this.entries = [];
    this.nextId = 1;
    this.total = 0;
  }
}
