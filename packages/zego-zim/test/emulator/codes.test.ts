import { inspect } from 'node:util';
import type { Emulator } from '@roomcast/emulator';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createZegoZimClient, lookupZimCode, type ZegoZimClient, ZIM_CODE_TABLE } from '../../src/index.js';
import { online, startZim, type WireRequest } from './harness.js';

let emu: Emulator;
let zim: ZegoZimClient;
let wire: WireRequest[];
const seen: unknown[] = [];
const signatures = new Set<string>();

beforeAll(async () => {
  ({ emu, client: zim, wire } = await startZim({ rateLimits: 'off' }));
});
afterAll(() => emu.close());
beforeEach(() => {
  for (const w of wire) if (w.signature) signatures.add(w.signature);
  emu.reset();
  wire.length = 0;
  online(emu, 'bot', 'u1');
  emu.zim.joinRoom('r1', 'u1');
});

const send = () =>
  zim.sendRoomMessage({
    FromUserId: 'bot',
    RoomId: 'r1',
    MessageType: 1,
    Priority: 2,
    MessageBody: { Message: 'x' },
  });

// Every single code, and both ends of every range, with what the table says about it.
const cases = ZIM_CODE_TABLE.flatMap((row) =>
  typeof row.codes === 'number' ? [row.codes] : [...row.codes],
).map((providerCode) => {
  const info = lookupZimCode(providerCode);
  return [providerCode, info?.code, info?.retryable] as const;
});

describe('every mapped ZIM code, answered by the emulator', () => {
  it.each(cases)('%i → %s', async (providerCode, code, retryable) => {
    emu.faults.inject({ vendor: 'zego-zim', action: 'SendRoomMessage', kind: 'code', code: providerCode });
    const error = await send().catch((e: unknown) => e);
    seen.push(error);
    expect(error).toMatchObject({
      name: 'RoomcastError',
      code,
      retryable,
      providerCode,
      provider: 'zego-zim',
      operation: 'SendRoomMessage',
    });
    expect((error as Error).message).toContain(`ZEGO code ${providerCode}`);
    expect(wire).toHaveLength(1);
  });

  it('classifies an undocumented code as PROVIDER_ERROR, not retryable', async () => {
    emu.faults.inject({ vendor: 'zego-zim', kind: 'code', code: 660123456 });
    await expect(send()).rejects.toMatchObject({
      code: 'PROVIDER_ERROR',
      retryable: false,
      providerCode: 660123456,
    });
  });
});

describe('gateway codes through @roomcast/zego-common', () => {
  it.each([
    [100000005, 'UNAUTHENTICATED'],
    [100000010, 'UNAUTHENTICATED'],
    [100000007, 'UNSUPPORTED'],
    [100000017, 'PERMISSION_DENIED'],
  ] as const)('%i → %s', async (providerCode, code) => {
    emu.faults.inject({ vendor: 'zego-zim', kind: 'code', code: providerCode });
    await expect(send()).rejects.toMatchObject({ code, providerCode });
  });

  it('re-signs once on an expired signature, with a new nonce', async () => {
    emu.faults.inject({ vendor: 'zego-zim', kind: 'code', code: 100000004 });
    await expect(send()).resolves.toMatchObject({ Code: 0 });
    expect(wire).toHaveLength(2);
    expect(wire[0]?.nonce).not.toBe(wire[1]?.nonce);
    expect(wire[0]?.signature).not.toBe(wire[1]?.signature);
  });

  it('rejects a wrong ServerSecret as UNAUTHENTICATED', async () => {
    const bad = createZegoZimClient({
      ...emu.credentials.zegoZim,
      serverSecret: 'ffffffffffffffffffffffffffffffff',
      baseUrl: emu.zegoZimUrl,
    });
    await expect(
      bad.sendRoomMessage({
        FromUserId: 'bot',
        RoomId: 'r1',
        MessageType: 1,
        Priority: 2,
        MessageBody: { Message: 'x' },
      }),
    ).rejects.toMatchObject({ code: 'UNAUTHENTICATED', providerCode: 100000005, retryable: false });
  });
});

describe('secrets', () => {
  it('never puts the ServerSecret or a signature into a client error', () => {
    for (const w of wire) if (w.signature) signatures.add(w.signature);
    expect(seen.length).toBeGreaterThan(50);
    expect(signatures.size).toBeGreaterThan(50);
    const secrets = [emu.credentials.zegoZim.serverSecret, ...signatures];
    for (const error of seen) {
      const e = error as Error;
      for (const text of [e.message, e.stack ?? '', JSON.stringify(e), inspect(e, { depth: 10 })]) {
        for (const secret of secrets) expect(text.includes(secret)).toBe(false);
      }
    }
  });
});
