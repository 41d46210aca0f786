// 6. Footprint: what installing one provider brings (the packed tarballs installed with npm into an
// empty project: only ky comes from the registry), and the minified + gzipped size of core and of
// each provider, bundled by esbuild from the built dist.
import { execFile } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const exec = promisify(execFile);
const root = fileURLToPath(new URL('../../../', import.meta.url));
const PACKAGES = ['core', 'zego-common', 'zego-rtc', 'zego-zim', 'trtc'];
const PROVIDERS = {
  'zego-rtc': { expected: ['@roomcast/core', '@roomcast/zego-common', 'ky'], factory: 'zegoRtc' },
  'zego-zim': { expected: ['@roomcast/core', '@roomcast/zego-common', 'ky'], factory: 'zegoZim' },
  trtc: { expected: ['@roomcast/core', 'ky'], factory: 'trtc' },
};

export const GOAL = '@roomcast/zego-rtc pulls in only @roomcast/core, @roomcast/zego-common and ky';

function walk(dir, visit) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) walk(path, visit);
    else if (entry.isFile()) visit(path);
  }
}

/** Installed packages under node_modules (scoped ones included), with their file sizes. */
function inventory(nodeModules) {
  const packages = [];
  for (const entry of readdirSync(nodeModules)) {
    if (entry.startsWith('.')) continue;
    const dirs = entry.startsWith('@')
      ? readdirSync(join(nodeModules, entry)).map((name) => join(entry, name))
      : [entry];
    for (const name of dirs) {
      let bytes = 0;
      let jsBytes = 0;
      let files = 0;
      walk(join(nodeModules, name), (path) => {
        const size = statSync(path).size;
        bytes += size;
        files++;
        if (path.endsWith('.js')) jsBytes += size;
      });
      const { version } = JSON.parse(readFileSync(join(nodeModules, name, 'package.json'), 'utf8'));
      packages.push({ name, version, files, bytes, jsBytes });
    }
  }
  return packages.sort((a, b) => a.name.localeCompare(b.name));
}

/** The directory of the ky the workspace installed (the version core's range resolves to). */
function kyDirectory() {
  let dir = dirname(fileURLToPath(import.meta.resolve('ky')));
  while (
    !existsSync(join(dir, 'package.json')) ||
    JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).name !== 'ky'
  ) {
    dir = dirname(dir);
  }
  return dir;
}

const LIMIT = { timeout: 180_000 };

async function pack(dir) {
  const pnpm = join(root, 'node_modules', '.bin', 'pnpm');
  for (const name of PACKAGES) {
    await exec(pnpm, ['pack', '--pack-destination', dir], { cwd: join(root, 'packages', name), ...LIMIT });
  }
  // ky as published (the workspace's copy), so the install below needs no network at all.
  await exec(
    'npm',
    ['pack', kyDirectory(), '--pack-destination', dir, '--ignore-scripts', '--offline', '--loglevel=error'],
    LIMIT,
  );
  const tarballs = Object.fromEntries(
    readdirSync(dir)
      .filter((f) => f.endsWith('.tgz'))
      .map((f) => [f.replace(/^(?:roomcast-)?(.*)-\d+\.\d+\.\d+\.tgz$/, '$1'), join(dir, f)]),
  );
  const sizes = Object.fromEntries(
    Object.entries(tarballs).map(([name, path]) => [name, statSync(path).size]),
  );
  return { tarballs, sizes };
}

/** `npm install` of one provider's tarball, offline: the other tarballs stand in for the registry. */
async function install(dir, provider, tarballs) {
  const app = join(dir, `app-${provider}`);
  mkdirSync(app);
  const overrides = Object.fromEntries([
    ...PACKAGES.filter((p) => p !== provider).map((p) => [`@roomcast/${p}`, `file:${tarballs[p]}`]),
    ['ky', `file:${tarballs.ky}`],
  ]);
  writeFileSync(
    join(app, 'package.json'),
    JSON.stringify({
      name: `footprint-${provider}`,
      private: true,
      dependencies: { [`@roomcast/${provider}`]: `file:${tarballs[provider]}` },
      overrides,
    }),
  );
  await exec(
    'npm',
    ['install', '--no-audit', '--no-fund', '--ignore-scripts', '--offline', '--loglevel=error'],
    {
      cwd: app,
      ...LIMIT,
    },
  );
  const packages = inventory(join(app, 'node_modules'));
  const others = packages.filter((p) => p.name !== `@roomcast/${provider}`).map((p) => p.name);
  const expected = PROVIDERS[provider].expected;
  return {
    provider: `@roomcast/${provider}`,
    dependencyCount: others.length,
    dependencies: others,
    onlyExpected: others.length === expected.length && expected.every((e) => others.includes(e)),
    installedBytes: packages.reduce((n, p) => n + p.bytes, 0),
    installedJsBytes: packages.reduce((n, p) => n + p.jsBytes, 0),
    files: packages.reduce((n, p) => n + p.files, 0),
    packages,
  };
}

async function bundleSize(contents, external) {
  const result = await build({
    stdin: { contents, resolveDir: join(root, 'bench'), loader: 'js' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'node',
    target: 'node22',
    external,
    write: false,
    logLevel: 'silent',
  });
  const code = result.outputFiles[0].contents;
  return { minBytes: code.length, gzipBytes: gzipSync(code, { level: 9 }).length };
}

async function bundles() {
  const rows = [];
  const all = ['@roomcast/*', 'ky'];
  for (const name of PACKAGES) {
    // The dist entry by path, so that "own" keeps the package itself and externalizes only its imports.
    const dist = JSON.stringify(join(root, 'packages', name, 'dist', 'index.js'));
    rows.push({
      bundle: `@roomcast/${name} (everything it exports)`,
      own: await bundleSize(`export * from ${dist};`, all),
      withDependencies: await bundleSize(`export * from ${dist};`, []),
    });
  }
  rows.push({ bundle: 'ky (for reference)', own: await bundleSize(`export { default } from 'ky';`, []) });
  for (const [provider, { factory }] of Object.entries(PROVIDERS)) {
    // What an app that sends through one provider ships after tree-shaking.
    const entry = `export { createRoomcast } from '@roomcast/core'; export { ${factory} } from '@roomcast/${provider}';`;
    rows.push({
      bundle: `app: createRoomcast + ${factory}()`,
      withDependencies: await bundleSize(entry, []),
    });
  }
  return rows;
}

export async function run({ log }) {
  const dir = mkdtempSync(join(tmpdir(), 'roomcast-footprint-'));
  try {
    const { tarballs, sizes } = await pack(dir);
    const installs = [];
    for (const provider of Object.keys(PROVIDERS)) {
      const result = await install(dir, provider, tarballs);
      installs.push(result);
      log(
        `${result.provider}: ${result.dependencyCount} dependencies (${result.dependencies.join(', ')}), ` +
          `${(result.installedBytes / 1024).toFixed(0)} KiB installed, ${(result.installedJsBytes / 1024).toFixed(0)} KiB of .js`,
      );
    }
    const sizesRows = await bundles();
    for (const row of sizesRows) {
      const figure = row.own ?? row.withDependencies;
      log(`${row.bundle}: ${figure.minBytes} B min, ${figure.gzipBytes} B min+gz`);
    }
    const rtc = installs.find((i) => i.provider === '@roomcast/zego-rtc');
    return {
      id: 'footprint',
      title: 'Footprint',
      goal: GOAL,
      tarballBytes: sizes,
      installs,
      bundles: sizesRows,
      bundler:
        'esbuild, minify, ESM, platform node, Node built-ins external; "own" = @roomcast/* and ky external',
      goalMet: rtc.onlyExpected,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
