import type { VendorId } from '@roomcast/emulator';
import type { SecretScanner } from './secret-scanner.js';

/** One vendor request as it left this process. */
export interface WireRequest {
  vendor: VendorId;
  /** ZEGO Action or Tencent command. */
  action: string;
  /** The per-request value the emulator logs: ZEGO `SignatureNonce`, Tencent `random`. */
  credential: string;
  /** The campaign send this request carried (from the `[m:<n>]` marker in the payload), if any. */
  marker: number | undefined;
  /** First listed recipient: tells the batches of one send apart (`room` for whole-room requests). */
  batchKey: string;
  /**
   * What the client got back: a readable answer (a JSON body below HTTP 500), an unreadable one
   * (5xx, not JSON), or nothing (timeout, reset, abort). Set once the exchange ends.
   */
  answer?: 'readable' | 'unreadable' | 'lost' | undefined;
}

/** True when the client cannot know whether the vendor acted on this request. */
export function clientCannotTell(request: WireRequest): boolean {
  return request.answer !== 'readable';
}

/** The marker every campaign payload carries, so requests and deliveries map back to their send. */
export function markerOf(text: string): number | undefined {
  const match = /\[m:(\d+)\]/.exec(text);
  return match ? Number(match[1]) : undefined;
}

export function withMarker(id: number, text: string): string {
  return `[m:${id}] ${text}`;
}

/**
 * A `fetch` for every provider under test: forwards to the real one (real HTTP to the emulator) and,
 * before sending, reads the request the way only the wire shows it. It hands every ZEGO `Signature`
 * and Tencent `usersig` to the secret scanner (they exist nowhere else), and reports which send and
 * batch each request belongs to.
 */
export function recordingFetch(
  scanner: SecretScanner,
  onRequest?: (request: WireRequest) => void,
): typeof fetch {
  const recording = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init);
    const url = new URL(request.url);
    const body = request.method === 'POST' ? await request.clone().text() : '';
    const wire = readWire(url, body);
    const signature = url.searchParams.get('Signature');
    if (signature) scanner.addSignature(signature);
    const userSig = url.searchParams.get('usersig');
    if (userSig) scanner.addSecret(userSig, 'UserSig');
    if (wire && onRequest) onRequest(wire);
    let response: Response;
    let text: string;
    try {
      response = await fetch(request);
      // Read the body here, under the caller's signal, to learn whether the answer arrived whole.
      text = await response.text();
    } catch (error) {
      if (wire) wire.answer = 'lost';
      throw error;
    }
    if (wire) {
      // The client may give up (its timeout fires) while the body is still being read: then the
      // answer arrived, but too late to count.
      if (request.signal.aborted) wire.answer = 'lost';
      else wire.answer = response.status < 500 && isJson(text) ? 'readable' : 'unreadable';
    }
    return new Response(text, {
      status: response.status,
      statusText: response.statusText,
      headers: response.headers,
    });
  };
  return recording as typeof fetch;
}

function readWire(url: URL, body: string): WireRequest | undefined {
  const q = url.searchParams;
  if (url.pathname.startsWith('/zego-rtc')) {
    const to = q.getAll('ToUserId[]');
    return {
      vendor: 'zego-rtc',
      action: q.get('Action') ?? '',
      credential: q.get('SignatureNonce') ?? '',
      marker: markerOf(q.get('MessageContent') ?? ''),
      batchKey: to[0] ?? 'room',
    };
  }
  if (url.pathname.startsWith('/zego-zim')) {
    const json = parseObject(body);
    const message = (json.MessageBody as { Message?: unknown } | undefined)?.Message;
    const to = Array.isArray(json.ToUserId) ? (json.ToUserId as unknown[]) : [];
    return {
      vendor: 'zego-zim',
      action: q.get('Action') ?? '',
      credential: q.get('SignatureNonce') ?? '',
      marker: typeof message === 'string' ? markerOf(message) : undefined,
      batchKey: typeof to[0] === 'string' ? to[0] : 'room',
    };
  }
  if (url.pathname.startsWith('/trtc')) {
    const json = parseObject(body);
    const text = typeof json.Data === 'string' ? json.Data : json.TextContent;
    return {
      vendor: 'trtc',
      action: url.pathname.split('/').at(-1) ?? '',
      credential: q.get('random') ?? '',
      marker: typeof text === 'string' ? markerOf(text) : undefined,
      batchKey: 'room',
    };
  }
  return undefined;
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

function parseObject(text: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}
