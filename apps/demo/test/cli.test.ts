import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CLI } from './helpers.js';

/** The environment without vendor credentials, so every run uses the embedded emulator. */
const cleanEnv = Object.fromEntries(
  Object.entries(process.env).filter(([key]) => !/^(ZEGO|ZIM|TRTC)_/.test(key)),
);

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function roomcast(args: string[], env: Record<string, string | undefined> = {}): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [CLI, ...args],
      { env: { ...cleanEnv, ...env }, timeout: 30_000 },
      (error, stdout, stderr) => {
        const code = error === null ? 0 : typeof error.code === 'number' ? error.code : -1;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

const tmp = mkdtempSync(join(tmpdir(), 'roomcast-cli-'));

describe('roomcast send', () => {
  it('sends to joined recipients and prints each outcome (exit 0)', async () => {
    const run = await roomcast(['send', 'zego:signal', '--to', 'alice,bob', '--data', '{"gift":"rose"}']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('zego:signal: ok');
    expect(run.stdout).toMatch(/✓ alice\s+accepted/);
    expect(run.stdout).toMatch(/✓ bob\s+accepted/);
    expect(run.stdout).toMatch(/request ids: \d+/);
  });

  it('--json prints the SendResult shape', async () => {
    const run = await roomcast(['send', 'zego:signal', '--to', 'alice,bob', '--data', 'x', '--json']);
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout);
    expect(Object.keys(result).sort()).toEqual(
      ['accepted', 'attempts', 'durationMs', 'failed', 'messageIds', 'requestIds', 'status'].sort(),
    );
    expect(result).toMatchObject({ status: 'ok', accepted: ['alice', 'bob'], failed: [], attempts: 1 });
  });

  it('exits 3 on a partial result and names the offline recipient with codes and request id', async () => {
    const human = await roomcast([
      'send',
      'zego:signal',
      '--to',
      'alice,carol',
      '--offline',
      'carol',
      '--data',
      'x',
    ]);
    expect(human.code).toBe(3);
    expect(human.stdout).toContain('zego:signal: partial');
    expect(human.stdout).toMatch(/✗ carol\s+USER_OFFLINE · vendor code 50003 · request id \d+/);

    const json = await roomcast([
      'send',
      'zego:signal',
      '--to',
      'alice,carol',
      '--offline',
      'carol',
      '--data',
      'x',
      '--json',
    ]);
    expect(json.code).toBe(3);
    const result = JSON.parse(json.stdout);
    expect(result.status).toBe('partial');
    expect(result.failed[0]).toMatchObject({
      userId: 'carol',
      error: { code: 'USER_OFFLINE', providerCode: 50003 },
    });
    expect(result.failed[0].error.requestId).toBe(result.requestIds[0]);
  });

  it('exits 1 on an error and prints code, vendor code and request id', async () => {
    const human = await roomcast(['send', 'zego:signal', '--to', 'alice', '--text', 'x'.repeat(2048)]);
    expect(human.code).toBe(1);
    expect(human.stderr).toContain('error PAYLOAD_TOO_LARGE');
    expect(human.stderr).toContain('2,048 bytes');
    expect(human.stderr).toMatch(/vendor code .* request id/);

    const json = await roomcast([
      'send',
      'zego:signal',
      '--to',
      'alice',
      '--text',
      'x'.repeat(2048),
      '--json',
    ]);
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout).error).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', provider: 'zego-rtc' });
  });

  it('exits 1 when nobody is in the room, with the vendor code from ZEGO', async () => {
    const run = await roomcast(['send', 'zego:signal', '--to', 'alice', '--offline', 'alice', '--data', 'x']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('error ROOM_NOT_FOUND');
    expect(run.stderr).toMatch(/vendor code 50001 · request id \d+/);
  });

  it('--to-file with 1,000 ids: everyone accepted, batched, with a progress bar', async () => {
    const file = join(tmp, 'ids.txt');
    const ids = Array.from({ length: 1000 }, (_, i) => `user-${String(i + 1).padStart(4, '0')}`);
    writeFileSync(file, `# exported followers\n${ids.join('\n')}\n\n`);

    const json = await roomcast([
      'send',
      'zim:direct',
      '--to-file',
      file,
      '--text',
      'We are live!',
      '--json',
    ]);
    expect(json.code).toBe(0);
    const result = JSON.parse(json.stdout);
    expect(result.accepted).toHaveLength(1000);
    expect(new Set(result.accepted)).toEqual(new Set(ids));
    expect(result.attempts).toBe(10); // ZIM takes 100 recipients per SendPeerMessage

    const human = await roomcast(['send', 'zego:signal', '--to-file', file, '--data', 'x']);
    expect(human.code).toBe(0);
    expect(human.stdout).toContain('1,000 recipients accepted (user-0001 … user-1000)');
    expect(human.stderr).toMatch(/\[█{30}\] 100% {2}1,000\/1,000 recipients · 100 requests/);
  });

  it('sends room-wide kinds to a room it creates on the emulator', async () => {
    const run = await roomcast([
      'send',
      'tencent:signal',
      '--room',
      'show-1',
      '--type',
      'gift',
      '--data',
      '{}',
      '--json',
    ]);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).messageIds).toHaveLength(1);
  });

  it.each([
    [['send'], 'needs a channel'],
    [['send', 'zego:signal', '--text', 'a', '--data', 'b'], '--text or --data'],
    [['send', 'agora:signal', '--data', 'x'], 'unknown channel'],
    [['send', 'tencent:direct', '--to', 'a', '--text', 'x'], 'does not exist'],
    [['send', 'zego:signal', '--data', 'x', '--to-file', '/nonexistent/ids.txt'], 'cannot read --to-file'],
    [['send', 'zego:signal', '--data', 'x', '--bogus'], 'bogus'],
    [['launch'], 'unknown command'],
  ])('usage error %j exits 2', async (args, message) => {
    const run = await roomcast(args);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message);
  });

  it('stops on half-set vendor credentials', async () => {
    const run = await roomcast(['send', 'zego:signal', '--data', 'x'], { ZEGO_APP_ID: '123' });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('ZEGO_SERVER_SECRET');
  });
});

describe('roomcast channels and help', () => {
  it('lists channels as JSON', async () => {
    const run = await roomcast(['channels', '--json']);
    expect(run.code).toBe(0);
    const channels = JSON.parse(run.stdout);
    expect(channels.find((c: { id: string }) => c.id === 'zim:direct')).toMatchObject({
      mode: 'emulator',
      capability: { maxRecipientsPerRequest: 100 },
    });
  });

  it('prints help', async () => {
    const run = await roomcast(['--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('--to-file');
  });
});

describe('roomcast emulator', () => {
  let child: ChildProcess | undefined;
  afterAll(() => {
    child?.kill('SIGKILL');
  });

  it('starts the emulator alone; send --base-url reaches it; Ctrl+C stops it', async () => {
    child = spawn(process.execPath, [CLI, 'emulator', '--port', '0'], { env: cleanEnv });
    const proc = child;
    let out = '';
    const url = await new Promise<string>((resolve, reject) => {
      proc.stdout!.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        const match = /roomcast emulator: (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
        if (match && out.includes('Ctrl+C')) resolve(match[1]!);
      });
      proc.once('exit', () => reject(new Error(`emulator exited early: ${out}`)));
    });
    const info = await (await fetch(`${url}/_emulator/`)).json();
    expect(info.zegoRtcUrl).toBe(`${url}/zego-rtc`);
    const joined = await fetch(`${url}/_emulator/zego-rtc/rooms/live-1/users`, {
      method: 'POST',
      body: JSON.stringify({ userId: 'alice' }),
    });
    expect(joined.status).toBe(200);

    const run = await roomcast([
      'send',
      'zego:signal',
      '--base-url',
      info.zegoRtcUrl,
      '--to',
      'alice,bob',
      '--data',
      'x',
      '--json',
    ]);
    expect(run.code).toBe(3); // alice joined through the control API; bob did not: no auto-join on an external origin
    expect(JSON.parse(run.stdout)).toMatchObject({ accepted: ['alice'], failed: [{ userId: 'bob' }] });
    const inbox = await (await fetch(`${url}/_emulator/inbox?vendor=zego-rtc&userId=alice`)).json();
    expect(inbox.messages).toHaveLength(1);

    const exited = new Promise<number | null>((resolve) => proc.once('exit', (code) => resolve(code)));
    proc.kill('SIGINT');
    expect(await exited).toBe(0);
  });
});
