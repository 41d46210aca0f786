/** Query parameters in order; a key may repeat (`['ToUserId[]', 'a'], ['ToUserId[]', 'b']`). */
export type ZegoQueryParams = ReadonlyArray<readonly [string, string]>;

/**
 * Percent-encodes a query value by RFC 3986: everything but `A–Z a–z 0–9 - . _ ~` becomes `%XX` of
 * its UTF-8 bytes. So `+` is `%2B` (never read as a space), a space is `%20` (not the form-style
 * `+` of ZEGO's samples, which a strict decoder would keep as a literal plus), and `& = %`, emoji
 * and CJK arrive byte-exact under any decoder. Throws `URIError` on a lone surrogate.
 */
export function encodeQueryValue(value: string): string {
  return encodeURIComponent(value).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/**
 * Encodes a key like a value but keeps `[]` literal: ZEGO documents array parameters as repeated
 * `ToUserId[]=a&ToUserId[]=b`, so the brackets are sent as written.
 */
export function encodeQueryKey(key: string): string {
  return encodeQueryValue(key).replace(/%5B/g, '[').replace(/%5D/g, ']');
}

/** Joins parameters into a query string (no leading `?`), in order. */
export function buildQuery(params: ZegoQueryParams): string {
  return params.map(([key, value]) => `${encodeQueryKey(key)}=${encodeQueryValue(value)}`).join('&');
}
