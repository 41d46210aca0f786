/**
 * The JSON documents carried in `MessageBody.Message` of media messages (types 11–14) and of
 * combined messages (type 10). ZIM wants them as JSON *strings*; the client accepts these objects
 * and serializes them, or a string you built yourself (which it parses to validate).
 */

/** An image rendition: where it is and how big. `Url` is at most 500 bytes. */
export interface ZimImageInfo {
  Url: string;
  Width?: number;
  Height?: number;
}

/** `Message` of an image message (`MessageType` 11). */
export interface ZimImageContent {
  /** Your id for the file in your storage. */
  Uid?: string;
  /** The original image (required). */
  Origin: ZimImageInfo;
  LargeImage?: ZimImageInfo;
  Thumbnail?: ZimImageInfo;
  /** File name, at most 150 bytes (required). */
  FileName: string;
  /** File size in bytes. */
  Size?: number;
}

/** `Message` of a file message (`MessageType` 12). */
export interface ZimFileContent {
  Uid?: string;
  /** Download URL, at most 500 bytes. */
  Url: string;
  /** File name, at most 150 bytes. */
  FileName: string;
  /** File size in bytes. */
  Size?: number;
}

/** `Message` of an audio message (`MessageType` 13): a file plus its duration. */
export interface ZimAudioContent extends ZimFileContent {
  /** Duration in seconds. */
  MediaDuration: number;
}

/** `Message` of a video message (`MessageType` 14): an audio message plus a first-frame thumbnail. */
export interface ZimVideoContent extends ZimAudioContent {
  Thumbnail?: ZimImageInfo;
}

/** The `MsgType` values a combined message item can have. */
export type ZimCombinedItemType = 1 | 11 | 12 | 13 | 14 | 200;

/** One item of a combined message. */
export type ZimCombinedItem =
  | { MsgType: 1; Msg: string; SubMsgType?: never; SearchedContent?: never }
  | { MsgType: 11; Msg: string | ZimImageContent; SubMsgType?: never; SearchedContent?: never }
  | { MsgType: 12; Msg: string | ZimFileContent; SubMsgType?: never; SearchedContent?: never }
  | { MsgType: 13; Msg: string | ZimAudioContent; SubMsgType?: never; SearchedContent?: never }
  | { MsgType: 14; Msg: string | ZimVideoContent; SubMsgType?: never; SearchedContent?: never }
  | {
      MsgType: 200;
      Msg: string;
      /** App-defined custom type, 0–200 (required for 200). */
      SubMsgType: number;
      /** Client-side search text, at most 64 bytes. */
      SearchedContent?: string;
    };

/** `Message` of a combined message (`MessageType` 10): at most 20 items. */
export interface ZimCombinedContent {
  MultiMsg: readonly ZimCombinedItem[];
}
