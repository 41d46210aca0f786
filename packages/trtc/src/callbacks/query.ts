/** A callback URL's query: parsed, as text, or as a plain record (Express `req.query`). */
export type TrtcCallbackQuery =
  | URLSearchParams
  | string
  | Readonly<Record<string, string | readonly string[] | undefined>>;

/**
 * Tencent's query keys, read case-insensitively: its own pages write both `SdkAppid` and
 * `SdkAppId`, and `contenttype` in both cases. The first value wins for a repeated key.
 */
export function queryReader(query: TrtcCallbackQuery): (key: string) => string | undefined {
  const params =
    query instanceof URLSearchParams
      ? query
      : typeof query === 'string'
        ? new URLSearchParams(query.startsWith('?') ? query.slice(1) : query)
        : undefined;
  const entries: [string, string][] = [];
  if (params !== undefined) for (const [key, value] of params) entries.push([key, value]);
  else {
    for (const [key, value] of Object.entries(query as Record<string, unknown>)) {
      const first = Array.isArray(value) ? value[0] : value;
      if (typeof first === 'string') entries.push([key, first]);
    }
  }
  return (key) => {
    const wanted = key.toLowerCase();
    return entries.find(([k]) => k.toLowerCase() === wanted)?.[1];
  };
}
