import { RoomcastError } from '../errors/roomcast-error.js';
import { describeType } from '../validation/checks.js';

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

/** True for hosts that never leave this machine: `localhost`, `127.0.0.0/8` and `::1`. */
export function isLoopbackHost(hostname: string): boolean {
  return LOOPBACK_HOSTS.has(hostname) || /^127(?:\.\d{1,3}){3}$/.test(hostname);
}

/**
 * Checks a provider's `baseUrl` and returns it without a trailing slash. HTTPS is required, except
 * for loopback hosts (the emulator, local tests), because vendors put signed values in the query.
 */
export function resolveBaseUrl(baseUrl: string, provider: string): string {
  // From plain JavaScript anything can arrive here; an object could not even be quoted below.
  if (typeof baseUrl !== 'string') {
    throw new RoomcastError(
      'INVALID_ARGUMENT',
      `baseUrl must be a URL string, got ${describeType(baseUrl)}`,
      {
        provider,
      },
    );
  }
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    throw new RoomcastError('INVALID_ARGUMENT', `baseUrl "${baseUrl}" is not an absolute URL`, { provider });
  }
  if (url.search !== '' || url.hash !== '') {
    throw new RoomcastError('INVALID_ARGUMENT', 'baseUrl must not contain a query or fragment', { provider });
  }
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) {
    throw new RoomcastError(
      'INVALID_ARGUMENT',
      `baseUrl must use https:// (plain http:// is accepted only for loopback hosts, got ${url.host})`,
      { provider },
    );
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new RoomcastError('INVALID_ARGUMENT', `baseUrl must use https://, got ${url.protocol}`, {
      provider,
    });
  }
  return (url.origin + url.pathname).replace(/\/+$/, '');
}

/** Joins a resolved base URL, a vendor path and an already-encoded query string. */
export function joinUrl(baseUrl: string, path: string, query: string): string {
  const normalizedPath = path.startsWith('/') ? path : `/${path}`;
  return query === '' ? baseUrl + normalizedPath : `${baseUrl}${normalizedPath}?${query}`;
}
