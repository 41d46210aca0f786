/** An API answer: the HTTP status and the parsed JSON body. */
export interface ApiReply<T = unknown> {
  status: number;
  ok: boolean;
  body: T;
}

async function call<T>(method: string, path: string, body?: unknown): Promise<ApiReply<T>> {
  const init: RequestInit = { method };
  if (body !== undefined) {
    init.body = JSON.stringify(body);
    init.headers = { 'content-type': 'application/json' };
  }
  const response = await fetch(path, init);
  const parsed = (await response.json().catch(() => ({}))) as T;
  return { status: response.status, ok: response.ok, body: parsed };
}

export const api = {
  get: <T>(path: string) => call<T>('GET', path),
  post: <T>(path: string, body: unknown) => call<T>('POST', path, body),
  delete: <T>(path: string) => call<T>('DELETE', path),
};

/** The message of an API error answer (`{ error: { message } }`), for display. */
export function errorMessage(body: unknown): string {
  const error = (body as { error?: { message?: unknown } } | undefined)?.error;
  return typeof error?.message === 'string' ? error.message : 'request failed';
}
