import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createRoomcast,
  defineProvider,
  jsonResponse,
  RoomcastError,
  readCallbackBody,
} from '../src/index.js';
import { sendWebResponse, toWebRequest } from '../src/node/index.js';

const provider = defineProvider({
  specVersion: 'roomcast/v1',
  id: 'echo',
  capabilities: {
    broadcast: {
      audiences: ['room'],
      maxPayloadBytes: 10,
      maxRecipientsPerRequest: 0,
      delivery: 'acknowledged',
      vendorDeduplicates: false,
      quotas: [],
      operation: 'x',
    },
  },
  send: async () => ({}),
  callbacks: {
    async verifyAndParse(request, { alias }) {
      if (new URL(request.url).searchParams.get('sig') !== 'ok')
        throw new RoomcastError('UNAUTHENTICATED', 'no');
      const body = await readCallbackBody(request);
      return {
        type: 'other',
        provider: 'echo',
        alias,
        name: 'echo',
        at: undefined,
        vendor: body,
        ack: () => jsonResponse({ echoed: body.fields, text: body.text }, 202),
      };
    },
  },
});

const rc = createRoomcast({ providers: { echo: provider } });
let url = '';
const server = createServer(async (req, res) => {
  try {
    const event = await rc.handleCallback(toWebRequest(req));
    await sendWebResponse(res, event.ack());
  } catch (error) {
    await sendWebResponse(res, jsonResponse({ code: (error as RoomcastError).code }, 401));
  }
});

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('toWebRequest / sendWebResponse over node:http', () => {
  it('streams the exact body and URL through, and writes status, headers and body back', async () => {
    const body = '{ "id": 858012925204410400, "text": "héllo 🎉" }';
    const response = await fetch(`${url}/hooks/echo?sig=ok`, {
      method: 'POST',
      body,
      headers: { 'content-type': 'application/json' },
    });
    expect(response.status).toBe(202);
    expect(response.headers.get('content-type')).toContain('application/json');
    expect(await response.json()).toEqual({
      echoed: { id: '858012925204410400', text: 'héllo 🎉' },
      text: body,
    });
  });

  it('lets the handler reject', async () => {
    const response = await fetch(`${url}/hooks/echo`, { method: 'POST', body: '{}' });
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ code: 'UNAUTHENTICATED' });
  });

  it('uses a raw body a framework already read, and refuses a parsed one', async () => {
    const fake = (body: unknown) =>
      Object.assign(Object.create(null), {
        url: '/x?sig=ok',
        method: 'POST',
        headers: { host: 'h', 'content-type': 'application/json' },
        socket: {},
        body,
      });
    const request = toWebRequest(fake(Buffer.from('{"a":1}')) as never);
    expect(await request.text()).toBe('{"a":1}');
    expect(request.url).toBe('http://h/x?sig=ok');
    expect(() => toWebRequest(fake({ a: 1 }) as never)).toThrow(/already parsed/);
  });
});
