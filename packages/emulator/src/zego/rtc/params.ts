import type { ParsedQuery } from '../../server/query.js';
import { utf8Bytes } from '../../util/utf8.js';
import { fail } from '../handler.js';

/** A required string parameter; missing or empty answers code 2. */
export function required(q: ParsedQuery, name: string): string {
  const value = q.get(name);
  if (value === undefined || value === '') fail(2, `${name} is required`);
  return value;
}

/** A string limited to `maxBytes` UTF-8 bytes; longer answers `code` (3 unless stated). */
export function limited(value: string, name: string, maxBytes: number, code = 3): string {
  const bytes = utf8Bytes(value);
  if (bytes > maxBytes) fail(code, `${name} is ${bytes} bytes (UTF-8); the limit is ${maxBytes}`);
  return value;
}

/** An integer parameter in [min, max]; absent gives `fallback`. */
export function integer(q: ParsedQuery, name: string, fallback: number, min: number, max: number): number {
  const raw = q.get(name);
  if (raw === undefined || raw === '') return fallback;
  if (!/^-?\d+$/.test(raw)) fail(2, `${name} must be an integer`);
  const value = Number(raw);
  if (value < min || value > max) fail(2, `${name} must be between ${min} and ${max}`);
  return value;
}

/** An array parameter sent as repeated `Name[]=` keys (`%5B%5D` decodes to the same key). */
export function list(q: ParsedQuery, name: string): string[] {
  const values = q.getAll(`${name}[]`);
  if (values.some((v) => v === '')) fail(2, `${name}[] entries must not be empty`);
  return values;
}

/** A Boolean parameter: true/false (any case) or 1/0. */
export function boolean(q: ParsedQuery, name: string): boolean {
  const raw = q.get(name);
  if (raw === undefined || raw === '') return false;
  const lower = raw.toLowerCase();
  if (lower === 'true' || lower === '1') return true;
  if (lower === 'false' || lower === '0') return false;
  return fail(2, `${name} must be true or false`);
}
