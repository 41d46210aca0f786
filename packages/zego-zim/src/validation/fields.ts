import {
  type CheckContext,
  formatCount,
  requireInteger,
  requireString,
  utf8ByteLength,
} from '@roomcast/core';
import { invalid } from './context.js';

/** A non-empty string of at most `maxBytes` UTF-8 bytes; longer is `INVALID_ARGUMENT`. */
export function requireBoundedString(
  value: unknown,
  field: string,
  maxBytes: number,
  context: CheckContext,
): string {
  const text = requireString(value, field, context);
  const bytes = utf8ByteLength(text);
  if (bytes > maxBytes) {
    throw invalid(
      `${field} is ${formatCount(bytes)} bytes (UTF-8); ZIM allows ${formatCount(maxBytes)}`,
      context,
    );
  }
  return text;
}

/** An optional whole number ≥ 0 (sizes, pixels, seconds). */
export function optionalCount(value: unknown, field: string, context: CheckContext): number | undefined {
  return value === undefined ? undefined : requireInteger(value, field, 0, Number.MAX_SAFE_INTEGER, context);
}

/** Parses a JSON document a caller passed as a string, for validation. */
export function parseJsonObject(text: string, field: string, what: string, context: CheckContext): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw invalid(
      `${field} must be ${what} (an object, or its JSON text); the string given is not JSON`,
      context,
    );
  }
}
