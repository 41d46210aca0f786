import type { EmulatorContext, VendorHandler } from '../../context.js';
import { rtcEnvelope } from '../envelope.js';
import { createZegoHandler } from '../handler.js';
import { RTC_MESSAGES } from './codes.js';
import { sendBarrageMessage, sendBroadcastMessage, sendCustomCommand } from './messages.js';
import { closeRoom, kickoutUser } from './moderation.js';
import { describeUserList, describeUserNum, describeUsers } from './queries.js';

/** The ZEGO RTC room-signaling API (`<origin>/zego-rtc/?Action=...`). */
export function createRtcHandler(ctx: EmulatorContext): VendorHandler {
  return createZegoHandler(ctx, {
    vendor: 'zego-rtc',
    app: (c) => c.credentials.zegoRtc,
    actions: {
      SendCustomCommand: sendCustomCommand,
      SendBroadcastMessage: sendBroadcastMessage,
      SendBarrageMessage: sendBarrageMessage,
      DescribeUserNum: describeUserNum,
      DescribeUsers: describeUsers,
      DescribeUserList: describeUserList,
      KickoutUser: kickoutUser,
      CloseRoom: closeRoom,
    },
    envelope: rtcEnvelope,
    messages: RTC_MESSAGES,
    rateLimitCode: (_action, verdict) => (verdict === 'room' ? 207 : 206),
    supportsIsTest: true,
  });
}
