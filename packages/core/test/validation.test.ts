import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkByteLength,
  isRoomcastError,
  requireId,
  requireRecipients,
  requireString,
  utf8ByteLength,
} from '../src/index.js';

const codeOf = (fn: () => unknown) => {
  try {
    fn();
    return 'OK';
  } catch (error) {
    expect(isRoomcastError(error)).toBe(true);
    return (error as { code: string }).code;
  }
};

describe('utf8ByteLength', () => {
  it('counts UTF-8 bytes: ASCII 1, Latin 2, CJK 3, emoji 4', () => {
    expect(utf8ByteLength('abc')).toBe(3);
    expect(utf8ByteLength('é')).toBe(2);
    expect(utf8ByteLength('礼物')).toBe(6);
    expect(utf8ByteLength('🎁')).toBe(4);
    expect(utf8ByteLength('')).toBe(0);
  });

  it('agrees with TextEncoder for any well-formed string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (text) => {
        expect(utf8ByteLength(text)).toBe(new TextEncoder().encode(text).length);
      }),
    );
  });
});

describe('checks', () => {
  it('rejects non-strings, empty strings and lone surrogates with INVALID_ARGUMENT', () => {
    expect(codeOf(() => requireString(42, 'roomId'))).toBe('INVALID_ARGUMENT');
    expect(codeOf(() => requireString('', 'roomId'))).toBe('INVALID_ARGUMENT');
    expect(codeOf(() => requireString('a\ud800b', 'roomId'))).toBe('INVALID_ARGUMENT');
    expect(requireString('ok', 'roomId')).toBe('ok');
  });

  it('says how large a payload is and what the vendor allows', () => {
    const text = `${'a'.repeat(1022)}礼`; // 1,025 bytes though only 1,023 characters
    try {
      checkByteLength('x'.repeat(1031), 1024, 'MessageContent', { vendor: 'ZEGO' });
      expect.unreachable();
    } catch (error) {
      expect((error as Error).message).toBe('MessageContent is 1,031 bytes (UTF-8); ZEGO allows 1,024');
      expect((error as { code: string }).code).toBe('PAYLOAD_TOO_LARGE');
    }
    expect(codeOf(() => checkByteLength(text, 1024, 'MessageContent'))).toBe('PAYLOAD_TOO_LARGE');
    expect(codeOf(() => checkByteLength('🎁'.repeat(256), 1024, 'MessageContent'))).toBe('OK');
    expect(codeOf(() => checkByteLength(`${'🎁'.repeat(256)}a`, 1024, 'MessageContent'))).toBe(
      'PAYLOAD_TOO_LARGE',
    );
  });

  it('limits ids by bytes', () => {
    expect(codeOf(() => requireId('a'.repeat(32), 'userId', 32))).toBe('OK');
    expect(codeOf(() => requireId('礼'.repeat(11), 'userId', 32))).toBe('INVALID_ARGUMENT');
  });

  it('dedupes recipients keeping the first occurrence, and counts after dedupe', () => {
    expect(requireRecipients(['a', 'b', 'a', 'c'], 'to', 3)).toEqual(['a', 'b', 'c']);
    expect(codeOf(() => requireRecipients(['a', 'b', 'c', 'd'], 'to', 3))).toBe('TOO_MANY_RECIPIENTS');
    expect(codeOf(() => requireRecipients([], 'to', 3))).toBe('INVALID_ARGUMENT');
    expect(codeOf(() => requireRecipients(['a', ''], 'to', 3))).toBe('INVALID_ARGUMENT');
    expect(codeOf(() => requireRecipients('a', 'to', 3))).toBe('INVALID_ARGUMENT');
  });

  it('never throws anything but a RoomcastError for arbitrary input', () => {
    fc.assert(
      fc.property(fc.anything(), (value) => {
        for (const check of [
          () => requireString(value, 'f'),
          () => requireRecipients(value, 'to', 10),
          () => requireId(value, 'id', 32),
        ]) {
          try {
            check();
          } catch (error) {
            expect(isRoomcastError(error)).toBe(true);
          }
        }
      }),
    );
  });
});
