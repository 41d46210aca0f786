import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..', '..');

/**
 * Vitest global setup: the multi-process tests run child processes that import the built package
 * (as a user would), so build it first when dist/ is missing or older than src/.
 */
export default function setup(): void {
  const dist = join(root, 'dist', 'index.js');
  if (existsSync(dist) && statSync(dist).mtimeMs >= newest(join(root, 'src'))) return;
  // tsup lives in the workspace root's node_modules (a shared dev tool), or on PATH.
  const candidates = [root, join(root, '..', '..')].map((dir) => join(dir, 'node_modules', '.bin', 'tsup'));
  const tsup = candidates.find((path) => existsSync(path)) ?? 'tsup';
  execFileSync(tsup, [], { cwd: root, stdio: 'inherit' });
}

function newest(dir: string): number {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return latest;
}
