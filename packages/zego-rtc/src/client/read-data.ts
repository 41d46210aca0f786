import { RoomcastError } from '@roomcast/core';
import type { ZegoEnvelope } from '@roomcast/zego-common';

interface ReadContext {
  provider: string;
  operation: string;
  requestId: string;
}

/**
 * ZEGO answered `Code: 0` but the data is not shaped as documented. The call succeeded at ZEGO, so
 * the error is ambiguous: resending could act twice.
 */
function malformed(what: string, ctx: ReadContext): RoomcastError {
  return new RoomcastError('PROVIDER_ERROR', `${ctx.operation} succeeded but ${what}`, {
    provider: ctx.provider,
    operation: ctx.operation,
    requestId: ctx.requestId || undefined,
    ambiguous: true,
  });
}

/** `Data` as an object (`{}` when absent). */
export function dataOf(envelope: ZegoEnvelope, ctx: ReadContext): Record<string, unknown> {
  const data = envelope.Data;
  if (data === undefined || data === null) return {};
  if (typeof data !== 'object' || Array.isArray(data)) throw malformed('its Data is not an object', ctx);
  return data as Record<string, unknown>;
}

/** An array of objects in `Data` (`[]` when absent), each checked to have the listed typed fields. */
export function listOf<T>(
  data: Record<string, unknown>,
  field: string,
  shape: Record<string, 'string' | 'number'>,
  ctx: ReadContext,
): T[] {
  const list = data[field];
  if (list === undefined || list === null) return [];
  if (!Array.isArray(list)) throw malformed(`Data.${field} is not an array`, ctx);
  for (const [index, item] of list.entries()) {
    if (typeof item !== 'object' || item === null)
      throw malformed(`Data.${field}[${index}] is not an object`, ctx);
    for (const [key, type] of Object.entries(shape)) {
      if (typeof (item as Record<string, unknown>)[key] !== type) {
        throw malformed(`Data.${field}[${index}].${key} is not a ${type}`, ctx);
      }
    }
  }
  return list as T[];
}

/** A typed scalar in `Data`. */
export function fieldOf<T extends string | number>(
  data: Record<string, unknown>,
  field: string,
  type: 'string' | 'number',
  ctx: ReadContext,
  fallback?: T,
): T {
  const value = data[field];
  if (value === undefined && fallback !== undefined) return fallback;
  if (typeof value !== type) throw malformed(`Data.${field} is not a ${type}`, ctx);
  return value as T;
}

/** The common success fields. */
export function baseOf(envelope: ZegoEnvelope): { Code: 0; Message: string; RequestId: string } {
  return { Code: 0, Message: envelope.Message, RequestId: envelope.RequestId };
}
