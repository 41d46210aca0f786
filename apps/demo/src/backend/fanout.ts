import type { QuotaSpec, SendProgress } from '@roomcast/core';
import type { Emulator } from '@roomcast/emulator';
import { serializeError, toRoomcastError } from '../shared/serialize.js';
import { vendorOfChannel } from '../shared/vendors.js';
import type { DemoBackend } from './backend.js';
import { joinRecipients, registerSender } from './prepare.js';
import { sendDynamic } from './send.js';
import { createThroughput } from './throughput.js';

export const MAX_FANOUT = 20_000;

/** A fan-out: one message to `count` generated users, `offline` of whom are not logged in. */
export interface FanoutRequest {
  channel: string;
  count: number;
  offline: number;
  from: string;
  content: string;
}

export interface FanoutSnapshot {
  id: number;
  channel: string;
  state: 'running' | 'done';
  total: number;
  settled: number;
  accepted: number;
  failed: number;
  /** Vendor requests made so far, retries included. */
  attempts: number;
  elapsedMs: number;
  /** Vendor requests per second over the last second. */
  requestsPerSecond: number;
  recipientsPerSecond: number;
  /** The vendor quota this channel draws on, e.g. 100 requests / 1000 ms. */
  quota: QuotaSpec | undefined;
  maxRecipientsPerRequest: number;
  /** Set when done: the final accounting. */
  summary?: FanoutSummary;
}

export interface FanoutSummary {
  accepted: number;
  failed: number;
  /** Failed recipients per error code, e.g. `{ USER_OFFLINE: 50 }`. */
  failedByCode: Record<string, number>;
  /** Recipients in neither list: must be 0 (nothing lost). */
  unaccounted: number;
  /** Distinct recipients whose simulated client received the message. */
  delivered: number;
  /** Recipients that received it more than once. */
  duplicates: number;
  /** Accepted by the vendor but never delivered (a silent drop). */
  acceptedNotDelivered: number;
  requests: number;
  attempts: number;
  durationMs: number;
  /** Set when the whole send threw (nothing accepted). */
  error?: Record<string, unknown>;
}

type Publish = (snapshot: FanoutSnapshot) => void;

/** Parses a fan-out request from JSON; throws a message fit for a 400 answer. */
export function parseFanoutRequest(body: Record<string, unknown>): FanoutRequest {
  const { channel, count, offline = 0, from = 'server', text, data } = body;
  if (typeof channel !== 'string') throw new TypeError('channel must be a string such as "zego:signal"');
  if (!Number.isInteger(count) || (count as number) < 1 || (count as number) > MAX_FANOUT) {
    throw new TypeError(`count must be an integer from 1 to ${MAX_FANOUT.toLocaleString('en-US')}`);
  }
  if (!Number.isInteger(offline) || (offline as number) < 0 || (offline as number) > (count as number)) {
    throw new TypeError('offline must be an integer from 0 to count');
  }
  if (typeof from !== 'string') throw new TypeError('from must be a string');
  const content = typeof text === 'string' ? text : data;
  if (typeof content !== 'string') throw new TypeError('give the message as text or data');
  return { channel, count: count as number, offline: offline as number, from, content };
}

/** Runs fan-outs on the emulator and keeps their latest snapshot for polling. */
export class FanoutRunner {
  private nextId = 1;
  private readonly runs = new Map<number, FanoutSnapshot>();

  constructor(
    private readonly backend: DemoBackend,
    private readonly publish: Publish,
  ) {}

  get(id: number): FanoutSnapshot | undefined {
    return this.runs.get(id);
  }

  /** Validates, prepares the generated users and starts the send; resolves with the first snapshot. */
  start(request: FanoutRequest): FanoutSnapshot {
    const { backend } = this;
    const emulator = backend.emulator;
    const vendor = vendorOfChannel(request.channel);
    const info = backend.rc.channels().find((c) => c.id === request.channel);
    if (vendor === undefined || info === undefined) throw new TypeError(`unknown channel ${request.channel}`);
    const audiences = info.capability.audiences;
    if (!audiences.includes('users') && !audiences.includes('room-users')) {
      throw new TypeError(
        `${request.channel} addresses whole rooms only; fan out on a channel that takes users`,
      );
    }
    if (emulator === undefined || backend.modes[vendor] !== 'emulator') {
      throw new TypeError('fan-out generates its users on the emulator; this vendor is the real one');
    }

    const id = this.nextId++;
    const users = Array.from(
      { length: request.count },
      (_, i) => `fan-${id}-${String(i + 1).padStart(5, '0')}`,
    );
    const roomId = audiences.includes('users') ? undefined : `fanout-${id}`;
    // The first `offline` users are generated but never logged in: they come back as failures.
    joinRecipients(emulator, vendor, info.kind, roomId, users.slice(request.offline));
    const message: Record<string, unknown> = { from: request.from, to: users };
    if (roomId !== undefined) message.roomId = roomId;
    if (info.kind === 'signal') message.data = request.content;
    else message.text = request.content;
    registerSender(emulator, vendor, message);

    const snapshot: FanoutSnapshot = {
      id,
      channel: request.channel,
      state: 'running',
      total: users.length,
      settled: 0,
      accepted: 0,
      failed: 0,
      attempts: 0,
      elapsedMs: 0,
      requestsPerSecond: 0,
      recipientsPerSecond: 0,
      quota: info.capability.quotas[0],
      maxRecipientsPerRequest: info.capability.maxRecipientsPerRequest,
    };
    this.runs.set(id, snapshot);
    void this.run(snapshot, message, new Set(users), emulator);
    return { ...snapshot };
  }

  private async run(snapshot: FanoutSnapshot, message: unknown, users: Set<string>, emulator: Emulator) {
    const deliveries = new Map<string, number>();
    const unsubscribe = emulator.onDelivery((d) => {
      if (users.has(d.to)) deliveries.set(d.to, (deliveries.get(d.to) ?? 0) + 1);
    });
    const started = performance.now();
    const throughput = createThroughput();
    throughput.record(started, 0, 0);
    let lastPublished = 0;
    const onProgress = (p: SendProgress) => {
      const now = performance.now();
      throughput.record(now, p.attempts, p.settled);
      Object.assign(snapshot, {
        settled: p.settled,
        accepted: p.accepted,
        failed: p.failed,
        attempts: p.attempts,
        elapsedMs: Math.round(now - started),
        ...throughput.rates(now),
      });
      // A 20,000-user fan-out settles thousands of requests: tell the browser ten times a second.
      if (now - lastPublished >= 100) {
        lastPublished = now;
        this.publish({ ...snapshot });
      }
    };

    const summary: FanoutSummary = {
      accepted: 0,
      failed: 0,
      failedByCode: {},
      unaccounted: 0,
      delivered: 0,
      duplicates: 0,
      acceptedNotDelivered: 0,
      requests: 0,
      attempts: 0,
      durationMs: 0,
    };
    let accepted: readonly string[] = [];
    let failed: readonly { userId: string; error: { code: string } }[] = [];
    try {
      const result = await sendDynamic(this.backend.rc, snapshot.channel, message, { onProgress });
      ({ accepted, failed } = result);
      summary.requests = result.requestIds.length;
      summary.attempts = result.attempts;
    } catch (error) {
      const roomcastError = toRoomcastError(error);
      summary.error = serializeError(roomcastError).error;
      if (roomcastError.result) {
        ({ accepted, failed } = roomcastError.result);
        summary.requests = roomcastError.result.requestIds.length;
        summary.attempts = roomcastError.result.attempts;
      } else failed = [...users].map((userId) => ({ userId, error: roomcastError }));
    } finally {
      unsubscribe();
    }
    summary.accepted = accepted.length;
    summary.failed = failed.length;
    for (const f of failed)
      summary.failedByCode[f.error.code] = (summary.failedByCode[f.error.code] ?? 0) + 1;
    summary.unaccounted = users.size - new Set([...accepted, ...failed.map((f) => f.userId)]).size;
    summary.delivered = deliveries.size;
    summary.duplicates = [...deliveries.values()].filter((n) => n > 1).length;
    summary.acceptedNotDelivered = accepted.filter((u) => !deliveries.has(u)).length;
    summary.durationMs = Math.round(performance.now() - started);
    Object.assign(snapshot, {
      state: 'done',
      settled: users.size,
      accepted: summary.accepted,
      failed: summary.failed,
      attempts: summary.attempts,
      elapsedMs: summary.durationMs,
      summary,
    });
    this.publish({ ...snapshot });
  }
}
