import { type Emulator, type StartEmulatorOptions, startEmulator } from '../../src/index.js';
import { makeUserSig, zegoCommonParams, zegoQuery } from './sign.js';

/** A settable clock for tests (ms). */
export function manualClock(startSeconds: number) {
  let ms = startSeconds * 1000;
  return {
    now: () => ms,
    set(seconds: number) {
      ms = seconds * 1000;
    },
    advance(msDelta: number) {
      ms += msDelta;
    },
  };
}

export async function json(
  response: Response,
): Promise<Record<string, unknown> & { Code?: number; ErrorCode?: number }> {
  return (await response.json()) as Record<string, unknown>;
}

/** Signed ZEGO RTC GET. */
export async function rtc(
  emu: Emulator,
  action: string,
  params: Record<string, string | number | string[] | undefined> = {},
  extra: {
    timestamp?: number;
    nonce?: string;
    common?: Record<string, string>;
    bracket?: 'raw' | 'encoded';
  } = {},
) {
  const common = {
    ...zegoCommonParams({ ...emu.credentials.zegoRtc, timestamp: extra.timestamp, nonce: extra.nonce }),
    ...extra.common,
  };
  const res = await fetch(`${emu.zegoRtcUrl}/${zegoQuery(action, common, params, extra.bracket)}`);
  return { status: res.status, body: await json(res) };
}

/** Signed ZEGO ZIM request: POST with a JSON body, or GET with query params. */
export async function zim(
  emu: Emulator,
  action: string,
  body: unknown,
  extra: { timestamp?: number; method?: 'GET' | 'POST'; params?: Record<string, string[] | string> } = {},
) {
  const common = zegoCommonParams({ ...emu.credentials.zegoZim, timestamp: extra.timestamp });
  const method = extra.method ?? 'POST';
  const res = await fetch(`${emu.zegoZimUrl}/${zegoQuery(action, common, extra.params ?? {})}`, {
    method,
    ...(method === 'POST'
      ? {
          headers: { 'content-type': 'application/json' },
          body: typeof body === 'string' ? body : JSON.stringify(body),
        }
      : {}),
  });
  return { status: res.status, body: await json(res) };
}

/** Signed Tencent POST. */
export async function trtc(
  emu: Emulator,
  command: string,
  body: unknown,
  extra: {
    nowSeconds?: number;
    query?: Record<string, string | undefined>;
    usersig?: string;
    method?: string;
    service?: string;
  } = {},
) {
  const app = emu.credentials.trtc;
  const usersig =
    extra.usersig ??
    makeUserSig({
      sdkAppId: app.sdkAppId,
      secretKey: app.secretKey,
      identifier: app.adminUserId,
      expire: 86400,
      time: extra.nowSeconds ?? Math.floor(Date.now() / 1000),
    });
  const query: Record<string, string | undefined> = {
    sdkappid: String(app.sdkAppId),
    identifier: app.adminUserId,
    usersig,
    random: String(Math.floor(Math.random() * 4294967295)),
    contenttype: 'json',
    ...extra.query,
  };
  const qs = Object.entries(query)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}=${encodeURIComponent(v!)}`)
    .join('&');
  const method = extra.method ?? 'POST';
  const res = await fetch(`${emu.trtcUrl}/v4/${extra.service ?? 'live_engine_http_srv'}/${command}?${qs}`, {
    method,
    ...(method === 'POST' ? { body: typeof body === 'string' ? body : JSON.stringify(body) } : {}),
  });
  return { status: res.status, body: await json(res) };
}

export function start(options: StartEmulatorOptions = {}): Promise<Emulator> {
  return startEmulator({ port: 0, host: '127.0.0.1', ...options });
}

export async function control(emu: Emulator, method: string, path: string, body?: unknown) {
  const res = await fetch(`${emu.url}/_emulator${path}`, {
    method,
    ...(body !== undefined
      ? { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }
      : {}),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}
