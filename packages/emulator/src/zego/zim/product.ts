import type { EmulatorContext, VendorHandler } from '../../context.js';
import { zimEnvelope } from '../envelope.js';
import { createZegoHandler } from '../handler.js';
import { ZIM_MESSAGES } from './codes.js';
import { sendGroupMessage, sendMessageToAllUsers, sendPeerMessage, sendRoomMessage } from './messages.js';
import { queryUserOnlineState } from './users.js';

/** The ZEGO ZIM server API (`<origin>/zego-zim/?Action=...`, message APIs POST with a JSON body). */
export function createZimHandler(ctx: EmulatorContext): VendorHandler {
  return createZegoHandler(ctx, {
    vendor: 'zego-zim',
    app: (c) => c.credentials.zegoZim,
    actions: {
      SendPeerMessage: sendPeerMessage,
      SendRoomMessage: sendRoomMessage,
      SendGroupMessage: sendGroupMessage,
      SendMessageToAllUsers: sendMessageToAllUsers,
      QueryUserOnlineState: queryUserOnlineState,
    },
    envelope: zimEnvelope,
    messages: ZIM_MESSAGES,
    rateLimitCode: (action, verdict) =>
      action === 'SendMessageToAllUsers' ? 660500003 : verdict === 'room' ? 660300006 : 660300005,
    supportsIsTest: false,
  });
}
