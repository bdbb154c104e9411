// docs/rules/<id>.md and the README rule table are generated from the registry; this keeps them
// in sync (UPDATE_DOCS=1 rewrites them).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { rules } from '../rules/index.js';
import { renderRuleDoc, renderRuleTable } from '../src/report/docs.js';
import { ROOT } from './helpers/fixtures.js';

describe.each(rules.map((r) => [r.id, r] as const))('docs/rules/%s.md', (id, rule) => {
  it('is up to date', () => {
    const file = path.join(ROOT, 'docs', 'rules', `${id}.md`);
    const expected = renderRuleDoc(rule);
    if (process.env.UPDATE_DOCS === '1') writeFileSync(file, expected);
    expect(existsSync(file)).toBe(true);
    expect(readFileSync(file, 'utf8')).toBe(expected);
  });
});

describe('README', () => {
  it('holds the generated rule table', () => {
    const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    const table = renderRuleTable(rules);
    const start = '<!-- rules:start -->';
    const end = '<!-- rules:end -->';
    if (process.env.UPDATE_DOCS === '1') {
      const i = readme.indexOf(start);
      const j = readme.indexOf(end);
      writeFileSync(path.join(ROOT, 'README.md'), `${readme.slice(0, i + start.length)}\n${table}\n${readme.slice(j)}`);
    }
    const current = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    expect(current).toContain(`${start}\n${table}\n${end}`);
  });
});
