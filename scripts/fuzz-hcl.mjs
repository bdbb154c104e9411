#!/usr/bin/env node
// Long differential run of the fast HCL path against hcl2json: `npm run fuzz:hcl`
// (FUZZ_RUNS, default 50000; FUZZ_SEED replays a run; FUZZ_DIR adds a folder of .tf files).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runMutations, samplesOf, tfFiles } from '../test/fuzz/hcl-mutations.mjs';
import { createRequire } from 'node:module';

const { convertBlocks, parseHcl, splitTopLevel } = createRequire(import.meta.url)('../dist/lblint-bundle.cjs');

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const runs = Number(process.env.FUZZ_RUNS ?? 50_000);
const seed = process.env.FUZZ_SEED === undefined ? Date.now() % 2 ** 31 : Number(process.env.FUZZ_SEED);

const dirs = [path.join(root, 'testdata'), ...(process.env.FUZZ_DIR ? [process.env.FUZZ_DIR] : [])];
const samples = samplesOf(
  dirs.flatMap((dir) => tfFiles(dir)).map((f) => readFileSync(f, 'utf8')),
  splitTopLevel,
);
console.log(`fuzz:hcl: ${runs} mutations of ${samples.length} files and blocks, seed ${seed}`);
const started = Date.now();
const r = await runMutations({ samples, runs, seed, lib: { convertBlocks, splitTopLevel, parseHcl } });
console.log(`fuzz:hcl: ${r.tried} parsable by the splitter, ${r.answered} answered by the fast path, ${r.failures.length} different from hcl2json (${((Date.now() - started) / 1000).toFixed(1)} s)`);
for (const f of r.failures) console.error(`--- run ${f.run}\n${JSON.stringify(f.text)}\nhcl2json:  ${f.expected}\nfast path: ${f.actual}`);
if (r.failures.length > 0) {
  console.error(`fuzz:hcl: FAILED; replay with FUZZ_SEED=${seed} FUZZ_RUNS=${runs} npm run fuzz:hcl`);
  process.exit(1);
}
