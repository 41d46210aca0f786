import { isRoomcastError, type RecipientFailure, RoomcastError } from '../errors/roomcast-error.js';
import { callHook, type HttpHooks } from '../http/hooks.js';
import { acquireSlots, type OnLimit, penalizeQuotas, type ResolvedQuota } from '../rate-limit/limiter.js';
import type { RateLimitStore } from '../rate-limit/store.js';
import type { KindCapability } from '../spec/capabilities.js';
import type { AnyMessage, MessageKind } from '../spec/messages.js';
import type { ProviderRequest, UntypedProvider } from '../spec/provider.js';
import { abortError, sleep } from '../util/abort.js';
import { backoffDelay, type ResolvedRetry, shouldRetry } from './retry-policy.js';

/** Everything one vendor request needs from the send it belongs to. */
export interface BatchContext {
  provider: UntypedProvider;
  kind: MessageKind;
  message: AnyMessage;
  capability: KindCapability;
  quotas: readonly ResolvedQuota[];
  store: RateLimitStore;
  retry: ResolvedRetry;
  onLimit: OnLimit;
  maxWaitMs: number;
  timeoutMs: number;
  signal: AbortSignal | undefined;
  hooks: HttpHooks | undefined;
  /** Counts vendor requests across the whole send. */
  countAttempt(): void;
}

/** The outcome of one batch: each of its recipients accepted or failed, or the whole-room outcome. */
export interface BatchOutcome {
  accepted: string[];
  failed: RecipientFailure[];
  messageIds: string[];
  requestIds: string[];
  /** Set when the request as a whole failed (for whole-room sends, the error to throw). */
  error: RoomcastError | undefined;
}

/**
 * Sends one batch: take a rate-limit slot, make one attempt, classify, and retry only when safe.
 * Always settles; a failure becomes a per-recipient failure (or `error` for whole-room sends).
 */
export async function sendBatch(
  ctx: BatchContext,
  recipients: readonly string[] | undefined,
): Promise<BatchOutcome> {
  const requestKey = crypto.randomUUID();
  const request = buildRequest(ctx, recipients);
  const requestIds: string[] = [];
  const started = performance.now();
  // Set once an ambiguous attempt was retried: that attempt may have been delivered, so however
  // the request ends, a failure of it is ambiguous too (and no longer safe to resend).
  let earlierMayHaveActed = false;
  const failed = (error: RoomcastError) =>
    failedAll(recipients, earlierMayHaveActed ? mayHaveBeenDelivered(error) : error, requestIds);
  for (let attempt = 1; ; attempt++) {
    try {
      if (ctx.signal?.aborted) throw abortError(ctx.signal, ctx.provider.id);
      await acquireSlots(ctx.store, ctx.quotas, {
        onLimit: ctx.onLimit,
        maxWaitMs: ctx.maxWaitMs,
        signal: ctx.signal,
        provider: ctx.provider.id,
      });
    } catch (local) {
      // Our own limiter said no (onLimit: 'fail', or the queue wait is too long) or the caller
      // aborted: nothing was sent, and retrying would defeat what the caller asked for.
      return failed(asRoomcastError(local, ctx.provider.id));
    }
    let error: RoomcastError;
    try {
      ctx.countAttempt();
      const outcome = await ctx.provider.send(request, {
        attempt,
        signal: ctx.signal,
        timeoutMs: ctx.timeoutMs,
        requestKey,
        hooks: ctx.hooks,
      });
      if (outcome.requestId !== undefined) requestIds.push(outcome.requestId);
      return accepted(recipients, outcome.failed ?? [], [...(outcome.messageIds ?? [])], requestIds);
    } catch (thrown) {
      error = asRoomcastError(thrown, ctx.provider.id);
      if (error.requestId !== undefined) requestIds.push(error.requestId);
    }
    if (error.code === 'RATE_LIMITED' && error.providerCode !== undefined) {
      // The vendor itself said "too frequent": make every sender on this quota back off, not just us.
      await penalizeQuotas(ctx.store, ctx.quotas, error.retryAfterMs ?? ctx.retry.baseDelayMs);
    }
    if (!shouldRetry(error, attempt, ctx.retry, ctx.capability.vendorDeduplicates) || ctx.signal?.aborted) {
      const outcome = failed(error);
      callHook(ctx.hooks?.onError, {
        provider: ctx.provider.id,
        operation: ctx.capability.operation,
        attempt,
        durationMs: performance.now() - started,
        error: outcome.error as RoomcastError,
      });
      return outcome;
    }
    if (error.ambiguous) earlierMayHaveActed = true;
    const delayMs = backoffDelay(error, attempt, ctx.retry);
    callHook(ctx.hooks?.onRetry, {
      provider: ctx.provider.id,
      operation: ctx.capability.operation,
      attempt,
      delayMs,
      error,
    });
    try {
      await sleep(delayMs, ctx.signal);
    } catch (abort) {
      return failed(asRoomcastError(abort, ctx.provider.id));
    }
  }
}

/**
 * The final error of a request one of whose earlier attempts was ambiguous: same code and fields,
 * but ambiguous and not retryable, because that attempt may have delivered the message (a later
 * rate-limit or abort says nothing about it).
 */
function mayHaveBeenDelivered(error: RoomcastError): RoomcastError {
  if (error.ambiguous) return error;
  return new RoomcastError(
    error.code,
    `${error.message}; an earlier attempt got no clear answer and may have been delivered`,
    {
      provider: error.provider,
      operation: error.operation,
      providerCode: error.providerCode,
      requestId: error.requestId,
      retryAfterMs: error.retryAfterMs,
      httpStatus: error.httpStatus,
      cause: error.cause,
      failures: error.failures,
      ambiguous: true,
      retryable: false,
    },
  );
}

function buildRequest(ctx: BatchContext, recipients: readonly string[] | undefined): ProviderRequest {
  const message = recipients === undefined ? ctx.message : { ...ctx.message, to: recipients };
  return { kind: ctx.kind, message, recipients } as ProviderRequest;
}

function accepted(
  recipients: readonly string[] | undefined,
  failures: readonly RecipientFailure[],
  messageIds: string[],
  requestIds: string[],
): BatchOutcome {
  if (recipients === undefined) return { accepted: [], failed: [], messageIds, requestIds, error: undefined };
  const inBatch = new Set(recipients);
  const failed = new Map<string, RecipientFailure>();
  // A provider may only fail recipients of this batch, each once; anything else is ignored.
  for (const failure of failures)
    if (inBatch.has(failure.userId) && !failed.has(failure.userId)) failed.set(failure.userId, failure);
  return {
    accepted: recipients.filter((id) => !failed.has(id)),
    failed: [...failed.values()],
    messageIds,
    requestIds,
    error: undefined,
  };
}

function failedAll(
  recipients: readonly string[] | undefined,
  error: RoomcastError,
  requestIds: string[],
): BatchOutcome {
  const failed = (recipients ?? []).map((userId) => ({ userId, error }));
  return { accepted: [], failed, messageIds: [], requestIds, error };
}

/** A provider that throws something other than a RoomcastError has a bug; it is reported, never leaked raw. */
export function asRoomcastError(thrown: unknown, provider: string): RoomcastError {
  if (isRoomcastError(thrown)) return thrown;
  return new RoomcastError(
    'PROVIDER_ERROR',
    `Provider ${provider} failed unexpectedly; the vendor may have acted`,
    {
      provider,
      ambiguous: true,
      cause: thrown,
    },
  );
}
