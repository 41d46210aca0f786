import type {
  ZimAudioContent,
  ZimCombinedContent,
  ZimFileContent,
  ZimImageContent,
  ZimVideoContent,
} from './media.js';
import type { ZimOfflinePush } from './offline-push.js';

/**
 * `MessageBody` of text (1), custom (200) and barrage (20) messages. `Message` must not be empty;
 * its limit is 2 KB by default (apps can have it raised to 32 KB).
 */
export interface ZimTextBody {
  Message: string;
  /** Your extra data, at most 1 KB. */
  ExtendedData?: string;
}

/** Body fields that only stored conversations (peer, group, all users) accept. */
export interface ZimPushFields {
  OfflinePush?: ZimOfflinePush;
  /** 1: the message asks receivers for a read receipt. Not for room or barrage messages. */
  HasReceipt?: 0 | 1;
}

/**
 * `MessageBody` of a command (signaling) message (2). Pass a `Uint8Array` to send binary: the
 * client base64-encodes it and sets `IsBase64: 1`, and ZIM decodes it before delivery. A string
 * with `IsBase64: 1` must already be base64. The size limit applies to the bytes before encoding.
 */
export interface ZimCommandBody {
  Message: string | Uint8Array;
  ExtendedData?: string;
  /** 1: `Message` is base64 and ZIM delivers the decoded bytes. Set for you with a `Uint8Array`. */
  IsBase64?: 0 | 1;
}

/** `MessageBody` of a media message: `Message` is the media JSON (object or pre-built string). */
export interface ZimMediaBody<Content> {
  Message: string | Content;
  ExtendedData?: string;
}

/**
 * One message as ZIM types it: `MessageType` picks the shape of `MessageBody`. `Push` is the set
 * of body fields the action accepts on top (`OfflinePush`, `HasReceipt`), empty for rooms.
 * `SubMsgType` (0–200) is required for, and `SearchedContent` (≤ 64 bytes) only allowed on, custom
 * messages.
 */
export type ZimMessageOf<Push extends object> =
  | { MessageType: 1; MessageBody: ZimTextBody & Push; SubMsgType?: never; SearchedContent?: never }
  | { MessageType: 2; MessageBody: ZimCommandBody; SubMsgType?: never; SearchedContent?: never }
  | {
      MessageType: 10;
      MessageBody: ZimMediaBody<ZimCombinedContent> & Push;
      SubMsgType?: never;
      SearchedContent?: never;
    }
  | {
      MessageType: 11;
      MessageBody: ZimMediaBody<ZimImageContent> & Push;
      SubMsgType?: never;
      SearchedContent?: never;
    }
  | {
      MessageType: 12;
      MessageBody: ZimMediaBody<ZimFileContent> & Push;
      SubMsgType?: never;
      SearchedContent?: never;
    }
  | {
      MessageType: 13;
      MessageBody: ZimMediaBody<ZimAudioContent> & Push;
      SubMsgType?: never;
      SearchedContent?: never;
    }
  | {
      MessageType: 14;
      MessageBody: ZimMediaBody<ZimVideoContent> & Push;
      SubMsgType?: never;
      SearchedContent?: never;
    }
  | {
      MessageType: 200;
      MessageBody: ZimTextBody & Push;
      /** App-defined custom type, 0–200. Required for custom messages. */
      SubMsgType: number;
      /** Text clients can search custom messages by, at most 64 bytes. */
      SearchedContent?: string;
    };

/** A message for `SendPeerMessage` or `SendGroupMessage`: every type except barrage. */
export type ZimConversationMessage = ZimMessageOf<ZimPushFields>;

/** A message for `SendRoomMessage`: every type, barrage included; no `OfflinePush` or `HasReceipt`. */
export type ZimRoomMessage =
  | ZimMessageOf<{ OfflinePush?: never; HasReceipt?: never }>
  | {
      MessageType: 20;
      MessageBody: ZimTextBody & { OfflinePush?: never; HasReceipt?: never };
      SubMsgType?: never;
      SearchedContent?: never;
    };

type WithoutSearch<T> = T extends unknown ? Omit<T, 'SearchedContent'> & { SearchedContent?: never } : never;

/**
 * A message for `SendMessageToAllUsers`: text, media and custom (1, 11–14, 200). Nothing is stored,
 * so there is no `SearchedContent`.
 */
export type ZimAllUsersMessage = WithoutSearch<
  Extract<ZimConversationMessage, { MessageType: 1 | 11 | 12 | 13 | 14 | 200 }>
>;
