import { createRoomcast, isRoomcastError, type RoomcastError } from '@roomcast/core';
import { DEFAULT_CREDENTIALS } from '@roomcast/emulator';
import { createTrtcClient, trtc } from '@roomcast/trtc';
import { createZegoRtcClient, zegoRtc } from '@roomcast/zego-rtc';
import { createZegoZimClient, zegoZim } from '@roomcast/zego-zim';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Canned, startResponder } from './support/responder.js';
import { SecretScanner } from './support/secret-scanner.js';

/**
 * Answers no emulator gives: bodies that are not the vendor's envelope, fields missing or of the
 * wrong type, HTML error pages, empty bodies. Served by a tiny HTTP responder per vendor. Each
 * becomes PROVIDER_ERROR (a 200 the client cannot read) or UNAVAILABLE (a 5xx), marked ambiguous
 * because the vendor may have acted, and carries the vendor's request id whenever the body had one.
 */
type Responder = Awaited<ReturnType<typeof startResponder>>;
interface Case {
  name: string;
  answer: Canned;
  code: 'PROVIDER_ERROR' | 'UNAVAILABLE';
  requestId?: string;
}

const html = (status: number): Canned => ({
  status,
  body: `<html><head><title>${status}</title></head><body><center><h1>${status}</h1></center><hr><center>nginx</center></body></html>`,
  contentType: 'text/html',
});
const json = (body: unknown, status = 200): Canned => ({ status, body: JSON.stringify(body) });

/** What goes wrong the same way for every vendor: the transport's view. */
const TRANSPORT_CASES: Case[] = [
  { name: 'an HTML 502 page', answer: html(502), code: 'UNAVAILABLE' },
  { name: 'an HTML 503 page', answer: html(503), code: 'UNAVAILABLE' },
  { name: 'an HTML page with 200', answer: html(200), code: 'PROVIDER_ERROR' },
  { name: 'an empty 200', answer: { status: 200, body: '' }, code: 'PROVIDER_ERROR' },
  { name: 'an empty 503', answer: { status: 503, body: '' }, code: 'UNAVAILABLE' },
  { name: 'truncated JSON', answer: { status: 200, body: '{"Code":0,"Mess' }, code: 'PROVIDER_ERROR' },
  { name: 'JSON null', answer: { status: 200, body: 'null' }, code: 'PROVIDER_ERROR' },
  { name: 'a JSON array', answer: json([1, 2]), code: 'PROVIDER_ERROR' },
  { name: 'a JSON number', answer: json(42), code: 'PROVIDER_ERROR' },
  { name: 'a JSON string', answer: json('ok'), code: 'PROVIDER_ERROR' },
];

const ZEGO_ENVELOPE_CASES: Case[] = [
  {
    name: 'no Code',
    answer: json({ RequestId: 'zr-1', Message: 'success' }),
    code: 'PROVIDER_ERROR',
    requestId: 'zr-1',
  },
  {
    name: 'Code as a string',
    answer: json({ Code: '0', RequestId: 'zr-2' }),
    code: 'PROVIDER_ERROR',
    requestId: 'zr-2',
  },
  {
    name: 'a fractional Code',
    answer: json({ Code: 0.5, RequestId: 'zr-3' }),
    code: 'PROVIDER_ERROR',
    requestId: 'zr-3',
  },
  {
    name: 'a numeric RequestId and no Code',
    answer: json({ RequestId: 1234567 }),
    code: 'PROVIDER_ERROR',
    requestId: '1234567',
  },
];

const scanner = new SecretScanner();
let rtc: Responder;
let zim: Responder;
let tencent: Responder;

beforeAll(async () => {
  [rtc, zim, tencent] = await Promise.all([startResponder(), startResponder(), startResponder()]);
  scanner.addSecret(DEFAULT_CREDENTIALS.zegoRtc.serverSecret, 'ServerSecret');
  scanner.addSecret(DEFAULT_CREDENTIALS.zegoZim.serverSecret, 'ServerSecret');
  scanner.addSecret(DEFAULT_CREDENTIALS.trtc.secretKey, 'SecretKey');
});

afterAll(async () => {
  expect(scanner.hits).toEqual([]);
  await Promise.all([rtc.close(), zim.close(), tencent.close()]);
});

async function failure(
  responder: Responder,
  answer: Canned,
  call: () => Promise<unknown>,
): Promise<RoomcastError> {
  responder.answer(answer);
  const before = responder.count();
  const outcome = await call().then(
    (value) => ({ value }),
    (error: unknown) => ({ error }),
  );
  expect(responder.count() - before, 'one request, no retry of an unreadable answer').toBe(1);
  if (!('error' in outcome)) throw new Error(`resolved with ${JSON.stringify(outcome.value)}`);
  expect(isRoomcastError(outcome.error)).toBe(true);
  scanner.scan('malformed answer error', outcome.error);
  return outcome.error as RoomcastError;
}

function expectClassified(error: RoomcastError, c: Case): void {
  expect({
    code: error.code,
    ambiguous: error.ambiguous,
    retryable: error.retryable,
    requestId: error.requestId,
  }).toEqual({
    code: c.code,
    ambiguous: true,
    retryable: false,
    requestId: c.requestId,
  });
}

describe('ZEGO RTC', () => {
  const client = () => createZegoRtcClient({ ...DEFAULT_CREDENTIALS.zegoRtc, baseUrl: rtc.url });
  const custom = { RoomId: 'r', FromUserId: 'server', ToUserId: ['a'], MessageContent: 'x' };
  const text = { RoomId: 'r', UserId: 'server', MessageCategory: 2 as const, MessageContent: 'x' };
  const cases: [string, () => Promise<unknown>, Case][] = [
    ...[...TRANSPORT_CASES, ...ZEGO_ENVELOPE_CASES].map((c): [string, () => Promise<unknown>, Case] => [
      'sendCustomCommand',
      () => client().sendCustomCommand(custom),
      c,
    ]),
    [
      'sendCustomCommand',
      () => client().sendCustomCommand(custom),
      {
        name: 'Data not an object',
        answer: json({ Code: 0, RequestId: 'zr-4', Data: 'x' }),
        code: 'PROVIDER_ERROR',
        requestId: 'zr-4',
      },
    ],
    [
      'sendCustomCommand',
      () => client().sendCustomCommand(custom),
      {
        name: 'FailUsers not a list',
        answer: json({ Code: 0, RequestId: 'zr-5', Data: { FailUsers: 'a' } }),
        code: 'PROVIDER_ERROR',
        requestId: 'zr-5',
      },
    ],
    [
      'sendCustomCommand',
      () => client().sendCustomCommand(custom),
      {
        name: 'FailUsers of the wrong types',
        answer: json({ Code: 0, RequestId: 'zr-6', Data: { FailUsers: [{ Uid: 1, Code: '50003' }] } }),
        code: 'PROVIDER_ERROR',
        requestId: 'zr-6',
      },
    ],
    [
      'sendBroadcastMessage',
      () => client().sendBroadcastMessage(text),
      {
        name: 'no MessageId',
        answer: json({ Code: 0, RequestId: 'zr-7', Data: {} }),
        code: 'PROVIDER_ERROR',
        requestId: 'zr-7',
      },
    ],
    [
      'sendBroadcastMessage',
      () => client().sendBroadcastMessage(text),
      {
        name: 'a string MessageId',
        answer: json({ Code: 0, RequestId: 'zr-8', Data: { MessageId: 'x' } }),
        code: 'PROVIDER_ERROR',
        requestId: 'zr-8',
      },
    ],
    [
      'sendBarrageMessage',
      () => client().sendBarrageMessage(text),
      {
        name: 'no Data',
        answer: json({ Code: 0, RequestId: 'zr-9' }),
        code: 'PROVIDER_ERROR',
        requestId: 'zr-9',
      },
    ],
  ];
  it.each(cases)('%s answered with %#: becomes a classified, ambiguous error', async (_, call, c) => {
    expectClassified(await failure(rtc, c.answer, call), c);
  });

  it('the provider reports it through rc.send, request id included', async () => {
    const rc = createRoomcast({
      providers: { zego: zegoRtc({ ...DEFAULT_CREDENTIALS.zegoRtc, baseUrl: rtc.url }) },
    });
    const error = await failure(rtc, json({ Code: 0, RequestId: 'zr-10', Data: { MessageId: 'x' } }), () =>
      rc.send('zego:broadcast', { roomId: 'r', from: 'server', text: 'x' }),
    );
    expect(error).toMatchObject({ code: 'PROVIDER_ERROR', ambiguous: true, requestId: 'zr-10' });
    expect(error.result?.requestIds).toEqual(['zr-10']);
  });
});

describe('ZEGO ZIM', () => {
  const client = () => createZegoZimClient({ ...DEFAULT_CREDENTIALS.zegoZim, baseUrl: zim.url });
  const peer = {
    FromUserId: 'server',
    ToUserId: ['a', 'b'],
    MessageType: 1 as const,
    Priority: 2 as const,
    MessageBody: { Message: 'x' },
  };
  const room = {
    FromUserId: 'server',
    RoomId: 'r',
    MessageType: 1 as const,
    Priority: 2 as const,
    MessageBody: { Message: 'x' },
  };
  const cases: [string, () => Promise<unknown>, Case][] = [
    ...[...TRANSPORT_CASES, ...ZEGO_ENVELOPE_CASES].map((c): [string, () => Promise<unknown>, Case] => [
      'sendRoomMessage',
      () => client().sendRoomMessage(room),
      c,
    ]),
    [
      'sendPeerMessage',
      () => client().sendPeerMessage(peer),
      {
        name: 'ErrorList not a list',
        answer: json({ Code: 0, RequestId: 'zq-1', ErrorList: 'b' }),
        code: 'PROVIDER_ERROR',
        requestId: 'zq-1',
      },
    ],
    [
      'sendPeerMessage',
      () => client().sendPeerMessage(peer),
      {
        name: 'an ErrorList entry without UserId',
        answer: json({ Code: 0, RequestId: 'zq-2', ErrorList: [{ SubCode: 660500002 }] }),
        code: 'PROVIDER_ERROR',
        requestId: 'zq-2',
      },
    ],
    [
      'sendPeerMessage',
      () => client().sendPeerMessage(peer),
      {
        name: 'SuccList not a list',
        answer: json({ Code: 0, RequestId: 'zq-3', SuccList: { UserId: 'a' } }),
        code: 'PROVIDER_ERROR',
        requestId: 'zq-3',
      },
    ],
    [
      'sendPeerMessage',
      () => client().sendPeerMessage(peer),
      {
        name: 'an ErrorList entry that is not an object',
        answer: json({ Code: 0, RequestId: 'zq-4', ErrorList: ['b'] }),
        code: 'PROVIDER_ERROR',
        requestId: 'zq-4',
      },
    ],
  ];
  it.each(cases)('%s answered with %#: becomes a classified, ambiguous error', async (_, call, c) => {
    expectClassified(await failure(zim, c.answer, call), c);
  });

  it('the provider never counts a recipient as accepted from an unreadable ErrorList', async () => {
    const rc = createRoomcast({
      providers: { zim: zegoZim({ ...DEFAULT_CREDENTIALS.zegoZim, baseUrl: zim.url }) },
    });
    const error = await failure(
      zim,
      json({ Code: 0, RequestId: 'zq-5', ErrorList: [{ SubCode: 660500002 }] }),
      () => rc.send('zim:direct', { from: 'server', to: ['a', 'b'], text: 'x' }),
    );
    expect(error).toMatchObject({ code: 'PROVIDER_ERROR', ambiguous: true, requestId: 'zq-5' });
    expect(error.result?.accepted).toEqual([]);
    expect(error.result?.failed.map((f) => f.error.ambiguous)).toEqual([true, true]);
  });
});

describe('Tencent', () => {
  const client = () => createTrtcClient({ ...DEFAULT_CREDENTIALS.trtc, baseUrl: tencent.url });
  const custom = { RoomId: 'r', BusinessId: 'b', Data: 'x' };
  const ok = { ActionStatus: 'OK', ErrorCode: 0, ErrorInfo: '' };
  const cases: [string, () => Promise<unknown>, Case][] = [
    ...TRANSPORT_CASES.map((c): [string, () => Promise<unknown>, Case] => [
      'sendCustomMsg',
      () => client().sendCustomMsg(custom),
      c,
    ]),
    [
      'sendCustomMsg',
      () => client().sendCustomMsg(custom),
      {
        name: 'no ErrorCode',
        answer: json({ ActionStatus: 'OK', RequestId: 'tq-1' }),
        code: 'PROVIDER_ERROR',
        requestId: 'tq-1',
      },
    ],
    [
      'sendCustomMsg',
      () => client().sendCustomMsg(custom),
      {
        name: 'ErrorCode as a string',
        answer: json({ ActionStatus: 'OK', ErrorCode: '0', RequestId: 'tq-2' }),
        code: 'PROVIDER_ERROR',
        requestId: 'tq-2',
      },
    ],
    [
      'sendCustomMsg',
      () => client().sendCustomMsg(custom),
      {
        name: 'no Response',
        answer: json({ ...ok, RequestId: 'tq-3' }),
        code: 'PROVIDER_ERROR',
        requestId: 'tq-3',
      },
    ],
    [
      'sendCustomMsg',
      () => client().sendCustomMsg(custom),
      {
        name: 'MsgSeq as a string',
        answer: json({ ...ok, RequestId: 'tq-4', Response: { MsgSeq: '1', MsgTime: 1 } }),
        code: 'PROVIDER_ERROR',
        requestId: 'tq-4',
      },
    ],
    [
      'sendCustomMsg',
      () => client().sendCustomMsg(custom),
      {
        name: 'FAIL with ErrorCode 0',
        answer: json({ ActionStatus: 'FAIL', ErrorCode: 0, RequestId: 'tq-5' }),
        code: 'PROVIDER_ERROR',
        requestId: 'tq-5',
      },
    ],
    [
      'sendTextMsg',
      () => client().sendTextMsg({ RoomId: 'r', Sender_Account: 's', TextContent: 'x' }),
      {
        name: 'Response not an object',
        answer: json({ ...ok, RequestId: 'tq-6', Response: [] }),
        code: 'PROVIDER_ERROR',
        requestId: 'tq-6',
      },
    ],
    [
      'getRoomInfo',
      () => client().getRoomInfo({ RoomId: 'r' }),
      {
        name: 'no RoomInfo',
        answer: json({ ...ok, RequestId: 'tq-7', Response: {} }),
        code: 'PROVIDER_ERROR',
        requestId: 'tq-7',
      },
    ],
  ];
  it.each(cases)('%s answered with %#: becomes a classified, ambiguous error', async (_, call, c) => {
    expectClassified(await failure(tencent, c.answer, call), c);
  });

  it('the provider reports it through rc.send, request id included', async () => {
    const rc = createRoomcast({
      providers: { tencent: trtc({ ...DEFAULT_CREDENTIALS.trtc, baseUrl: tencent.url }) },
    });
    const error = await failure(tencent, json({ ...ok, RequestId: 'tq-8', Response: { MsgSeq: 1 } }), () =>
      rc.send('tencent:signal', { roomId: 'r', type: 't', data: 'x' }),
    );
    expect(error).toMatchObject({ code: 'PROVIDER_ERROR', ambiguous: true, requestId: 'tq-8' });
  });
});
