// Runs one suite in this (child) process and writes its result as JSON: run.mjs starts one of
// these per suite so suites never share a heap, a JIT state or leftover sockets.
//   node --expose-gc src/suite.mjs <name> [--quick] --out <file>
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { quick: { type: 'boolean', default: false }, out: { type: 'string' } },
});
const name = positionals[0];
if (!name || !/^[a-z-]+$/.test(name)) throw new Error('usage: suite.mjs <name> [--quick] --out <file>');
const suite = await import(`./suites/${name}.mjs`);
const log = (line) => process.stderr.write(`  [${name}] ${line}\n`);
const result = await suite.run({ quick: values.quick, log });
const text = JSON.stringify(result, null, 2);
if (values.out) writeFileSync(values.out, text);
else process.stdout.write(`${text}\n`);
