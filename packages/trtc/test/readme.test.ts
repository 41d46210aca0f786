import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';

/**
 * Runs every README block fenced as ```ts example, with `@roomcast/trtc` pointed at the sources,
 * and checks what it logs: the README cannot drift from the code.
 */
const root = path.resolve(import.meta.dirname, '..');
const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
const blocks = [...readme.matchAll(/```ts example\n([\s\S]*?)```/g)].map((m) => m[1]!);
const dir = path.join(root, '.readme-examples');

afterEach(() => {
  vi.restoreAllMocks();
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

async function run(index: number): Promise<unknown[][]> {
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `example-${index}.ts`);
  writeFileSync(file, blocks[index]!.replaceAll("'@roomcast/trtc'", "'../src/index.js'"));
  const log = vi.spyOn(console, 'log').mockImplementation(() => {});
  await import(file);
  return log.mock.calls;
}

describe('README examples', () => {
  it('has three runnable examples', () => {
    expect(blocks).toHaveLength(3);
  });

  it('quick start: provider against the emulator', async () => {
    const calls = await run(0);
    expect(calls).toEqual([['ok', ['1']], [['{"giftId":7}', 'Welcome!']]]);
  });

  it('vendor client', async () => {
    const calls = await run(1);
    expect(calls[0]).toEqual(['Friday show']);
    expect(calls[1]?.[0]).toMatch(/^Id-/);
    expect(calls[2]).toEqual(['ROOM_NOT_FOUND', 100004, expect.stringMatching(/^Id-/)]);
  });

  it('UserSig', async () => {
    const calls = await run(2);
    expect(calls).toEqual([['viewer-42', 1_700_604_800]]);
  });
});
