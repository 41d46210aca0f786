import type { RoomcastErrorCode } from '@roomcast/core';

/** What a ZEGO return code means for a caller, as data. */
export interface ZegoCodeInfo {
  /** The roomcast code callers branch on. */
  code: RoomcastErrorCode;
  /** True when the same request can be sent again safely: ZEGO certainly did not act. */
  retryable: boolean;
  /** What the code means and what to do about it. */
  message: string;
  /** True when ZEGO may have acted before failing (never retried by default). */
  ambiguous?: boolean;
}
