import { get as httpGet } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectEvents, type Demo, startDemo } from './helpers.js';

let demo: Demo;

beforeAll(async () => {
  demo = await startDemo();
});
afterAll(async () => {
  await demo.close();
});

const signal = (to: string[] | undefined, data = '{"gift":"rose"}') => ({
  channel: 'zego:signal',
  message: { roomId: 'live-1', from: 'server', ...(to ? { to } : {}), data },
});

describe('GET /api/channels', () => {
  it('lists every channel with its capabilities as data, all on the emulator', async () => {
    const { status, body } = await demo.get('/api/channels');
    expect(status).toBe(200);
    const ids = body.channels.map((c: { id: string }) => c.id);
    expect(ids).toEqual(
      expect.arrayContaining([
        'zego:signal',
        'zego:barrage',
        'zim:direct',
        'zim:signal',
        'tencent:signal',
        'tencent:broadcast',
      ]),
    );
    expect(ids).not.toContain('tencent:direct');
    const zegoSignal = body.channels.find((c: { id: string }) => c.id === 'zego:signal');
    expect(zegoSignal).toMatchObject({
      provider: 'zego-rtc',
      vendor: 'zego-rtc',
      mode: 'emulator',
      capability: { maxPayloadBytes: 1024, maxRecipientsPerRequest: 10, operation: 'SendCustomCommand' },
    });
    expect(zegoSignal.capability.quotas[0]).toMatchObject({ limit: 100, intervalMs: 1000 });
    expect(body.modes).toEqual({ 'zego-rtc': 'emulator', 'zego-zim': 'emulator', trtc: 'emulator' });
    expect(body.emulator.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });
});

describe('POST /api/send', () => {
  it('answers the SendResult and the seeded clients receive the signal', async () => {
    const data = `hello-${Date.now()}`;
    const { status, body } = await demo.post('/api/send', signal(['alice', 'bob'], data));
    expect(status).toBe(200);
    expect(body).toMatchObject({ status: 'ok', accepted: ['alice', 'bob'], failed: [], attempts: 1 });
    expect(body.requestIds).toHaveLength(1);
    expect(body.durationMs).toBeGreaterThan(0);

    const clients = (await demo.get('/api/clients')).body;
    for (const userId of ['alice', 'bob']) {
      const client = clients.clients.find(
        (c: { vendor: string; userId: string }) => c.vendor === 'zego-rtc' && c.userId === userId,
      );
      expect(client.online).toBe(true);
      expect(client.inbox.at(-1)).toMatchObject({
        callback: 'onIMRecvCustomCommand',
        content: data,
        from: 'server',
      });
    }
  });

  it('reports a partial result with the offline recipient, its code, vendor code and request id', async () => {
    const { status, body } = await demo.post('/api/send', signal(['alice', 'carol']));
    expect(status).toBe(200);
    expect(body.status).toBe('partial');
    expect(body.accepted).toEqual(['alice']);
    expect(body.failed).toHaveLength(1);
    expect(body.failed[0].userId).toBe('carol');
    expect(body.failed[0].error).toMatchObject({
      code: 'USER_OFFLINE',
      providerCode: 50003,
      provider: 'zego-rtc',
    });
    expect(body.failed[0].error.requestId).toBe(body.requestIds[0]);
  });

  it('answers 502 with the error and the full result when nobody accepted', async () => {
    const { status, body } = await demo.post('/api/send', signal(['nobody-1', 'nobody-2']));
    expect(status).toBe(502);
    expect(body.error.code).toBe('USER_OFFLINE');
    expect(body.result.failed.map((f: { userId: string }) => f.userId)).toEqual(['nobody-1', 'nobody-2']);
  });

  it('rejects a 2 KB ZEGO payload with 400 before any vendor request', async () => {
    const before = demo.backend.emulator!.requestCount();
    const { status, body } = await demo.post('/api/send', signal(['alice'], 'x'.repeat(2048)));
    expect(status).toBe(400);
    expect(body.error).toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
    expect(body.error.message).toContain('1,024');
    expect(demo.backend.emulator!.requestCount()).toBe(before);
  });

  it('rejects an unknown channel and a missing channel', async () => {
    const unknown = await demo.post('/api/send', {
      channel: 'zego:direct',
      message: { from: 'a', to: ['b'], text: 'x' },
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.code).toMatch(/INVALID_ARGUMENT|UNSUPPORTED/);
    const missing = await demo.post('/api/send', { message: {} });
    expect(missing.status).toBe(400);
    expect(missing.body.error.message).toContain('channel');
  });

  it('sends on ZIM (registering the sender) and Tencent channels', async () => {
    const direct = await demo.post('/api/send', {
      channel: 'zim:direct',
      message: { from: 'bot-1', to: ['alice'], text: 'hi' },
    });
    expect(direct.status).toBe(200);
    expect(direct.body.accepted).toEqual(['alice']);
    const tencent = await demo.post('/api/send', {
      channel: 'tencent:signal',
      message: { roomId: 'live-1', type: 'gift', data: '{"gift":"rose"}' },
    });
    expect(tencent.status).toBe(200);
    expect(tencent.body.messageIds).toHaveLength(1);
  });
});

describe('POST /api/vendor-client', () => {
  it('lists the bad-input demos', async () => {
    const { body } = await demo.get('/api/vendor-client');
    expect(body.demos.map((d: { id: string }) => d.id)).toEqual([
      'zego-rtc-2kb',
      'zego-rtc-11-recipients',
      'zego-zim-bad-user-id',
    ]);
  });

  it.each([
    ['zego-rtc-11-recipients', 'TOO_MANY_RECIPIENTS', 'at most 10'],
    ['zego-rtc-2kb', 'PAYLOAD_TOO_LARGE', '2,048 bytes'],
    ['zego-zim-bad-user-id', 'INVALID_ARGUMENT', '"/"'],
  ])('%s fails locally with %s', async (id, code, text) => {
    const { status, body } = await demo.post('/api/vendor-client', { demo: id });
    expect(status).toBe(400);
    expect(body).toMatchObject({ ok: false, demo: id, vendorRequests: 0, error: { code } });
    expect(body.error.message).toContain(text);
    expect(body.code).toContain('createZego');
  });

  it('rejects an unknown demo', async () => {
    const { status, body } = await demo.post('/api/vendor-client', { demo: 'nope' });
    expect(status).toBe(400);
    expect(body.error.message).toContain('zego-rtc-2kb');
  });
});

describe('faults', () => {
  it('a rate-limit fault is retried by core: the send succeeds with more attempts', async () => {
    const injected = await demo.post('/api/faults', { preset: 'rate-limit', vendor: 'zego-rtc', count: 2 });
    expect(injected.status).toBe(201);
    expect(injected.body.active).toHaveLength(1);
    expect(injected.body.active[0]).toMatchObject({ vendor: 'zego-rtc', kind: 'code', code: 206 });

    const { status, body } = await demo.post('/api/send', signal(['alice']));
    expect(status).toBe(200);
    expect(body.status).toBe('ok');
    expect(body.attempts).toBe(3);
    expect((await demo.get('/api/faults')).body.active).toEqual([]);
  });

  it('an HTTP 503 is an ambiguous UNAVAILABLE, not retried', async () => {
    await demo.post('/api/faults', { preset: 'http-503', vendor: 'zego-rtc', count: 1 });
    const { status, body } = await demo.post('/api/send', signal(['alice']));
    expect(status).toBe(502);
    expect(body.error.code).toBe('UNAVAILABLE');
    expect(body.result.attempts).toBe(1);
  });

  it('accepts a raw rule, rejects bad presets, and clears', async () => {
    const raw = await demo.post('/api/faults', {
      rule: { vendor: 'trtc', kind: 'latency', ms: 10, count: 5 },
    });
    expect(raw.status).toBe(201);
    const bad = await demo.post('/api/faults', { preset: 'meteor', vendor: 'trtc' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain('rate-limit');
    const noVendor = await demo.post('/api/faults', { preset: 'rate-limit' });
    expect(noVendor.status).toBe(400);
    const cleared = await demo.del('/api/faults');
    expect(cleared.body.active).toEqual([]);
  });
});

describe('simulated clients', () => {
  it('joins, goes offline and is removed', async () => {
    const ref = { vendor: 'zego-rtc', roomId: 'live-2', userId: 'dave' };
    const added = await demo.post('/api/clients', ref);
    expect(added.body.clients).toContainEqual(expect.objectContaining({ ...ref, online: true }));
    const sent = await demo.post('/api/send', {
      channel: 'zego:signal',
      message: { roomId: 'live-2', from: 'server', to: ['dave'], data: 'x' },
    });
    expect(sent.body.status).toBe('ok');

    const offline = await demo.post('/api/clients/online', { ...ref, online: false });
    expect(offline.body.clients).toContainEqual(expect.objectContaining({ ...ref, online: false }));
    const failed = await demo.post('/api/send', {
      channel: 'zego:signal',
      message: { roomId: 'live-2', from: 'server', to: ['dave'], data: 'x' },
    });
    expect(failed.status).toBe(502);

    const removed = await demo.post('/api/clients/remove', ref);
    expect(removed.body.clients).not.toContainEqual(expect.objectContaining(ref));
  });

  it('rejects a bad client reference', async () => {
    const bad = await demo.post('/api/clients', { vendor: 'agora', roomId: 'r', userId: 'u' });
    expect(bad.status).toBe(400);
    const badId = await demo.post('/api/clients', { vendor: 'trtc', roomId: 'r', userId: 'a b' });
    expect(badId.status).toBe(400);
  });
});

describe('GET /api/events', () => {
  it('streams deliveries and vendor calls as they happen', async () => {
    const data = `live-${Date.now()}`;
    const events = await collectEvents(
      demo.base,
      (evs) =>
        evs.filter((e) => e.type === 'delivery' && (e.data as { content: string }).content === data).length >=
          2 && evs.some((e) => e.type === 'call'),
      () => demo.post('/api/send', signal(['alice', 'bob'], data)),
    );
    const deliveries = events
      .filter((e) => e.type === 'delivery')
      .map((e) => e.data as { to: string; callback: string; content: string; barrage: boolean });
    expect(deliveries.filter((d) => d.content === data).map((d) => d.to)).toEqual(['alice', 'bob']);
    expect(deliveries[0]).toMatchObject({ callback: 'onIMRecvCustomCommand', barrage: false });
    const call = events.find((e) => e.type === 'call')!.data;
    expect(call).toMatchObject({
      type: 'response',
      provider: 'zego-rtc',
      operation: 'SendCustomCommand',
      httpStatus: 200,
    });
    expect(JSON.stringify(events)).not.toContain(demo.backend.clientConfigs.zegoRtc.serverSecret);
  });

  it('tags barrage deliveries for the stage', async () => {
    const events = await collectEvents(
      demo.base,
      (evs) => evs.some((e) => e.type === 'delivery'),
      () =>
        demo.post('/api/send', {
          channel: 'zego:barrage',
          message: { roomId: 'live-1', from: 'server', text: '666' },
        }),
    );
    expect(events.find((e) => e.type === 'delivery')!.data).toMatchObject({
      callback: 'onIMRecvBarrageMessage',
      barrage: true,
      content: '666',
    });
  });
});

describe('POST /api/fanout', () => {
  const waitDone = async (id: number) => {
    for (let i = 0; i < 200; i++) {
      const { body } = await demo.get(`/api/fanout/${id}`);
      if (body.state === 'done') return body;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error('fan-out did not finish');
  };

  it('sends to 1,000 users with progress over SSE and accounts for every one', async () => {
    let id = 0;
    const events = await collectEvents(
      demo.base,
      (evs) => evs.some((e) => e.type === 'fanout' && (e.data as { state: string }).state === 'done'),
      async () => {
        const started = await demo.post('/api/fanout', {
          channel: 'zego:signal',
          count: 1000,
          offline: 10,
          text: 'season pass',
        });
        expect(started.status).toBe(202);
        id = started.body.id;
      },
      20_000,
    );
    const snapshots = events
      .filter((e) => e.type === 'fanout')
      .map((e) => e.data as { settled: number; total: number; state: string });
    expect(snapshots.some((s) => s.state === 'running' && s.settled > 0 && s.settled < s.total)).toBe(true);
    const done = await waitDone(id);
    expect(done).toMatchObject({
      total: 1000,
      settled: 1000,
      maxRecipientsPerRequest: 10,
      quota: { limit: 100 },
    });
    expect(done.summary).toMatchObject({
      accepted: 990,
      failed: 10,
      failedByCode: { USER_OFFLINE: 10 },
      unaccounted: 0,
      delivered: 990,
      duplicates: 0,
      acceptedNotDelivered: 0,
      requests: 100,
      attempts: 100,
    });
  });

  it('fans out ZIM peer messages 100 per request', async () => {
    const started = await demo.post('/api/fanout', { channel: 'zim:direct', count: 1000, text: 'hi' });
    const done = await waitDone(started.body.id);
    expect(done.summary).toMatchObject({ accepted: 1000, failed: 0, delivered: 1000, requests: 10 });
  });

  it('rejects room-only channels and bad counts', async () => {
    const room = await demo.post('/api/fanout', { channel: 'zego:barrage', count: 10, text: 'x' });
    expect(room.status).toBe(400);
    expect(room.body.error.message).toContain('whole rooms');
    const big = await demo.post('/api/fanout', { channel: 'zego:signal', count: 1_000_000, text: 'x' });
    expect(big.status).toBe(400);
    expect((await demo.get('/api/fanout/999')).status).toBe(404);
  });
});

describe('HTTP plumbing', () => {
  it('serves the built dashboard and never files outside it', async () => {
    const page = await fetch(`${demo.base}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    const html = await page.text();
    expect(html).toContain('id="compose"');
    const asset = /src="\.\/(assets\/[^"]+\.js)"/.exec(html)?.[1];
    expect((await fetch(`${demo.base}/${asset}`)).status).toBe(200);
    // fetch() normalizes dots away; send the raw, encoded traversal with node:http.
    const traversal = await new Promise<number>((resolve, reject) => {
      httpGet(`${demo.base}/..%2f..%2fpackage.json`, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      }).on('error', reject);
    });
    expect(traversal).toBe(404);
  });

  it('answers 404 for unknown routes and 405 for wrong methods', async () => {
    expect((await demo.get('/api/nope')).status).toBe(404);
    expect((await demo.del('/api/send')).status).toBe(405);
    const badJson = await fetch(`${demo.base}/api/send`, { method: 'POST', body: '{' });
    expect(badJson.status).toBe(400);
  });
});
