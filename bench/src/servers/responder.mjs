// The trivial local responder: a bare node:http server that answers every request with the vendor's
// success JSON for its action, checking nothing. Client-overhead benchmarks point both the roomcast
// provider and the hand-written baseline at it, so the difference between them is client cost only.
// Runs as a child process (fork) so its CPU is not counted as the client's.
import { createServer } from 'node:http';

/** Recipients the overhead benchmarks address (ZIM answers one SuccList entry per recipient). */
export const ZIM_RECIPIENTS = Array.from({ length: 100 }, (_, i) => `user-${i}`);

const json = (value) => Buffer.from(JSON.stringify(value));

// Byte-for-byte the documented success answers (vendor-apis.md §1.5, §1.6, §2.4, §3.4).
const answers = {
  SendCustomCommand: json({
    Code: 0,
    Message: 'success',
    RequestId: '3005402395393320157',
    Data: { FailUsers: [] },
  }),
  SendPeerMessage: json({
    Code: 0,
    Message: 'success',
    RequestId: '343649807833778782',
    ErrorList: [],
    SuccList: ZIM_RECIPIENTS.map((UserId, i) => ({ UserId, MsgId: String(6654861479614 + i), MsgSeq: 1 })),
    AuditInfos: [],
  }),
  send_custom_msg: json({
    ActionStatus: 'OK',
    ErrorInfo: '',
    ErrorCode: 0,
    RequestId: 'Id-b6454678e8a647ffa476ec1fee1263d1-O-Seq-2433991',
    Response: { MsgTime: 1750074537, MsgSeq: 26, MsgDropReason: '' },
  }),
};
const notFound = json({ Code: 404, Message: 'unknown action' });

function actionOf(url) {
  const match = /[?&]Action=([A-Za-z]+)/.exec(url);
  if (match) return match[1];
  const path = url.split('?', 1)[0];
  return path.slice(path.lastIndexOf('/') + 1);
}

/** Starts the responder; `latencyMs` delays every answer (a stand-in for the vendor's round trip). */
export function startResponder({ port = 0, latencyMs = 0 } = {}) {
  const server = createServer((req, res) => {
    const body = answers[actionOf(req.url ?? '')] ?? notFound;
    // Drain the request body (POST) before answering, as a real server would.
    req.resume();
    req.on('end', () => {
      const answer = () => {
        res.writeHead(200, {
          'content-type': 'application/json; charset=utf-8',
          'content-length': body.length,
        });
        res.end(body);
      };
      if (latencyMs > 0) setTimeout(answer, latencyMs);
      else answer();
    });
  });
  server.keepAliveTimeout = 60_000;
  server.connections = 0;
  server.on('connection', () => server.connections++);
  return new Promise((resolve) => {
    server.listen(port, '127.0.0.1', () => resolve(server));
  });
}

if (process.send) {
  const server = await startResponder({ latencyMs: Number(process.argv[2] ?? 0) });
  process.send({ ready: true, url: `http://127.0.0.1:${server.address().port}` });
  process.on('message', (message) => {
    if (message === 'stop') server.close(() => process.exit(0));
    // Sockets opened so far: a client that does not reuse connections shows up here.
    if (message === 'stats') process.send({ connections: server.connections });
  });
  process.on('disconnect', () => process.exit(0));
}
