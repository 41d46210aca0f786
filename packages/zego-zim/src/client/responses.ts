import { RoomcastError } from '@roomcast/core';
import type { ZegoEnvelope } from '@roomcast/zego-common';
import type {
  QueryUserOnlineStateResponse,
  SendGroupMessageResponse,
  SendPeerMessageResponse,
  SendRoomMessageResponse,
  ZimAuditInfo,
  ZimErrorEntry,
  ZimResponseEnvelope,
  ZimSuccessEntry,
  ZimUserOnlineState,
} from '../types/responses.js';
import { PROVIDER_ID } from '../validation/context.js';

type Entry = Record<string, unknown>;

function entries(value: unknown): Entry[] {
  return Array.isArray(value)
    ? value.filter((item): item is Entry => typeof item === 'object' && item !== null)
    : [];
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';
}

/** The user id of a list entry. The docs' table spells it `UserID`, their example `UserId`: accept both. */
function userId(entry: Entry): string {
  return text(entry.UserId ?? entry.UserID);
}

/** `ErrorList` entries, normalized (`SubCode` 0 when ZIM left it out). */
export function readErrorList(value: unknown): ZimErrorEntry[] {
  return entries(value).map((entry) => ({
    UserId: userId(entry),
    SubCode: typeof entry.SubCode === 'number' ? entry.SubCode : 0,
  }));
}

function readSuccList(value: unknown): ZimSuccessEntry[] {
  return entries(value).map((entry) => {
    // MsgId is documented as a string (it can exceed 2^53); a number is stringified as received.
    const out: ZimSuccessEntry = { UserId: userId(entry), MsgId: text(entry.MsgId) };
    if (typeof entry.MsgSeq === 'number') out.MsgSeq = entry.MsgSeq;
    return out;
  });
}

function readAuditInfos(value: unknown): ZimAuditInfo[] {
  return entries(value).map((entry) => ({
    Index: typeof entry.Index === 'number' ? entry.Index : -1,
    Reason: text(entry.Reason),
  }));
}

function base(envelope: ZegoEnvelope): ZimResponseEnvelope {
  return { Code: envelope.Code, Message: envelope.Message, RequestId: envelope.RequestId };
}

/**
 * Reads a `SendPeerMessage` answer; `SuccessList` (an older name in release notes) is accepted too.
 * Its lists say who got the message, so a list that is there but unreadable is not skipped: an
 * `ErrorList` that is not a list of entries with a `UserId` would otherwise turn recipients ZIM
 * refused into accepted ones. Such an answer is an ambiguous `PROVIDER_ERROR` (ZIM said `Code` 0).
 */
export function readPeerResponse(envelope: ZegoEnvelope): SendPeerMessageResponse {
  const succ = envelope.SuccList ?? envelope.SuccessList;
  requireUserList(envelope, 'ErrorList', envelope.ErrorList);
  requireUserList(envelope, 'SuccList', succ);
  return {
    ...base(envelope),
    ErrorList: readErrorList(envelope.ErrorList),
    SuccList: readSuccList(succ),
    AuditInfos: readAuditInfos(envelope.AuditInfos),
  };
}

function requireUserList(envelope: ZegoEnvelope, field: string, value: unknown): void {
  if (value === undefined || value === null) return;
  const readable =
    Array.isArray(value) &&
    value.every((item) => typeof item === 'object' && item !== null && userId(item as Entry) !== '');
  if (readable) return;
  throw new RoomcastError(
    'PROVIDER_ERROR',
    `SendPeerMessage answered Code 0 but its ${field} is not a list of entries with a UserId; some recipients may have got the message`,
    {
      provider: PROVIDER_ID,
      operation: 'SendPeerMessage',
      requestId: envelope.RequestId || undefined,
      ambiguous: true,
    },
  );
}

/** Reads a `SendGroupMessage` answer. */
export function readGroupResponse(envelope: ZegoEnvelope): SendGroupMessageResponse {
  const out: SendGroupMessageResponse = {
    ...base(envelope),
    AuditInfos: readAuditInfos(envelope.AuditInfos),
  };
  if (typeof envelope.MsgId === 'number') out.MsgId = envelope.MsgId;
  if (typeof envelope.MsgSeq === 'number') out.MsgSeq = envelope.MsgSeq;
  return out;
}

/** Reads a `SendRoomMessage` answer. */
export function readRoomResponse(envelope: ZegoEnvelope): SendRoomMessageResponse {
  return { ...base(envelope), AuditInfos: readAuditInfos(envelope.AuditInfos) };
}

/** Reads a `SendMessageToAllUsers` answer. */
export function readEnvelope(envelope: ZegoEnvelope): ZimResponseEnvelope {
  return base(envelope);
}

/** Reads a `QueryUserOnlineState` answer. */
export function readOnlineStateResponse(envelope: ZegoEnvelope): QueryUserOnlineStateResponse {
  const result: ZimUserOnlineState[] = entries(envelope.Result).map((entry) => ({
    UserId: userId(entry),
    Status: entry.Status === 'Online' ? 'Online' : 'Offline',
  }));
  return { ...base(envelope), Result: result, ErrorList: readErrorList(envelope.ErrorList) };
}
