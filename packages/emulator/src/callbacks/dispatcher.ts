import { randomInt } from 'node:crypto';
import type { VendorId } from '../types.js';
import type { Clock } from '../util/clock.js';
import type {
  CallbackAttempt,
  CallbackOptions,
  CallbackTargets,
  TrtcCallbackTarget,
  ZegoCallbackTarget,
} from './types.js';
import { tencentCallbackSign, toVendorJson, zegoCallbackSignature } from './wire.js';

/** ZEGO after-event retries: 2, 4, 8, 16 and 32 s after the previous attempt, then dropped. */
export const ZEGO_RETRY_DELAYS_MS = [2000, 4000, 8000, 16_000, 32_000] as const;
/** ZEGO gives no timeout for after-events; the emulator allows 5 s. */
const ZEGO_AFTER_TIMEOUT_MS = 5000;
/** ZIM before_send_msg: 2.5 s, one immediate retry. */
const ZIM_BEFORE_TIMEOUT_MS = 2500;
/** Tencent: 2 s, before-callbacks never retried. */
const TENCENT_TIMEOUT_MS = 2000;

interface PostResult {
  status?: number;
  error?: string;
  text?: string;
}

/**
 * Sends vendor callbacks to the configured receivers, signed and retried like each vendor.
 * After-events run in the background (see {@link idle}); before-send hooks are awaited.
 */
export class CallbackDispatcher {
  private targets: CallbackTargets;
  private readonly retryScale: number;
  private readonly pending = new Set<Promise<void>>();
  readonly attempts: CallbackAttempt[] = [];
  private readonly listeners = new Set<(attempt: CallbackAttempt) => void>();

  constructor(
    private readonly clock: Clock,
    private readonly tencentAppId: () => number,
    options: CallbackOptions = {},
  ) {
    const { retryScale, ...targets } = options;
    this.targets = targets;
    this.retryScale = retryScale ?? 1;
  }

  configure(vendor: VendorId, target: ZegoCallbackTarget | TrtcCallbackTarget | undefined): void {
    this.targets = { ...this.targets, [vendor]: target };
  }

  target(vendor: VendorId): ZegoCallbackTarget | TrtcCallbackTarget | undefined {
    return this.targets[vendor];
  }

  isConfigured(vendor: VendorId): boolean {
    return this.targets[vendor] !== undefined;
  }

  subscribe(listener: (attempt: CallbackAttempt) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Resolves when every background callback (with its retries) has finished. */
  async idle(): Promise<void> {
    while (this.pending.size > 0) await Promise.allSettled([...this.pending]);
  }

  clear(): void {
    this.attempts.length = 0;
  }

  /** An after-event from a ZEGO product: 2xx is success; else 5 retries at 2/4/8/16/32 s (scaled). */
  zegoAfter(vendor: 'zego-rtc' | 'zego-zim', fields: Record<string, unknown>): void {
    const target = this.targets[vendor];
    if (target === undefined) return;
    this.track(async () => {
      for (let attempt = 1; attempt <= ZEGO_RETRY_DELAYS_MS.length + 1; attempt++) {
        const result = await this.postZego(vendor, target, fields, attempt, ZEGO_AFTER_TIMEOUT_MS);
        if (result.ok) return;
        const delay = ZEGO_RETRY_DELAYS_MS[attempt - 1];
        if (delay === undefined) return; // the 5th retry failed: ZEGO drops the callback
        await new Promise((resolve) => setTimeout(resolve, delay * this.retryScale));
      }
    });
  }

  /**
   * ZIM `before_send_msg`: 2.5 s, one immediate retry. Returns the `result` (0–3), or `undefined`
   * when no receiver is configured or both attempts failed (ZIM then does not send: fail-closed).
   */
  async zimBefore(
    fields: Record<string, unknown>,
  ): Promise<{ result: number | undefined; configured: boolean }> {
    const target = this.targets['zego-zim'];
    if (target === undefined) return { result: undefined, configured: false };
    for (let attempt = 1; attempt <= 2; attempt++) {
      const result = await this.postZego('zego-zim', target, fields, attempt, ZIM_BEFORE_TIMEOUT_MS, true);
      if (result.ok) {
        const n = (result.reply as { result?: unknown } | undefined)?.result;
        return { result: typeof n === 'number' && Number.isInteger(n) ? n : 0, configured: true };
      }
    }
    return { result: undefined, configured: true };
  }

  /** A Tencent after-callback: one attempt (retries are off by default in the console). */
  trtcAfter(command: string, body: Record<string, unknown>): void {
    const target = this.targets.trtc;
    if (target === undefined) return;
    this.track(async () => {
      await this.postTencent(target, command, body, false);
    });
  }

  /**
   * `Group.CallbackBeforeSendMsg`: 2 s, never retried. Returns the parsed answer, or `undefined`
   * when no receiver is configured or it failed (Tencent then delivers: fail-open).
   */
  async trtcBefore(body: Record<string, unknown>): Promise<Record<string, unknown> | undefined> {
    const target = this.targets.trtc;
    if (target === undefined) return undefined;
    const result = await this.postTencent(target, 'Group.CallbackBeforeSendMsg', body, true);
    return result.ok ? (result.reply as Record<string, unknown>) : undefined;
  }

  private track(run: () => Promise<void>): void {
    const promise = run().finally(() => this.pending.delete(promise));
    this.pending.add(promise);
  }

  private async postZego(
    vendor: VendorId,
    target: ZegoCallbackTarget,
    fields: Record<string, unknown>,
    attempt: number,
    timeoutMs: number,
    wantsReply = false,
  ) {
    // Each attempt is signed afresh (ZEGO does not say; a fresh timestamp keeps retries inside windows).
    const timestamp = Math.floor(this.clock() / 1000);
    const nonce = String(randomInt(1, 2 ** 47));
    const signature = zegoCallbackSignature(target.secret, String(timestamp), nonce);
    // RTC room events send timestamp as a number, login/stream events as a string: keep the field's type.
    const signedTimestamp = typeof fields.timestamp === 'string' ? String(timestamp) : timestamp;
    const body = toVendorJson({ ...fields, timestamp: signedTimestamp, nonce, signature });
    return this.post(vendor, String(fields.event), target.url, body, attempt, timeoutMs, wantsReply);
  }

  private async postTencent(
    target: TrtcCallbackTarget,
    command: string,
    fields: Record<string, unknown>,
    wantsReply: boolean,
  ) {
    const requestTime = String(Math.floor(this.clock() / 1000));
    const query = new URLSearchParams({
      SdkAppid: String(this.tencentAppId()),
      CallbackCommand: command,
      contenttype: 'json',
      ClientIP: '127.0.0.1',
      OptPlatform: 'RESTAPI',
      Sign: tencentCallbackSign(target.token, requestTime),
      RequestTime: requestTime,
    });
    const url = `${target.url}${target.url.includes('?') ? '&' : '?'}${query}`;
    const body = toVendorJson({ CallbackCommand: command, ...fields });
    // Tencent counts a non-JSON answer as a failure, for after- and before-callbacks alike.
    return this.post('trtc', command, url, body, 1, TENCENT_TIMEOUT_MS, wantsReply, true);
  }

  private async post(
    vendor: VendorId,
    event: string,
    url: string,
    body: string,
    attempt: number,
    timeoutMs: number,
    wantsReply: boolean,
    needsJson = false,
  ): Promise<{ ok: boolean; reply?: unknown }> {
    const entry: CallbackAttempt = { vendor, event, attempt, at: this.clock(), ok: false, body, url };
    const result = await send(url, body, timeoutMs);
    if (result.status !== undefined) entry.status = result.status;
    if (result.error !== undefined) entry.error = result.error;
    let reply: unknown;
    let ok = result.status !== undefined && result.status >= 200 && result.status < 300;
    if (ok && (wantsReply || needsJson)) {
      try {
        reply = JSON.parse(result.text ?? '');
        ok = typeof reply === 'object' && reply !== null;
      } catch {
        ok = false;
      }
    }
    entry.ok = ok;
    if (reply !== undefined) entry.reply = reply;
    this.attempts.push(entry);
    for (const listener of this.listeners) listener(entry);
    return reply === undefined ? { ok } : { ok, reply };
  }
}

async function send(url: string, body: string, timeoutMs: number): Promise<PostResult> {
  try {
    const response = await fetch(url, {
      method: 'POST',
      body,
      headers: { 'content-type': 'application/json' },
      signal: AbortSignal.timeout(timeoutMs),
    });
    return { status: response.status, text: await response.text() };
  } catch (error) {
    const name = (error as Error).name;
    return { error: name === 'TimeoutError' ? `no answer within ${timeoutMs} ms` : (error as Error).message };
  }
}
