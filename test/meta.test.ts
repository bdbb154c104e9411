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

describe('rules read the model only', () => {
  const files = [
    ...readdirSync(path.join(ROOT, 'rules')).filter((f) => f.endsWith('.ts')).map((f) => path.join(ROOT, 'rules', f)),
    ...readdirSync(path.join(ROOT, 'rules', 'factories')).map((f) => path.join(ROOT, 'rules', 'factories', f)),
  ];
  /** A rule's code without its docs (which quote Terraform) and comments. */
  const code = (file: string) =>
    readFileSync(file, 'utf8')
      .replace(/docs: \{[\s\S]*?\n {2}\},\n(?= {2}check)/, '')
      .split('\n')
      .filter((l) => !/^\s*(\/\/|\/\*\*|\*)/.test(l))
      .join('\n');

  it.each(files.map((f) => [path.relative(ROOT, f), f] as const))('%s touches no raw resource and names no provider attribute', (_name, file) => {
    const text = code(file);
    expect(text).not.toMatch(/\.resource\b/);
    expect(text).not.toMatch(/model\/values\.js/);
    // Provider spellings (`backend_port`, `health_check`, `port_range_min`, `_v2`…) belong to the adapters.
    expect(text.match(/\b[a-z0-9]+_[a-z0-9_]+\b/g) ?? []).toEqual([]);
  });
});

describe('the model and analysis build nodes without object spreads', () => {
  // `{ ...base, more }` is 20 to 40 times slower in V8 than Object.assign, and these layers make an
  // object per resource and per flow: spreads cost the all-LB bench 9% of its CPU (issue 16).
  const dirs = ['src/model', 'src/analysis'].map((d) => path.join(ROOT, d));
  const files = dirs.flatMap((d) => readdirSync(d, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts')).map((f) => path.join(d, f)));
  it.each(files.map((f) => [path.relative(ROOT, f), f] as const))('%s', (_name, file) => {
    const code = readFileSync(file, 'utf8')
      .split('\n')
      .filter((l) => !/^\s*(\/\/|\/\*\*|\*)/.test(l))
      .join('\n');
    expect(code.match(/\{\s*\.\.\.[\w.]+(\([^()]*\))?\s*,\s*[A-Za-z_]/g) ?? []).toEqual([]);
  });
});
