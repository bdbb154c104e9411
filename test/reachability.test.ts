// Reachability through unknown values, references and older security-group shapes (issue 19):
// each case under testdata/reachability/ is written the way real repositories write it
// (variables without defaults, conditionals, modules, count/for_each), with a blocked case in
// fail/ (exactly the findings of expected.json) and an admitted twin in pass/ (no finding, and
// no --strict note from the security-group rules: the verdict is decided, not skipped).
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { TESTDATA, lintFolder, sortExpected, toExpected, type ExpectedFinding } from './helpers/fixtures.js';

const BASE = path.join(TESTDATA, 'reachability');
const cases = readdirSync(BASE, { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .map((e) => e.name)
  .sort();

describe.each(cases)('%s', (name) => {
  const dir = path.join(BASE, name);

  it('fail/ is blocked whatever the unknown values are: exactly the findings of expected.json', async () => {
    const result = await lintFolder(path.join(dir, 'fail'));
    expect(result.errors).toEqual([]);
    const actual = sortExpected(result.findings.map(toExpected));
    const expectedFile = path.join(dir, 'expected.json');
    if (process.env.UPDATE_EXPECTED === '1' && !process.env.CI) writeFileSync(expectedFile, JSON.stringify(actual, null, 2) + '\n');
    const expected = JSON.parse(readFileSync(expectedFile, 'utf8')) as ExpectedFinding[];
    expect(expected.some((f) => f.ruleId.startsWith('security-group-blocks-'))).toBe(true);
    expect(actual).toEqual(sortExpected(expected));
  });

  it('pass/ is admitted whatever the unknown values are: no finding and no undecided security-group verdict', async () => {
    expect(existsSync(path.join(dir, 'pass'))).toBe(true);
    const result = await lintFolder(path.join(dir, 'pass'), { strict: true });
    expect(result.errors).toEqual([]);
    expect(result.findings.filter((f) => f.severity !== 'note').map(toExpected)).toEqual([]);
    const undecided = result.findings.filter((f) => f.ruleId.startsWith('security-group-blocks-'));
    expect(undecided.map((f) => f.message)).toEqual([]);
  });
});
