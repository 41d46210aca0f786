import {
  type BroadcastMessage,
  describeType,
  type ProviderRequest,
  RoomcastError,
  type SignalMessage,
} from '@roomcast/core';
import type { SendCustomMsgRequest, SendTextMsgRequest } from '../client/types.js';
import { validateSendCustomMsg, validateSendTextMsg } from '../client/validate.js';
import { PROVIDER_ID } from '../version.js';

/** Vendor options a message may carry under `extensions.trtc`. */
export interface TrtcBroadcastExtensions {
  /** `send_text_msg`'s `ExtensionInfo`: an escaped JSON string delivered as `CloudCustomData`. */
  ExtensionInfo?: string;
}

/** The vendor body of one unified request. */
export type MappedRequest =
  | { command: 'send_custom_msg'; body: SendCustomMsgRequest }
  | { command: 'send_text_msg'; body: SendTextMsgRequest };

function extensionsOf(message: { extensions?: Readonly<Record<string, unknown>> }, operation: string) {
  const raw = message.extensions?.[PROVIDER_ID];
  if (raw === undefined) return {};
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new RoomcastError(
      'INVALID_ARGUMENT',
      `extensions.trtc must be an object, got ${describeType(raw)}`,
      {
        provider: PROVIDER_ID,
        operation,
      },
    );
  }
  return raw as Record<string, unknown>;
}

function rejectUnknownExtensions(
  extensions: Record<string, unknown>,
  allowed: readonly string[],
  operation: string,
) {
  const unknown = Object.keys(extensions).filter((key) => !allowed.includes(key));
  if (unknown.length > 0) {
    const accepted = allowed.length === 0 ? 'none' : allowed.join(', ');
    throw new RoomcastError(
      'INVALID_ARGUMENT',
      `extensions.trtc has unknown option(s) ${unknown.join(', ')} for ${operation} (accepted: ${accepted})`,
      { provider: PROVIDER_ID, operation },
    );
  }
}

function mapSignal(message: SignalMessage, recipients: readonly string[] | undefined): MappedRequest {
  const operation = 'send_custom_msg';
  const context = { provider: PROVIDER_ID, operation };
  if (message.to !== undefined || recipients !== undefined) {
    throw new RoomcastError(
      'UNSUPPORTED',
      'trtc signal messages reach the whole live room: Tencent live rooms (send_custom_msg) cannot address individual users. Remove `to`, or use a provider whose signal kind supports users in a room (zego-rtc, zego-zim)',
      context,
    );
  }
  if (message.type === undefined || message.type === '') {
    throw new RoomcastError(
      'INVALID_ARGUMENT',
      "trtc signal messages need `type`: it is sent as Tencent's BusinessId, which receivers use to tell custom messages apart",
      context,
    );
  }
  if (typeof message.type !== 'string' && typeof message.type !== 'number') {
    throw new RoomcastError(
      'INVALID_ARGUMENT',
      `type must be a string or a number, got ${describeType(message.type)}`,
      context,
    );
  }
  rejectUnknownExtensions(extensionsOf(message, operation), [], operation);
  const body: SendCustomMsgRequest = {
    RoomId: message.roomId,
    BusinessId: String(message.type),
    Data: message.data,
  };
  if (message.from !== undefined) body.Sender_Account = message.from;
  validateSendCustomMsg(body, context);
  return { command: operation, body };
}

function mapBroadcast(message: BroadcastMessage): MappedRequest {
  const operation = 'send_text_msg';
  const context = { provider: PROVIDER_ID, operation };
  const extensions = extensionsOf(message, operation);
  rejectUnknownExtensions(extensions, ['ExtensionInfo'], operation);
  // fromName and category are ZEGO concepts with no live-room field; they are ignored on purpose.
  const body: SendTextMsgRequest = {
    RoomId: message.roomId,
    Sender_Account: message.from,
    TextContent: message.text,
  };
  if (extensions.ExtensionInfo !== undefined) body.ExtensionInfo = extensions.ExtensionInfo as string;
  validateSendTextMsg(body, context);
  return { command: operation, body };
}

/** Maps and checks one unified request; throws before any network call when it cannot be sent. */
export function mapRequest(request: ProviderRequest): MappedRequest {
  switch (request.kind) {
    case 'signal':
      return mapSignal(request.message, request.recipients);
    case 'broadcast':
      return mapBroadcast(request.message);
    default:
      throw new RoomcastError(
        'UNSUPPORTED',
        `trtc does not support the ${request.kind} kind (only signal and broadcast)`,
        {
          provider: PROVIDER_ID,
        },
      );
  }
}
