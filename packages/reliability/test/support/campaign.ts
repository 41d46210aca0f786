import { isRoomcastError, ROOMCAST_ERROR_CODES, type RoomcastError, type SendResult } from '@roomcast/core';
import type { Delivery, RequestLogEntry } from '@roomcast/emulator';
import { sentNoReadableAnswer } from './faults.js';
import { clientCannotTell, markerOf, type WireRequest } from './wire.js';
import type { PlannedSend } from './world.js';

/** What one planned send came back with. */
export interface SendOutcome {
  plan: PlannedSend;
  result?: SendResult | undefined;
  error?: unknown;
}

/** A registry as the campaign drives it: channel ids are computed, so they are plain strings here. */
export interface Sender {
  send(channel: string, message: unknown, options?: object): Promise<SendResult>;
}

/** Runs the sends `concurrency` at a time; every send settles into an outcome, none throws out. */
export async function runSends(
  rc: Sender,
  plans: readonly PlannedSend[],
  concurrency: number,
  onOutcome: (outcome: SendOutcome) => void,
): Promise<SendOutcome[]> {
  const outcomes: SendOutcome[] = [];
  let next = 0;
  async function worker(): Promise<void> {
    while (next < plans.length) {
      const plan = plans[next++] as PlannedSend;
      let outcome: SendOutcome;
      try {
        outcome = { plan, result: await rc.send(plan.channel, plan.message) };
      } catch (error) {
        outcome = { plan, error };
      }
      onOutcome(outcome);
      outcomes.push(outcome);
    }
  }
  await Promise.all(Array.from({ length: concurrency }, worker));
  return outcomes;
}

export type DeliveryMode = 'at-most-once' | 'at-least-once';

/** What a round's verification found. */
export interface RoundReport {
  violations: string[];
  stats: Record<string, number>;
}

interface VerifyInput {
  outcomes: readonly SendOutcome[];
  wire: readonly WireRequest[];
  requests: readonly RequestLogEntry[];
  deliveries: readonly Delivery[];
  mode: DeliveryMode;
}

type RecipientOutcome = { accepted: true } | { accepted: false; error: RoomcastError };

const KNOWN_CODES = new Set<string>(ROOMCAST_ERROR_CODES);

/**
 * Checks a round against the emulator's own logs:
 * - every outcome is a result or a RoomcastError with a known code;
 * - every listed recipient is accounted for exactly once (accepted or failed);
 * - accepted recipients (and rooms) received the message exactly once (at-least-once: at least once);
 *   a plain failure delivered nothing; an ambiguous failure at most once (at-least-once: any);
 * - nobody outside the audience received it;
 * - a batch whose last request got no readable answer (as the client saw it) is reported
 *   ambiguous, and an ambiguous report has such a request behind it;
 * - the emulator and the client agree: a request the emulator answered unreadably was not read;
 * - at-least-once: every extra delivery came from a request whose answer was lost or unreadable.
 */
export function verifyRound(input: VerifyInput): RoundReport {
  const violations: string[] = [];
  const stats: Record<string, number> = {};
  const bump = (key: string, by = 1) => {
    stats[key] = (stats[key] ?? 0) + by;
  };
  const byMarker = indexDeliveries(input.deliveries, violations);
  const byCredential = new Map(input.requests.map((r) => [`${r.vendor}:${r.credential}`, r]));
  const byRequestId = new Map(input.requests.filter((r) => r.requestId).map((r) => [r.requestId, r]));
  const wireByMarker = indexWire(input.wire);
  const wireByCredential = new Map(input.wire.map((r) => [`${r.vendor}:${r.credential}`, r]));
  for (const entry of input.requests) {
    if (entry.fault) bump(`fault:${entry.fault}`);
  }

  for (const outcome of input.outcomes) {
    const { plan } = outcome;
    const where = `send ${plan.id} (${plan.channel})`;
    bump('sends');
    bump(`channel ${plan.channel}`);
    const recipients = recipientOutcomes(outcome, violations, where);
    if (recipients === undefined) continue;
    const received = byMarker.get(plan.id) ?? new Map<string, Delivery[]>();
    byMarker.delete(plan.id);
    const audience = new Set(plan.audience);
    for (const userId of received.keys()) {
      if (!audience.has(userId))
        violations.push(`${where}: delivered to ${userId}, who is not in its audience`);
    }
    for (const [userId, outcomeOf] of recipients) {
      bump('recipients');
      const count = received.get(userId)?.length ?? 0;
      if (count > 1) bump('duplicated recipients');
      if (outcomeOf.accepted) {
        bump('accepted');
        // Ghosts (never logged in) can receive nothing: the vendor must have refused them.
        if (!audience.has(userId)) violations.push(`${where}: ${userId} accepted, but cannot receive`);
        else if (input.mode === 'at-most-once' ? count !== 1 : count < 1) {
          violations.push(`${where}: ${userId} accepted but delivered ${count} times`);
        }
        continue;
      }
      const { error } = outcomeOf;
      bump(`failed:${error.code}${error.ambiguous ? ' (ambiguous)' : ''}`);
      if (!error.ambiguous && count > 0) {
        violations.push(
          `${where}: ${userId} delivered ${count} times but reported ${error.code} without ambiguous`,
        );
      }
      if (error.ambiguous && count > 0) bump('ambiguous and delivered');
      if (input.mode === 'at-most-once' && count > 1) {
        violations.push(`${where}: ${userId} delivered ${count} times (at-most-once)`);
      }
    }
    checkFinalAttempts(outcome, recipients, wireByMarker.get(plan.id), byCredential, violations, bump);
    if (input.mode === 'at-least-once') {
      explainDuplicates(where, received, byRequestId, wireByCredential, violations, bump);
    }
  }
  for (const marker of byMarker.keys())
    violations.push(`deliveries for send ${marker}, which was never made`);
  return { violations, stats };
}

/** Per recipient: listed ones by user id; a whole-room send as one outcome shared by every member. */
function recipientOutcomes(
  outcome: SendOutcome,
  violations: string[],
  where: string,
): Map<string, RecipientOutcome> | undefined {
  const { plan } = outcome;
  if (outcome.error !== undefined && !isRoomcastError(outcome.error)) {
    violations.push(`${where}: threw a ${describe(outcome.error)}, not a RoomcastError`);
    return undefined;
  }
  const error = outcome.error as RoomcastError | undefined;
  if (error !== undefined && !KNOWN_CODES.has(error.code))
    violations.push(`${where}: unknown code ${error.code}`);
  const map = new Map<string, RecipientOutcome>();
  if (plan.listed === undefined) {
    for (const userId of plan.audience) {
      map.set(userId, error === undefined ? { accepted: true } : { accepted: false, error });
    }
    return map;
  }
  const result = outcome.result ?? error?.result;
  if (result === undefined) {
    violations.push(`${where}: failed with ${error?.code} and no result accounting for its recipients`);
    return undefined;
  }
  for (const userId of result.accepted) {
    if (map.has(userId)) violations.push(`${where}: ${userId} appears twice in the result`);
    map.set(userId, { accepted: true });
  }
  for (const failure of result.failed) {
    if (map.has(failure.userId)) violations.push(`${where}: ${failure.userId} appears twice in the result`);
    if (!isRoomcastError(failure.error))
      violations.push(`${where}: ${failure.userId} failed without a RoomcastError`);
    map.set(failure.userId, { accepted: false, error: failure.error });
  }
  const listed = new Set(plan.listed);
  for (const userId of listed) {
    if (!map.has(userId)) violations.push(`${where}: ${userId} is missing from the result`);
  }
  for (const userId of map.keys()) {
    if (!listed.has(userId)) violations.push(`${where}: ${userId} is in the result but was never listed`);
  }
  return map;
}

/**
 * The last request of each batch decides how it is reported: when the client could not tell
 * whether the vendor acted (no answer, a 5xx, an unreadable body) the batch's recipients must fail
 * with `ambiguous: true`; an ambiguous report needs such a request behind it.
 */
function checkFinalAttempts(
  outcome: SendOutcome,
  recipients: Map<string, RecipientOutcome>,
  batches: Map<string, WireRequest[]> | undefined,
  byCredential: Map<string, RequestLogEntry>,
  violations: string[],
  bump: (key: string) => void,
): void {
  const where = `send ${outcome.plan.id} (${outcome.plan.channel})`;
  if (batches === undefined) {
    // Nothing left this process: only possible when the send failed before any request.
    if (outcome.error === undefined) violations.push(`${where}: succeeded without a single request`);
    return;
  }
  for (const [batchKey, requests] of batches) {
    for (const request of requests) {
      const entry = byCredential.get(`${request.vendor}:${request.credential}`);
      if (entry === undefined) bump('requests that never reached the emulator');
      else if (sentNoReadableAnswer(entry) && !clientCannotTell(request)) {
        violations.push(`${where}: request ${entry.id} got no readable answer, yet the client read one`);
      }
    }
    const last = requests.at(-1) as WireRequest;
    const reported =
      batchKey === 'room'
        ? outcome.error === undefined
          ? ({ accepted: true } as const)
          : { accepted: false as const, error: outcome.error as RoomcastError }
        : recipients.get(batchKey);
    if (reported === undefined) continue;
    if (requests.length > 1 && reported.accepted) bump('batches accepted after a retry or re-signing');
    if (clientCannotTell(last)) {
      bump('batches ending without a readable answer');
      if (reported.accepted) {
        violations.push(
          `${where}: batch ${batchKey} ended without a readable answer but was reported accepted`,
        );
      } else if (!reported.error.ambiguous) {
        violations.push(
          `${where}: batch ${batchKey} ended without a readable answer but was reported ${reported.error.code} without ambiguous`,
        );
      }
    } else if (!reported.accepted && reported.error.ambiguous && !requests.some(clientCannotTell)) {
      violations.push(
        `${where}: batch ${batchKey} reported ${reported.error.code} ambiguous, but every answer was readable`,
      );
    }
  }
}

/**
 * At-least-once: the client can have read at most one answer among the requests that delivered a
 * message to a recipient; every other one must be a request whose answer was lost or unreadable.
 */
function explainDuplicates(
  where: string,
  received: Map<string, Delivery[]>,
  byRequestId: Map<string | null, RequestLogEntry>,
  wireByCredential: Map<string, WireRequest>,
  violations: string[],
  bump: (key: string, by?: number) => void,
): void {
  for (const [userId, deliveries] of received) {
    if (deliveries.length < 2) continue;
    const requests = deliveries.map((d) => {
      const entry = byRequestId.get(d.requestId);
      return entry && wireByCredential.get(`${entry.vendor}:${entry.credential}`);
    });
    if (requests.some((r) => r === undefined)) {
      violations.push(`${where}: a delivery to ${userId} has no request on the wire`);
      continue;
    }
    const read = (requests as WireRequest[]).filter((r) => !clientCannotTell(r));
    if (read.length > 1) {
      violations.push(
        `${where}: ${userId} got ${deliveries.length} deliveries, ${read.length} of them answered readably`,
      );
    }
    bump('duplicate deliveries explained', deliveries.length - 1);
  }
}

function indexDeliveries(deliveries: readonly Delivery[], violations: string[]) {
  const byMarker = new Map<number, Map<string, Delivery[]>>();
  for (const delivery of deliveries) {
    // ZIM's copy to the sender's own client (SenderUnaware: 0) is not a delivery to a recipient.
    if (delivery.senderCopy) continue;
    const marker = markerOf(delivery.content);
    if (marker === undefined) {
      violations.push(`a delivery without a campaign marker: ${delivery.callback} to ${delivery.to}`);
      continue;
    }
    let users = byMarker.get(marker);
    if (users === undefined) {
      users = new Map();
      byMarker.set(marker, users);
    }
    const list = users.get(delivery.to);
    if (list === undefined) users.set(delivery.to, [delivery]);
    else list.push(delivery);
  }
  return byMarker;
}

function indexWire(wire: readonly WireRequest[]) {
  const byMarker = new Map<number, Map<string, WireRequest[]>>();
  for (const request of wire) {
    if (request.marker === undefined) continue;
    let batches = byMarker.get(request.marker);
    if (batches === undefined) {
      batches = new Map();
      byMarker.set(request.marker, batches);
    }
    const list = batches.get(request.batchKey);
    if (list === undefined) batches.set(request.batchKey, [request]);
    else list.push(request);
  }
  return byMarker;
}

function describe(value: unknown): string {
  if (value instanceof Error) return `${value.name}: ${value.message}`;
  return typeof value;
}
