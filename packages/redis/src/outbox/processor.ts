import { type ChannelInfo, type RateLimitStore, type Roomcast, RoomcastError } from '@roomcast/core';
import { DelayedError, type Job, UnrecoverableError } from 'bullmq';
import type { OutboxJobData } from './job-data.js';
import { takeLane } from './lane.js';
import { failedOutcome, type OutboxSendOptions, sendUnit, unknownOutcome } from './send-unit.js';
import type { FinalJson, OutboxResultJson } from './serialize.js';
import { summarize } from './summarize.js';
import type { JobState, UnitOutcome, UnitStateStore } from './unit-state.js';
import { planUnits, type Unit } from './units.js';

/** Everything a worker needs to deliver jobs. */
export interface ProcessorContext {
  rc: Roomcast<never>;
  channels: ReadonlyMap<string, ChannelInfo>;
  state: UnitStateStore;
  sendOptions: OutboxSendOptions;
  /** Vendor requests of one job in flight at once. */
  requestConcurrency: number;
  lane: { store: RateLimitStore; share: number } | undefined;
}

/**
 * The worker's job processor. Per unit (one vendor request): mark `inflight`, send through the
 * registry, record the outcome. On a re-run it skips settled units and decides about units left
 * `inflight` by a dead worker: re-send only when that is safe (the vendor de-duplicates) or asked
 * for (`atLeastOnce`); otherwise report them failed, ambiguous.
 */
export function createProcessor(ctx: ProcessorContext) {
  return async (job: Job<OutboxJobData>, token?: string): Promise<OutboxResultJson> => {
    const { data } = job;
    const jobId = job.id ?? '';
    const info = ctx.channels.get(data.channel);
    if (info === undefined) {
      throw new UnrecoverableError(
        `Outbox job ${jobId}: this worker's registry has no channel ${data.channel}; give workers the same providers as producers`,
      );
    }
    const units = planUnits(data.message, info.capability);
    const state = await ctx.state.beginRun(jobId, data.nonce);
    if (state.final !== undefined) return settle(state.final); // settled, but the worker died before completing the job

    // Re-sending a request whose outcome is unknown is a possible duplicate: only on request. (A
    // vendor that de-duplicates would make it safe only if the retry carried the same
    // de-duplication key, which rc.send cannot yet be given across runs.)
    const redo = data.atLeastOnce;
    const outcomes = new Map<number, UnitOutcome>();
    const pending: Unit[] = [];
    for (const unit of units) {
      const saved = state.units.get(unit.index);
      if (saved?.s === 'done') outcomes.set(unit.index, saved.o);
      else if (saved?.s === 'inflight' && !redo) {
        const outcome = unknownOutcome(unit, data.channel);
        await ctx.state.done(jobId, data.nonce, unit.index, outcome);
        outcomes.set(unit.index, outcome);
      } else pending.push(unit);
    }

    const later: { unit: Unit; error: RoomcastError }[] = [];
    let deferMs: number | undefined;
    const roomId = typeof data.message.roomId === 'string' ? data.message.roomId : undefined;
    await eachLimit(pending, ctx.requestConcurrency, async (unit) => {
      if (deferMs !== undefined) return;
      if (ctx.lane !== undefined) {
        const retryAfterMs = await takeLane(ctx.lane.store, info.capability.quotas, roomId, ctx.lane.share);
        if (retryAfterMs !== undefined) {
          deferMs = Math.max(deferMs ?? 0, retryAfterMs);
          return;
        }
      }
      const claim = await ctx.state.claim(jobId, data.nonce, unit.index, redo);
      if (claim !== true) {
        // Another run of this job holds it (this worker lost its lock while alive): never send it twice.
        const outcome = claim?.s === 'done' ? claim.o : unknownOutcome(unit, data.channel);
        outcomes.set(unit.index, outcome);
        return;
      }
      const sent = await sendUnit(
        ctx.rc,
        data.channel,
        data.message,
        unit,
        ctx.sendOptions,
        data.atLeastOnce,
      );
      if (sent.kind === 'later') {
        await ctx.state.putBack(jobId, data.nonce, unit.index, sent.attempts);
        later.push({ unit, error: sent.error });
        return;
      }
      await ctx.state.done(jobId, data.nonce, unit.index, sent.outcome);
      outcomes.set(unit.index, sent.outcome);
    });

    if (deferMs !== undefined) {
      // The lane is full: step aside without using an attempt; settled units stay settled.
      await job.moveToDelayed(Date.now() + deferMs, token);
      throw new DelayedError();
    }
    if (later.length > 0) {
      const attempts = job.opts.attempts ?? 1;
      if (job.attemptsMade + 1 < attempts) {
        // Thrown so BullMQ retries the job with backoff; only these units are sent again.
        const { error } = later[0]!;
        throw new Error(
          `${later.length} of ${units.length} requests not sent yet (${error.code}: ${error.message}); retrying`,
        );
      }
      for (const { unit, error } of later) {
        const outcome = failedOutcome(unit, error);
        await ctx.state.done(jobId, data.nonce, unit.index, outcome);
        outcomes.set(unit.index, outcome);
      }
    }

    const final = summarize(
      units.map((u) => outcomes.get(u.index)!),
      meta(jobId, data, state),
    );
    await ctx.state.finish(jobId, data.nonce, final);
    return settle(final);
  };
}

/** Completes the job with its result, or fails it (no retry) when nothing was accepted. */
function settle(final: FinalJson): OutboxResultJson {
  if (final.error !== undefined) throw new UnrecoverableError(final.error.message);
  return final.result;
}

function meta(jobId: string, data: OutboxJobData, state: JobState) {
  return {
    jobId,
    channel: data.channel,
    runs: state.runs,
    enqueuedAt: data.enqueuedAt,
    extraAttempts: state.extraAttempts,
  };
}

/**
 * The report of a job BullMQ failed without our processor settling it (it stalled too often, or
 * a run broke down): settled units as they ended, units left `inflight` as unknown (ambiguous),
 * units never sent as failed and safe to send again.
 */
export async function reportFromState(
  ctx: Pick<ProcessorContext, 'channels' | 'state'>,
  jobId: string,
  data: OutboxJobData,
  reason: string,
): Promise<FinalJson> {
  const state = await ctx.state.read(jobId, data.nonce);
  if (state.final !== undefined) return state.final;
  const info = ctx.channels.get(data.channel);
  const units =
    info === undefined ? [{ index: 0, recipients: undefined }] : planUnits(data.message, info.capability);
  const notSent = new RoomcastError('UNAVAILABLE', `${data.channel}: not sent: ${reason}`, {
    retryable: true,
  });
  const outcomes = units.map((unit) => {
    const saved = state.units.get(unit.index);
    if (saved?.s === 'done') return saved.o;
    if (saved?.s === 'inflight') return unknownOutcome(unit, data.channel);
    return failedOutcome(unit, notSent);
  });
  return summarize(outcomes, meta(jobId, data, state));
}

/** Runs `fn` over `items` with at most `limit` at once; waits for all, rethrows the first error. */
async function eachLimit<T>(
  items: readonly T[],
  limit: number,
  fn: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  let failure: { error: unknown } | undefined;
  const lane = async () => {
    while (next < items.length && failure === undefined) {
      const item = items[next++]!;
      try {
        await fn(item);
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
  if (failure !== undefined) throw failure.error;
}
