import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

/**
 * The CLI test runs dist/cli.js and the server tests serve dist/web: both are build outputs. turbo's
 * `test` task builds first (apps/demo/turbo.json); a bare `vitest run` on a clean tree says what to do.
 */
export default function setup(): void {
  const dist = resolve(import.meta.dirname, '../dist');
  const missing = ['cli.js', 'server.js', 'web/index.html'].filter(
    (file) => !existsSync(resolve(dist, file)),
  );
  if (missing.length > 0) {
    throw new Error(
      `apps/demo is not built (missing dist/${missing.join(', dist/')}): run \`pnpm --filter @roomcast/demo build\` first`,
    );
  }
}
