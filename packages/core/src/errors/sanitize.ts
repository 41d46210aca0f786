/**
 * Vendors put signed values (ZEGO `Signature`, Tencent `usersig`) and even message content in the
 * query string, so any URL that reaches an error or a hook is cut down to origin and path.
 */
const URL_PATTERN = /\b(https?:\/\/[^\s?#"'<>]+)(?:[?#][^\s"'<>]*)?/gi;

/** Removes query strings and fragments from every URL inside `text`. */
export function stripUrlQueries(text: string): string {
  return text.replace(URL_PATTERN, '$1');
}

/** `origin + pathname` of a URL, or `undefined` when it does not parse. */
export function safeUrl(url: string | URL): string | undefined {
  try {
    const parsed = typeof url === 'string' ? new URL(url) : url;
    return parsed.origin + parsed.pathname;
  } catch {
    return undefined;
  }
}

/** The safe summary of a cause: its class name and a message with every URL query removed. */
export interface SafeCause {
  readonly name: string;
  readonly message: string;
  /** Node's system error code (`ECONNREFUSED`, …) when there is one. */
  readonly code?: string;
}

/**
 * Turns an arbitrary thrown value into a {@link SafeCause}. Only the name, the URL-stripped message
 * and a short system code survive: request objects, headers, bodies and nested causes are dropped,
 * because they are where credentials hide.
 */
export function toSafeCause(value: unknown): SafeCause | undefined {
  if (value === undefined || value === null) return undefined;
  if (value instanceof Error || (typeof value === 'object' && 'message' in value)) {
    const error = value as { name?: unknown; message?: unknown; code?: unknown; cause?: unknown };
    const name = typeof error.name === 'string' ? error.name : 'Error';
    const message = typeof error.message === 'string' ? stripUrlQueries(error.message) : '';
    const code = systemCode(error);
    return code === undefined ? { name, message } : { name, message, code };
  }
  return { name: typeof value, message: stripUrlQueries(String(value)).slice(0, 200) };
}

/** The first Node system error code (`ECONNREFUSED`, `UND_ERR_SOCKET`) along a short cause chain. */
export function systemCode(value: unknown): string | undefined {
  let current = value;
  for (let depth = 0; depth < 4 && typeof current === 'object' && current !== null; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && /^[A-Z][A-Z0-9_]{1,40}$/.test(code)) return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}
