import type { ZimAllUsersMessage, ZimConversationMessage, ZimRoomMessage } from './message-body.js';
import type { ZimPriority } from './message-types.js';

/**
 * `SendPeerMessage`: one-to-one messages to up to 100 users (20 requests/s per app).
 *
 * User ids are at most 32 bytes of digits, ASCII letters, space and `!#$%&()+-:;<=.>?@[]^_{}|~`;
 * `ToUserId` must not contain `FromUserId`. Sender and recipients must have logged in once or been
 * registered (`UserRegister`), else `660500002`.
 */
export type SendPeerMessageRequest = {
  /** The sender. */
  FromUserId: string;
  /** Recipients, at most 100, never the sender. */
  ToUserId: readonly string[];
  /** 1 low, 2 medium, 3 high. */
  Priority: ZimPriority;
  /** 0 (default for peer messages): the sender's own clients see the message; 1: they do not. */
  SenderUnaware?: 0 | 1;
  SendMsgOptions?: {
    /** true: the message does not raise the receivers' unread count. */
    NoUnread?: boolean;
  };
} & ZimConversationMessage;

/** Who of a group receives a group message. */
export interface ZimTargetOption {
  /** The users the option is about. */
  ReceiverUserIds: readonly string[];
  /** true: only these users receive it; false (default): everyone except these users. */
  Inclusive?: boolean;
}

/**
 * `SendGroupMessage`: a message to a group (10 requests/s per app). `GroupId` is at most 32 bytes;
 * server-generated ids start with `#`.
 */
export type SendGroupMessageRequest = {
  FromUserId: string;
  GroupId: string;
  Priority: ZimPriority;
  SendMsgOptions?: {
    NoUnread?: boolean;
    /** Send to part of the group only. A targeted message never counts as unread. */
    TargetOption?: ZimTargetOption;
  };
} & ZimConversationMessage;

/**
 * `SendRoomMessage`: a message to everyone in a room (10 requests/s per app unless raised by
 * ZEGO). Room messages carry no `OfflinePush` and no receipts (`660300013`).
 */
export type SendRoomMessageRequest = {
  FromUserId: string;
  /** The room, at most 128 bytes. */
  RoomId: string;
  Priority: ZimPriority;
  /** 1 (default for room messages): the sender's clients do not see it; 0: they do. */
  SenderUnaware?: 0 | 1;
} & ZimRoomMessage;

/** `PushType` of `SendMessageToAllUsers`. */
export type ZimPushType = 0 | 1 | 2;

/**
 * `SendMessageToAllUsers`: one message to every user of the app (1 request/s and 100 per 24 h;
 * ZIM Pro or Flagship plans). Online users (the sender included) get it through
 * `broadcastMessageReceived` (SDK ≥ 2.10.0); it creates no conversation and is not stored.
 */
export type SendMessageToAllUsersRequest = {
  FromUserId: string;
  /** 0: online users only; 1: online users plus offline push; 2: offline push to every user with a ZPNs push id. */
  PushType?: ZimPushType;
} & ZimAllUsersMessage;

/** `QueryUserOnlineState`: online state of up to 100 users (20 requests/s per app). */
export interface QueryUserOnlineStateRequest {
  UserId: readonly string[];
}
