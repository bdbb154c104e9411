// Every rule against its testdata, per provider family: fail/ yields exactly expected.json (full
// ranges), pass/ yields nothing, and both load without errors. Each family a rule covers has a
// case; a family it does not cover may only have a pass/ case (a trap it must stay silent on).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { rules } from '../rules/index.js';
import { fixtureCases, lintFolder, sortExpected, toExpected, type ExpectedFinding } from './helpers/fixtures.js';

// UPDATE_EXPECTED=1 rewrites expected.json from the actual findings, so the comparison passes
// whatever it compares: it is refused under CI, where the files must be compared, not written.
const updateExpected = process.env.UPDATE_EXPECTED === '1';
if (updateExpected && process.env.CI) throw new Error('UPDATE_EXPECTED=1 is refused under CI (CI is set): expected.json must be compared, not rewritten.');

const cases = rules.flatMap((rule) => fixtureCases(rule.id).map((c) => [`${rule.id} [${c.family}]`, rule, c] as const));

describe.each(cases)('%s', (_name, rule, fixture) => {
  const { dir, family } = fixture;
  const id = rule.id;
  const covered = rule.providers.includes(family);

  if (covered || existsSync(path.join(dir, 'fail'))) {
    it('fail/ yields exactly the findings of expected.json', async () => {
      expect(covered, `${id} does not list ${family} among its providers`).toBe(true);
      const result = await lintFolder(path.join(dir, 'fail'), { rules: [rule] });
      expect(result.errors).toEqual([]);
      const actual = sortExpected(result.findings.filter((f) => f.ruleId === id).map(toExpected));
      const expectedFile = path.join(dir, 'expected.json');
      if (updateExpected) writeFileSync(expectedFile, JSON.stringify(actual, null, 2) + '\n');
      const expected = JSON.parse(readFileSync(expectedFile, 'utf8')) as ExpectedFinding[];
      expect(expected.length).toBeGreaterThan(0);
      expect(actual).toEqual(sortExpected(expected));
    });
  }

  it('pass/ yields no finding', async () => {
    expect(existsSync(path.join(dir, 'pass'))).toBe(true);
    const result = await lintFolder(path.join(dir, 'pass'), { rules: [rule] });
    expect(result.errors).toEqual([]);
    expect(result.findings.filter((f) => f.ruleId === id).map(toExpected)).toEqual([]);
  });
});

describe('fixture coverage', () => {
  it.each(rules.map((r) => [r.id, r] as const))('%s has a fail/ and pass/ case for every provider it covers', (id, rule) => {
    const have = fixtureCases(id).filter((c) => existsSync(path.join(c.dir, 'fail')) && existsSync(path.join(c.dir, 'pass'))).map((c) => c.family);
    expect(have.sort()).toEqual([...rule.providers].sort());
  });
});
