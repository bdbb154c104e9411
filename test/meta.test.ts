// The registry's contract: ids match files, docs are complete, examples come from testdata,
// the README lists every rule, and fixtures cover each rule's providers.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { rules } from '../rules/index.js';
import { ROOT, TESTDATA } from './helpers/fixtures.js';
import { VERSION } from '../src/version.js';

const normalize = (s: string) => s.replace(/\s+/g, ' ').trim();

function fixtureText(id: string, which: 'fail' | 'pass'): string {
  const dir = path.join(TESTDATA, id, which);
  if (!existsSync(dir)) return '';
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.(tf|tfvars)$/.test(f))
    .map((f) => readFileSync(path.join(dir, f), 'utf8'))
    .join('\n');
}

describe('rule registry', () => {
  it('is sorted by id and has no duplicates', () => {
    const ids = rules.map((r) => r.id);
    expect(ids).toEqual([...ids].sort());
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('has one file per rule, named after its id', () => {
    const files = readdirSync(path.join(ROOT, 'rules'))
      .filter((f) => f.endsWith('.ts') && f !== 'index.ts')
      .map((f) => f.replace(/\.ts$/, ''))
      .sort();
    expect(files).toEqual(rules.map((r) => r.id));
  });

  it('matches the version of package.json', () => {
    const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
    expect(VERSION).toBe(pkg.version);
  });
});

describe.each(rules.map((r) => [r.id, r] as const))('%s', (id, rule) => {
  it('has complete docs', () => {
    expect(rule.title.length).toBeGreaterThan(10);
    expect(rule.docs.why.length).toBeGreaterThan(40);
    expect(rule.docs.fix.length).toBeGreaterThan(20);
    // Public documentation by URL, never lblint's internal file names (issue 15).
    expect(rule.docs.seed).toMatch(/https:\/\//);
    expect(rule.docs.seed).not.toMatch(/seeds\/|providers\.md|DESIGN\.md/);
    expect(Number(rule.securitySeverity)).toBeGreaterThan(0);
    expect(rule.providers.length).toBeGreaterThan(0);
  });

  it('takes its examples verbatim from its testdata', () => {
    expect(normalize(fixtureText(id, 'fail'))).toContain(normalize(rule.docs.examples.fail));
    expect(normalize(fixtureText(id, 'pass'))).toContain(normalize(rule.docs.examples.pass));
  });

  it('is listed in the README rule table', () => {
    const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    const row = readme.split('\n').find((l) => l.startsWith(`| [\`${id}\`]`) || l.startsWith(`| \`${id}\``));
    expect(row, `README row for ${id}`).toBeDefined();
    expect(row).toContain(rule.severity);
  });
});
