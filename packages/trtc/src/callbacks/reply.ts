import { jsonResponse, RoomcastError } from '@roomcast/core';
import { PROVIDER_ID } from '../version.js';
import type { TrtcBeforeSendReply, TrtcRewrite } from './types.js';

const answer = (ErrorCode: number, ErrorInfo = '', extra: Record<string, unknown> = {}) =>
  jsonResponse({ ActionStatus: 'OK', ErrorCode, ErrorInfo, ...extra });

/** Tencent's success answer; also the ignored answer to every after-callback. */
export const trtcAck = (): Response => answer(0);

const invalid = (message: string) =>
  new RoomcastError('INVALID_ARGUMENT', message, { provider: PROVIDER_ID });

/**
 * The answers to `Group.CallbackBeforeSendMsg`, always `ActionStatus: "OK"` (the effect of "FAIL"
 * is undocumented) with the decision in `ErrorCode`.
 *
 * @example
 * ```ts
 * trtcBeforeSendReply().reject(10101, 'Muted until 20:00'); // {"ActionStatus":"OK","ErrorCode":10101,"ErrorInfo":"Muted until 20:00"}
 * trtcBeforeSendReply().rewrite({ MsgBody: [{ MsgType: 'TIMTextElem', MsgContent: { Text: '***' } }] });
 * ```
 */
export function trtcBeforeSendReply(): TrtcBeforeSendReply {
  return {
    canRewrite: true,
    allow: () => answer(0),
    drop: () => answer(2),
    reject(code?: number, text?: string) {
      if (code === undefined || code === 1) return answer(1, text ?? '');
      if (!Number.isInteger(code) || code < 10100 || code > 10200) {
        throw invalid(
          `reject code must be 10100–10200 (passed to the sender) or omitted (the sender gets 10016); got ${code}`,
        );
      }
      return answer(code, text ?? '');
    },
    rewrite(body: TrtcRewrite) {
      const extra: Record<string, unknown> = {};
      if (body?.MsgBody !== undefined) {
        if (!Array.isArray(body.MsgBody) || body.MsgBody.length === 0)
          throw invalid('rewrite MsgBody must be a non-empty list');
        for (const [index, element] of body.MsgBody.entries()) {
          if (
            typeof element?.MsgType !== 'string' ||
            typeof element.MsgContent !== 'object' ||
            element.MsgContent === null
          ) {
            throw invalid(
              `rewrite MsgBody[${index}] needs MsgType (e.g. TIMTextElem) and a MsgContent object`,
            );
          }
        }
        extra.MsgBody = body.MsgBody;
      }
      if (body?.CloudCustomData !== undefined) {
        if (typeof body.CloudCustomData !== 'string')
          throw invalid('rewrite CloudCustomData must be a string');
        extra.CloudCustomData = body.CloudCustomData;
      }
      if (Object.keys(extra).length === 0) throw invalid('rewrite needs MsgBody, CloudCustomData or both');
      return answer(0, '', extra);
    },
  };
}
