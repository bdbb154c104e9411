// Fuzzing in `npm test`: a few hundred mutated testdata folders through the whole pipeline (never
// throws, never hangs, errors located inside their file). `npm run fuzz` runs the long version.
import { expect, it } from 'vitest';
// @ts-expect-error plain JS module shared with scripts/fuzz.mjs
import { failureMessage, runFuzz } from './fuzz/harness.mjs';

const RUNS = Number(process.env.FUZZ_RUNS ?? 300);

it(`survives ${RUNS} mutated fixture folders`, { timeout: 600_000 }, async () => {
  const seed = process.env.FUZZ_SEED === undefined ? Date.now() % 2 ** 31 : Number(process.env.FUZZ_SEED);
  const details = (await runFuzz({ numRuns: RUNS, seed, path: process.env.FUZZ_PATH })) as { failed: boolean; seed: number; counterexamplePath: string | null; errorInstance: unknown };
  const replay = `replay: FUZZ_SEED=${details.seed} FUZZ_PATH=${details.counterexamplePath ?? ''} npm run fuzz`;
  expect(details.failed ? `${failureMessage(details)}\n${String(details.errorInstance)}\n${replay}` : '').toBe('');
});
