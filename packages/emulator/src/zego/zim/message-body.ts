import { utf8Bytes } from '../../util/utf8.js';
import { fail, type ZegoCall } from '../handler.js';
import { choice } from './params.js';

/** A validated message: what the receiving client shows, plus the vendor fields for `raw`. */
export interface ZimMessage {
  type: number;
  /** The text (or, for IsBase64 command messages, the decoded bytes read as UTF-8). */
  content: string;
  /** `HasReceipt: 1` (room messages refuse it with 660300013). */
  hasReceipt: boolean;
  raw: Record<string, unknown>;
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/**
 * MessageType, MessageBody, SubMsgType and SearchedContent, checked as the messaging pages
 * describe (§2.3): `Message` required; per-type byte limits on the bytes before any base64 (660400001);
 * ExtendedData ≤ 1 KB; IsBase64 must decode (660000025); SubMsgType 0..200 required for type 200.
 */
export function readMessage(
  call: ZegoCall,
  body: Record<string, unknown>,
  allowedTypes: readonly number[],
): ZimMessage {
  const type = choice(body, 'MessageType', allowedTypes);
  const mb = body.MessageBody;
  if (typeof mb !== 'object' || mb === null || Array.isArray(mb))
    fail(660000002, 'MessageBody object is required');
  const messageBody = mb as Record<string, unknown>;
  const message = messageBody.Message;
  if (typeof message !== 'string' || message === '') fail(660000002, 'MessageBody.Message is required');

  let content = message;
  let bytes = utf8Bytes(message);
  const isBase64 = type === 2 && messageBody.IsBase64 === 1;
  let binary: string | undefined;
  if (isBase64) {
    if (!BASE64.test(message) || message.length % 4 !== 0) {
      fail(660000025, 'MessageBody.Message is not valid base64 but IsBase64 is 1');
    }
    const decoded = Buffer.from(message, 'base64');
    bytes = decoded.length;
    content = decoded.toString('utf8');
    binary = message;
  }
  const max = call.ctx.sizes.zimMessageBytes[type] ?? 2048;
  if (bytes > max)
    fail(660400001, `MessageBody.Message is ${bytes} bytes; MessageType ${type} allows ${max}`);

  const extended = messageBody.ExtendedData;
  if (extended !== undefined && typeof extended !== 'string')
    fail(660000002, 'MessageBody.ExtendedData must be a string');
  const extMax = call.ctx.sizes.zimExtendedDataBytes;
  if (typeof extended === 'string' && utf8Bytes(extended) > extMax) {
    fail(660400001, `MessageBody.ExtendedData is ${utf8Bytes(extended)} bytes; the limit is ${extMax}`);
  }
  const hasReceipt = choice(messageBody, 'HasReceipt', [0, 1], 0);

  let subMsgType: number | undefined;
  let searched: string | undefined;
  if (type === 200) {
    const sub = body.SubMsgType;
    if (!Number.isInteger(sub) || (sub as number) < 0 || (sub as number) > 200) {
      fail(660000002, 'SubMsgType (0..200) is required for MessageType 200');
    }
    subMsgType = sub as number;
    if (body.SearchedContent !== undefined) {
      if (typeof body.SearchedContent !== 'string') fail(660000002, 'SearchedContent must be a string');
      const max = call.ctx.sizes.zimSearchedContentBytes;
      if (utf8Bytes(body.SearchedContent) > max)
        fail(660000002, `SearchedContent is longer than ${max} bytes`);
      searched = body.SearchedContent;
    }
  }
  return {
    type,
    content,
    hasReceipt: hasReceipt === 1,
    raw: {
      type,
      message: content,
      ...(binary !== undefined ? { isBase64: true, messageBase64: binary } : {}),
      ...(typeof extended === 'string' ? { extendedData: extended } : {}),
      ...(hasReceipt === 1 ? { hasReceipt: true } : {}),
      ...(subMsgType !== undefined ? { subType: subMsgType } : {}),
      ...(searched !== undefined ? { searchedContent: searched } : {}),
    },
  };
}
