import type { EmulatorContext, Identified, VendorAnswer, VendorHandler, VendorRequest } from '../context.js';
import type { LimitVerdict } from '../rate-limit/limiter.js';
import { type ParsedQuery, parseQuery } from '../server/query.js';
import type { ZegoAppCredentials } from '../types.js';
import { nowSeconds } from '../util/clock.js';
import { zegoRequestId } from './envelope.js';
import { checkGateway, GATEWAY_MESSAGES } from './gateway.js';

/** What an Action implementation receives. */
export interface ZegoCall {
  ctx: EmulatorContext;
  query: ParsedQuery;
  body: Buffer;
  method: string;
  requestId: string;
  nowMs: number;
  /** The request targets the test environment (RTC IsTest). */
  test: boolean;
  /** False when a 'drop' fault hit: answer as usual, deliver nothing. */
  deliver: boolean;
  /** Per-room (or per-group) rate limit for this Action; `scope` lets Actions share a bucket. */
  takeRoom(roomId: string, scope?: string): LimitVerdict;
}

/** An Action's result: a return code, and the API fields (RTC wraps them in `Data`). */
export interface ZegoOutcome {
  code: number;
  message?: string | undefined;
  fields?: Record<string, unknown> | undefined;
  roomId?: string | undefined;
}

export type ZegoAction = (call: ZegoCall) => ZegoOutcome;

export interface ZegoProduct {
  vendor: 'zego-rtc' | 'zego-zim';
  app(ctx: EmulatorContext): ZegoAppCredentials;
  actions: Readonly<Record<string, ZegoAction>>;
  envelope(code: number, message: string, requestId: string, fields?: Record<string, unknown>): unknown;
  messages: Readonly<Record<number, string>>;
  /** The code answered when a rate limit refuses a request of this Action. */
  rateLimitCode(action: string, verdict: Exclude<LimitVerdict, 'ok'>): number;
  /** Whether `IsTest` is a common parameter (RTC yes, ZIM no). */
  supportsIsTest: boolean;
}

interface ZegoIdentified extends Identified {
  query: ParsedQuery;
}

/** One handler shape for both ZEGO products: the gateway is the same, the Actions differ. */
export function createZegoHandler(ctx: EmulatorContext, product: ZegoProduct): VendorHandler<ZegoIdentified> {
  const knownActions = new Set(Object.keys(product.actions));
  const messageFor = (code: number): string =>
    code === 0 ? 'success' : (product.messages[code] ?? GATEWAY_MESSAGES[code] ?? `error ${code}`);

  return {
    vendor: product.vendor,
    malformedPrefix: '{"Code":0,"Message":"succ',
    identify(request: VendorRequest): ZegoIdentified {
      const query = parseQuery(request.rawQuery);
      return { action: query.get('Action') ?? '', credential: query.get('SignatureNonce') ?? null, query };
    },
    handle(request: VendorRequest, identified: ZegoIdentified): VendorAnswer {
      const requestId = zegoRequestId(ctx.random);
      let fault: ReturnType<typeof ctx.faults.take>;
      const answer = (outcome: ZegoOutcome): VendorAnswer => ({
        code: outcome.code,
        requestId,
        roomId: outcome.roomId,
        fault: fault?.kind,
        body: product.envelope(
          outcome.code,
          outcome.message ?? messageFor(outcome.code),
          requestId,
          outcome.fields,
        ),
      });
      const { query, action } = identified;
      const nowMs = ctx.clock();
      const app = product.app(ctx);
      const failure = checkGateway({
        query,
        app,
        nowSeconds: nowSeconds(ctx.clock),
        knownActions,
        acceptUppercaseSignature: ctx.behavior.acceptUppercaseSignature,
      });
      if (failure) return answer(failure);

      // IsTest: "true"/"false", case-insensitive, default false (production).
      const isTest = product.supportsIsTest && (query.get('IsTest') ?? '').toLowerCase() === 'true';
      if (product.supportsIsTest && ctx.isTestApp && !isTest) return answer({ code: 100000016 });

      fault = ctx.faults.take(product.vendor, action, 'business');
      if (fault?.kind === 'code') return answer({ code: fault.code, message: fault.message });

      if (query.malformed.length > 0) {
        return answer({
          code: 8,
          message: `decode failed: ${query.malformed.join(', ')} is not valid URL encoding`,
        });
      }
      const verdict = ctx.limiter.takeApp(product.vendor, action, String(app.appId), isTest, nowMs);
      if (verdict !== 'ok') return answer({ code: product.rateLimitCode(action, verdict) });

      const call: ZegoCall = {
        ctx,
        query,
        body: request.body,
        method: request.method,
        requestId,
        nowMs,
        test: isTest,
        deliver: fault?.kind !== 'drop',
        takeRoom: (roomId, scope = action) =>
          ctx.limiter.takeRoom(product.vendor, action, scope, roomId, nowMs),
      };
      try {
        return answer(product.actions[action]!(call));
      } catch (error) {
        if (error instanceof OutcomeError) return answer(error.outcome);
        throw error;
      }
    },
  };
}

/** Thrown by parameter checks deep in an Action: the request ends with this outcome. */
export class OutcomeError extends Error {
  constructor(readonly outcome: ZegoOutcome) {
    super(outcome.message ?? `code ${outcome.code}`);
  }
}

/** Ends the request with `code` (and the product's message unless one is given). */
export function fail(code: number, message?: string, roomId?: string): never {
  throw new OutcomeError({ code, message, roomId });
}
