// Runs the real pipeline (load → eval → model → rules) on a testdata folder.
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { lint, type LintOptions, type LintResult } from '../../src/engine/lint.js';
import { rules } from '../../rules/index.js';
import { PROVIDER_FAMILIES, type ProviderFamily, type Rule } from '../../src/rule.js';
import type { Finding } from '../../src/types.js';

export const ROOT = path.resolve(import.meta.dirname, '../..');
export const TESTDATA = path.join(ROOT, 'testdata');

/**
 * One fixture case of a rule: `testdata/<rule>/` holds the Huawei Cloud case (fail/, pass/,
 * expected.json) and `testdata/<rule>/<family>/` the case of every other provider family. A
 * family the rule does not cover may have a pass/ folder only (a trap the rule must stay silent on).
 */
export interface FixtureCase {
  ruleId: string;
  family: ProviderFamily;
  dir: string;
}

export function fixtureCases(ruleId: string): FixtureCase[] {
  const base = path.join(TESTDATA, ruleId);
  const out: FixtureCase[] = [{ ruleId, family: 'huaweicloud', dir: base }];
  for (const family of PROVIDER_FAMILIES) {
    if (family === 'huaweicloud') continue;
    const dir = path.join(base, family);
    if (existsSync(dir)) out.push({ ruleId, family, dir });
  }
  return out;
}

/** Every folder that holds .tf files of a fixture (fail/ and pass/ of every case, and testdata/cli). */
export function fixtureFolders(): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (!entry.isDirectory()) continue;
      const full = path.join(dir, entry.name);
      if (entry.name === 'fail' || entry.name === 'pass') out.push(full);
      else walk(full);
    }
  };
  walk(TESTDATA);
  return out.sort();
}

export interface LintFolderOptions {
  rules?: readonly Rule[];
  strict?: boolean;
  vars?: { name: string; value: string }[];
  env?: Record<string, string | undefined>;
  today?: string;
  inlineIgnores?: boolean;
  /** Paths relative to `folder` (default: the folder itself). */
  paths?: string[];
  jobs?: number;
  selectiveParsing?: boolean;
  rootWorkers?: boolean;
  cache?: { location?: string };
  onProgress?: LintOptions['onProgress'];
}

/** Lints `folder` with cwd = `folder`, so paths in findings are relative to it. */
export async function lintFolder(folder: string, options: LintFolderOptions = {}): Promise<LintResult> {
  return lint({
    paths: options.paths ?? ['.'],
    cwd: folder,
    jobs: options.jobs,
    selectiveParsing: options.selectiveParsing,
    ...(options.rootWorkers === undefined ? {} : { rootWorkers: options.rootWorkers }),
    ...(options.cache === undefined ? {} : { cache: options.cache }),
    ...(options.onProgress === undefined ? {} : { onProgress: options.onProgress }),
    env: options.env ?? {},
    vars: options.vars ?? [],
    varFiles: [],
    exclude: [],
    allRules: rules,
    rules: options.rules ?? rules,
    severityOverrides: new Map(),
    healthCheckSources: {},
    strict: options.strict ?? false,
    inlineIgnores: options.inlineIgnores ?? true,
    today: options.today ?? '2026-11-21',
  });
}

export interface ExpectedFinding {
  ruleId: string;
  severity: string;
  address: string;
  message: string;
  file: string;
  start: { line: number; column: number };
  end: { line: number; column: number };
}

export function toExpected(f: Finding): ExpectedFinding {
  return {
    ruleId: f.ruleId,
    severity: f.severity,
    address: f.address,
    message: f.message,
    file: f.range.file,
    start: f.range.start,
    end: f.range.end,
  };
}

export function sortExpected(list: ExpectedFinding[]): ExpectedFinding[] {
  return [...list].sort(
    (a, b) =>
      a.file.localeCompare(b.file) ||
      a.start.line - b.start.line ||
      a.start.column - b.start.column ||
      a.ruleId.localeCompare(b.ruleId) ||
      a.message.localeCompare(b.message),
  );
}
