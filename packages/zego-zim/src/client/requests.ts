import { type CheckContext, requireInteger, requireObject, requireRecipients } from '@roomcast/core';
import type { ZimMessageTypeName } from '../types/message-types.js';
import { contextFor, optionalBoolean, optionalFlag, rejectUnknownKeys } from '../validation/context.js';
import {
  requireZimGroupId,
  requireZimRecipients,
  requireZimRoomId,
  requireZimUserId,
} from '../validation/ids.js';
import { encodeMessage } from '../validation/message.js';
import { MESSAGE_RULES } from './rules.js';

type Limits = Readonly<Record<ZimMessageTypeName, number>>;
type Body = Record<string, unknown>;

const MESSAGE_KEYS = ['MessageType', 'MessageBody', 'SubMsgType', 'SearchedContent'];

function start(input: unknown, action: keyof typeof MESSAGE_RULES, keys: readonly string[]) {
  const context = contextFor(action);
  const request = requireObject(input, `${action} request`, context);
  rejectUnknownKeys(request, [...keys, ...MESSAGE_KEYS], 'request', context);
  return { context, request };
}

function priority(value: unknown, context: CheckContext): number {
  return requireInteger(value, 'Priority', 1, 3, context);
}

/** Copies the optional fields that are set, so `undefined` never reaches the JSON body. */
function withOptional(body: Body, optional: Body): Body {
  for (const [key, value] of Object.entries(optional)) if (value !== undefined) body[key] = value;
  return body;
}

function sendMsgOptions(value: unknown, group: boolean, context: CheckContext): Body | undefined {
  if (value === undefined) return undefined;
  const options = requireObject(value, 'SendMsgOptions', context);
  rejectUnknownKeys(options, group ? ['NoUnread', 'TargetOption'] : ['NoUnread'], 'SendMsgOptions', context);
  const out: Body = {};
  const noUnread = optionalBoolean(options.NoUnread, 'SendMsgOptions.NoUnread', context);
  if (noUnread !== undefined) out.NoUnread = noUnread;
  if (options.TargetOption !== undefined) {
    const field = 'SendMsgOptions.TargetOption';
    const target = requireObject(options.TargetOption, field, context);
    rejectUnknownKeys(target, ['ReceiverUserIds', 'Inclusive'], field, context);
    // The docs give no maximum for this list; the vendor is the judge of its length.
    const ids = requireRecipients(
      target.ReceiverUserIds,
      `${field}.ReceiverUserIds`,
      Number.MAX_SAFE_INTEGER,
      context,
    );
    for (const [index, id] of ids.entries())
      requireZimUserId(id, `${field}.ReceiverUserIds[${index}]`, context);
    out.TargetOption = withOptional(
      { ReceiverUserIds: ids },
      { Inclusive: optionalBoolean(target.Inclusive, `${field}.Inclusive`, context) },
    );
  }
  return out;
}

/** Validates a `SendPeerMessage` request and returns its JSON body. */
export function encodeSendPeerMessage(input: unknown, limits: Limits): Body {
  const { context, request } = start(input, 'SendPeerMessage', [
    'FromUserId',
    'ToUserId',
    'Priority',
    'SenderUnaware',
    'SendMsgOptions',
  ]);
  const from = requireZimUserId(request.FromUserId, 'FromUserId', context);
  const to = requireZimRecipients(request.ToUserId, 'ToUserId', from, context);
  const message = encodeMessage(request, MESSAGE_RULES.SendPeerMessage, limits, context);
  return withOptional(
    {
      FromUserId: from,
      ToUserId: to,
      MessageType: message.MessageType,
      Priority: priority(request.Priority, context),
    },
    {
      MessageBody: message.MessageBody,
      SubMsgType: message.SubMsgType,
      SearchedContent: message.SearchedContent,
      SenderUnaware: optionalFlag(request.SenderUnaware, 'SenderUnaware', context),
      SendMsgOptions: sendMsgOptions(request.SendMsgOptions, false, context),
    },
  );
}

/** Validates a `SendGroupMessage` request and returns its JSON body. */
export function encodeSendGroupMessage(input: unknown, limits: Limits): Body {
  const { context, request } = start(input, 'SendGroupMessage', [
    'FromUserId',
    'GroupId',
    'Priority',
    'SendMsgOptions',
  ]);
  const from = requireZimUserId(request.FromUserId, 'FromUserId', context);
  const group = requireZimGroupId(request.GroupId, 'GroupId', context);
  const message = encodeMessage(request, MESSAGE_RULES.SendGroupMessage, limits, context);
  return withOptional(
    {
      FromUserId: from,
      GroupId: group,
      MessageType: message.MessageType,
      Priority: priority(request.Priority, context),
    },
    {
      MessageBody: message.MessageBody,
      SubMsgType: message.SubMsgType,
      SearchedContent: message.SearchedContent,
      SendMsgOptions: sendMsgOptions(request.SendMsgOptions, true, context),
    },
  );
}

/** Validates a `SendRoomMessage` request and returns its JSON body. */
export function encodeSendRoomMessage(input: unknown, limits: Limits): Body {
  const { context, request } = start(input, 'SendRoomMessage', [
    'FromUserId',
    'RoomId',
    'Priority',
    'SenderUnaware',
  ]);
  const from = requireZimUserId(request.FromUserId, 'FromUserId', context);
  const room = requireZimRoomId(request.RoomId, 'RoomId', context);
  const message = encodeMessage(request, MESSAGE_RULES.SendRoomMessage, limits, context);
  return withOptional(
    {
      FromUserId: from,
      RoomId: room,
      MessageType: message.MessageType,
      Priority: priority(request.Priority, context),
    },
    {
      MessageBody: message.MessageBody,
      SubMsgType: message.SubMsgType,
      SearchedContent: message.SearchedContent,
      SenderUnaware: optionalFlag(request.SenderUnaware, 'SenderUnaware', context),
    },
  );
}

/** Validates a `SendMessageToAllUsers` request and returns its JSON body. */
export function encodeSendMessageToAllUsers(input: unknown, limits: Limits): Body {
  const { context, request } = start(input, 'SendMessageToAllUsers', ['FromUserId', 'PushType']);
  const from = requireZimUserId(request.FromUserId, 'FromUserId', context);
  const message = encodeMessage(request, MESSAGE_RULES.SendMessageToAllUsers, limits, context);
  const pushType =
    request.PushType === undefined ? undefined : requireInteger(request.PushType, 'PushType', 0, 2, context);
  return withOptional(
    { FromUserId: from, MessageType: message.MessageType },
    { MessageBody: message.MessageBody, SubMsgType: message.SubMsgType, PushType: pushType },
  );
}

/** Validates a `QueryUserOnlineState` request and returns its query parameters (`UserId[]=…`). */
export function encodeQueryUserOnlineState(input: unknown): [string, string][] {
  const context = contextFor('QueryUserOnlineState');
  const request = requireObject(input, 'QueryUserOnlineState request', context);
  rejectUnknownKeys(request, ['UserId'], 'request', context);
  return requireZimRecipients(request.UserId, 'UserId', undefined, context).map((id) => ['UserId[]', id]);
}
