import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../src/cli/run.js';

function io() {
  let stop!: () => void;
  const stopped = new Promise<void>((resolve) => {
    stop = resolve;
  });
  let output = '';
  return { out: (t: string) => (output += t), waitForStop: () => stopped, stop, output: () => output };
}

describe('roomcast-emulator CLI', () => {
  it('--help prints usage and starts nothing', async () => {
    const cli = io();
    expect(await runCli(['--help'], cli)).toBeUndefined();
    expect(cli.output()).toContain('Usage: roomcast-emulator');
  });

  it('starts with flags and a config file, prints URLs and credentials, stops on signal', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'emu-cli-'));
    const config = path.join(dir, 'emulator.json');
    await writeFile(
      config,
      JSON.stringify({
        credentials: { zegoRtc: { appId: 42, serverSecret: 'cafebabecafebabecafebabecafebabe' } },
        fixtures: { zegoRtc: { rooms: { demo: ['alice'] } } },
      }),
    );
    const cli = io();
    const running = runCli(['--port', '0', '--config', config, '--seed=3', '--rate-limits', 'off'], cli);
    while (!cli.output().includes('listening')) await new Promise((r) => setTimeout(r, 10));
    const url = /listening on (\S+)/.exec(cli.output())![1]!;
    expect(cli.output()).toContain('appId=42 serverSecret=cafebabecafebabecafebabecafebabe');
    expect(cli.output()).toContain(`${url}/trtc`);
    const state = (await (await fetch(`${url}/_emulator/state`)).json()) as { zegoRtc: { roomId: string }[] };
    expect(state.zegoRtc.map((r) => r.roomId)).toEqual(['demo']);
    cli.stop();
    await running;
    await expect(fetch(`${url}/_emulator/`)).rejects.toThrow();
  });

  it('rejects unknown flags and bad values', async () => {
    await expect(runCli(['--nope'], io())).rejects.toThrow(/unknown option/);
    await expect(runCli(['--port', 'x'], io())).rejects.toThrow(/--port/);
    await expect(runCli(['--port'], io())).rejects.toThrow(/needs a value/);
    await expect(runCli(['--rate-limits', 'some'], io())).rejects.toThrow(/vendor or off/);
    await expect(runCli(['--seed', '1.5'], io())).rejects.toThrow(/seed/);
  });
});
