import { RoomcastError } from '../errors/roomcast-error.js';

/** A JSON number token, matched where a value may start (never inside a string). */
const NUMBER = /-?(?:0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/y;

/**
 * Parses JSON like `JSON.parse`, except that an integer beyond ±(2^53 − 1) comes back as its exact
 * decimal **string** instead of a rounded number: vendors put 64-bit ids in callbacks as bare JSON
 * numbers (ZEGO `room_session_id` 858012925204410400, Tencent `Owner_Account` 144115216631667826),
 * which `JSON.parse` silently corrupts.
 *
 * How: one pass over the text quotes such integer tokens (outside strings), then `JSON.parse` does
 * all the real work — escapes, Unicode, syntax errors. Safe integers and fractions stay numbers, so
 * the result is what `JSON.parse` gives wherever `JSON.parse` is exact. It needs no reviver source
 * access (not yet in every runtime) and no dependency.
 *
 * Throws `INVALID_ARGUMENT` when the text is not JSON.
 *
 * @example
 * ```ts
 * parseJsonLossless('{"room_session_id":858012925204410400,"n":7}');
 * // => { room_session_id: '858012925204410400', n: 7 }
 * ```
 */
export function parseJsonLossless(text: string): unknown {
  try {
    return JSON.parse(quoteUnsafeIntegers(text));
  } catch (error) {
    throw new RoomcastError('INVALID_ARGUMENT', `The body is not valid JSON (${(error as Error).message})`);
  }
}

/** Rewrites `text` so that every integer literal outside strings that is not a safe integer is quoted. */
export function quoteUnsafeIntegers(text: string): string {
  let out = '';
  let copiedUpTo = 0;
  let i = 0;
  while (i < text.length) {
    const char = text.charCodeAt(i);
    if (char === 0x22 /* " */) {
      i = endOfString(text, i);
      continue;
    }
    if (char === 0x2d /* - */ || (char >= 0x30 && char <= 0x39)) {
      NUMBER.lastIndex = i;
      const match = NUMBER.exec(text);
      if (match === null) {
        i++; // not a number: JSON.parse reports the syntax error
        continue;
      }
      const token = match[0];
      const isInteger = match[1] === undefined && match[2] === undefined;
      if (isInteger && !Number.isSafeInteger(Number(token))) {
        out += `${text.slice(copiedUpTo, i)}"${token}"`;
        copiedUpTo = i + token.length;
      }
      i += token.length;
      continue;
    }
    i++;
  }
  return copiedUpTo === 0 ? text : out + text.slice(copiedUpTo);
}

/** Index just past the string literal that opens at `start` (or the end of the text). */
function endOfString(text: string, start: number): number {
  let i = start + 1;
  while (i < text.length) {
    const char = text.charCodeAt(i);
    if (char === 0x5c /* \ */) i += 2;
    else if (char === 0x22) return i + 1;
    else i++;
  }
  return i;
}
