import { inspect } from 'node:util';
import { isRoomcastError, type RoomcastError } from '@roomcast/core';
import { describe, expect, it } from 'vitest';
import { validateZegoConfig } from '../src/index.js';

const secret = '9193cc662a4c0ec135ec71fb57194b38';

function failure(config: unknown): RoomcastError {
  try {
    validateZegoConfig(config, 'zego-rtc');
  } catch (error) {
    if (isRoomcastError(error)) return error;
    throw error;
  }
  throw new Error('expected validateZegoConfig to throw');
}

describe('validateZegoConfig', () => {
  it('accepts a complete configuration', () => {
    expect(() =>
      validateZegoConfig(
        {
          appId: 4294967295,
          serverSecret: secret.toUpperCase(),
          region: 'sgp',
          isTest: true,
          timeoutMs: 500,
        },
        'zego-rtc',
      ),
    ).not.toThrow();
  });

  it.each([
    [undefined, /config object/],
    [{ serverSecret: secret }, /appId must be the numeric AppID/],
    [{ appId: '123', serverSecret: secret }, /numeric string: pass Number/],
    [{ appId: 0, serverSecret: secret }, /integer 1–4294967295\), got 0/],
    [{ appId: 4294967296, serverSecret: secret }, /got 4294967296/],
    [{ appId: 1.5, serverSecret: secret }, /got 1.5/],
    [{ appId: 1 }, /serverSecret is required/],
    [{ appId: 1, serverSecret: '' }, /serverSecret is required/],
    [{ appId: 1, serverSecret: 'abc' }, /32 hex characters, got 3 characters/],
    [{ appId: 1, serverSecret: `${secret}\n` }, /whitespace/],
    [{ appId: 1, serverSecret: secret + secret }, /AppSign/],
    [{ appId: 1, serverSecret: secret, region: 'mars' }, /region must be one of unified, sha/],
    [{ appId: 1, serverSecret: secret, baseUrl: 42 }, /baseUrl must be/],
    [{ appId: 1, serverSecret: secret, isTest: 'yes' }, /isTest must be true or false/],
    [{ appId: 1, serverSecret: secret, fetch: 'x' }, /fetch must be a function/],
    [{ appId: 1, serverSecret: secret, timeoutMs: -1 }, /timeoutMs/],
    [{ appId: 1, serverSecret: secret, now: 1 }, /now must be a function/],
  ])('rejects %j', (config, message) => {
    const error = failure(config);
    expect(error.code).toBe('INVALID_ARGUMENT');
    expect(error.provider).toBe('zego-rtc');
    expect(error.message).toMatch(message);
  });

  it('never echoes a secret it rejects', () => {
    const bad = 'zz'.repeat(16) + 'secretvalue';
    for (const serverSecret of [bad, secret + secret, ` ${secret}`]) {
      const error = failure({ appId: 1, serverSecret });
      for (const text of [
        error.message,
        error.stack ?? '',
        JSON.stringify(error),
        inspect(error, { depth: 5 }),
      ]) {
        expect(text).not.toContain(serverSecret.trim());
        expect(text).not.toContain('secretvalue');
      }
    }
  });
});
