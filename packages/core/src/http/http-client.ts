import ky from 'ky';
import { RoomcastError } from '../errors/roomcast-error.js';
import { safeUrl } from '../errors/sanitize.js';
import { describeType } from '../validation/checks.js';
import { joinUrl, resolveBaseUrl } from './base-url.js';
import { classifyTransportFailure } from './classify-failure.js';
import { callHook, type HttpHooks, type RequestInfo } from './hooks.js';
import { parseRetryAfter } from './retry-after.js';

/** Default per-attempt timeout; above the 3 s backend timeout Tencent documents. */
export const DEFAULT_TIMEOUT_MS = 10_000;

/** How one vendor client talks HTTP. */
export interface HttpClientConfig {
  /** Provider id for errors and hooks, e.g. `zego-rtc`. */
  provider: string;
  /** Package name and version for the `User-Agent` (`roomcast/@roomcast/zego-rtc@0.1.0`). */
  packageName: string;
  packageVersion: string;
  /** The vendor origin (or emulator URL); https only except on loopback. */
  baseUrl: string;
  /** A `fetch` to use instead of the global one (tests, proxies, edge runtimes). */
  fetch?: typeof fetch | undefined;
  /** Per-attempt timeout in milliseconds. Default {@link DEFAULT_TIMEOUT_MS}. */
  timeoutMs?: number | undefined;
  /** Hooks used when a call brings none of its own. */
  hooks?: HttpHooks | undefined;
}

/** What the vendor's body says about itself, for hooks and errors. */
export interface BodySummary {
  requestId?: string | undefined;
  providerCode?: number | undefined;
}

/** One HTTP exchange with a vendor. */
export interface HttpRequest {
  /** Vendor operation for errors and hooks (`SendCustomCommand`). */
  operation: string;
  method: 'GET' | 'POST';
  /** Path below the base URL (`/`, `/v4/live_engine_http_srv/send_custom_msg`). */
  path: string;
  /** The query string, already encoded by the vendor client (its encoding rules are vendor facts). */
  query: string;
  /** JSON body for POST. */
  json?: unknown;
  signal?: AbortSignal | undefined;
  timeoutMs?: number | undefined;
  attempt?: number | undefined;
  /** Hooks for this call (the registry's), instead of the client's. */
  hooks?: HttpHooks | undefined;
  /** Reads the vendor's request id and return code from a parsed body. */
  summarize?: ((body: unknown) => BodySummary) | undefined;
}

/** A parsed vendor answer. */
export interface HttpResponse {
  httpStatus: number;
  /** The parsed JSON body. */
  body: unknown;
  durationMs: number;
  requestId: string | undefined;
}

/** The shared HTTP layer of every vendor client. */
export interface HttpClient {
  readonly baseUrl: string;
  request(request: HttpRequest): Promise<HttpResponse>;
}

/**
 * Creates the HTTP layer a vendor client sends through: ky as transport (timeouts, abort,
 * injectable fetch), no retries of its own (core owns the one retry policy), JSON parsing failures
 * and non-2xx answers as typed errors, redacted hooks with timings.
 *
 * @example
 * ```ts
 * const http = createHttpClient({ provider: 'acme', packageName: '@acme/roomcast', packageVersion: '1.0.0',
 *   baseUrl: 'https://api.acme.example' });
 * const { body } = await http.request({ operation: 'Send', method: 'POST', path: '/send', query: '', json: {} });
 * ```
 */
export function createHttpClient(config: HttpClientConfig): HttpClient {
  const baseUrl = resolveBaseUrl(config.baseUrl, config.provider);
  const provider = config.provider;
  const instance = ky.create({
    retry: 0,
    throwHttpErrors: false,
    headers: { 'user-agent': `roomcast/${config.packageName}@${config.packageVersion}` },
    ...(config.fetch ? { fetch: config.fetch } : {}),
  });

  async function request(req: HttpRequest): Promise<HttpResponse> {
    const hooks = req.hooks ?? config.hooks;
    const timeoutMs = req.timeoutMs ?? config.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const url = joinUrl(baseUrl, req.path, req.query);
    const info: RequestInfo = {
      provider,
      operation: req.operation,
      method: req.method,
      url: safeUrl(url) ?? baseUrl,
      attempt: req.attempt ?? 1,
    };
    checkCallOptions(req, provider);
    if (req.signal?.aborted) {
      throw new RoomcastError('ABORTED', `${req.operation} was aborted before it was sent`, {
        provider,
        operation: req.operation,
        cause: req.signal.reason,
      });
    }
    callHook(hooks?.onRequest, info);
    const started = performance.now();
    let response: Response;
    let text: string;
    try {
      response = await instance(url, {
        method: req.method,
        timeout: timeoutMs,
        ...(req.json !== undefined ? { json: req.json } : {}),
        ...(req.signal ? { signal: req.signal } : {}),
      });
      text = await response.text();
    } catch (error) {
      throw classifyTransportFailure(error, {
        provider,
        operation: req.operation,
        timeoutMs,
        signal: req.signal,
      });
    }
    const durationMs = performance.now() - started;
    const parsed = parseJson(text);
    const summary = parsed.ok && req.summarize ? safeSummary(req.summarize, parsed.value) : {};
    callHook(hooks?.onResponse, {
      ...info,
      httpStatus: response.status,
      durationMs,
      requestId: summary.requestId,
      providerCode: summary.providerCode,
    });
    const base = {
      provider,
      operation: req.operation,
      httpStatus: response.status,
      requestId: summary.requestId,
    };
    if (response.status === 429) {
      throw new RoomcastError(
        'RATE_LIMITED',
        `${req.operation} was rejected with HTTP 429 (too many requests)`,
        {
          ...base,
          retryable: true,
          retryAfterMs: parseRetryAfter(response.headers.get('retry-after')),
        },
      );
    }
    if (response.status >= 500) {
      throw new RoomcastError(
        'UNAVAILABLE',
        `${req.operation} answered HTTP ${response.status}; the vendor may or may not have acted`,
        { ...base, ambiguous: true, retryAfterMs: parseRetryAfter(response.headers.get('retry-after')) },
      );
    }
    if (response.status < 200 || response.status >= 300) {
      throw new RoomcastError('PROVIDER_ERROR', `${req.operation} answered HTTP ${response.status}`, base);
    }
    if (!parsed.ok) {
      throw new RoomcastError(
        'PROVIDER_ERROR',
        `${req.operation} answered HTTP ${response.status} with a body that is not JSON (${describeBody(text)}); the vendor may have acted`,
        { ...base, ambiguous: true },
      );
    }
    return { httpStatus: response.status, body: parsed.value, durationMs, requestId: summary.requestId };
  }

  return { baseUrl, request };
}

/** setTimeout's ceiling: ky throws a RangeError above it. */
const MAX_TIMEOUT_MS = 2_147_483_647;

/**
 * A vendor client's per-call options come from plain JavaScript callers too. A signal that is not
 * an AbortSignal or a timeout that is not a positive number used to fail inside fetch, before
 * anything was sent, and be reported as an ambiguous network error: say what is wrong instead.
 */
function checkCallOptions(req: HttpRequest, provider: string): void {
  const context = { provider, operation: req.operation };
  if (req.signal !== undefined && !(req.signal instanceof AbortSignal)) {
    throw new RoomcastError(
      'INVALID_ARGUMENT',
      `signal must be an AbortSignal, got ${describeType(req.signal)}`,
      context,
    );
  }
  const ms = req.timeoutMs;
  if (ms !== undefined && !(typeof ms === 'number' && ms > 0 && ms <= MAX_TIMEOUT_MS)) {
    const shown = typeof ms === 'number' ? String(ms) : describeType(ms);
    throw new RoomcastError(
      'INVALID_ARGUMENT',
      `timeoutMs must be a number of milliseconds above 0 and at most ${MAX_TIMEOUT_MS}, got ${shown}`,
      context,
    );
  }
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

function safeSummary(summarize: (body: unknown) => BodySummary, body: unknown): BodySummary {
  try {
    return summarize(body);
  } catch {
    return {};
  }
}

function describeBody(text: string): string {
  if (text.length === 0) return 'empty body';
  return /^\s*</.test(text) ? `HTML or XML, ${text.length} chars` : `${text.length} chars`;
}
