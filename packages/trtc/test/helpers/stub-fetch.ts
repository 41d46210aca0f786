/** A recorded request of {@link stubFetch}. */
export interface RecordedRequest {
  url: URL;
  method: string;
  body: unknown;
}

type Answer = unknown | ((request: RecordedRequest) => unknown);

/**
 * A `fetch` that answers from a queue of JSON bodies (or raw `Response`s) and records every
 * request, for tests that need exact control over Tencent's answers without a server.
 */
export function stubFetch(...answers: Answer[]) {
  const requests: RecordedRequest[] = [];
  const queue = [...answers];
  const fetch = async (input: Request | string | URL, init?: RequestInit): Promise<Response> => {
    const request = input instanceof Request ? input : new Request(input, init);
    const text = await request.text();
    const recorded: RecordedRequest = {
      url: new URL(request.url),
      method: request.method,
      body: text === '' ? undefined : JSON.parse(text),
    };
    requests.push(recorded);
    const next = queue.length > 1 ? queue.shift() : queue[0];
    const answer = typeof next === 'function' ? (next as (r: RecordedRequest) => unknown)(recorded) : next;
    if (answer instanceof Response) return answer;
    return new Response(JSON.stringify(answer), {
      status: 200,
      headers: { 'content-type': 'application/json' },
    });
  };
  return { fetch: fetch as typeof globalThis.fetch, requests, queue };
}

/** A Tencent success envelope. */
export function okEnvelope(response: Record<string, unknown> = {}, requestId = 'Id-test-O-Seq-1') {
  return { ActionStatus: 'OK', ErrorCode: 0, ErrorInfo: '', RequestId: requestId, Response: response };
}

/** A Tencent failure envelope. */
export function failEnvelope(code: number, info = 'failed', requestId = 'Id-test-O-Seq-2') {
  return { ActionStatus: 'FAIL', ErrorCode: code, ErrorInfo: info, RequestId: requestId };
}

/** Credentials for stubbed clients. */
export const STUB_CREDENTIALS = {
  sdkAppId: 1400000000,
  secretKey: '5bd2850fff3ecb11d7c805251c51ee463a25727bddc2385f3fa8bfee1bb93b5e',
  adminUserId: 'administrator',
} as const;
