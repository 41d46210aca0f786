import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { afterAll, describe, expect, it, vi } from 'vitest';

// The README's examples are code users copy: run each block marked `<!-- readme-example -->`
// against the emulator and check what it prints.
const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
const blocks = [...readme.matchAll(/<!-- readme-example -->\n```ts\n([\s\S]*?)```/g)].map((m) => m[1] ?? '');
const dir = new URL('./.readme-examples/', import.meta.url);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(index: number): Promise<unknown[][]> {
  mkdirSync(dir, { recursive: true });
  const file = new URL(`example-${index}.ts`, dir);
  writeFileSync(file, `${blocks[index]}\nexport {};\n`);
  const log = vi.spyOn(console, 'log').mockImplementation(() => {});
  try {
    await import(file.href);
    return log.mock.calls;
  } finally {
    log.mockRestore();
  }
}

describe('README examples', () => {
  it('has the two runnable examples', () => {
    expect(blocks).toHaveLength(2);
  });

  it('runs the provider example', async () => {
    const printed = await run(0);
    expect(printed).toEqual([
      ['partial'],
      [['alice', 'bob']],
      [[['carol', 'USER_NOT_FOUND', 660500002]]],
      [6],
    ]);
  });

  it('runs the vendor client example', async () => {
    const printed = await run(1);
    expect(printed[0]?.[0]).toEqual([{ UserId: 'alice', MsgId: expect.any(String), MsgSeq: 1 }]);
    expect(printed[1]?.[0]).toEqual([{ UserId: 'nobody', SubCode: 660500002 }]);
    expect(printed[2]).toEqual(['USER_NOT_FOUND', ['x1', 'x2']]);
    expect(printed[3]).toEqual([expect.any(Number), 1]);
    expect(printed[4]?.[0]).toEqual([
      { UserId: 'alice', Status: 'Online' },
      { UserId: 'bob', Status: 'Online' },
    ]);
  });
});
