import type { VendorId } from '../types.js';

/** Where a ZEGO product (RTC or ZIM) posts its callbacks, and the CallbackSecret it signs with. */
export interface ZegoCallbackTarget {
  /** The receiver's URL (loopback in tests). */
  url: string;
  /** The project's CallbackSecret. */
  secret: string;
}

/** Where Tencent posts Chat / Live callbacks, and the callback Token it signs with. */
export interface TrtcCallbackTarget {
  url: string;
  token: string;
}

/** Callback configuration per vendor (`startEmulator({ callbacks })`, `emu.callbacks.configure`). */
export interface CallbackTargets {
  'zego-rtc'?: ZegoCallbackTarget | undefined;
  'zego-zim'?: ZegoCallbackTarget | undefined;
  trtc?: TrtcCallbackTarget | undefined;
}

/** `startEmulator({ callbacks })`: targets plus how fast the vendors' schedules run. */
export interface CallbackOptions extends CallbackTargets {
  /**
   * Multiplies the vendors' retry delays (ZEGO: 2, 4, 8, 16, 32 s): `0.001` in tests makes the whole
   * chain take 62 ms. Default 1. Timeouts (ZIM before_send_msg 2.5 s, Tencent 2 s) are not scaled.
   */
  retryScale?: number | undefined;
}

/** One HTTP attempt the emulator made to a callback receiver. */
export interface CallbackAttempt {
  vendor: VendorId;
  /** ZEGO `event` or Tencent `CallbackCommand`. */
  event: string;
  /** 1 for the first try, 2 for the first retry… */
  attempt: number;
  /** Emulator clock (ms) when it was sent. */
  at: number;
  /** The HTTP status, when the receiver answered. */
  status?: number | undefined;
  /** Why the attempt failed without an HTTP status (timeout, connection refused). */
  error?: string | undefined;
  /** True when the vendor counts the attempt as a success (2xx; for before-hooks, a readable answer). */
  ok: boolean;
  /** The JSON body sent (signature included, as the vendor sends it). */
  body: string;
  /** The full URL posted to (Tencent's query carries Sign and RequestTime). */
  url: string;
  /** For before-send hooks: the JSON the receiver answered. */
  reply?: unknown;
}
