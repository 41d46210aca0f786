import type { MessageRules } from '../validation/message.js';

const CONVERSATION_TYPES = [1, 2, 10, 11, 12, 13, 14, 200];

/** Message fields each ZIM action accepts (barrage only in rooms; no push or receipts in rooms). */
export const MESSAGE_RULES = {
  SendPeerMessage: { types: CONVERSATION_TYPES, offlinePush: 'yes', receipts: true, searchable: true },
  SendGroupMessage: { types: CONVERSATION_TYPES, offlinePush: 'yes', receipts: true, searchable: true },
  SendRoomMessage: {
    types: [...CONVERSATION_TYPES, 20],
    offlinePush: 'no',
    receipts: false,
    searchable: true,
  },
  SendMessageToAllUsers: {
    types: [1, 11, 12, 13, 14, 200],
    offlinePush: 'with-images',
    receipts: true,
    searchable: false,
  },
} as const satisfies Record<string, MessageRules>;
