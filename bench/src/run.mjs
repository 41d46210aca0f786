// The benchmark suite: runs each suite in its own process, writes bench-results/<full|quick>.json
// and .md, and with --update-benchmarks-md puts the tables into ../BENCHMARKS.md between its markers.
//   node src/run.mjs [--quick] [--only overhead,quota] [--update-benchmarks-md]
// Never asserts timings: it fails only when a suite crashes or breaks a correctness invariant.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { environment } from './lib/env.mjs';
import { renderReport } from './lib/report.mjs';

const SUITES = ['overhead', 'quota', 'fanout', 'usersig', 'memory', 'footprint', 'emulator'];
const BEGIN = '<!-- bench:results:begin -->';
const END = '<!-- bench:results:end -->';

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    only: { type: 'string' },
    'update-benchmarks-md': { type: 'boolean', default: false },
  },
});
const quick = values.quick;
const selected = values.only ? values.only.split(',').map((s) => s.trim()) : SUITES;
for (const name of selected)
  if (!SUITES.includes(name)) throw new Error(`unknown suite ${name}; suites: ${SUITES.join(', ')}`);

const benchDir = fileURLToPath(new URL('../', import.meta.url));
const outDir = fileURLToPath(new URL('../bench-results/', import.meta.url));
const suiteScript = fileURLToPath(new URL('./suite.mjs', import.meta.url));
mkdirSync(outDir, { recursive: true });

const script = process.env.npm_lifecycle_event;
const command =
  script === 'bench' || script === 'bench:quick'
    ? `pnpm ${script}`
    : `node src/run.mjs ${process.argv.slice(2).join(' ')}`.trim();
const env = environment(command);
console.log(
  `roomcast benchmarks (${quick ? 'quick' : 'full'}): Node ${env.node}, ${env.cpu} × ${env.cores}, load ${env.loadAverage.join(' ')}`,
);

function runSuite(name) {
  const out = `${outDir}.${name}.json`;
  rmSync(out, { force: true });
  const args = ['--expose-gc', suiteScript, name, '--out', out, ...(quick ? ['--quick'] : [])];
  return new Promise((resolve) => {
    const started = performance.now();
    const child = spawn(process.execPath, args, { cwd: benchDir, stdio: ['ignore', 'inherit', 'inherit'] });
    child.on('exit', (code, signal) => {
      const seconds = Math.round((performance.now() - started) / 100) / 10;
      if (code === 0 && existsSync(out)) {
        const result = JSON.parse(readFileSync(out, 'utf8'));
        rmSync(out, { force: true });
        resolve({ ...result, seconds });
      } else {
        resolve({ id: name, error: `exited with ${signal ?? code}`, seconds });
      }
    });
  });
}

const started = performance.now();
const suites = [];
for (const name of selected) {
  console.log(`\n▶ ${name}`);
  const result = await runSuite(name);
  console.log(`  ${result.error ? `FAILED (${result.error})` : 'done'} in ${result.seconds} s`);
  suites.push(result);
}
const results = { environment: env, quick, durationMs: performance.now() - started, suites };
const base = quick ? 'quick' : 'full';
writeFileSync(`${outDir}${base}.json`, `${JSON.stringify(results, null, 2)}\n`);
const report = renderReport(results);
writeFileSync(`${outDir}${base}.md`, `${report}\n`);
console.log(
  `\nResults: bench-results/${base}.json and bench-results/${base}.md (${Math.round(results.durationMs / 1000)} s)`,
);

if (values['update-benchmarks-md']) {
  const path = fileURLToPath(new URL('../../BENCHMARKS.md', import.meta.url));
  const text = existsSync(path) ? readFileSync(path, 'utf8') : `# Benchmarks\n\n${BEGIN}\n${END}\n`;
  const from = text.indexOf(BEGIN);
  const to = text.indexOf(END);
  if (from === -1 || to === -1) throw new Error(`BENCHMARKS.md has no ${BEGIN} … ${END} markers`);
  writeFileSync(path, `${text.slice(0, from + BEGIN.length)}\n\n${report}\n${text.slice(to)}`);
  console.log('BENCHMARKS.md updated between its result markers.');
}

const failed = suites.filter((s) => s.error);
if (failed.length > 0) {
  console.error(`\n${failed.length} suite(s) failed: ${failed.map((s) => s.id).join(', ')}`);
  process.exit(1);
}
