import { createHash } from 'node:crypto';

/** One request the fake gateway saw. */
export interface SeenRequest {
  url: URL;
  method: string;
  body: string;
  /** Whether the signature matched (computed here with node:crypto, independently of src/). */
  signatureOk: boolean;
}

/**
 * A scripted stand-in for the ZEGO gateway, injected as `fetch`: it records each request, checks
 * its signature and answers with the next scripted body (the last one repeats).
 */
export function fakeGateway(serverSecret: string, answers: unknown[]) {
  const seen: SeenRequest[] = [];
  const fetchImpl = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = input instanceof Request ? input : new Request(input, init);
    const url = new URL(request.url);
    const q = url.searchParams;
    const expected = createHash('md5')
      .update(`${q.get('AppId')}${q.get('SignatureNonce')}${serverSecret}${q.get('Timestamp')}`)
      .digest('hex');
    seen.push({
      url,
      method: request.method,
      body: await request.text(),
      signatureOk: expected === q.get('Signature'),
    });
    const answer = answers[Math.min(seen.length - 1, answers.length - 1)];
    return new Response(typeof answer === 'string' ? answer : JSON.stringify(answer), {
      status: 200,
      headers: { 'content-type': 'application/json' },
    });
  };
  return { fetch: fetchImpl as typeof fetch, seen };
}
