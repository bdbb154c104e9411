// The guard against output drift: every fixture folder's text, JSON and SARIF report (plain and
// --strict, with the --verbose notes on stderr) must stay byte-identical to the outputs captured in
// test/golden/fixtures/. The SARIF is stored without its rule metadata (the same for every folder)
// but with the sha256 of the complete file, so any byte of it that changes is caught.
// `UPDATE_FIXTURE_OUTPUTS=1 npx vitest run test/fixture-outputs` rewrites them (refused under CI).
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli } from './helpers/cli-run.js';
import { TESTDATA, fixtureFolders } from './helpers/fixtures.js';

const GOLDEN = path.join(import.meta.dirname, 'golden', 'fixtures');
const update = process.env.UPDATE_FIXTURE_OUTPUTS === '1';
if (update && process.env.CI) throw new Error('UPDATE_FIXTURE_OUTPUTS=1 is refused under CI: the goldens must be compared, not rewritten.');

function childFolders(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => path.join(dir, e.name));
}

/** Every fail/ and pass/ folder, and every example of testdata/cli and testdata/modules. */
const folders = [...new Set([...fixtureFolders(), ...childFolders(path.join(TESTDATA, 'cli')), ...childFolders(path.join(TESTDATA, 'modules'))])].sort();

const work = mkdtempSync(path.join(tmpdir(), 'lblint-golden-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** One CLI run of `folder` with `extra` flags, rendered as one golden text. */
async function capture(folder: string, extra: string[]): Promise<string> {
  const jsonFile = path.join(work, 'out.json');
  const sarifFile = path.join(work, 'out.sarif');
  rmSync(jsonFile, { force: true });
  rmSync(sarifFile, { force: true });
  const r = await cli(['.', '-f', 'text', '-f', `json=${jsonFile}`, '-f', `sarif=${sarifFile}`, '--verbose', '--jobs', '1', ...extra], folder);
  const json = existsSync(jsonFile) ? readFileSync(jsonFile, 'utf8') : '(none)\n';
  const sarifText = existsSync(sarifFile) ? readFileSync(sarifFile, 'utf8') : '';
  let sarif = '(none)\n';
  if (sarifText) {
    const log = JSON.parse(sarifText) as { runs: { tool: { driver: { rules?: unknown } } }[] };
    for (const run of log.runs) delete run.tool.driver.rules;
    sarif = `sha256 of the complete file: ${sha256(sarifText)}\n${JSON.stringify(log, null, 2)}\n`;
  }
  return [`exit: ${r.code}`, '--- text (stdout)', r.stdout, '--- stderr', r.stderr, '--- json', json, '--- sarif (without tool.driver.rules)', sarif].join('\n');
}

const runs: [string, string[]][] = [
  ['default', []],
  ['strict', ['--strict']],
];

describe.each(folders.map((f) => [path.relative(TESTDATA, f), f] as const))('%s', (rel, folder) => {
  it.each(runs)('%s output is byte-identical to the golden', async (name, extra) => {
    const actual = await capture(folder, extra);
    const file = path.join(GOLDEN, rel, `${name}.golden`);
    if (update) {
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, actual);
    }
    expect(existsSync(file), `missing golden ${file}`).toBe(true);
    expect(actual, `${rel} ${name} differs from its golden`).toBe(readFileSync(file, 'utf8'));
  });
});

describe('plan input', () => {
  const folder = path.join(TESTDATA, 'modules', 'plan-blue-green');
  it.each(runs)('%s output of --plan is byte-identical to the golden', async (name, extra) => {
    const actual = await capture(folder, ['--plan', 'plan.json', ...extra]);
    const file = path.join(GOLDEN, 'modules', 'plan-blue-green', `plan-${name}.golden`);
    if (update) writeFileSync(file, actual);
    expect(actual).toBe(readFileSync(file, 'utf8'));
  });
});

it('covers every fixture folder', () => {
  expect(folders.length).toBeGreaterThan(140);
});
