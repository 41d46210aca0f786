import type { KindCapability } from '@roomcast/core';

/**
 * One vendor request of a job: a batch of recipients, or the whole room. A job's progress is kept
 * per unit, so after a crash the units already settled are not sent again.
 */
export interface Unit {
  index: number;
  /** This batch's recipients; undefined for a whole-room (or recipient-less) send. */
  recipients: string[] | undefined;
}

/**
 * Splits a message the way core's pipeline would (same batch size, duplicates removed), so that
 * each unit is exactly one vendor request of `rc.send`.
 */
export function planUnits(message: unknown, capability: KindCapability): Unit[] {
  const to = (message as { to?: unknown }).to;
  const size = capability.maxRecipientsPerRequest;
  if (!Array.isArray(to) || to.length === 0 || size <= 0 || !to.every((id) => typeof id === 'string')) {
    return [{ index: 0, recipients: undefined }];
  }
  const unique = [...new Set(to as string[])];
  const units: Unit[] = [];
  for (let i = 0; i < unique.length; i += size) {
    units.push({ index: units.length, recipients: unique.slice(i, i + size) });
  }
  return units;
}

/** The message for one unit: `to` cut down to its batch. */
export function unitMessage(message: Record<string, unknown>, unit: Unit): Record<string, unknown> {
  return unit.recipients === undefined ? message : { ...message, to: unit.recipients };
}
