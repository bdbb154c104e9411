// The committed dist/ (the bundle the package's bin, the Action and the pre-commit hook run) must be
// exactly what `npm run dist` makes from the sources and the locked dependencies: a fresh build
// into a temporary folder is compared with it byte for byte.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from './helpers/fixtures.js';

const fresh = mkdtempSync(path.join(tmpdir(), 'lblint-dist-'));
afterAll(() => rmSync(fresh, { recursive: true, force: true }));

describe('dist/', () => {
  it('is what `npm run dist` makes from these sources', { timeout: 120_000 }, () => {
    execFileSync(process.execPath, [path.join(ROOT, 'scripts/bundle.mjs'), fresh], { cwd: ROOT, stdio: 'pipe' });
    const committed = path.join(ROOT, 'dist');
    const files = (dir: string): string[] => readdirSync(dir).sort();
    const made = files(fresh);
    const stale = [
      ...made.filter((f) => !files(committed).includes(f)).map((f) => `${f} is missing`),
      ...files(committed).filter((f) => !made.includes(f)).map((f) => `${f} is not made any more`),
      ...made.filter((f) => files(committed).includes(f) && !readFileSync(path.join(fresh, f)).equals(readFileSync(path.join(committed, f)))).map((f) => `${f} differs`),
    ];
    const advice = stale.length === 0 ? '' : `dist/ is not what the sources make (${stale.join('; ')}). Run \`npm run dist\` and commit dist/.`;
    expect(advice).toBe('');
    expect(made).toEqual(['THIRD_PARTY_LICENSES.txt', 'action.cjs', 'hcl2json.wasm.gz', 'lblint-bundle.cjs', 'lblint.cjs']);
  });
});
