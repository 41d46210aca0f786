import { utf8Bytes } from '../../util/utf8.js';
import { fail, type ZegoCall } from '../handler.js';

/** The messaging pages' user-id charset: digits, letters, space and `!#$%&()+-:;<=.>?@[]^_{}|~`. */
const USER_ID = /^[0-9A-Za-z!#$%&()+\-:;<=.>?@[\]^_{}|~ ]+$/;

/** The POST body as a JSON object (660000002 otherwise). */
export function jsonBody(call: ZegoCall): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(call.body.toString('utf8'));
  } catch {
    return fail(660000002, 'the body must be a JSON object (POST, Content-Type: application/json)');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return fail(660000002, 'the body must be a JSON object (POST, Content-Type: application/json)');
  }
  return value as Record<string, unknown>;
}

/** A user id: string, ≤ 32 bytes (660000012), documented charset (660000002). */
export function userId(value: unknown, field: string, maxBytes: number): string {
  if (typeof value !== 'string' || value === '') fail(660000002, `${field} is required and must be a string`);
  if (utf8Bytes(value) > maxBytes) fail(660000012, `${field} ${value} is longer than ${maxBytes} bytes`);
  if (!USER_ID.test(value)) fail(660000002, `${field} ${value} has characters outside the allowed set`);
  return value;
}

/** A room or group id: a non-empty string within `maxBytes`. */
export function entityId(value: unknown, field: string, maxBytes: number): string {
  if (typeof value !== 'string' || value === '') fail(660000002, `${field} is required and must be a string`);
  if (utf8Bytes(value) > maxBytes) fail(660000002, `${field} is longer than ${maxBytes} bytes`);
  return value;
}

/** An integer field with allowed values; `fallback` when absent (undefined fallback = required). */
export function choice(
  body: Record<string, unknown>,
  field: string,
  allowed: readonly number[],
  fallback?: number,
): number {
  const value = body[field];
  if (value === undefined || value === null) {
    if (fallback === undefined) fail(660000002, `${field} is required`);
    return fallback;
  }
  if (typeof value !== 'number' || !allowed.includes(value)) {
    fail(660000002, `${field} must be one of ${allowed.join(', ')}`);
  }
  return value;
}
