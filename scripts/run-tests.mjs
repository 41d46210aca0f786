// Runs every check of the repo (lint, then per package: build, typecheck, tests, publint + attw)
// through turbo, and ends with the one plain line CI reads: "N passed, N failed".
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { delimiter, join } from 'node:path';

const root = join(import.meta.dirname, '..');
const workspaces = ['packages', 'apps'].flatMap((dir) =>
  existsSync(join(root, dir)) ? readdirSync(join(root, dir)).map((name) => join(root, dir, name)) : [],
);
const env = {
  ...process.env,
  // turbo looks the package manager up on PATH; the repo pins pnpm as a devDependency.
  PATH: `${join(root, 'node_modules', '.bin')}${delimiter}${process.env.PATH ?? ''}`,
  TURBO_TELEMETRY_DISABLED: '1',
  DO_NOT_TRACK: '1',
};
const bin = (name) => join(root, 'node_modules', '.bin', name);

// Stale reports must not be counted: turbo restores a fresh one from cache when the inputs match.
for (const dir of workspaces) rmSync(join(dir, 'test-results.json'), { force: true });

const failedChecks = [];
const run = (label, command, args) => {
  const { status } = spawnSync(command, args, { cwd: root, env, stdio: 'inherit' });
  if (status !== 0) failedChecks.push(label);
};

run('lint (biome)', bin('biome'), ['ci', '.']);
run('release plan (changesets)', process.execPath, [join(root, 'scripts', 'check-release-plan.mjs')]);
run('turbo test typecheck pkg:check', bin('turbo'), [
  'run',
  'test',
  'typecheck',
  'pkg:check',
  '--continue',
  // Two tasks at a time on the 2-core CI machine: suites that measure rates stay honest.
  '--concurrency=2',
  '--output-logs=new-only',
  ...process.argv.slice(2),
]);

// The packages promise Node >= 22 while the toolchain runs on 24: import the builds on Node 22 too.
run('Node 22 smoke', 'npx', ['-y', 'node@22', join(root, 'scripts', 'node22-smoke.mjs')]);

let passed = 0;
let failed = 0;
const missing = [];
for (const dir of workspaces) {
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  if (!pkg.scripts?.test) continue;
  const report = join(dir, 'test-results.json');
  if (!existsSync(report)) {
    missing.push(pkg.name);
    continue;
  }
  const json = JSON.parse(readFileSync(report, 'utf8'));
  passed += json.numPassedTests ?? 0;
  failed += json.numFailedTests ?? 0;
}
for (const name of missing) failedChecks.push(`${name}: no test report`);
if (failedChecks.length > 0) console.log(`\nFailed checks: ${failedChecks.join('; ')}`);
// Checks that are not vitest tests (lint, typecheck, packaging) count as one failure each.
console.log(`${passed} passed, ${failed + failedChecks.length} failed`);
process.exit(failed + failedChecks.length === 0 ? 0 : 1);
