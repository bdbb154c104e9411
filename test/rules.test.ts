// Every rule against its testdata: fail/ yields exactly expected.json (full ranges), pass/ yields
// nothing, and both load without errors.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { rules } from '../rules/index.js';
import { TESTDATA, lintFolder, sortExpected, toExpected, type ExpectedFinding } from './helpers/fixtures.js';

describe.each(rules.map((r) => [r.id, r] as const))('%s', (id, rule) => {
  const folder = path.join(TESTDATA, id);

  it('fail/ yields exactly the findings of expected.json', async () => {
    const result = await lintFolder(path.join(folder, 'fail'), { rules: [rule] });
    expect(result.errors).toEqual([]);
    const actual = sortExpected(result.findings.filter((f) => f.ruleId === id).map(toExpected));
    const expectedFile = path.join(folder, 'expected.json');
    if (process.env.UPDATE_EXPECTED === '1') writeFileSync(expectedFile, JSON.stringify(actual, null, 2) + '\n');
    const expected = JSON.parse(readFileSync(expectedFile, 'utf8')) as ExpectedFinding[];
    expect(expected.length).toBeGreaterThan(0);
    expect(actual).toEqual(sortExpected(expected));
  });

  it('pass/ yields no finding', async () => {
    const result = await lintFolder(path.join(folder, 'pass'), { rules: [rule] });
    expect(result.errors).toEqual([]);
    expect(result.findings.filter((f) => f.ruleId === id).map(toExpected)).toEqual([]);
  });

  it('has its fixture folders', () => {
    expect(existsSync(path.join(folder, 'fail'))).toBe(true);
    expect(existsSync(path.join(folder, 'pass'))).toBe(true);
  });
});
