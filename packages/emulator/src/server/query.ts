/**
 * A query string parsed the way ZEGO's examples encode it: `+` and `%20` are spaces, keys are
 * percent-decoded too (so `ToUserId%5B%5D` and `ToUserId[]` are the same key), repeated keys are
 * kept in order.
 */
export interface ParsedQuery {
  /** The first value of a key (Go's `url.Values.Get` semantics). */
  get(name: string): string | undefined;
  /** Every value of a repeated key, in order. */
  getAll(name: string): string[];
  has(name: string): boolean;
  /** Keys whose key or value was not valid percent-encoding/UTF-8 (ZEGO answers code 8). */
  readonly malformed: readonly string[];
}

export function parseQuery(raw: string): ParsedQuery {
  const map = new Map<string, string[]>();
  const malformed: string[] = [];
  if (raw !== '') {
    for (const part of raw.split('&')) {
      if (part === '') continue;
      const eq = part.indexOf('=');
      const rawKey = eq < 0 ? part : part.slice(0, eq);
      const rawValue = eq < 0 ? '' : part.slice(eq + 1);
      const key = decode(rawKey);
      const value = decode(rawValue);
      const name = key ?? rawKey;
      if (key === undefined || value === undefined) malformed.push(name);
      const list = map.get(name);
      if (list) list.push(value ?? rawValue);
      else map.set(name, [value ?? rawValue]);
    }
  }
  return {
    get: (name) => map.get(name)?.[0],
    getAll: (name) => map.get(name) ?? [],
    has: (name) => map.has(name),
    malformed,
  };
}

function decode(text: string): string | undefined {
  if (text.indexOf('%') < 0 && text.indexOf('+') < 0) return text;
  try {
    return decodeURIComponent(text.replaceAll('+', ' '));
  } catch {
    return undefined;
  }
}
