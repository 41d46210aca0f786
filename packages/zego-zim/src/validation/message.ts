import {
  type CheckContext,
  checkByteLength,
  formatCount,
  RoomcastError,
  requireInteger,
  requireObject,
  requireString,
  utf8ByteLength,
} from '@roomcast/core';
import { ZIM_FIELD_LIMITS } from '../limits.js';
import { messageTypeName, type ZimMessageTypeName } from '../types/message-types.js';
import { decodedBase64Length, encodeBase64, isBase64 } from './base64.js';
import { combinedMessageText } from './combined.js';
import { invalid, optionalFlag, rejectUnknownKeys } from './context.js';
import { mediaMessageText } from './media.js';
import { checkOfflinePush } from './offline-push.js';

/** What one ZIM action accepts in its message fields. */
export interface MessageRules {
  /** `MessageType` values the action takes. */
  types: readonly number[];
  /** Whether `OfflinePush` is accepted, and with `PushImageInfo` (all users only). */
  offlinePush: 'no' | 'yes' | 'with-images';
  /** Whether `HasReceipt` is accepted (not for rooms). */
  receipts: boolean;
  /** Whether custom messages may carry `SearchedContent` (not for all-users messages). */
  searchable: boolean;
}

/** The message fields of a request body, ready for the wire. */
export interface EncodedMessage {
  MessageType: number;
  MessageBody: Record<string, unknown>;
  SubMsgType?: number;
  SearchedContent?: string;
}

function tooLarge(
  field: string,
  bytes: number,
  limit: number,
  type: ZimMessageTypeName,
  unit: string,
  context: CheckContext,
) {
  return new RoomcastError(
    'PAYLOAD_TOO_LARGE',
    `${field} is ${formatCount(bytes)} bytes (${unit}); ZIM allows ${formatCount(limit)} for ${type} messages ` +
      `(if ZEGO raised your app's limit, set maxMessageBytes.${type})`,
    context,
  );
}

/** Returns the wire text of a command `Message` and sets `IsBase64` for binary input. */
function commandMessage(
  body: Record<string, unknown>,
  out: Record<string, unknown>,
  limit: number,
  context: CheckContext,
): void {
  const flag = optionalFlag(body.IsBase64, 'MessageBody.IsBase64', context);
  const message = body.Message;
  if (message instanceof Uint8Array) {
    if (flag === 0)
      throw invalid(
        'MessageBody.IsBase64 must not be 0 when Message is a Uint8Array (binary is sent as base64)',
        context,
      );
    if (message.length === 0) throw invalid('MessageBody.Message must not be empty', context);
    if (message.length > limit)
      throw tooLarge('MessageBody.Message', message.length, limit, 'command', 'binary', context);
    out.Message = encodeBase64(message);
    out.IsBase64 = 1;
    return;
  }
  const text = requireString(message, 'MessageBody.Message', context);
  if (flag === 1) {
    if (!isBase64(text)) {
      throw invalid(
        'MessageBody.Message must be standard padded base64 when IsBase64 is 1 (ZIM answers 660000025 otherwise)',
        context,
      );
    }
    const bytes = decodedBase64Length(text);
    if (bytes > limit)
      throw tooLarge('MessageBody.Message', bytes, limit, 'command', 'after base64 decoding', context);
  } else {
    const bytes = utf8ByteLength(text);
    if (bytes > limit) throw tooLarge('MessageBody.Message', bytes, limit, 'command', 'UTF-8', context);
  }
  out.Message = text;
  if (flag !== undefined) out.IsBase64 = flag;
}

function messageText(type: number, message: unknown, context: CheckContext): string {
  const field = 'MessageBody.Message';
  if (type === 10) return combinedMessageText(message, field, context);
  if (type >= 11 && type <= 14) return mediaMessageText(type as 11 | 12 | 13 | 14, message, field, context);
  return requireString(message, field, context);
}

/**
 * Validates the message fields of a request (`MessageType`, `MessageBody`, `SubMsgType`,
 * `SearchedContent`) against what `rules` allow and the per-type size `limits`, and returns them
 * encoded for the wire: media and combined documents serialized, binary commands base64-encoded.
 */
export function encodeMessage(
  request: Record<string, unknown>,
  rules: MessageRules,
  limits: Readonly<Record<ZimMessageTypeName, number>>,
  context: CheckContext,
): EncodedMessage {
  const type = request.MessageType;
  if (typeof type !== 'number' || !rules.types.includes(type)) {
    const known = typeof type === 'number' ? messageTypeName(type) : undefined;
    const why = known
      ? `${known} messages (${type}) are not accepted here`
      : 'MessageType is not a ZIM message type';
    throw invalid(`${why}; use one of ${rules.types.join(', ')}`, context);
  }
  const name = messageTypeName(type) as ZimMessageTypeName;
  const body = requireObject(request.MessageBody, 'MessageBody', context);
  const isCommand = type === 2;
  const takesPush = !isCommand && type !== 20 && rules.offlinePush !== 'no';
  const takesReceipt = !isCommand && type !== 20 && rules.receipts;
  const allowed = ['Message', 'ExtendedData'];
  if (isCommand) allowed.push('IsBase64');
  if (takesPush) allowed.push('OfflinePush');
  if (takesReceipt) allowed.push('HasReceipt');
  rejectUnknownKeys(body, allowed, 'MessageBody', context);

  const wire: Record<string, unknown> = {};
  if (isCommand) commandMessage(body, wire, limits.command, context);
  else {
    const text = messageText(type, body.Message, context);
    const bytes = utf8ByteLength(text);
    if (bytes > limits[name])
      throw tooLarge('MessageBody.Message', bytes, limits[name], name, 'UTF-8', context);
    wire.Message = text;
  }
  if (body.ExtendedData !== undefined) {
    const extended = requireString(body.ExtendedData, 'MessageBody.ExtendedData', context);
    checkByteLength(extended, ZIM_FIELD_LIMITS.extendedDataBytes, 'MessageBody.ExtendedData', {
      ...context,
      vendor: 'ZIM',
    });
    wire.ExtendedData = extended;
  }
  if (body.OfflinePush !== undefined) {
    wire.OfflinePush = checkOfflinePush(
      body.OfflinePush,
      'MessageBody.OfflinePush',
      rules.offlinePush === 'with-images',
      context,
    );
  }
  const receipt = optionalFlag(body.HasReceipt, 'MessageBody.HasReceipt', context);
  if (receipt !== undefined) wire.HasReceipt = receipt;

  const encoded: EncodedMessage = { MessageType: type, MessageBody: wire };
  if (type === 200) {
    encoded.SubMsgType = requireInteger(
      request.SubMsgType,
      'SubMsgType',
      0,
      ZIM_FIELD_LIMITS.subMsgTypeMax,
      context,
    );
  } else if (request.SubMsgType !== undefined) {
    throw invalid('SubMsgType is only for custom messages (MessageType 200)', context);
  }
  if (request.SearchedContent !== undefined) {
    if (type !== 200 || !rules.searchable) {
      throw invalid(
        rules.searchable
          ? 'SearchedContent is only for custom messages (MessageType 200)'
          : 'SearchedContent is not accepted here',
        context,
      );
    }
    const searched = requireString(request.SearchedContent, 'SearchedContent', context);
    checkByteLength(searched, ZIM_FIELD_LIMITS.searchedContentBytes, 'SearchedContent', {
      ...context,
      vendor: 'ZIM',
    });
    encoded.SearchedContent = searched;
  }
  return encoded;
}
