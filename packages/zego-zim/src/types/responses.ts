/** Fields every ZIM answer has. API fields sit beside them at the top level (no `Data` wrapper). */
export interface ZimResponseEnvelope {
  /** 0 on success (a peer message may still have failed for some recipients: see `ErrorList`). */
  Code: number;
  Message: string;
  RequestId: string;
}

/** A recipient (or queried user) the request failed for. */
export interface ZimErrorEntry {
  UserId: string;
  /** Why it failed for this user (undocumented list; the docs' example uses 1). */
  SubCode: number;
}

/** A recipient a peer message reached. */
export interface ZimSuccessEntry {
  UserId: string;
  /** Globally unique message id. */
  MsgId: string;
  /** Sequence number, used to recall the message; absent for command (signaling) messages. */
  MsgSeq?: number;
}

/** A moderation rejection. */
export interface ZimAuditInfo {
  Index: number;
  Reason: string;
}

/**
 * Answer of `SendPeerMessage` with `Code` 0. A non-empty `ErrorList` means some recipients did not
 * get the message. (When every recipient failed ZIM answers `Code` ≠ 0 and the client throws, with
 * one entry per recipient in the error's `failures`.) Lists are always present, empty when ZIM
 * left them out.
 */
export interface SendPeerMessageResponse extends ZimResponseEnvelope {
  ErrorList: ZimErrorEntry[];
  SuccList: ZimSuccessEntry[];
  AuditInfos: ZimAuditInfo[];
}

/** Answer of `SendGroupMessage`. Unlike peer messages, `MsgId` is a number here. */
export interface SendGroupMessageResponse extends ZimResponseEnvelope {
  MsgId?: number;
  MsgSeq?: number;
  AuditInfos: ZimAuditInfo[];
}

/** Answer of `SendRoomMessage`. */
export interface SendRoomMessageResponse extends ZimResponseEnvelope {
  AuditInfos: ZimAuditInfo[];
}

/** Answer of `SendMessageToAllUsers`: the envelope only. */
export type SendMessageToAllUsersResponse = ZimResponseEnvelope;

/** One user's online state. */
export interface ZimUserOnlineState {
  UserId: string;
  /** `Online` or `Offline` (a heartbeat timeout). Logged-out and unknown users are in `ErrorList`. */
  Status: 'Online' | 'Offline';
}

/**
 * Answer of `QueryUserOnlineState`. Users who logged out or never registered are in `ErrorList`
 * with `SubCode` 660200001.
 */
export interface QueryUserOnlineStateResponse extends ZimResponseEnvelope {
  Result: ZimUserOnlineState[];
  ErrorList: ZimErrorEntry[];
}
