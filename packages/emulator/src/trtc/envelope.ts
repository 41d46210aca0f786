/** Tencent envelope: `ErrorCode, ErrorInfo, ActionStatus, RequestId` (+ `Response` for live-engine APIs). */
export function tencentBody(
  code: number,
  info: string,
  requestId: string,
  response?: Record<string, unknown>,
) {
  const body: Record<string, unknown> = {
    ErrorCode: code,
    ErrorInfo: info,
    ActionStatus: code === 0 ? 'OK' : 'FAIL',
    RequestId: requestId,
  };
  if (response !== undefined) body.Response = response;
  return body;
}

/** Tencent codes this emulator answers, with its messages. */
export const TENCENT_MESSAGES: Readonly<Record<number, string>> = {
  60002: 'HTTP parse error: REST APIs take POST with a JSON body',
  60003: 'request JSON parse error: the body must be a JSON object',
  60007: 'REST API call rate over limit',
  60009: 'request resource error: unknown service or command',
  60010: 'this API requires an App administrator as identifier',
  60012: 'SDKAppID missing in URL',
  60025: 'URL parameter error (sdkappid, identifier, usersig, random, contenttype=json)',
  100001: 'server internal error, please try again',
  100002: 'invalid parameter',
  100003: 'room already exists',
  100004: 'room does not exist, or has been dismissed',
  100601: 'the sender is muted',
  100602: 'message sending frequency limit reached, try again later',
  100603: 'message content too long (12 KB at most)',
};
