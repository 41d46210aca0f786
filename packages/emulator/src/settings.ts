/**
 * Size limits and behaviour choices. Defaults follow the vendor documentation; where the docs are
 * silent or conflict, the default is the choice documented in the README and the other behaviour is
 * one option away.
 */
export interface SizeLimits {
  /** ZEGO RTC `MessageContent`, decoded UTF-8 bytes (doc: 1024). */
  rtcMessageBytes: number;
  /** ZEGO RTC `RoomId` (client SDK doc: up to 128 bytes; the server limit is not documented). */
  rtcRoomIdBytes: number;
  /** ZEGO RTC user ids (client SDK doc: up to 64 bytes). */
  rtcUserIdBytes: number;
  /** ZEGO RTC `CustomReason` of KickoutUser / CloseRoom (doc: 256). */
  rtcReasonBytes: number;
  /** ZIM `MessageBody.Message` per MessageType, bytes before any base64 (doc: 2 KB, combined 5 KB). */
  zimMessageBytes: Record<number, number>;
  /** ZIM `MessageBody.ExtendedData` (doc: 1 KB). */
  zimExtendedDataBytes: number;
  /** ZIM user ids (doc: 32). */
  zimUserIdBytes: number;
  /** ZIM room ids (docs conflict: 128 vs 32; 128 chosen). */
  zimRoomIdBytes: number;
  /** ZIM group ids (doc: 32). */
  zimGroupIdBytes: number;
  /** ZIM `SearchedContent` (doc: 64). */
  zimSearchedContentBytes: number;
  /** Tencent message size: bytes of the wrapped message content (doc: 12 KB). */
  trtcMessageBytes: number;
  /** Tencent live room id (doc: 48). */
  trtcRoomIdBytes: number;
}

export const DEFAULT_SIZE_LIMITS: Readonly<SizeLimits> = Object.freeze({
  rtcMessageBytes: 1024,
  rtcRoomIdBytes: 128,
  rtcUserIdBytes: 64,
  rtcReasonBytes: 256,
  zimMessageBytes: Object.freeze({
    1: 2048,
    2: 2048,
    10: 5120,
    11: 2048,
    12: 2048,
    13: 2048,
    14: 2048,
    20: 2048,
    200: 2048,
  }),
  zimExtendedDataBytes: 1024,
  zimUserIdBytes: 32,
  zimRoomIdBytes: 128,
  zimGroupIdBytes: 32,
  zimSearchedContentBytes: 64,
  trtcMessageBytes: 12 * 1024,
  trtcRoomIdBytes: 48,
});

/** Behaviour where the vendor docs are silent; see the README section "Choices". */
export interface Behavior {
  /**
   * ZEGO: the docs say the signature is lowercase hex; whether the gateway accepts uppercase is not
   * documented. Default false: uppercase is rejected with 100000005.
   */
  acceptUppercaseSignature: boolean;
  /**
   * ZIM SendPeerMessage to a registered user who is offline. `'fail'` (default): the user is listed in
   * ErrorList with SubCode 660200001. `'store'`: accepted (SuccList) and put in the user's inbox, as
   * ZIM's offline message storage would deliver it at next login.
   */
  zimOfflinePeer: 'fail' | 'store';
  /**
   * Tencent per-room message frequency control (enabled with a `perRoomPerSecond` rate limit on
   * send_custom_msg / send_text_msg). `'drop'` (default): ErrorCode 0 with MsgDropReason
   * "MsgFreqCtrl", not delivered. `'reject'`: ErrorCode 100602.
   */
  trtcFrequencyControl: 'drop' | 'reject';
}

export const DEFAULT_BEHAVIOR: Readonly<Behavior> = Object.freeze({
  acceptUppercaseSignature: false,
  zimOfflinePeer: 'fail',
  trtcFrequencyControl: 'drop',
});
