// Proves the versioning policy: a minor release of @roomcast/core gives the packages that depend
// on it a patch release (their dependency range moves), never a major. Runs `changeset status` on a
// scratch copy of the workspace manifests with one sample changeset, so the repo is not touched.
import { execFileSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const scratch = mkdtempSync(join(tmpdir(), 'roomcast-release-plan-'));
try {
  for (const file of ['package.json', 'pnpm-workspace.yaml']) cpSync(join(root, file), join(scratch, file));
  mkdirSync(join(scratch, '.changeset'));
  cpSync(join(root, '.changeset', 'config.json'), join(scratch, '.changeset', 'config.json'));
  const privatePackages = new Set();
  const published = new Set();
  for (const dir of ['packages', 'apps']) {
    if (!existsSync(join(root, dir))) continue;
    for (const name of readdirSync(join(root, dir))) {
      const manifest = join(root, dir, name, 'package.json');
      if (!existsSync(manifest)) continue;
      const pkg = JSON.parse(readFileSync(manifest, 'utf8'));
      if (pkg.private === true) privatePackages.add(pkg.name);
      else published.add(pkg.name);
      mkdirSync(join(scratch, dir, name), { recursive: true });
      cpSync(manifest, join(scratch, dir, name, 'package.json'));
    }
  }
  writeFileSync(
    join(scratch, '.changeset', 'sample-core-minor.md'),
    '---\n"@roomcast/core": minor\n---\n\nSample.\n',
  );
  const git = (...args) => execFileSync('git', args, { cwd: scratch, stdio: 'ignore' });
  git('init', '-q', '-b', 'main');
  git('-c', 'user.email=ci@roomcast.invalid', '-c', 'user.name=ci', 'add', '-A');
  git('-c', 'user.email=ci@roomcast.invalid', '-c', 'user.name=ci', 'commit', '-qm', 'scratch');
  execFileSync(join(root, 'node_modules', '.bin', 'changeset'), ['status', '--output', 'plan.json'], {
    cwd: scratch,
    stdio: 'ignore',
  });
  const plan = JSON.parse(readFileSync(join(scratch, 'plan.json'), 'utf8'));
  const bumps = Object.fromEntries(plan.releases.map((r) => [r.name, r.type]));
  const problems = [];
  if (bumps['@roomcast/core'] !== 'minor')
    problems.push(`core should be minor, is ${bumps['@roomcast/core']}`);
  for (const [name, type] of Object.entries(bumps))
    if (type === 'major') problems.push(`${name} would get a major`);
  for (const release of plan.releases) {
    if (privatePackages.has(release.name) && release.type !== 'none') {
      problems.push(`private ${release.name} would be released`);
    }
  }
  problems.push(...checkChangesetFiles(published));
  console.log(`release plan for a core minor: ${JSON.stringify(bumps)}`);
  if (problems.length > 0) {
    console.error(problems.join('\n'));
    process.exitCode = 1;
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}

/** The repo's own changesets must parse: frontmatter of `"<published package>": bump` lines. */
function checkChangesetFiles(published) {
  const problems = [];
  const dir = join(root, '.changeset');
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.md') && f !== 'README.md')) {
    const text = readFileSync(join(dir, file), 'utf8');
    const match = /^---\n([\s\S]*?)\n---\n/.exec(text);
    const lines = match?.[1]?.split('\n').filter((line) => line.trim() !== '') ?? [];
    if (lines.length === 0) problems.push(`.changeset/${file}: no frontmatter`);
    for (const line of lines) {
      const entry = /^"(@roomcast\/[a-z0-9-]+)": (major|minor|patch)$/.exec(line.trim());
      if (!entry) problems.push(`.changeset/${file}: cannot read "${line}"`);
      else if (!published.has(entry[1]))
        problems.push(`.changeset/${file}: ${entry[1]} is not a published package`);
    }
  }
  return problems;
}
