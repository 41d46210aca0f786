/** Images of a push to all users, per push channel (`SendMessageToAllUsers` only). */
export interface ZimPushImageInfo {
  Apns?: { Image?: string };
  Android?: {
    HuaWei?: { Image?: string; Icon?: string };
    FCM?: { Image?: string; Icon?: string };
  };
}

/**
 * `MessageBody.OfflinePush`: the notification offline receivers get. Not accepted on room
 * messages. Meaningless on imported messages.
 */
export interface ZimOfflinePush {
  /** 1 sends an offline push; 0 (default) does not. */
  Enable?: 0 | 1;
  Title?: string;
  Content?: string;
  /** Your data, handed to the app when the notification is opened. */
  Payload?: string;
  /**
   * A push strategy configured in the ZEGO console (peer, group and all-users messages). Some
   * Chinese Android vendors need one for unthrottled pushes.
   */
  PushStrategyId?: string;
  /** Notification images; `SendMessageToAllUsers` only. */
  PushImageInfo?: ZimPushImageInfo;
  /** Whether the push changes the app icon badge. */
  EnableBadge?: boolean;
  /** How much the badge grows, 0–99 (ZIM clamps larger values). */
  BadgeIncrement?: number;
}
