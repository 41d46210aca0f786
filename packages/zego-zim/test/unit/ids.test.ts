import { describe, expect, it } from 'vitest';
import {
  encodeQueryUserOnlineState,
  encodeSendPeerMessage,
  encodeSendRoomMessage,
} from '../../src/client/requests.js';
import { ZIM_DEFAULT_MESSAGE_LIMITS } from '../../src/limits.js';
import { thrown } from './helpers.js';

const limits = ZIM_DEFAULT_MESSAGE_LIMITS;
const peer = (from: unknown, to: unknown) =>
  encodeSendPeerMessage(
    { FromUserId: from, ToUserId: to, MessageType: 1, Priority: 2, MessageBody: { Message: 'hi' } },
    limits,
  );

describe('ZIM user ids', () => {
  it('accepts every documented character, the space included', () => {
    const id = 'aZ09!#$%&()+-:;<=.>?@[]^_{}|~ x';
    expect(peer('bot', [id]).ToUserId).toEqual([id]);
  });

  it('accepts 32 bytes and refuses 33', () => {
    expect(() => peer('a'.repeat(32), ['u1'])).not.toThrow();
    const e = thrown(() => peer('a'.repeat(33), ['u1']));
    expect(e).toMatchObject({ code: 'INVALID_ARGUMENT', operation: 'SendPeerMessage' });
    expect(e.message).toContain('FromUserId is 33 bytes');
  });

  it.each([
    ['comma', 'a,b', '","'],
    ['slash', 'a/b', '"/"'],
    ['asterisk', 'a*b', '"*"'],
    ['CJK', '用户', 'U+7528'],
    ['tab', 'a\tb', 'U+0009'],
  ])('refuses a %s and names it', (_name, id, shown) => {
    const e = thrown(() => peer('bot', [id]));
    expect(e.code).toBe('INVALID_ARGUMENT');
    expect(e.message).toContain(`ToUserId[0] contains ${shown}`);
  });

  it('names the caller index of a bad recipient even after duplicates', () => {
    expect(thrown(() => peer('bot', ['u1', 'u1', 'bad/id'])).message).toContain('ToUserId[2]');
  });

  it('refuses sending to oneself', () => {
    const e = thrown(() => peer('u1', ['u2', 'u1']));
    expect(e.code).toBe('INVALID_ARGUMENT');
    expect(e.message).toMatch(/must not contain the sender "u1"/);
  });

  it('caps recipients at 100 after removing duplicates', () => {
    const hundred = Array.from({ length: 100 }, (_, i) => `u${i}`);
    expect(peer('bot', [...hundred, 'u0']).ToUserId).toHaveLength(100);
    expect(thrown(() => peer('bot', [...hundred, 'u100'])).code).toBe('TOO_MANY_RECIPIENTS');
  });

  it('checks room ids: 128 bytes of the same characters', () => {
    const room = (RoomId: string) =>
      encodeSendRoomMessage(
        { FromUserId: 'bot', RoomId, MessageType: 1, Priority: 2, MessageBody: { Message: 'x' } },
        limits,
      );
    expect(() => room('r'.repeat(128))).not.toThrow();
    expect(thrown(() => room('r'.repeat(129))).code).toBe('INVALID_ARGUMENT');
    expect(thrown(() => room('room/1')).code).toBe('INVALID_ARGUMENT');
  });

  it('encodes online-state queries as repeated UserId[] and checks their ids', () => {
    expect(encodeQueryUserOnlineState({ UserId: ['a', 'b c'] })).toEqual([
      ['UserId[]', 'a'],
      ['UserId[]', 'b c'],
    ]);
    expect(thrown(() => encodeQueryUserOnlineState({ UserId: ['a,b'] })).code).toBe('INVALID_ARGUMENT');
    expect(
      thrown(() => encodeQueryUserOnlineState({ UserId: Array.from({ length: 101 }, (_, i) => `u${i}`) }))
        .code,
    ).toBe('TOO_MANY_RECIPIENTS');
  });
});
