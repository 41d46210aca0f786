import type { Redis } from 'ioredis';
import type { ErrorJson, FailureJson, FinalJson } from './serialize.js';

/** What one unit achieved, as stored. `error` is set for a whole-room unit that failed. */
export interface UnitOutcome {
  accepted: string[];
  failed: FailureJson[];
  messageIds: string[];
  requestIds: string[];
  attempts: number;
  error?: ErrorJson | undefined;
}

/** A unit's checkpoint: a request may be at the vendor (`inflight`), or its outcome is known. */
export type UnitState = { s: 'inflight'; at: number } | { s: 'done'; o: UnitOutcome };

/** Everything stored for one job instance. */
export interface JobState {
  units: Map<number, UnitState>;
  final: FinalJson | undefined;
  runs: number;
  /** Vendor requests made by runs whose units were put back for a later retry. */
  extraAttempts: number;
}

/**
 * Per-job checkpoints in one Redis hash, next to BullMQ's keys. The `inflight` mark is written
 * before a request leaves, so a worker that finds it on a re-run knows the request may have
 * reached the vendor (the previous worker died or lost its lock in between).
 *
 * The key includes the enqueue's nonce: if a job id is reused after its job was removed, the new
 * job does not inherit the old one's progress.
 */
export class UnitStateStore {
  constructor(
    private readonly client: Redis,
    private readonly keyBase: string,
    private readonly ttlMs: number,
  ) {}

  key(jobId: string, nonce: string): string {
    return `${this.keyBase}${jobId}:${nonce}`;
  }

  /** Counts a run and reads everything (one round trip). */
  async beginRun(jobId: string, nonce: string): Promise<JobState> {
    const key = this.key(jobId, nonce);
    const replies = await this.client
      .multi()
      .hincrby(key, 'runs', 1)
      .hgetall(key)
      .pexpire(key, this.ttlMs)
      .exec();
    return parse((replies?.[1]?.[1] ?? {}) as Record<string, string>);
  }

  async read(jobId: string, nonce: string): Promise<JobState> {
    return parse(await this.client.hgetall(this.key(jobId, nonce)));
  }

  /**
   * Marks a unit `inflight` before its request leaves. Without `overwrite` only an unmarked unit
   * can be claimed (HSETNX): two workers running the same job (one lost its lock while alive)
   * never both send it. Resolves `true` when claimed, else with what is stored instead.
   */
  async claim(
    jobId: string,
    nonce: string,
    index: number,
    overwrite: boolean,
  ): Promise<true | UnitState | undefined> {
    const key = this.key(jobId, nonce);
    const field = `u:${index}`;
    const value = JSON.stringify({ s: 'inflight', at: Date.now() } satisfies UnitState);
    if (overwrite) {
      await this.#set(jobId, nonce, field, JSON.parse(value));
      return true;
    }
    const replies = await this.client.multi().hsetnx(key, field, value).pexpire(key, this.ttlMs).exec();
    const [error, claimed] = replies?.[0] ?? [new Error('transaction aborted'), 0];
    if (error) throw error;
    if (claimed === 1) return true;
    const stored = await this.client.hget(key, field);
    return stored === null ? undefined : (JSON.parse(stored) as UnitState);
  }

  async done(jobId: string, nonce: string, index: number, outcome: UnitOutcome): Promise<void> {
    await this.#set(jobId, nonce, `u:${index}`, { s: 'done', o: outcome } satisfies UnitState);
  }

  /** The unit certainly did not reach the vendor: forget the mark so a later run sends it. */
  async putBack(jobId: string, nonce: string, index: number, attempts: number): Promise<void> {
    const key = this.key(jobId, nonce);
    await this.client.multi().hdel(key, `u:${index}`).hincrby(key, 'attempts', attempts).exec();
  }

  async finish(jobId: string, nonce: string, final: FinalJson): Promise<void> {
    await this.#set(jobId, nonce, 'final', final);
  }

  /** Forgets a completed job's checkpoints: its result lives on in the job's return value. */
  async forget(jobId: string, nonce: string): Promise<void> {
    await this.client.del(this.key(jobId, nonce));
  }

  async #set(jobId: string, nonce: string, field: string, value: unknown): Promise<void> {
    const key = this.key(jobId, nonce);
    const replies = await this.client
      .multi()
      .hset(key, field, JSON.stringify(value))
      .pexpire(key, this.ttlMs)
      .exec();
    const failed = replies?.find(([error]) => error !== null);
    if (failed) throw failed[0];
  }
}

function parse(hash: Record<string, string>): JobState {
  const units = new Map<number, UnitState>();
  for (const [field, value] of Object.entries(hash)) {
    if (field.startsWith('u:')) units.set(Number(field.slice(2)), JSON.parse(value) as UnitState);
  }
  return {
    units,
    final: hash.final === undefined ? undefined : (JSON.parse(hash.final) as FinalJson),
    runs: Number(hash.runs ?? 0),
    extraAttempts: Number(hash.attempts ?? 0),
  };
}
