/**
 * A JSON `Response` for a vendor: status 200 unless told otherwise. Vendors judge a callback by
 * its status (2xx) and, for "before send" hooks, by this body.
 *
 * @example
 * ```ts
 * return jsonResponse({ result: 2 }); // ZIM: silent drop
 * ```
 */
export function jsonResponse(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8' },
  });
}
