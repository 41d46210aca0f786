import { RoomcastError } from '../errors/roomcast-error.js';
import { DEFAULT_TIMEOUT_MS } from '../http/http-client.js';
import { aggregate } from '../pipeline/aggregate.js';
import { toBatches } from '../pipeline/batches.js';
import { checkSendOptions } from '../pipeline/check-send-options.js';
import { mapLimit } from '../pipeline/map-limit.js';
import { resolveRetry } from '../pipeline/retry-policy.js';
import { asRoomcastError, type BatchOutcome, sendBatch } from '../pipeline/send-batch.js';
import type { SendOptions } from '../pipeline/send-options.js';
import { validateMessage } from '../pipeline/validate-message.js';
import { resolveQuotas } from '../rate-limit/limiter.js';
import type { RateLimitStore } from '../rate-limit/store.js';
import type { KindCapability } from '../spec/capabilities.js';
import type { MessageKind } from '../spec/messages.js';
import type { UntypedProvider } from '../spec/provider.js';
import type { SendResult } from '../spec/result.js';
import { DEFAULT_CONCURRENCY, DEFAULT_MAX_RECIPIENTS_PER_SEND, type RoomcastSettings } from './options.js';

/**
 * The send pipeline, once for every provider: validate → provider rules → batches → (per batch:
 * rate-limit slot → one attempt → classify → safe retry) → one aggregated result.
 */
export async function runSend(
  channel: string,
  provider: UntypedProvider,
  kind: MessageKind,
  input: unknown,
  settings: RoomcastSettings & { rateLimitStore: RateLimitStore },
  sendOptions?: SendOptions,
): Promise<SendResult> {
  const started = performance.now();
  checkSendOptions(settings, 'createRoomcast options');
  const options = checkSendOptions(sendOptions, 'send options');
  const capability = (provider.capabilities as Partial<Record<MessageKind, KindCapability>>)[kind];
  if (capability === undefined) {
    const kinds = Object.keys(provider.capabilities).join(', ');
    throw new RoomcastError(
      'UNSUPPORTED',
      `${channel}: provider ${provider.id} does not support "${kind}" (it supports: ${kinds})`,
      {
        provider: provider.id,
      },
    );
  }
  const { message, recipients } = validateMessage(kind, input, capability, {
    provider: provider.id,
    channel,
    maxRecipientsPerSend: settings.maxRecipientsPerSend ?? DEFAULT_MAX_RECIPIENTS_PER_SEND,
  });
  try {
    provider.validate?.({ kind, message, recipients } as Parameters<
      NonNullable<typeof provider.validate>
    >[0]);
  } catch (error) {
    throw asRoomcastError(error, provider.id);
  }
  const totalTimeoutMs = options.totalTimeoutMs ?? settings.totalTimeoutMs;
  const deadline = totalTimeoutMs === undefined ? undefined : AbortSignal.timeout(totalTimeoutMs);
  const signal = combineSignals(message.signal, options.signal, deadline);
  const batches = toBatches(recipients, Math.max(1, capability.maxRecipientsPerRequest));
  const total = recipients?.length ?? 1;
  let attempts = 0;
  let settled = 0;
  let acceptedCount = 0;
  let failedCount = 0;
  const context = {
    provider,
    kind,
    message,
    capability,
    quotas: resolveQuotas(capability.quotas, 'roomId' in message ? message.roomId : undefined),
    store: settings.rateLimitStore,
    retry: resolveRetry(settings.retry, options.retry),
    onLimit: options.onLimit ?? settings.onLimit ?? 'wait',
    maxWaitMs: settings.maxQueueWaitMs ?? Number.POSITIVE_INFINITY,
    timeoutMs: options.timeoutMs ?? settings.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    signal,
    hooks: settings.hooks,
    countAttempt: () => {
      attempts++;
    },
  };
  const concurrency = options.concurrency ?? settings.concurrency ?? DEFAULT_CONCURRENCY;
  const outcomes = await mapLimit(batches, concurrency, async (batch): Promise<BatchOutcome> => {
    const outcome = await sendBatch(context, batch);
    settled += batch?.length ?? 1;
    acceptedCount += batch === undefined ? (outcome.error ? 0 : 1) : outcome.accepted.length;
    failedCount += batch === undefined ? (outcome.error ? 1 : 0) : outcome.failed.length;
    if (options.onProgress) {
      try {
        options.onProgress({ settled, total, accepted: acceptedCount, failed: failedCount, attempts });
      } catch {
        // Progress reporting must not change the outcome.
      }
    }
    return outcome;
  });
  const expired = deadline?.aborted === true && !message.signal?.aborted && !options.signal?.aborted;
  return aggregate(expired ? outcomes.map((o) => deadlineExceeded(o, totalTimeoutMs ?? 0)) : outcomes, {
    attempts,
    durationMs: performance.now() - started,
    provider: provider.id,
    wholeRoom: recipients === undefined,
  });
}

function combineSignals(...signals: (AbortSignal | undefined)[]): AbortSignal | undefined {
  const present = signals.filter((s): s is AbortSignal => s !== undefined);
  if (present.length <= 1) return present[0];
  return AbortSignal.any(present);
}

/** Requests cut short by the send's own deadline are reported as TIMEOUT, not as a caller's abort. */
function deadlineExceeded(outcome: BatchOutcome, totalTimeoutMs: number): BatchOutcome {
  const convert = (error: RoomcastError) =>
    error.code !== 'ABORTED'
      ? error
      : new RoomcastError(
          'TIMEOUT',
          `The send's total timeout of ${totalTimeoutMs} ms ran out before this request completed`,
          {
            provider: error.provider,
            operation: error.operation,
            ambiguous: error.ambiguous,
          },
        );
  return {
    ...outcome,
    error: outcome.error && convert(outcome.error),
    failed: outcome.failed.map((f) => ({ userId: f.userId, error: convert(f.error) })),
  };
}
