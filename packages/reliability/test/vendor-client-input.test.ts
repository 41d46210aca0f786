import { isRoomcastError } from '@roomcast/core';
import { type Emulator, startEmulator } from '@roomcast/emulator';
import { createTrtcClient, genUserSig, trtc } from '@roomcast/trtc';
import { createZegoRtcClient, zegoRtc } from '@roomcast/zego-rtc';
import { createZegoZimClient, zegoZim } from '@roomcast/zego-zim';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nearValid, validOr, wildString, wildValue } from './support/arbitraries.js';
import { assertInputContract, observe, settle } from './support/outcome-checks.js';
import { registerCredentialSecrets } from './support/providers.js';
import { SecretScanner } from './support/secret-scanner.js';
import { recordingFetch } from './support/wire.js';

/**
 * The vendor clients with arbitrary input from plain JavaScript callers, method by method: every
 * call resolves or rejects with a RoomcastError, input errors come before any request, and the
 * emulator never has to refuse malformed input. Requests are near-valid records (each field
 * mostly right, sometimes anything, sometimes missing or unknown), options anything.
 */
let emulator: Emulator;
const scanner = new SecretScanner();
const runs = { numRuns: 150, seed: 2024, endOnFailure: true };
type Method = (request: unknown, options?: unknown) => unknown;

beforeAll(async () => {
  emulator = await startEmulator({
    port: 0,
    rateLimits: 'off',
    fixtures: {
      zegoRtc: { rooms: { 'v-rtc': ['ru1', 'ru2'] } },
      zim: {
        online: ['server', 'zu1', 'zu2'],
        rooms: { 'v-zim': ['zu1'] },
        groups: { 'v-group': ['server', 'zu1'] },
      },
      trtc: { rooms: { 'v-trtc': ['tu1'] } },
    },
  });
  registerCredentialSecrets(emulator, scanner);
});

afterAll(async () => {
  expect(scanner.hits).toEqual([]);
  await emulator.close();
});

const callOptions = fc.oneof(
  { arbitrary: fc.constant(undefined), weight: 4 },
  {
    arbitrary: nearValid({
      signal: validOr(fc.constant(new AbortController().signal)),
      timeoutMs: validOr(fc.integer({ min: 3000, max: 10_000 })),
      attempt: validOr(fc.integer({ min: 1, max: 3 })),
      hooks: validOr(fc.constant({ onRequest: () => {} })),
    }),
    weight: 2,
  },
);

async function checkMethod(label: string, method: Method, request: fc.Arbitrary<unknown>): Promise<void> {
  await fc.assert(
    fc.asyncProperty(request, callOptions, async (input, options) => {
      const observed = await observe(emulator, () => method(input, options));
      assertInputContract(label, observed, scanner);
    }),
    runs,
  );
}

const ids = (...valid: string[]) => validOr(fc.constantFrom(...valid));
const idList = (...valid: string[]) => validOr(fc.subarray(valid, { minLength: 1 }));
const text = validOr(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 30 }));

describe('createZegoRtcClient methods', () => {
  let client: ReturnType<typeof createZegoRtcClient>;
  beforeAll(() => {
    client = createZegoRtcClient({
      ...emulator.credentials.zegoRtc,
      baseUrl: emulator.zegoRtcUrl,
      fetch: recordingFetch(scanner),
    });
  });
  const room = ids('v-rtc', 'gone');
  // Marker is ZEGO's opaque paging token: only ZEGO can judge its content, roomcast checks its type.
  const opaqueMarker = fc.oneof(
    fc.constant(''),
    wildValue.filter((v) => typeof v !== 'string'),
  );
  const methods: [string, (c: typeof client) => Method, fc.Arbitrary<unknown>][] = [
    [
      'sendCustomCommand',
      (c) => c.sendCustomCommand as Method,
      nearValid({
        RoomId: room,
        FromUserId: ids('server'),
        ToUserId: idList('ru1', 'ru2', 'x'),
        MessageContent: text,
      }),
    ],
    [
      'sendBroadcastMessage',
      (c) => c.sendBroadcastMessage as Method,
      nearValid({
        RoomId: room,
        UserId: ids('server'),
        UserName: text,
        MessageCategory: validOr(fc.constantFrom(1, 2)),
        MessageContent: text,
      }),
    ],
    [
      'sendBarrageMessage',
      (c) => c.sendBarrageMessage as Method,
      nearValid({
        RoomId: room,
        UserId: ids('server'),
        UserName: text,
        MessageCategory: validOr(fc.constantFrom(1, 2)),
        MessageContent: text,
      }),
    ],
    ['describeUserNum', (c) => c.describeUserNum as Method, nearValid({ RoomId: idList('v-rtc', 'gone') })],
    [
      'describeUsers',
      (c) => c.describeUsers as Method,
      nearValid({ RoomId: room, UserId: idList('ru1', 'x') }),
    ],
    [
      'describeUserList',
      (c) => c.describeUserList as Method,
      nearValid({
        RoomId: room,
        Mode: validOr(fc.constantFrom(0, 1)),
        Limit: validOr(fc.integer({ min: 0, max: 200 })),
        Marker: opaqueMarker,
      }),
    ],
    [
      'kickoutUser',
      (c) => c.kickoutUser as Method,
      nearValid({ RoomId: ids('gone'), UserId: idList('x', 'y'), CustomReason: text }),
    ],
    [
      'closeRoom',
      (c) => c.closeRoom as Method,
      nearValid({ RoomId: ids('gone'), CustomReason: text, RoomCloseCallback: validOr(fc.boolean()) }),
    ],
  ];
  it.each(methods)('%s', async (name, pick, request) => {
    await checkMethod(name, pick(client), request);
  });

  it('paginateDescribeUserList', async () => {
    await checkMethod(
      'paginateDescribeUserList',
      async (request, options) => {
        const pages = client.paginateDescribeUserList(request as never, options as never);
        await pages.next();
        await pages.return(undefined);
      },
      nearValid({ RoomId: ids('gone'), Limit: validOr(fc.integer({ min: 0, max: 200 })) }),
    );
  });
});

describe('createZegoZimClient methods', () => {
  let client: ReturnType<typeof createZegoZimClient>;
  beforeAll(() => {
    client = createZegoZimClient({
      ...emulator.credentials.zegoZim,
      baseUrl: emulator.zegoZimUrl,
      fetch: recordingFetch(scanner),
    });
  });
  const body = nearValid({
    Message: validOr(
      fc.oneof(
        fc.string({ unit: 'grapheme', minLength: 1, maxLength: 30 }),
        fc.constant(new Uint8Array([1, 2])),
      ),
    ),
    ExtendedData: text,
    IsBase64: validOr(fc.constantFrom(0, 1)),
    HasReceipt: validOr(fc.constantFrom(0, 1)),
    OfflinePush: validOr(fc.constant({ Enable: 1, Title: 't', Content: 'c' })),
  });
  const message = {
    MessageType: validOr(fc.constantFrom(1, 2, 10, 11, 20, 200)),
    MessageBody: validOr(fc.constant({ Message: 'hi' }), 2).chain((v) =>
      v === undefined ? body : fc.constant(v),
    ),
    SubMsgType: validOr(fc.integer({ min: 0, max: 200 })),
    SearchedContent: text,
    Priority: validOr(fc.constantFrom(1, 2, 3)),
  };
  const methods: [string, (c: typeof client) => Method, fc.Arbitrary<unknown>][] = [
    [
      'sendPeerMessage',
      (c) => c.sendPeerMessage as Method,
      nearValid({
        FromUserId: ids('server'),
        ToUserId: idList('zu1', 'zu2', 'nobody'),
        ...message,
        SenderUnaware: validOr(fc.constantFrom(0, 1)),
        SendMsgOptions: validOr(fc.constant({ NoUnread: true })),
      }),
    ],
    [
      'sendRoomMessage',
      (c) => c.sendRoomMessage as Method,
      nearValid({ FromUserId: ids('server'), RoomId: ids('v-zim', 'gone'), ...message }),
    ],
    [
      'sendGroupMessage',
      (c) => c.sendGroupMessage as Method,
      nearValid({
        FromUserId: ids('server'),
        GroupId: ids('v-group'),
        ...message,
        SendMsgOptions: validOr(fc.constant({ TargetOption: { ReceiverUserIds: ['zu1'], Inclusive: true } })),
      }),
    ],
    [
      'sendMessageToAllUsers',
      (c) => c.sendMessageToAllUsers as Method,
      nearValid({ FromUserId: ids('server'), ...message, PushType: validOr(fc.constantFrom(0, 1, 2)) }),
    ],
    [
      'queryUserOnlineState',
      (c) => c.queryUserOnlineState as Method,
      nearValid({ UserId: idList('zu1', 'nobody') }),
    ],
  ];
  it.each(methods)('%s', async (name, pick, request) => {
    await checkMethod(name, pick(client), request);
  });
});

describe('createTrtcClient methods', () => {
  let client: ReturnType<typeof createTrtcClient>;
  beforeAll(() => {
    client = createTrtcClient({
      ...emulator.credentials.trtc,
      baseUrl: emulator.trtcUrl,
      fetch: recordingFetch(scanner),
    });
  });
  const room = ids('v-trtc', 'gone');
  const methods: [string, (c: typeof client) => Method, fc.Arbitrary<unknown>][] = [
    [
      'sendCustomMsg',
      (c) => c.sendCustomMsg as Method,
      nearValid({ RoomId: room, Sender_Account: ids('server'), BusinessId: ids('gift'), Data: text }),
    ],
    [
      'sendTextMsg',
      (c) => c.sendTextMsg as Method,
      nearValid({ RoomId: room, Sender_Account: ids('server'), TextContent: text, ExtensionInfo: text }),
    ],
    [
      'createRoom',
      (c) => c.createRoom as Method,
      nearValid({
        RoomInfo: validOr(
          fc.record(
            {
              RoomId: validOr(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 20 })),
              RoomType: validOr(fc.constant('Live')),
              RoomName: text,
              Category: validOr(fc.array(fc.integer({ min: 0, max: 9 }), { maxLength: 3 })),
              TakeSeatMode: validOr(fc.constantFrom('FreeToTake', 'ApplyToTake')),
              MaxSeatCount: validOr(fc.integer({ min: 1, max: 16 })),
              IsSeatEnabled: validOr(fc.boolean()),
            },
            { requiredKeys: [] },
          ),
        ),
      }),
    ],
    ['destroyRoom', (c) => c.destroyRoom as Method, nearValid({ RoomId: ids('gone') })],
    ['getRoomInfo', (c) => c.getRoomInfo as Method, nearValid({ RoomId: room })],
  ];
  it.each(methods)('%s', async (name, pick, request) => {
    await checkMethod(name, pick(client), request);
  });

  it('call(command, body)', async () => {
    await fc.assert(
      fc.asyncProperty(
        validOr(fc.constantFrom('get_room_info', 'no_such_command')),
        validOr(fc.constant({ RoomId: 'v-trtc' })),
        callOptions,
        async (command, body, options) => {
          const observed = await observe(emulator, () =>
            (client.call as (...args: unknown[]) => unknown)(command, body, options),
          );
          // An escape hatch sends whatever it is given: only the contract on errors applies.
          const settledError = observed.settled.ok ? undefined : observed.settled.error;
          if (settledError !== undefined) expect(isRoomcastError(settledError)).toBe(true);
        },
      ),
      runs,
    );
  });
});

describe('configurations and genUserSig from plain JavaScript callers', () => {
  const factories: [string, (config: unknown) => unknown][] = [
    ['createZegoRtcClient', (c) => createZegoRtcClient(c as never)],
    ['zegoRtc', (c) => zegoRtc(c as never)],
    ['createZegoZimClient', (c) => createZegoZimClient(c as never)],
    ['zegoZim', (c) => zegoZim(c as never)],
    ['createTrtcClient', (c) => createTrtcClient(c as never)],
    ['trtc', (c) => trtc(c as never)],
  ];
  const config = nearValid({
    appId: validOr(fc.constant(1_000_000_001)),
    sdkAppId: validOr(fc.constant(1_400_900_001)),
    serverSecret: validOr(fc.constant('e1a5e7c0d0c5f3a2b4e6d8f0a1c3e5f7')),
    secretKey: validOr(fc.constant('3f1c0e5a')),
    adminUserId: validOr(fc.constant('administrator')),
    baseUrl: validOr(
      fc.constantFrom('http://127.0.0.1:1', 'https://example.com', 'http://example.com', 'not a url'),
    ),
    region: wildValue,
    timeoutMs: validOr(fc.integer({ min: 1, max: 10_000 })),
    isTest: validOr(fc.boolean()),
    now: validOr(fc.constant(() => Date.now())),
    fetch: validOr(fc.constant(fetch)),
    hooks: validOr(fc.constant({})),
    userSigTtlSeconds: validOr(fc.integer({ min: 1, max: 100_000 })),
    maxMessageBytes: validOr(fc.constant({ text: 4096 })),
  });

  it.each(factories)('%s(config) builds a client or throws INVALID_ARGUMENT', (_, factory) => {
    fc.assert(
      fc.property(config, (input) => {
        let thrown: unknown;
        try {
          factory(input);
        } catch (error) {
          thrown = error;
        }
        if (thrown === undefined) return;
        if (!isRoomcastError(thrown))
          throw new Error(`threw ${thrown instanceof Error ? thrown.message : typeof thrown}`);
        expect(thrown.code).toBe('INVALID_ARGUMENT');
        scanner.scan('config error', thrown);
      }),
      { ...runs, numRuns: 300 },
    );
  });

  it('genUserSig(options) signs or throws INVALID_ARGUMENT', async () => {
    await fc.assert(
      fc.asyncProperty(
        nearValid({
          sdkAppId: validOr(fc.constant(1_400_000_000)),
          secretKey: validOr(wildString.filter((s) => s.trim() === s && s.length > 0)),
          userId: validOr(fc.constantFrom('viewer-1', '中文')),
          expireSeconds: validOr(fc.integer({ min: 1, max: 86_400 * 365 })),
          now: validOr(fc.integer({ min: 1_600_000_000, max: 1_900_000_000 })),
        }),
        async (options) => {
          const settled = await settle(() => genUserSig(options as never));
          if (settled.ok) {
            scanner.addSecret(settled.value as string, 'UserSig (genUserSig)');
            return;
          }
          if (!isRoomcastError(settled.error)) {
            throw new Error(
              `threw ${settled.error instanceof Error ? settled.error.message : typeof settled.error}`,
            );
          }
          expect(settled.error.code).toBe('INVALID_ARGUMENT');
          scanner.scan('genUserSig error', settled.error);
        },
      ),
      { ...runs, numRuns: 300 },
    );
  });
});
