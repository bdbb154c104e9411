// Runs the real pipeline (load → eval → model → rules) on a testdata folder.
import path from 'node:path';
import { lint, type LintResult } from '../../src/engine/lint.js';
import { rules } from '../../rules/index.js';
import type { Rule } from '../../src/rule.js';
import type { Finding } from '../../src/types.js';

export const ROOT = path.resolve(import.meta.dirname, '../..');
export const TESTDATA = path.join(ROOT, 'testdata');

export interface LintFolderOptions {
  rules?: readonly Rule[];
  strict?: boolean;
  vars?: { name: string; value: string }[];
  env?: Record<string, string | undefined>;
  today?: string;
  inlineIgnores?: boolean;
}

/** Lints `folder` with cwd = `folder`, so paths in findings are relative to it. */
export async function lintFolder(folder: string, options: LintFolderOptions = {}): Promise<LintResult> {
  return lint({
    paths: ['.'],
    cwd: folder,
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
