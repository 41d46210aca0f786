/** The ZEGO RTC Server API v2 actions this package implements. */
export const ZEGO_RTC_ACTIONS = [
  'SendCustomCommand',
  'SendBroadcastMessage',
  'SendBarrageMessage',
  'DescribeUserNum',
  'DescribeUsers',
  'DescribeUserList',
  'KickoutUser',
  'CloseRoom',
] as const;

/** One of {@link ZEGO_RTC_ACTIONS}. */
export type ZegoRtcAction = (typeof ZEGO_RTC_ACTIONS)[number];
