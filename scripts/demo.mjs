// `pnpm demo`: builds what the dashboard needs (quietly; turbo serves repeat runs from its cache),
// then starts the demo server, which prints http://localhost:<PORT> (default 4600).
import { spawn, spawnSync } from 'node:child_process';
import { delimiter, join } from 'node:path';

const root = join(import.meta.dirname, '..');
const env = {
  ...process.env,
  // turbo looks the package manager up on PATH; the repo pins pnpm as a devDependency.
  PATH: `${join(root, 'node_modules', '.bin')}${delimiter}${process.env.PATH ?? ''}`,
  TURBO_TELEMETRY_DISABLED: '1',
  DO_NOT_TRACK: '1',
};

process.stdout.write('Building the roomcast demo…\n');
const build = spawnSync(
  join(root, 'node_modules', '.bin', 'turbo'),
  ['run', 'build', '--filter=@roomcast/demo...', '--output-logs=errors-only'],
  { cwd: root, env, encoding: 'utf8' },
);
if (build.status !== 0) {
  // Quiet on success, complete on failure: the build's own output says what broke.
  process.stdout.write(build.stdout ?? '');
  process.stderr.write(build.stderr ?? '');
  if (build.error) process.stderr.write(`${build.error.message}\n`);
  process.stderr.write('The demo build failed (see above).\n');
  process.exit(build.status ?? 1);
}

const server = spawn(process.execPath, [join(root, 'apps', 'demo', 'dist', 'server.js')], {
  cwd: root,
  stdio: 'inherit',
  env: process.env,
});
// Ctrl+C reaches both processes; the server shuts itself down and this script exits with it.
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
