import { createHttpClient, type HttpHooks, RoomcastError } from '@roomcast/core';
import type { ZegoCodeInfo } from './code-info.js';
import { validateZegoConfig, type ZegoClientConfig } from './config.js';
import { parseZegoEnvelope, summarizeZegoBody, type ZegoEnvelope } from './envelope.js';
import { ZEGO_GATEWAY_CODES, ZEGO_SIGNATURE_EXPIRED } from './gateway-codes.js';
import { createSignatureNonce } from './nonce.js';
import { buildQuery, type ZegoQueryParams } from './query.js';
import { type ZegoProduct, zegoOrigin } from './regions.js';
import { signZegoRequest } from './sign.js';
import { createZegoError, unknownZegoCode } from './zego-error.js';

/** Who is calling through the transport: product, provider id and the package for the User-Agent. */
export interface ZegoTransportMeta {
  product: ZegoProduct;
  /** Provider id for errors and hooks (`zego-rtc`, `zego-zim`). */
  provider: string;
  packageName: string;
  packageVersion: string;
}

/** One ZEGO API call. */
export interface ZegoCall {
  /** The Action, e.g. `SendCustomCommand`. */
  action: string;
  method: 'GET' | 'POST';
  /** Business query parameters after the common ones, in order; keys may repeat (`ToUserId[]`). */
  params?: ZegoQueryParams | undefined;
  /** JSON body of a POST. */
  json?: unknown;
  signal?: AbortSignal | undefined;
  timeoutMs?: number | undefined;
  /** The pipeline's attempt number, for hooks. */
  attempt?: number | undefined;
  hooks?: HttpHooks | undefined;
  /** The product's business codes; `undefined` for a code it does not know. */
  mapCode: (code: number, envelope: ZegoEnvelope) => ZegoCodeInfo | undefined;
}

/** Signs, sends and classifies ZEGO API calls. */
export interface ZegoTransport {
  /** The origin requests go to. */
  readonly baseUrl: string;
  /** Resolves with the envelope when `Code` is 0; throws a classified `RoomcastError` otherwise. */
  call(request: ZegoCall): Promise<ZegoEnvelope>;
}

/**
 * The one way ZEGO vendor clients talk to the v2 gateway. Per call it builds the query (common
 * parameters `AppId, SignatureNonce, Timestamp, Signature, SignatureVersion=2.0`, `IsTest` when
 * configured, `Action`, then the business parameters), signs it afresh, sends it through core's
 * HTTP client, checks the envelope and turns a non-zero `Code` into a `RoomcastError` (gateway codes
 * here, business codes through `mapCode`).
 *
 * An expired signature (100000004) is re-signed and sent once more: refreshing the signature is a
 * step of the protocol, not a retry policy. A second expiry means the clock is off by more than
 * ±10 minutes: `UNAUTHENTICATED`, not retryable.
 *
 * @example
 * ```ts
 * const transport = createZegoTransport({ appId, serverSecret }, {
 *   product: 'rtc', provider: 'zego-rtc', packageName: '@roomcast/zego-rtc', packageVersion: '0.1.0' });
 * const envelope = await transport.call({ action: 'DescribeUserNum', method: 'GET',
 *   params: [['RoomId[]', 'room-1']], mapCode: () => undefined });
 * ```
 */
export function createZegoTransport(config: ZegoClientConfig, meta: ZegoTransportMeta): ZegoTransport {
  validateZegoConfig(config, meta.provider);
  const { provider } = meta;
  const { appId, serverSecret, isTest } = config;
  const now = config.now ?? Date.now;
  const http = createHttpClient({
    provider,
    packageName: meta.packageName,
    packageVersion: meta.packageVersion,
    baseUrl: config.baseUrl ?? zegoOrigin(meta.product, config.region),
    fetch: config.fetch,
    timeoutMs: config.timeoutMs,
    hooks: config.hooks,
  });

  function signedQuery(action: string, params: ZegoQueryParams): string {
    const nonce = createSignatureNonce();
    const timestamp = Math.floor(now() / 1000);
    const signature = signZegoRequest({ appId, serverSecret, nonce, timestamp });
    const common: [string, string][] = [
      ['AppId', String(appId)],
      ['SignatureNonce', nonce],
      ['Timestamp', String(timestamp)],
      ['Signature', signature],
      ['SignatureVersion', '2.0'],
    ];
    if (isTest !== undefined) common.push(['IsTest', String(isTest)]);
    common.push(['Action', action]);
    try {
      return buildQuery([...common, ...params]);
    } catch {
      const bad = params.find(([, value]) => !value.isWellFormed());
      throw new RoomcastError(
        'INVALID_ARGUMENT',
        `${bad?.[0] ?? 'A parameter'} contains a lone UTF-16 surrogate and cannot be encoded as UTF-8`,
        { provider, operation: action },
      );
    }
  }

  async function call(req: ZegoCall): Promise<ZegoEnvelope> {
    for (let signing = 1; ; signing++) {
      const response = await http.request({
        operation: req.action,
        method: req.method,
        path: '/',
        query: signedQuery(req.action, req.params ?? []),
        json: req.json,
        signal: req.signal,
        timeoutMs: req.timeoutMs,
        attempt: req.attempt,
        hooks: req.hooks,
        summarize: summarizeZegoBody,
      });
      const context = { provider, operation: req.action, httpStatus: response.httpStatus };
      const envelope = parseZegoEnvelope(response.body, context);
      if (envelope.Code === 0) return envelope;
      if (envelope.Code === ZEGO_SIGNATURE_EXPIRED && signing === 1) continue;
      const info =
        ZEGO_GATEWAY_CODES[envelope.Code] ??
        req.mapCode(envelope.Code, envelope) ??
        unknownZegoCode(envelope.Message, [serverSecret]);
      throw createZegoError(envelope.Code, info, { ...context, requestId: envelope.RequestId || undefined });
    }
  }

  return { baseUrl: http.baseUrl, call };
}
