import { createRoomcast } from '@roomcast/core';
import { type Emulator, startEmulator } from '@roomcast/emulator';
import {
  MAX_ROOM_ID_BYTES,
  SIGNAL_MAX_DATA_BYTES,
  MAX_MESSAGE_BYTES as TRTC_MESSAGE_BYTES,
} from '@roomcast/trtc';
import { ZEGO_RTC_LIMITS } from '@roomcast/zego-rtc';
import { ZIM_DEFAULT_MESSAGE_LIMITS, ZIM_FIELD_LIMITS } from '@roomcast/zego-zim';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aroundLimit, exactBytes, nearValid, validOr, wildString, wildValue } from './support/arbitraries.js';
import type { Sender } from './support/campaign.js';
import { assertInputContract, observe } from './support/outcome-checks.js';
import { emulatorProviders, registerCredentialSecrets } from './support/providers.js';
import { SecretScanner } from './support/secret-scanner.js';
import { recordingFetch } from './support/wire.js';
import { CHANNELS, type Channel } from './support/world.js';

/**
 * Bad input through `rc.send`, generated: arbitrary Unicode, sizes around every limit, invalid
 * ids, huge arrays, wrong types. Each either sends, or fails with an input error before any request
 * reaches the emulator (its request counter proves it); never a raw TypeError; and the vendor never
 * has to refuse malformed input itself.
 */
const USERS = { zego: ['ru1', 'ru2'], zim: ['zu1', 'zu2'], tencent: ['tu1', 'tu2'] };
const ROOMS = { zego: 'bad-rtc', zim: 'bad-zim', tencent: 'bad-trtc' };
const TRTC_USER_ID_BYTES = 32;

let emulator: Emulator;
let rc: Sender;
const scanner = new SecretScanner();
const runs = (numRuns: number) => ({ numRuns, seed: 77, endOnFailure: true });

beforeAll(async () => {
  emulator = await startEmulator({
    port: 0,
    rateLimits: 'off',
    fixtures: {
      zegoRtc: { rooms: { [ROOMS.zego]: USERS.zego } },
      zim: { online: ['server', ...USERS.zim], rooms: { [ROOMS.zim]: USERS.zim } },
      trtc: { rooms: { [ROOMS.tencent]: USERS.tencent } },
    },
  });
  registerCredentialSecrets(emulator, scanner);
  const providers = emulatorProviders(emulator, { fetch: recordingFetch(scanner), quotaFactor: 1000 });
  rc = createRoomcast({ providers, retry: { maxAttempts: 1 } }) as unknown as Sender;
});

afterAll(async () => {
  expect(scanner.hits).toEqual([]);
  await emulator.close();
});

const aliasOf = (channel: Channel) => channel.split(':')[0] as keyof typeof ROOMS;

/** A message for `channel` whose every field is mostly valid and sometimes anything at all. */
function messageFor(channel: Channel): fc.Arbitrary<unknown> {
  const alias = aliasOf(channel);
  const users = USERS[alias];
  return nearValid({
    roomId: validOr(fc.constantFrom(ROOMS[alias], 'no-such-room')),
    from: validOr(fc.constant('server')),
    to: validOr(fc.subarray(users, { minLength: 1 })),
    data: validOr(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 })),
    text: validOr(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 })),
    type: validOr(fc.constantFrom(1, 7, 'gift', '12')),
    fromName: validOr(fc.constant('Host')),
    category: validOr(fc.constantFrom('chat', 'system')),
    priority: validOr(fc.constantFrom('low', 'normal', 'high')),
    extensions: validOr(
      fc.constantFrom(
        {},
        { 'zego-rtc': { UserName: 'Host' } },
        { 'zego-zim': { messageType: 2 } },
        { 'zego-zim': { SearchedContent: 'find me' } },
        { trtc: { ExtensionInfo: '{"c":1}' } },
        { trtc: { Unknown: 1 } },
      ),
    ),
    signal: validOr(fc.constant(new AbortController().signal)),
  });
}

describe('rc.send with generated messages', () => {
  it('sends, or fails with an input error before any request, for every channel', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...CHANNELS).chain((channel) => fc.tuple(fc.constant(channel), messageFor(channel))),
        async ([channel, message]) => {
          const observed = await observe(emulator, () => rc.send(channel, message));
          assertInputContract(channel, observed, scanner);
        },
      ),
      runs(400),
    );
  });

  it('refuses a channel that is not "alias:kind" or names no provider or kind, without a request', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          wildValue,
          wildString.map((s) => `zego:${s}`),
          fc.constantFrom('tencent:direct', 'zego:direct', 'nobody:signal'),
        ),
        async (channel) => {
          const observed = await observe(emulator, () =>
            rc.send(channel as string, { roomId: ROOMS.zego, from: 'server', data: 'x' }),
          );
          const error = assertInputContract(`channel ${String(typeof channel)}`, observed, scanner);
          expect(observed.requests).toHaveLength(0);
          expect(error?.code).toMatch(/^(INVALID_ARGUMENT|UNSUPPORTED)$/);
        },
      ),
      runs(200),
    );
  });

  it('takes any send options from a JavaScript caller without a raw TypeError', async () => {
    const options = nearValid({
      timeoutMs: validOr(fc.integer({ min: 3000, max: 10_000 })),
      totalTimeoutMs: validOr(fc.integer({ min: 3000, max: 10_000 })),
      retry: validOr(fc.record({ maxAttempts: fc.integer({ min: 1, max: 3 }), ambiguous: fc.boolean() })),
      onLimit: validOr(fc.constantFrom('wait', 'fail')),
      concurrency: validOr(fc.integer({ min: 1, max: 16 })),
      onProgress: validOr(fc.constant(() => {})),
      signal: validOr(fc.constant(new AbortController().signal)),
    });
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...CHANNELS), options, async (channel, sendOptions) => {
        const message = validMessage(channel, 'options');
        const observed = await observe(emulator, () => rc.send(channel, message, sendOptions as object));
        assertInputContract(`${channel} options`, observed, scanner);
      }),
      runs(200),
    );
  });
});

describe('sizes around every limit', () => {
  const payloadLimits: [Channel, 'data' | 'text', number][] = [
    ['zego:signal', 'data', ZEGO_RTC_LIMITS.messageContentBytes],
    ['zego:broadcast', 'text', ZEGO_RTC_LIMITS.messageContentBytes],
    ['zego:barrage', 'text', ZEGO_RTC_LIMITS.messageContentBytes],
    ['zim:direct', 'text', ZIM_DEFAULT_MESSAGE_LIMITS.text],
    ['zim:direct', 'data', ZIM_DEFAULT_MESSAGE_LIMITS.custom],
    ['zim:signal', 'data', ZIM_DEFAULT_MESSAGE_LIMITS.custom],
    ['zim:broadcast', 'text', ZIM_DEFAULT_MESSAGE_LIMITS.text],
    ['zim:barrage', 'text', ZIM_DEFAULT_MESSAGE_LIMITS.barrage],
    ['tencent:signal', 'data', SIGNAL_MAX_DATA_BYTES],
    ['tencent:broadcast', 'text', TRTC_MESSAGE_BYTES],
  ];

  it.each(payloadLimits)(
    '%s %s: up to %i bytes is sent, one byte more is PAYLOAD_TOO_LARGE',
    async (channel, field, limit) => {
      await fc.assert(
        fc.asyncProperty(aroundLimit(limit), async ({ bytes, text }) => {
          const { text: _text, ...rest } = validMessage(channel, 'size');
          const message = { ...rest, [field]: text };
          const observed = await observe(emulator, () => rc.send(channel, message));
          const error = assertInputContract(`${channel} ${bytes} bytes`, observed, scanner);
          if (bytes <= limit) expect(error, error?.message).toBeUndefined();
          else expect(error?.code).toBe('PAYLOAD_TOO_LARGE');
        }),
        runs(25),
      );
    },
  );

  it('tencent:signal measures 12 KB on the JSON Tencent builds, escapes included', async () => {
    // 6,200 quotes are 6,200 bytes of data but 12,400 once escaped inside {"BusinessId","Data"}.
    const observed = await observe(emulator, () =>
      rc.send('tencent:signal', { roomId: ROOMS.tencent, type: 't', data: '"'.repeat(6200) }),
    );
    expect(assertInputContract('escaped data', observed, scanner)?.code).toBe('PAYLOAD_TOO_LARGE');
  });

  const idLimits: [Channel, string, number, boolean][] = [
    ['zego:signal', 'roomId', ZEGO_RTC_LIMITS.roomIdBytes, false],
    ['zego:signal', 'from', ZEGO_RTC_LIMITS.userIdBytes, false],
    ['zego:signal', 'to', ZEGO_RTC_LIMITS.userIdBytes, false],
    ['zego:broadcast', 'roomId', ZEGO_RTC_LIMITS.roomIdBytes, false],
    ['zim:direct', 'from', ZIM_FIELD_LIMITS.userIdBytes, true],
    ['zim:direct', 'to', ZIM_FIELD_LIMITS.userIdBytes, true],
    ['zim:broadcast', 'roomId', ZIM_FIELD_LIMITS.roomIdBytes, true],
    ['tencent:signal', 'roomId', MAX_ROOM_ID_BYTES, false],
    ['tencent:broadcast', 'from', TRTC_USER_ID_BYTES, false],
  ];

  it.each(idLimits)(
    '%s %s: ids up to %i bytes pass roomcast and the vendor, longer ones are INVALID_ARGUMENT',
    async (channel, field, limit, ascii) => {
      const zimChars = ['a', ' ', '#', '+', '%', '&', '=', '?', '[', '~'];
      const id = ascii
        ? fc
            .tuple(fc.integer({ min: -2, max: 2 }), fc.subarray(zimChars, { minLength: 1 }))
            .map(([d, chars]) => ({
              bytes: limit + d,
              text: exactBytes(limit + d, chars),
            }))
        : aroundLimit(limit, 2);
      await fc.assert(
        fc.asyncProperty(id, async ({ bytes, text }) => {
          const value = field === 'to' ? [text] : text;
          const message = { ...validMessage(channel, 'id'), [field]: value };
          const observed = await observe(emulator, () => rc.send(channel, message));
          const error = assertInputContract(`${channel} ${field} ${bytes} bytes`, observed, scanner);
          if (bytes > limit) expect(error?.code).toBe('INVALID_ARGUMENT');
          else if (error) expect(error.code).not.toBe('INVALID_ARGUMENT');
        }),
        runs(20),
      );
    },
  );
});

describe('huge and malformed recipient lists', () => {
  const many = Array.from({ length: 100_001 }, (_, i) => `user-${i}`);

  it.each(['zego:signal', 'zim:direct'] as const)(
    '%s: 100,001 recipients are TOO_MANY_RECIPIENTS, with no request',
    async (channel) => {
      const observed = await observe(emulator, () =>
        rc.send(channel, { ...validMessage(channel, 'many'), to: many }),
      );
      expect(assertInputContract(channel, observed, scanner)?.code).toBe('TOO_MANY_RECIPIENTS');
    },
  );

  it.each(['zego:broadcast', 'zim:signal', 'tencent:signal', 'tencent:broadcast'] as const)(
    '%s: a recipient list on a whole-room kind is UNSUPPORTED, with no request',
    async (channel) => {
      const observed = await observe(emulator, () =>
        rc.send(channel, { ...validMessage(channel, 'to'), to: ['x'] }),
      );
      expect(assertInputContract(channel, observed, scanner)?.code).toBe('UNSUPPORTED');
    },
  );

  it('recipient lists of anything are refused or sent, never a TypeError', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('zego:signal', 'zim:direct'),
        fc.oneof(fc.array(wildValue, { maxLength: 30 }), fc.array(wildString, { maxLength: 150 }), wildValue),
        async (channel, to) => {
          const observed = await observe(emulator, () =>
            rc.send(channel, { ...validMessage(channel, 'to'), to }),
          );
          assertInputContract(channel, observed, scanner);
        },
      ),
      runs(200),
    );
  });
});

/** A valid message for a channel, marked with `tag`. */
function validMessage(channel: Channel, tag: string): Record<string, unknown> {
  const alias = aliasOf(channel);
  const roomId = ROOMS[alias];
  switch (channel) {
    case 'zego:signal':
      return { roomId, from: 'server', to: [USERS.zego[0]], data: tag };
    case 'zim:direct':
      return { from: 'server', to: [USERS.zim[0]], text: tag };
    case 'zim:signal':
      return { roomId, from: 'server', data: tag, type: 1 };
    case 'tencent:signal':
      return { roomId, type: 'reliability', data: tag };
    default:
      return { roomId, from: 'server', text: tag };
  }
}

// Strings with lone surrogates cannot be UTF-8 encoded: they are input errors, never a crash.
it('a payload with a lone surrogate is INVALID_ARGUMENT on every channel, with no request', async () => {
  for (const channel of CHANNELS) {
    const message = validMessage(channel, 'x');
    const field = 'data' in message ? 'data' : 'text';
    const observed = await observe(emulator, () => rc.send(channel, { ...message, [field]: `a\ud800b` }));
    expect(assertInputContract(channel, observed, scanner)?.code).toBe('INVALID_ARGUMENT');
  }
});
