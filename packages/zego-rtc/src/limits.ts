/**
 * ZEGO RTC room signaling limits, checked before anything is sent. Byte limits are UTF-8 bytes of
 * the text before URL-encoding (what ZEGO measures after decoding).
 */
export const ZEGO_RTC_LIMITS = {
  /** `MessageContent` of SendCustomCommand, SendBroadcastMessage and SendBarrageMessage. */
  messageContentBytes: 1024,
  /** `ToUserId[]` of SendCustomCommand. */
  toUserIds: 10,
  /** `UserId[]` of KickoutUser. */
  kickoutUsers: 5,
  /** `RoomId[]` of DescribeUserNum. */
  describeUserNumRooms: 10,
  /** `UserId[]` of DescribeUsers. */
  describeUsers: 10,
  /** `CustomReason` of KickoutUser and CloseRoom. */
  customReasonBytes: 256,
  /** `Limit` of DescribeUserList (0–200; 0 and absent mean the default, 200). */
  userListLimit: 200,
  /**
   * Room and user ids: the ZEGO client SDKs accept room ids up to 128 bytes and user ids up to
   * 64 bytes, so a longer id cannot name anyone in a room; ZEGO answers 3 (parameter too long).
   */
  roomIdBytes: 128,
  userIdBytes: 64,
} as const;
