import { RoomcastError } from '../errors/roomcast-error.js';
import { formatCount, utf8ByteLength } from './utf8.js';

/** Who is checking, for the error: provider id and, for vendor clients, the operation. */
export interface CheckContext {
  provider?: string | undefined;
  operation?: string | undefined;
}

function invalid(message: string, context: CheckContext): RoomcastError {
  return new RoomcastError('INVALID_ARGUMENT', message, context);
}

/**
 * Requires a non-empty, well-formed string (no lone surrogates, which cannot be sent as UTF-8).
 * Returns it typed; throws `INVALID_ARGUMENT` naming the field otherwise.
 */
export function requireString(value: unknown, field: string, context: CheckContext = {}): string {
  if (typeof value !== 'string') {
    throw invalid(`${field} must be a string, got ${describeType(value)}`, context);
  }
  if (value.length === 0) throw invalid(`${field} must not be empty`, context);
  if (!value.isWellFormed()) {
    throw invalid(`${field} contains a lone UTF-16 surrogate and cannot be encoded as UTF-8`, context);
  }
  return value;
}

/** Like {@link requireString} for optional fields: `undefined` passes through. */
export function optionalString(
  value: unknown,
  field: string,
  context: CheckContext = {},
): string | undefined {
  return value === undefined ? undefined : requireString(value, field, context);
}

/**
 * Throws `PAYLOAD_TOO_LARGE` when `text` is longer than `maxBytes` UTF-8 bytes, with a message
 * that says by how much: "MessageContent is 1,031 bytes; zego-rtc allows 1,024".
 */
export function checkByteLength(
  text: string,
  maxBytes: number,
  field: string,
  context: CheckContext & { vendor?: string } = {},
): void {
  const bytes = utf8ByteLength(text);
  if (bytes > maxBytes) {
    const who = context.vendor ?? context.provider ?? 'the vendor';
    throw new RoomcastError(
      'PAYLOAD_TOO_LARGE',
      `${field} is ${formatCount(bytes)} bytes (UTF-8); ${who} allows ${formatCount(maxBytes)}`,
      { provider: context.provider, operation: context.operation },
    );
  }
}

/** A required string of at most `maxBytes` UTF-8 bytes; over the limit is `INVALID_ARGUMENT` (an id, not a payload). */
export function requireId(
  value: unknown,
  field: string,
  maxBytes: number,
  context: CheckContext = {},
): string {
  const id = requireString(value, field, context);
  const bytes = utf8ByteLength(id);
  if (bytes > maxBytes) {
    throw invalid(
      `${field} is ${formatCount(bytes)} bytes; at most ${formatCount(maxBytes)} are allowed`,
      context,
    );
  }
  return id;
}

/**
 * Checks a recipient list: an array of non-empty strings of at most `max` entries. Returns the list
 * without duplicates, first occurrence kept, so nobody gets the message twice.
 */
export function requireRecipients(
  value: unknown,
  field: string,
  max: number,
  context: CheckContext = {},
): string[] {
  if (!Array.isArray(value))
    throw invalid(`${field} must be an array of user ids, got ${describeType(value)}`, context);
  if (value.length === 0) throw invalid(`${field} must list at least one user id`, context);
  const unique = [...new Set(value.map((id, index) => requireString(id, `${field}[${index}]`, context)))];
  if (unique.length > max) {
    throw new RoomcastError(
      'TOO_MANY_RECIPIENTS',
      `${field} lists ${formatCount(unique.length)} users; at most ${formatCount(max)} are allowed`,
      context,
    );
  }
  return unique;
}

/** Requires an integer in `[min, max]`. */
export function requireInteger(
  value: unknown,
  field: string,
  min: number,
  max: number,
  context: CheckContext = {},
): number {
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    throw invalid(`${field} must be an integer, got ${describeType(value)}`, context);
  }
  if (value < min || value > max)
    throw invalid(`${field} must be between ${min} and ${max}, got ${value}`, context);
  return value;
}

/** Requires a plain object (not null, not an array). */
export function requireObject(
  value: unknown,
  field: string,
  context: CheckContext = {},
): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw invalid(`${field} must be an object, got ${describeType(value)}`, context);
  }
  return value as Record<string, unknown>;
}

/** A short, secret-free description of a value's type for error messages. */
export function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return value.length === 0 ? 'an empty string' : 'a string';
  return typeof value === 'object' ? 'an object' : `${typeof value}`;
}
