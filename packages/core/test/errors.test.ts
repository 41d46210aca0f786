import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { isRoomcastError, RoomcastError } from '../src/index.js';

const SECRET = '9193cc662a4c0ec135ec71fb57194b38';
const signedUrl = `https://rtc-api.zego.im/?Action=SendCustomCommand&Signature=${SECRET}&MessageContent=hi`;

describe('RoomcastError', () => {
  it('carries every field of the design', () => {
    const error = new RoomcastError('RATE_LIMITED', 'too many', {
      provider: 'zego-rtc',
      operation: 'SendCustomCommand',
      providerCode: 206,
      requestId: 'r-1',
      retryable: true,
      retryAfterMs: 1000,
      httpStatus: 200,
      ambiguous: false,
    });
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('RoomcastError');
    expect(error.toJSON()).toEqual({
      name: 'RoomcastError',
      code: 'RATE_LIMITED',
      message: 'too many',
      provider: 'zego-rtc',
      operation: 'SendCustomCommand',
      providerCode: 206,
      requestId: 'r-1',
      retryAfterMs: 1000,
      httpStatus: 200,
      retryable: true,
      ambiguous: false,
    });
  });

  it('defaults to not retryable and not ambiguous', () => {
    const error = new RoomcastError('PROVIDER_ERROR', 'x');
    expect(error.retryable).toBe(false);
    expect(error.ambiguous).toBe(false);
    expect(error.failures).toEqual([]);
  });

  it('is recognised across package copies by its global brand, not instanceof', () => {
    const foreign = Object.assign(Object.create(Error.prototype), { code: 'NETWORK' });
    Object.defineProperty(foreign, Symbol.for('roomcast.error'), { value: true });
    expect(isRoomcastError(foreign)).toBe(true);
    expect(isRoomcastError(new Error('plain'))).toBe(false);
    expect(isRoomcastError({ code: 'NETWORK' })).toBe(false);
    expect(isRoomcastError(null)).toBe(false);
  });

  it('reduces a foreign cause to name, URL-stripped message and system code', () => {
    const cause = Object.assign(new TypeError(`fetch failed for ${signedUrl}`), {
      code: 'ECONNRESET',
      request: { url: signedUrl, headers: { authorization: SECRET } },
    });
    const error = new RoomcastError('NETWORK', `failed: ${signedUrl}`, { cause });
    expect(error.cause).toEqual({
      name: 'TypeError',
      message: 'fetch failed for https://rtc-api.zego.im/',
      code: 'ECONNRESET',
    });
    expect(error.message).toBe('failed: https://rtc-api.zego.im/');
    for (const text of [
      error.message,
      error.stack ?? '',
      JSON.stringify(error),
      inspect(error, { depth: 10 }),
    ]) {
      expect(text).not.toContain(SECRET);
    }
  });

  it('keeps a RoomcastError cause and nested failures serializable', () => {
    const inner = new RoomcastError('USER_OFFLINE', 'u1 offline', { providerCode: 50003 });
    const outer = new RoomcastError('USER_OFFLINE', 'nobody', {
      cause: inner,
      failures: [{ userId: 'u1', error: inner }],
    });
    const json = outer.toJSON();
    expect(json.cause).toMatchObject({ code: 'USER_OFFLINE', providerCode: 50003 });
    expect(json.failures).toEqual([{ userId: 'u1', error: inner.toJSON() }]);
  });
});

describe('RoomcastError.with', () => {
  it('copies every field and applies the changes', () => {
    const original = new RoomcastError('RATE_LIMITED', 'slow', {
      provider: 'p',
      providerCode: 206,
      requestId: 'r',
      retryable: true,
    });
    const copy = original.with({ message: 'slow (batch 2)', failures: [{ userId: 'u', error: original }] });
    expect(copy).not.toBe(original);
    expect(copy).toMatchObject({
      code: 'RATE_LIMITED',
      message: 'slow (batch 2)',
      providerCode: 206,
      requestId: 'r',
      retryable: true,
    });
    expect(copy.failures).toHaveLength(1);
    expect(original.failures).toHaveLength(0);
  });
});
