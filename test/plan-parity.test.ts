// `--plan` finds what the `.tf` files find (issue 17 §4): every rule fixture, turned into the plan
// JSON Terraform writes for it (unset Optional+Computed arguments in after_unknown), gives the
// same findings as the fixture's `.tf` files.
import { cpSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lint, type LintOptions } from '../src/engine/lint.js';
import { evaluateRoot } from '../src/eval/index.js';
import { loadPaths } from '../src/load/index.js';
import { rules } from '../rules/index.js';
import type { ParsedFile } from '../src/types.js';
import { fixtureCases, sortExpected, toExpected } from './helpers/fixtures.js';
import { argumentsByType, planJson } from './helpers/plan-json.js';

const work = mkdtempSync(path.join(tmpdir(), 'lblint-parity-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const cases = rules.flatMap((rule) => fixtureCases(rule.id).flatMap((c) => ['fail', 'pass'].map((kind) => ({ name: `${c.ruleId} [${c.family}] ${kind}/`, dir: path.join(c.dir, kind) }))));

let args = new Map<string, Set<string>>();
beforeAll(async () => {
  const files: ParsedFile[] = [];
  for (const c of cases) files.push(...(await loadPaths(['.'], { cwd: c.dir })).files);
  args = argumentsByType(files);
}, 120_000);

function options(cwd: string, plan?: string): LintOptions {
  return {
    paths: ['.'],
    cwd,
    env: {},
    vars: [],
    varFiles: [],
    exclude: [],
    allRules: rules,
    rules,
    severityOverrides: new Map(),
    healthCheckSources: {},
    strict: false,
    inlineIgnores: true,
    today: '2026-11-21',
    ...(plan ? { plan } : {}),
  };
}

describe('plan parity', () => {
  it.each(cases.filter((c) => existsSync(c.dir)))('$name', async ({ name, dir }) => {
    const copy = path.join(work, name.replace(/[^\w-]+/g, '_'));
    cpSync(dir, copy, { recursive: true });
    const loaded = await loadPaths(['.'], { cwd: copy });
    const evaluated = evaluateRoot('.', loaded.files, { vars: [], varFiles: [], env: {}, ...(loaded.modules ? { modules: loaded.modules } : {}) });
    writeFileSync(path.join(copy, 'plan.json'), JSON.stringify(planJson(evaluated.resources, loaded.files, '.', args)));
    const fromTf = await lint(options(copy));
    const fromPlan = await lint(options(copy, 'plan.json'));
    expect(fromPlan.errors).toEqual([]);
    expect(sortExpected(fromPlan.findings.map(toExpected))).toEqual(sortExpected(fromTf.findings.map(toExpected)));
  });
});
