// --strict / --verbose, and the guarantee that without --strict no finding depends on an Unknown:
// every literal argument of every fixture, replaced one at a time by a variable without value,
// may only remove findings, never add one.
import { cpSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluateRoot } from '../src/eval/index.js';
import { loadPaths } from '../src/load/index.js';
import { buildModel } from '../src/model/index.js';
import { DEFAULT_HEALTH_CHECK_SOURCES } from '../src/analysis/index.js';
import { runRules } from '../src/engine/run-rules.js';
import { defineRule, type Rule } from '../src/rule.js';
import { rules } from '../rules/index.js';
import type { ModuleCallTable, ParsedFile } from '../src/types.js';
import { TESTDATA, fixtureFolders } from './helpers/fixtures.js';
import { MODULES, cli, findingsOf } from './helpers/cli-run.js';

const BLUE_GREEN = path.join(MODULES, 'plan-blue-green');

describe('--strict', () => {
  it('reports the verdict it could not reach as a note naming the unknown value and where it comes from', async () => {
    const r = await cli(['.', '--strict', '--format', 'json'], BLUE_GREEN);
    const findings = findingsOf(r.stdout);
    expect(findings.length).toBeGreaterThan(0);
    expect(findings.every((f) => f.severity === 'note')).toBe(true);
    const note = findings.find((f) => f.message.includes('var.health_check_cidr has no value'));
    expect(note?.address).toBe('module.backend["green"].huaweicloud_compute_instance.this');
    expect(note?.message).toContain('(variables.tf:7)');
    expect(note?.related.find((x) => x.message.startsWith('the unknown value comes from here'))?.location).toMatchObject({ file: 'variables.tf', start: { line: 7 } });
    // Notes do not fail the run by default.
    expect(r.code).toBe(0);
  });

  it('without --strict the same run has no finding at all', async () => {
    const r = await cli(['.', '--format', 'json'], BLUE_GREEN);
    expect(findingsOf(r.stdout)).toEqual([]);
  });
});

describe('--verbose', () => {
  it('prints the verdicts skipped and why', async () => {
    const r = await cli(['.', '--verbose', '--format', 'json'], BLUE_GREEN);
    expect(r.stderr).toContain('lblint: .: security-group-blocks-health-check skipped module.backend["green"].huaweicloud_compute_instance.this:');
    expect(r.stderr).toContain('var.health_check_cidr has no value');
  });

  it('prints the resources and modules not expanded because count/for_each is unknown', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'lblint-verbose-'));
    try {
      cpSync(path.join(MODULES, 'for-each-services'), dir, { recursive: true });
      writeFileSync(path.join(dir, 'extra.tf'), 'variable "replicas" {\n  type = number\n}\n\nresource "huaweicloud_lb_member" "extra" {\n  count   = var.replicas\n  address = "10.10.1.99"\n}\n\nmodule "more" {\n  source   = "./modules/service"\n  for_each = toset(huaweicloud_vpc.shop[*].id)\n}\n');
      const r = await cli(['.', '--verbose', '--format', 'json'], dir);
      expect(r.stderr).toContain('lblint: .: skipped huaweicloud_lb_member.extra: count of huaweicloud_lb_member.extra is unknown: var.replicas has no value');
      // The reason names the expression as written (issue 19).
      expect(r.stderr).toContain('lblint: .: skipped module.more: for_each of module.more is unknown: toset(huaweicloud_vpc.shop[*].id) is known only after apply');
      // What the skipped module might add is not taken as absent: the finding of the root stays
      // only where it does not depend on it.
      expect(findingsOf(r.stdout).filter((f) => f.ruleId === 'pool-without-members')).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

// ---------------------------------------------------------------- the guarantee

const PROBE = 'lblint_probe';

/** A literal argument of a resource block (a value that is not an expression). */
function isLiteral(v: unknown): boolean {
  return typeof v === 'number' || typeof v === 'boolean' || (typeof v === 'string' && !v.includes('${') && !v.includes('%{'));
}

interface Site {
  file: number;
  type: string;
  name: string;
  attr: string;
}

function literalSites(files: ParsedFile[]): Site[] {
  const sites: Site[] = [];
  files.forEach((f, i) => {
    if (f.kind !== 'tf') return;
    const resources = (f.json['resource'] ?? {}) as Record<string, Record<string, Record<string, unknown>[]>>;
    for (const [type, named] of Object.entries(resources)) {
      for (const [name, bodies] of Object.entries(named)) {
        for (const [attr, v] of Object.entries(bodies[0] ?? {})) if (isLiteral(v) && attr !== 'count') sites.push({ file: i, type, name, attr });
      }
    }
  });
  return sites;
}

/** The files with one literal replaced by `var.lblint_probe`, a variable without value. */
function withProbe(files: ParsedFile[], site: Site): ParsedFile[] {
  return files.map((f, i) => {
    if (i !== site.file) return f;
    const json = structuredClone(f.json) as Record<string, Record<string, unknown>>;
    const body = (json['resource'] as Record<string, Record<string, Record<string, unknown>[]>>)[site.type]![site.name]![0]!;
    body[site.attr] = `\${var.${PROBE}}`;
    json['variable'] = { ...(json['variable'] ?? {}), [PROBE]: [{}] };
    return { ...f, json };
  });
}

function findingKeys(files: ParsedFile[], roots: string[], ruleSet: readonly Rule[], modules?: ModuleCallTable): Set<string> {
  const keys = new Set<string>();
  for (const root of roots) {
    const evaluated = evaluateRoot(root, files, { vars: [], varFiles: [], env: {}, ...(modules ? { modules } : {}) });
    const model = buildModel(evaluated.resources, evaluated.skipped);
    const result = runRules(model, ruleSet, { severityOverrides: new Map(), strict: false, settings: { healthCheckSources: DEFAULT_HEALTH_CHECK_SOURCES } });
    for (const f of result.findings) keys.add(`${f.ruleId} ${f.address}`);
  }
  return keys;
}

/** Findings that appear only once a literal is made unknown: each one depends on an Unknown. */
async function violations(folder: string, ruleSet: readonly Rule[], maxSites = 40): Promise<string[]> {
  const loaded = await loadPaths(['.'], { cwd: folder });
  const base = findingKeys(loaded.files, loaded.roots, ruleSet, loaded.modules);
  const out: string[] = [];
  const sites = literalSites(loaded.files);
  // Deterministic sample spread over the whole folder.
  const step = Math.max(1, Math.ceil(sites.length / maxSites));
  for (let i = 0; i < sites.length; i += step) {
    const site = sites[i]!;
    for (const key of findingKeys(withProbe(loaded.files, site), loaded.roots, ruleSet, loaded.modules)) {
      if (!base.has(key)) out.push(`${path.relative(TESTDATA, folder)}: ${site.type}.${site.name}.${site.attr} unknown → ${key}`);
    }
  }
  return out;
}

describe('without --strict, no finding depends on an Unknown', () => {
  it('catches a rule that reports on an unknown value (the check can fail)', async () => {
    const careless = defineRule({
      ...(rules.find((r) => r.id === 'member-weight-zero') as Rule),
      check(model, ctx) {
        for (const m of model.pools.flatMap((p) => p.members)) {
          // Wrong on purpose: "not known to be a number" is not "not a number".
          if (m.weight !== undefined && typeof m.weight !== 'number') ctx.report({ message: 'weight is not a number', address: m.address, range: m.resource.block.range });
        }
      },
    });
    const found = await violations(path.join(TESTDATA, 'member-weight-zero', 'fail'), [careless], 1000);
    expect(found.length).toBeGreaterThan(0);
  });

  const folders = [...fixtureFolders(), ...readdirSync(MODULES).map((d) => path.join(MODULES, d))];
  it.each(folders.map((f) => [path.relative(TESTDATA, f), f]))('%s', async (_name, folder) => {
    expect(await violations(folder, rules)).toEqual([]);
  });
});
