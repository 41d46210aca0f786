import { describe, expectTypeOf, it } from 'vitest';
import type {
  SendMessageToAllUsersRequest,
  SendPeerMessageRequest,
  SendRoomMessageRequest,
  ZimConversationMessage,
} from '../../src/index.js';

// These are compile-time checks (tsc runs over the tests); the runtime assertions are trivial.
describe('request types', () => {
  it('tie the MessageBody shape to MessageType', () => {
    const base = { FromUserId: 'a', ToUserId: ['b'], Priority: 1 } as const;
    const bytes = { Message: new Uint8Array([1]) };
    const body = { Message: 'x' };
    const command: SendPeerMessageRequest = { ...base, MessageType: 2, MessageBody: bytes };
    // @ts-expect-error custom messages need SubMsgType
    const custom: SendPeerMessageRequest = { ...base, MessageType: 200, MessageBody: body };
    // @ts-expect-error SearchedContent is only for custom messages
    const text: SendPeerMessageRequest = { ...base, MessageType: 1, MessageBody: body, SearchedContent: 'x' };
    // @ts-expect-error only commands take binary
    const binaryText: SendPeerMessageRequest = { ...base, MessageType: 1, MessageBody: bytes };
    expectTypeOf(command).toExtend<ZimConversationMessage>();
    void [custom, text, binaryText];
  });

  it('keep barrage and push fields where ZIM allows them', () => {
    const room = { FromUserId: 'a', RoomId: 'r', Priority: 1 } as const;
    const peer = { FromUserId: 'a', ToUserId: ['b'], Priority: 1 } as const;
    const body = { Message: 'x' };
    const pushBody = { Message: 'x', OfflinePush: { Enable: 1 as const } };
    const barrage: SendRoomMessageRequest = { ...room, MessageType: 20, MessageBody: body };
    // @ts-expect-error barrage is room-only
    const peerBarrage: SendPeerMessageRequest = { ...peer, MessageType: 20, MessageBody: body };
    // @ts-expect-error room messages carry no OfflinePush
    const roomPush: SendRoomMessageRequest = { ...room, MessageType: 1, MessageBody: pushBody };
    // @ts-expect-error push to all users takes no commands
    const allCommand: SendMessageToAllUsersRequest = { FromUserId: 'a', MessageType: 2, MessageBody: body };
    expectTypeOf<SendMessageToAllUsersRequest>().not.toHaveProperty('Priority');
    void [barrage, peerBarrage, roomPush, allCommand];
  });
});
