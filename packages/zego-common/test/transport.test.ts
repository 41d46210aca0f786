import { inspect } from 'node:util';
import { isRoomcastError, type RoomcastError } from '@roomcast/core';
import { describe, expect, it } from 'vitest';
import {
  createZegoTransport,
  ZEGO_GATEWAY_CODES,
  type ZegoClientConfig,
  type ZegoCodeInfo,
} from '../src/index.js';
import { fakeGateway } from './fake-gateway.js';

const serverSecret = 'f0e1d2c3b4a5968778695a4b3c2d1e0f';
const meta = {
  product: 'rtc',
  provider: 'zego-rtc',
  packageName: '@roomcast/zego-rtc',
  packageVersion: '0.1.0',
} as const;
const ok = { Code: 0, Message: 'success', RequestId: 'req-1', Data: { x: 1 } };
const noCodes = () => undefined;

function setup(answers: unknown[], extra: Partial<ZegoClientConfig> = {}) {
  const gateway = fakeGateway(serverSecret, answers);
  const transport = createZegoTransport(
    { appId: 1234567890, serverSecret, baseUrl: 'http://127.0.0.1:9', fetch: gateway.fetch, ...extra },
    meta,
  );
  return { transport, seen: gateway.seen };
}

async function rejection(promise: Promise<unknown>): Promise<RoomcastError> {
  try {
    await promise;
  } catch (error) {
    if (isRoomcastError(error)) return error;
    throw error;
  }
  throw new Error('expected a RoomcastError');
}

function expectNoSecret(error: RoomcastError, signatures: string[]): void {
  const texts = [error.message, error.stack ?? '', JSON.stringify(error), inspect(error, { depth: 8 })];
  for (const text of texts) {
    expect(text).not.toContain(serverSecret);
    for (const signature of signatures) expect(text).not.toContain(signature);
  }
}

describe('createZegoTransport: the query', () => {
  it('sends the common parameters in order, then Action and the business parameters', async () => {
    const { transport, seen } = setup([ok], { now: () => 1_700_000_123_999, isTest: false });
    const envelope = await transport.call({
      action: 'SendCustomCommand',
      method: 'GET',
      params: [
        ['RoomId', 'room 1'],
        ['ToUserId[]', 'a'],
        ['ToUserId[]', 'b'],
      ],
      mapCode: noCodes,
    });
    expect(envelope).toEqual(ok);
    const url = seen[0]!.url;
    expect(url.pathname).toBe('/');
    expect([...url.searchParams.keys()]).toEqual([
      'AppId',
      'SignatureNonce',
      'Timestamp',
      'Signature',
      'SignatureVersion',
      'IsTest',
      'Action',
      'RoomId',
      'ToUserId[]',
      'ToUserId[]',
    ]);
    expect(url.searchParams.get('AppId')).toBe('1234567890');
    expect(url.searchParams.get('SignatureNonce')).toMatch(/^[0-9a-f]{16}$/);
    expect(url.searchParams.get('Timestamp')).toBe('1700000123');
    expect(url.searchParams.get('SignatureVersion')).toBe('2.0');
    expect(url.searchParams.get('IsTest')).toBe('false');
    expect(url.search).toContain('&ToUserId[]=a&ToUserId[]=b');
    expect(seen[0]!.signatureOk).toBe(true);
  });

  it('leaves IsTest out unless configured, and sends true when asked', async () => {
    const plain = setup([ok]);
    await plain.transport.call({ action: 'DescribeUserNum', method: 'GET', mapCode: noCodes });
    expect(plain.seen[0]!.url.searchParams.has('IsTest')).toBe(false);
    const test = setup([ok], { isTest: true });
    await test.transport.call({ action: 'DescribeUserNum', method: 'GET', mapCode: noCodes });
    expect(test.seen[0]!.url.searchParams.get('IsTest')).toBe('true');
  });

  it('signs every call afresh', async () => {
    const { transport, seen } = setup([ok]);
    for (let i = 0; i < 3; i++) await transport.call({ action: 'A', method: 'GET', mapCode: noCodes });
    const nonces = seen.map((s) => s.url.searchParams.get('SignatureNonce'));
    expect(new Set(nonces).size).toBe(3);
    expect(seen.every((s) => s.signatureOk)).toBe(true);
  });

  it('sends a POST body as JSON with the common parameters in the query', async () => {
    const { transport, seen } = setup([ok]);
    await transport.call({
      action: 'SendPeerMessage',
      method: 'POST',
      json: { FromUserId: 'a' },
      mapCode: noCodes,
    });
    expect(seen[0]!.method).toBe('POST');
    expect(JSON.parse(seen[0]!.body)).toEqual({ FromUserId: 'a' });
    expect(seen[0]!.url.searchParams.get('Action')).toBe('SendPeerMessage');
  });

  it('rejects a lone surrogate with INVALID_ARGUMENT naming the parameter, sending nothing', async () => {
    const { transport, seen } = setup([ok]);
    const error = await rejection(
      transport.call({
        action: 'A',
        method: 'GET',
        params: [['MessageContent', 'x\ud800']],
        mapCode: noCodes,
      }),
    );
    expect(error.code).toBe('INVALID_ARGUMENT');
    expect(error.message).toContain('MessageContent');
    expect(seen).toHaveLength(0);
  });

  it('uses the region origin when no baseUrl is given', () => {
    const transport = createZegoTransport({ appId: 1, serverSecret, region: 'fra' }, meta);
    expect(transport.baseUrl).toBe('https://rtc-api-fra.zego.im');
    expect(createZegoTransport({ appId: 1, serverSecret }, { ...meta, product: 'zim' }).baseUrl).toBe(
      'https://zim-api.zego.im',
    );
  });
});

describe('createZegoTransport: return codes', () => {
  it.each(Object.entries(ZEGO_GATEWAY_CODES).filter(([code]) => code !== '100000004'))(
    'maps gateway code %s',
    async (code, info) => {
      const { transport, seen } = setup([{ Code: Number(code), Message: 'gateway', RequestId: 'rq' }]);
      const error = await rejection(
        transport.call({ action: 'SendCustomCommand', method: 'GET', mapCode: noCodes }),
      );
      expect(error).toMatchObject({
        code: info.code,
        retryable: info.retryable,
        ambiguous: info.ambiguous ?? false,
        providerCode: Number(code),
        requestId: 'rq',
        provider: 'zego-rtc',
        operation: 'SendCustomCommand',
        httpStatus: 200,
      });
      expect(error.message).toContain(info.message);
      expect(seen).toHaveLength(1);
      expectNoSecret(
        error,
        seen.map((s) => s.url.searchParams.get('Signature')!),
      );
    },
  );

  it('re-signs and resends once on an expired signature', async () => {
    const expired = { Code: 100000004, Message: 'expired', RequestId: 'r1' };
    const { transport, seen } = setup([expired, ok]);
    await expect(transport.call({ action: 'A', method: 'GET', mapCode: noCodes })).resolves.toEqual(ok);
    expect(seen).toHaveLength(2);
    const [first, second] = seen.map((s) => s.url.searchParams);
    expect(first!.get('SignatureNonce')).not.toBe(second!.get('SignatureNonce'));
    expect(first!.get('Signature')).not.toBe(second!.get('Signature'));
  });

  it('gives up after the second expiry with UNAUTHENTICATED and a clock hint', async () => {
    const { transport, seen } = setup([{ Code: 100000004, Message: 'expired', RequestId: 'r2' }]);
    const error = await rejection(transport.call({ action: 'A', method: 'GET', mapCode: noCodes }));
    expect(seen).toHaveLength(2);
    expect(error).toMatchObject({
      code: 'UNAUTHENTICATED',
      retryable: false,
      providerCode: 100000004,
      requestId: 'r2',
    });
    expect(error.message).toMatch(/clock/);
    expect(error.message).toMatch(/10 minutes/);
  });

  it('maps business codes through mapCode, with the envelope', async () => {
    const info: ZegoCodeInfo = { code: 'RATE_LIMITED', retryable: true, message: 'slow down' };
    const calls: unknown[] = [];
    const { transport } = setup([{ Code: 206, Message: 'qps', RequestId: 'r3' }]);
    const error = await rejection(
      transport.call({
        action: 'A',
        method: 'GET',
        mapCode: (code, envelope) => {
          calls.push([code, envelope.RequestId]);
          return code === 206 ? info : undefined;
        },
      }),
    );
    expect(calls).toEqual([[206, 'r3']]);
    expect(error).toMatchObject({
      code: 'RATE_LIMITED',
      retryable: true,
      providerCode: 206,
      requestId: 'r3',
    });
  });

  it('turns an unknown code into a PROVIDER_ERROR that is not retryable, redacting secret-like text', async () => {
    const { transport } = setup([{ Code: 424242, Message: `odd ${serverSecret} thing`, RequestId: 'r4' }]);
    const error = await rejection(transport.call({ action: 'A', method: 'GET', mapCode: noCodes }));
    expect(error).toMatchObject({
      code: 'PROVIDER_ERROR',
      retryable: false,
      providerCode: 424242,
      requestId: 'r4',
    });
    expect(error.message).toContain('odd [redacted] thing');
    expectNoSecret(error, []);
  });

  it.each([
    ['no Code', { Message: 'x', RequestId: 'r5' }, 'r5', /has no Code/],
    ['a string Code', { Code: '0', RequestId: 'r6' }, 'r6', /not an integer \(string\)/],
    ['a fractional Code', { Code: 0.5 }, undefined, /not an integer/],
    ['an array', [1, 2], undefined, /not a ZEGO envelope/],
    ['null', null, undefined, /not a ZEGO envelope/],
  ])('rejects an envelope with %s as an ambiguous PROVIDER_ERROR', async (_, body, requestId, message) => {
    const { transport } = setup([body]);
    const error = await rejection(transport.call({ action: 'A', method: 'GET', mapCode: noCodes }));
    expect(error).toMatchObject({ code: 'PROVIDER_ERROR', ambiguous: true, retryable: false, requestId });
    expect(error.message).toMatch(message);
  });

  it('fills a missing Message and RequestId with empty strings', async () => {
    const { transport } = setup([{ Code: 0 }]);
    await expect(transport.call({ action: 'A', method: 'GET', mapCode: noCodes })).resolves.toEqual({
      Code: 0,
      Message: '',
      RequestId: '',
    });
  });
});
