import { RoomcastError } from '../errors/roomcast-error.js';

/**
 * Reads the loosely typed fields of a verified callback body. Vendors send one field as a number
 * in one callback and as a string in the next (ZEGO `appid`, `timestamp`; Tencent `EventTime`), so
 * every reader accepts both and returns one normalised type:
 * - `string`: text; a number is turned into its decimal text;
 * - `id`: a 64-bit id as its exact decimal string (numbers beyond 2^53 arrive as strings from
 *   `parseJsonLossless`);
 * - `integer`: a safe integer (from a number or a decimal string).
 *
 * `required*` readers throw `INVALID_ARGUMENT` naming the callback and field; the others return
 * `undefined` for a missing or empty field.
 */
export interface CallbackFieldReader {
  string(key: string): string | undefined;
  requiredString(key: string): string;
  id(key: string): string | undefined;
  requiredId(key: string): string;
  integer(key: string): number | undefined;
  requiredInteger(key: string): number;
  /** A list of strings (numbers turned into text); `[]` when missing. */
  strings(key: string): string[];
  /** A nested object, or `undefined`. */
  object(key: string): Readonly<Record<string, unknown>> | undefined;
  /** A nested list, or `[]`. */
  list(key: string): readonly unknown[];
}

/**
 * A {@link CallbackFieldReader} over `fields`. `name` (the vendor's event name) and `provider`
 * go into error messages.
 *
 * @example
 * ```ts
 * const read = callbackFields(fields, { provider: 'zego-rtc', name: 'room_close' });
 * read.requiredString('room_id'); read.id('room_session_id'); read.integer('close_reason');
 * ```
 */
export function callbackFields(
  fields: Readonly<Record<string, unknown>>,
  where: { provider: string; name: string },
): CallbackFieldReader {
  const bad = (key: string, problem: string) =>
    new RoomcastError('INVALID_ARGUMENT', `${where.name} callback: ${key} ${problem}`, {
      provider: where.provider,
    });
  const text = (key: string): string | undefined => {
    const value = fields[key];
    if (value === undefined || value === null || value === '') return undefined;
    if (typeof value === 'string') return value;
    if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean')
      return String(value);
    throw bad(key, `must be text or a number, got ${Array.isArray(value) ? 'a list' : typeof value}`);
  };
  const id = (key: string): string | undefined => {
    const value = text(key);
    if (value !== undefined && typeof fields[key] === 'number' && !Number.isSafeInteger(fields[key])) {
      throw bad(key, 'is a number that lost precision; parse the body with parseJsonLossless');
    }
    return value;
  };
  const integer = (key: string): number | undefined => {
    const value = text(key);
    if (value === undefined) return undefined;
    const n = Number(value);
    if (!/^-?\d+$/.test(value.trim()) || !Number.isSafeInteger(n))
      throw bad(key, `must be an integer, got "${value.slice(0, 30)}"`);
    return n;
  };
  const required = <T>(key: string, value: T | undefined): T => {
    if (value === undefined) throw bad(key, 'is missing');
    return value;
  };
  return {
    string: text,
    requiredString: (key) => required(key, text(key)),
    id,
    requiredId: (key) => required(key, id(key)),
    integer,
    requiredInteger: (key) => required(key, integer(key)),
    strings(key) {
      const value = fields[key];
      if (value === undefined || value === null) return [];
      if (!Array.isArray(value)) throw bad(key, 'must be a list');
      return value.map((item, index) => {
        if (typeof item === 'string') return item;
        if (typeof item === 'number' || typeof item === 'bigint') return String(item);
        throw bad(`${key}[${index}]`, 'must be text');
      });
    },
    object(key) {
      const value = fields[key];
      if (value === undefined || value === null) return undefined;
      if (typeof value !== 'object' || Array.isArray(value)) throw bad(key, 'must be an object');
      return value as Record<string, unknown>;
    },
    list(key) {
      const value = fields[key];
      if (value === undefined || value === null) return [];
      if (!Array.isArray(value)) throw bad(key, 'must be a list');
      return value;
    },
  };
}
