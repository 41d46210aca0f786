import { describe, expect, it } from 'vitest';
import {
  encodeSendGroupMessage,
  encodeSendMessageToAllUsers,
  encodeSendPeerMessage,
  encodeSendRoomMessage,
} from '../../src/client/requests.js';
import { resolveMessageLimits, ZIM_DEFAULT_MESSAGE_LIMITS } from '../../src/limits.js';
import { thrown } from './helpers.js';

const limits = ZIM_DEFAULT_MESSAGE_LIMITS;
const peer = (fields: Record<string, unknown>, l = limits) =>
  encodeSendPeerMessage({ FromUserId: 'bot', ToUserId: ['u1'], Priority: 2, ...fields }, l);
const room = (fields: Record<string, unknown>) =>
  encodeSendRoomMessage({ FromUserId: 'bot', RoomId: 'r1', Priority: 2, ...fields }, limits);
const allUsers = (fields: Record<string, unknown>) =>
  encodeSendMessageToAllUsers({ FromUserId: 'bot', ...fields }, limits);

describe('message fields', () => {
  it('sends a text message with every documented body field', () => {
    const body = peer({
      MessageType: 1,
      MessageBody: {
        Message: 'hello world',
        ExtendedData: 's',
        OfflinePush: {
          Enable: 1,
          Title: 'T',
          Content: 'C',
          Payload: 'P',
          PushStrategyId: 'ps',
          EnableBadge: true,
          BadgeIncrement: 2,
        },
        HasReceipt: 1,
      },
      SenderUnaware: 1,
      SendMsgOptions: { NoUnread: true },
    });
    expect(body).toEqual({
      FromUserId: 'bot',
      ToUserId: ['u1'],
      MessageType: 1,
      Priority: 2,
      MessageBody: {
        Message: 'hello world',
        ExtendedData: 's',
        OfflinePush: {
          Enable: 1,
          Title: 'T',
          Content: 'C',
          Payload: 'P',
          PushStrategyId: 'ps',
          EnableBadge: true,
          BadgeIncrement: 2,
        },
        HasReceipt: 1,
      },
      SenderUnaware: 1,
      SendMsgOptions: { NoUnread: true },
    });
  });

  it('requires a non-empty Message', () => {
    expect(thrown(() => peer({ MessageType: 1, MessageBody: { Message: '' } })).code).toBe(
      'INVALID_ARGUMENT',
    );
    expect(thrown(() => peer({ MessageType: 1, MessageBody: {} })).code).toBe('INVALID_ARGUMENT');
  });

  it('checks Priority 1–3', () => {
    for (const Priority of [1, 2, 3])
      expect(() => peer({ Priority, MessageType: 1, MessageBody: { Message: 'x' } })).not.toThrow();
    for (const Priority of [0, 4, 2.5, '2', undefined]) {
      expect(thrown(() => peer({ Priority, MessageType: 1, MessageBody: { Message: 'x' } })).code).toBe(
        'INVALID_ARGUMENT',
      );
    }
  });

  it('refuses unknown MessageTypes and barrage outside rooms', () => {
    expect(thrown(() => peer({ MessageType: 3, MessageBody: { Message: 'x' } })).message).toMatch(
      /not a ZIM message type/,
    );
    const e = thrown(() => peer({ MessageType: 20, MessageBody: { Message: 'x' } }));
    expect(e.message).toMatch(/barrage messages \(20\) are not accepted here/);
    expect(() => room({ MessageType: 20, MessageBody: { Message: '666' } })).not.toThrow();
  });

  it('refuses misspelt and misplaced body fields', () => {
    expect(
      thrown(() => peer({ MessageType: 1, MessageBody: { Message: 'x', Offlinepush: {} } })).message,
    ).toMatch(/MessageBody.Offlinepush is not accepted/);
    expect(thrown(() => peer({ MessageType: 1, MessageBody: { Message: 'x', IsBase64: 1 } })).code).toBe(
      'INVALID_ARGUMENT',
    );
    expect(thrown(() => peer({ MessageType: 1, MessageBody: { Message: 'x' }, Extra: 1 })).message).toMatch(
      /request.Extra/,
    );
  });

  describe('custom messages (200)', () => {
    it('requires SubMsgType 0–200', () => {
      expect(peer({ MessageType: 200, SubMsgType: 0, MessageBody: { Message: '{}' } }).SubMsgType).toBe(0);
      expect(peer({ MessageType: 200, SubMsgType: 200, MessageBody: { Message: '{}' } }).SubMsgType).toBe(
        200,
      );
      expect(thrown(() => peer({ MessageType: 200, MessageBody: { Message: '{}' } })).message).toMatch(
        /SubMsgType/,
      );
      expect(
        thrown(() => peer({ MessageType: 200, SubMsgType: 201, MessageBody: { Message: '{}' } })).code,
      ).toBe('INVALID_ARGUMENT');
    });

    it('takes SearchedContent up to 64 bytes', () => {
      const ok = peer({
        MessageType: 200,
        SubMsgType: 1,
        SearchedContent: 'é'.repeat(32),
        MessageBody: { Message: 'x' },
      });
      expect(ok.SearchedContent).toBe('é'.repeat(32));
      const e = thrown(() =>
        peer({
          MessageType: 200,
          SubMsgType: 1,
          SearchedContent: 'x'.repeat(65),
          MessageBody: { Message: 'x' },
        }),
      );
      expect(e.code).toBe('PAYLOAD_TOO_LARGE');
    });

    it('refuses SubMsgType and SearchedContent on other types', () => {
      expect(
        thrown(() => peer({ MessageType: 1, SubMsgType: 1, MessageBody: { Message: 'x' } })).message,
      ).toMatch(/only for custom/);
      expect(
        thrown(() => peer({ MessageType: 1, SearchedContent: 'x', MessageBody: { Message: 'x' } })).message,
      ).toMatch(/only for custom/);
    });
  });

  describe('command messages (2)', () => {
    it('base64-encodes a Uint8Array and sets IsBase64', () => {
      const bytes = new Uint8Array([0, 1, 2, 250, 255]);
      const body = peer({ MessageType: 2, MessageBody: { Message: bytes } });
      expect(body.MessageBody).toEqual({ Message: 'AAEC+v8=', IsBase64: 1 });
    });

    it('checks the limit on the bytes before encoding', () => {
      expect(() => peer({ MessageType: 2, MessageBody: { Message: new Uint8Array(2048) } })).not.toThrow();
      const e = thrown(() => peer({ MessageType: 2, MessageBody: { Message: new Uint8Array(2049) } }));
      expect(e.code).toBe('PAYLOAD_TOO_LARGE');
      expect(e.message).toContain('2,049 bytes (binary)');
      const b64 = btoa('x'.repeat(2048));
      expect(() => peer({ MessageType: 2, MessageBody: { Message: b64, IsBase64: 1 } })).not.toThrow();
      expect(
        thrown(() => peer({ MessageType: 2, MessageBody: { Message: btoa('x'.repeat(2049)), IsBase64: 1 } }))
          .code,
      ).toBe('PAYLOAD_TOO_LARGE');
    });

    it('refuses a string that is not base64 when IsBase64 is 1', () => {
      expect(
        thrown(() => peer({ MessageType: 2, MessageBody: { Message: 'not base64!', IsBase64: 1 } })).message,
      ).toMatch(/660000025/);
      expect(thrown(() => peer({ MessageType: 2, MessageBody: { Message: 'abc', IsBase64: 1 } })).code).toBe(
        'INVALID_ARGUMENT',
      );
    });

    it('refuses IsBase64 0 with binary, and push fields', () => {
      expect(
        thrown(() => peer({ MessageType: 2, MessageBody: { Message: new Uint8Array([1]), IsBase64: 0 } }))
          .code,
      ).toBe('INVALID_ARGUMENT');
      expect(
        thrown(() => peer({ MessageType: 2, MessageBody: { Message: 'x', OfflinePush: {} } })).code,
      ).toBe('INVALID_ARGUMENT');
    });
  });

  describe('size limits', () => {
    it('applies 2 KB to text and 5 KB to combined by default, in UTF-8 bytes', () => {
      expect(() => peer({ MessageType: 1, MessageBody: { Message: 'x'.repeat(2048) } })).not.toThrow();
      const e = thrown(() => peer({ MessageType: 1, MessageBody: { Message: '好'.repeat(683) } }));
      expect(e.code).toBe('PAYLOAD_TOO_LARGE');
      expect(e.message).toContain('2,049 bytes (UTF-8); ZIM allows 2,048 for text messages');
      expect(e.message).toContain('maxMessageBytes.text');
    });

    it('uses configured limits up to 32 KB', () => {
      const raised = resolveMessageLimits({ text: 32 * 1024 }, 'zego-zim');
      expect(() =>
        peer({ MessageType: 1, MessageBody: { Message: 'x'.repeat(32 * 1024) } }, raised),
      ).not.toThrow();
      expect(
        thrown(() =>
          peer({ MessageType: 200, SubMsgType: 0, MessageBody: { Message: 'x'.repeat(2049) } }, raised),
        ).code,
      ).toBe('PAYLOAD_TOO_LARGE');
      expect(thrown(() => resolveMessageLimits({ text: 32 * 1024 + 1 }, 'zego-zim')).code).toBe(
        'INVALID_ARGUMENT',
      );
      expect(thrown(() => resolveMessageLimits({ txt: 10 } as never, 'zego-zim')).message).toMatch(
        /not a ZIM message type/,
      );
    });

    it('limits ExtendedData to 1 KB', () => {
      expect(() =>
        peer({ MessageType: 1, MessageBody: { Message: 'x', ExtendedData: 'e'.repeat(1024) } }),
      ).not.toThrow();
      expect(
        thrown(() => peer({ MessageType: 1, MessageBody: { Message: 'x', ExtendedData: 'e'.repeat(1025) } }))
          .code,
      ).toBe('PAYLOAD_TOO_LARGE');
    });
  });

  describe('OfflinePush', () => {
    it('checks its fields', () => {
      const send = (OfflinePush: unknown) =>
        peer({ MessageType: 1, MessageBody: { Message: 'x', OfflinePush } });
      expect(thrown(() => send({ Enable: 2 })).message).toMatch(/Enable must be 0 or 1/);
      expect(thrown(() => send({ EnableBadge: 1 })).message).toMatch(/EnableBadge must be true or false/);
      expect(thrown(() => send({ BadgeIncrement: -1 })).code).toBe('INVALID_ARGUMENT');
      expect(thrown(() => send({ Title: 5 })).code).toBe('INVALID_ARGUMENT');
      expect(thrown(() => send({ PushImageInfo: {} })).message).toMatch(/PushImageInfo is not accepted/);
    });

    it('takes PushImageInfo on all-users messages only', () => {
      const PushImageInfo = {
        Apns: { Image: 'https://i/a.png' },
        Android: { HuaWei: { Image: 'h', Icon: 'hi' }, FCM: { Image: 'f', Icon: 'fi' } },
      };
      const body = allUsers({
        MessageType: 1,
        PushType: 1,
        MessageBody: { Message: 'x', OfflinePush: { Enable: 1, PushImageInfo } },
      });
      expect(body).toEqual({
        FromUserId: 'bot',
        MessageType: 1,
        MessageBody: { Message: 'x', OfflinePush: { Enable: 1, PushImageInfo } },
        PushType: 1,
      });
    });

    it('is refused on room messages, and so are receipts', () => {
      expect(
        thrown(() => room({ MessageType: 1, MessageBody: { Message: 'x', OfflinePush: { Enable: 1 } } }))
          .code,
      ).toBe('INVALID_ARGUMENT');
      expect(
        thrown(() => room({ MessageType: 1, MessageBody: { Message: 'x', HasReceipt: 1 } })).message,
      ).toMatch(/HasReceipt/);
    });
  });

  describe('per-action rules', () => {
    it('room messages take SenderUnaware and every type but no SendMsgOptions', () => {
      expect(room({ MessageType: 20, MessageBody: { Message: 'x' }, SenderUnaware: 0 }).SenderUnaware).toBe(
        0,
      );
      expect(
        thrown(() => room({ MessageType: 1, MessageBody: { Message: 'x' }, SendMsgOptions: {} })).code,
      ).toBe('INVALID_ARGUMENT');
    });

    it('all-users messages take types 1, 11–14 and 200, PushType 0–2, no Priority or SearchedContent', () => {
      expect(thrown(() => allUsers({ MessageType: 2, MessageBody: { Message: 'x' } })).code).toBe(
        'INVALID_ARGUMENT',
      );
      expect(
        thrown(() => allUsers({ MessageType: 1, MessageBody: { Message: 'x' }, PushType: 3 })).code,
      ).toBe('INVALID_ARGUMENT');
      expect(
        thrown(() => allUsers({ MessageType: 1, MessageBody: { Message: 'x' }, Priority: 1 })).code,
      ).toBe('INVALID_ARGUMENT');
      expect(
        thrown(() =>
          allUsers({ MessageType: 200, SubMsgType: 1, SearchedContent: 'x', MessageBody: { Message: 'x' } }),
        ).code,
      ).toBe('INVALID_ARGUMENT');
    });

    it('group messages take GroupId, TargetOption and NoUnread', () => {
      const body = encodeSendGroupMessage(
        {
          FromUserId: 'bot',
          GroupId: '#server-generated',
          MessageType: 1,
          Priority: 3,
          MessageBody: { Message: 'x' },
          SendMsgOptions: {
            NoUnread: true,
            TargetOption: { ReceiverUserIds: ['u1', 'u2'], Inclusive: true },
          },
        },
        limits,
      );
      expect(body.SendMsgOptions).toEqual({
        NoUnread: true,
        TargetOption: { ReceiverUserIds: ['u1', 'u2'], Inclusive: true },
      });
      expect(
        thrown(() =>
          encodeSendGroupMessage(
            {
              FromUserId: 'bot',
              GroupId: 'g'.repeat(33),
              MessageType: 1,
              Priority: 1,
              MessageBody: { Message: 'x' },
            },
            limits,
          ),
        ).code,
      ).toBe('INVALID_ARGUMENT');
    });
  });
});
