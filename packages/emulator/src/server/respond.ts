import type { ServerResponse } from 'node:http';

const JSON_TYPE = 'application/json; charset=utf-8';

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  extraHeaders?: Record<string, string>,
): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': JSON_TYPE,
    'content-length': Buffer.byteLength(text),
    ...extraHeaders,
  });
  res.end(text);
}

/** The kind of page a load balancer in front of the vendor answers with. */
export function sendHtmlError(res: ServerResponse, status: number): void {
  const reason = status === 502 ? 'Bad Gateway' : status === 503 ? 'Service Unavailable' : 'Error';
  const text = `<html>\r\n<head><title>${status} ${reason}</title></head>\r\n<body>\r\n<center><h1>${status} ${reason}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`;
  res.writeHead(status, { 'content-type': 'text/html', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

/** HTTP 200 with JSON cut off mid-way. */
export function sendMalformed(res: ServerResponse, prefix: string): void {
  res.writeHead(200, { 'content-type': JSON_TYPE, 'content-length': Buffer.byteLength(prefix) });
  res.end(prefix);
}
