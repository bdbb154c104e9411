#!/usr/bin/env node
// Long fuzz run: `npm run fuzz` (FUZZ_RUNS, default 100000; FUZZ_SEED and FUZZ_PATH replay a failure).
import { failureMessage, runFuzz } from '../test/fuzz/harness.mjs';

const numRuns = Number(process.env.FUZZ_RUNS ?? 100_000);
const seed = process.env.FUZZ_SEED === undefined ? Date.now() % 2 ** 31 : Number(process.env.FUZZ_SEED);
console.log(`fuzz: ${numRuns} cases, seed ${seed}${process.env.FUZZ_PATH ? `, path ${process.env.FUZZ_PATH}` : ''}`);
const started = Date.now();
const details = await runFuzz({ numRuns, seed, path: process.env.FUZZ_PATH, log: (m) => console.log(`fuzz: ${m} (${((Date.now() - started) / 1000).toFixed(0)} s)`) });
if (details.failed) {
  console.error(`fuzz: FAILED after ${details.numRuns} cases: ${failureMessage(details)}\n${String(details.errorInstance)}`);
  console.error(`fuzz: replay with FUZZ_SEED=${details.seed} FUZZ_PATH=${details.counterexamplePath} npm run fuzz`);
  process.exit(1);
}
console.log(`fuzz: ${details.numRuns} cases passed in ${((Date.now() - started) / 1000).toFixed(1)} s (seed ${details.seed})`);
