import type { MessagePriority, ProviderRequest } from '@roomcast/core';
import type { ZimPriority } from '../types/message-types.js';
import { invalid, PROVIDER_ID } from '../validation/context.js';
import { readExtensions, type ZegoZimExtensions } from './extensions.js';

/** Unified priority → ZIM `Priority`. Unset means `normal`. */
export const ZIM_PRIORITY: Readonly<Record<MessagePriority, ZimPriority>> = { low: 1, normal: 2, high: 3 };

/** The vendor action of each kind. */
export const ZIM_ACTION_OF_KIND = {
  direct: 'SendPeerMessage',
  signal: 'SendRoomMessage',
  broadcast: 'SendRoomMessage',
  barrage: 'SendRoomMessage',
} as const;

/** ZIM fields of a unified message, before sender and recipients or room are added. */
export interface VendorMessage {
  action: (typeof ZIM_ACTION_OF_KIND)[keyof typeof ZIM_ACTION_OF_KIND];
  fields: Record<string, unknown>;
}

/** `type` as a `SubMsgType`: a whole number 0–200, or its decimal string. */
function subMsgType(type: unknown, operation: string): number {
  if (type === undefined) return 0;
  const value = typeof type === 'string' && /^\d{1,3}$/.test(type) ? Number(type) : type;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > 200) {
    throw invalid('type must be a whole number from 0 to 200 (ZIM SubMsgType)', {
      provider: PROVIDER_ID,
      operation,
    });
  }
  return value;
}

/** MessageType, MessageBody, SubMsgType and SearchedContent of a `data` payload. */
function dataMessage(
  data: unknown,
  type: unknown,
  ext: ZegoZimExtensions,
  operation: string,
): Record<string, unknown> {
  const extended = ext.ExtendedData === undefined ? {} : { ExtendedData: ext.ExtendedData };
  if (ext.messageType === 2) {
    if (type !== undefined) {
      throw invalid('type (ZIM SubMsgType) applies to custom messages; commands (messageType 2) have none', {
        provider: PROVIDER_ID,
        operation,
      });
    }
    const isBase64 = ext.IsBase64 === undefined ? {} : { IsBase64: ext.IsBase64 };
    return { MessageType: 2, MessageBody: { Message: data, ...extended, ...isBase64 } };
  }
  const fields: Record<string, unknown> = {
    MessageType: 200,
    MessageBody: { Message: data, ...extended },
    SubMsgType: subMsgType(type, operation),
  };
  if (ext.SearchedContent !== undefined) fields.SearchedContent = ext.SearchedContent;
  return fields;
}

/**
 * Maps a unified message onto ZIM's fields: `direct` text → 1, `direct` data and `signal` → 200
 * (or 2), `broadcast` → 1, `barrage` → 20; priority and vendor options copied over.
 */
export function toVendorMessage(request: ProviderRequest): VendorMessage {
  const action = ZIM_ACTION_OF_KIND[request.kind];
  const message = request.message as unknown as Record<string, unknown>;
  const ext = readExtensions(request.kind, message, action);
  let fields: Record<string, unknown>;
  if (request.kind === 'signal' || (request.kind === 'direct' && message.data !== undefined)) {
    fields = dataMessage(message.data, message.type, ext, action);
  } else {
    const body: Record<string, unknown> = { Message: message.text };
    if (ext.ExtendedData !== undefined) body.ExtendedData = ext.ExtendedData;
    fields = { MessageType: request.kind === 'barrage' ? 20 : 1, MessageBody: body };
  }
  fields.Priority = ZIM_PRIORITY[(message.priority as MessagePriority | undefined) ?? 'normal'];
  if (ext.SenderUnaware !== undefined) fields.SenderUnaware = ext.SenderUnaware;
  if (request.kind === 'direct') {
    const body = fields.MessageBody as Record<string, unknown>;
    if (ext.OfflinePush !== undefined) body.OfflinePush = ext.OfflinePush;
    if (ext.HasReceipt !== undefined) body.HasReceipt = ext.HasReceipt;
    if (ext.NoUnread !== undefined) fields.SendMsgOptions = { NoUnread: ext.NoUnread };
  }
  return { action, fields };
}
