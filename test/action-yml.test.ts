// action.yml and .pre-commit-hooks.yaml, parsed with the yaml package: no expression inside a
// `run:` script (script injection), nested actions pinned to a full commit SHA, the inputs and
// outputs the README documents, and an entry that exists in src/.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ROOT } from './helpers/fixtures.js';

interface Step {
  name?: string;
  id?: string;
  run?: string;
  uses?: string;
  env?: Record<string, string>;
  with?: Record<string, string>;
}
interface ActionYml {
  inputs: Record<string, { default?: string; description: string }>;
  outputs: Record<string, { value: string }>;
  runs: { using: string; steps: Step[] };
}

const action = parse(readFileSync(path.join(ROOT, 'action.yml'), 'utf8')) as ActionYml;

/** Every string anywhere under `value`, with its path. */
function strings(value: unknown, at = ''): [string, string][] {
  if (typeof value === 'string') return [[at, value]];
  if (Array.isArray(value)) return value.flatMap((v, i) => strings(v, `${at}[${i}]`));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => strings(v, at ? `${at}.${k}` : k));
  return [];
}

describe('action.yml', () => {
  it('has no ${{ }} expression inside any run: script', () => {
    const runs = action.runs.steps.filter((s) => s.run !== undefined);
    expect(runs.length).toBeGreaterThan(0);
    for (const step of runs) expect(step.run, `step "${step.name}"`).not.toContain('${{');
    // Also in any nested structure someone might add later.
    for (const [at, text] of strings(action.runs)) if (/(^|\.)run$/.test(at)) expect(text, at).not.toContain('${{');
  });

  it('pins every nested action to a full commit SHA with the version in a comment', () => {
    const text = readFileSync(path.join(ROOT, 'action.yml'), 'utf8');
    const uses = action.runs.steps.filter((s) => s.uses).map((s) => s.uses!);
    expect(uses).toContain('github/codeql-action/upload-sarif@9e907b5e64f6b83e7804b09294d44122997950d6');
    for (const u of uses) expect(u).toMatch(/^[\w.-]+\/[\w./-]+@[0-9a-f]{40}$/);
    expect(text).toMatch(/# github\/codeql-action v4\.\d+\.\d+\n\s+uses: github\/codeql-action\/upload-sarif@/);
  });

  it('has the inputs and outputs of the contract, with their defaults', () => {
    expect(action.inputs.path?.default).toBe('.');
    expect(action.inputs['fail-on']?.default).toBe('error');
    expect(action.inputs['sarif-file']?.default).toBe('lblint.sarif');
    expect(action.inputs.upload?.default).toBe('true');
    expect(action.inputs.annotate?.default).toBe('true');
    expect(Object.keys(action.inputs)).toEqual(expect.arrayContaining(['config', 'version']));
    expect(Object.keys(action.outputs).sort()).toEqual(['errors', 'findings', 'sarif-file']);
  });

  it('passes every input to the entry through env, as INPUT_<NAME> with hyphens as underscores', () => {
    const lint = action.runs.steps.find((s) => s.id === 'lint')!;
    for (const name of Object.keys(action.inputs)) {
      expect(lint.env?.[`INPUT_${name.toUpperCase().replace(/-/g, '_')}`], name).toBe(`\${{ inputs.${name} }}`);
    }
    expect(lint.run).toBe('node "$GITHUB_ACTION_PATH/dist/src/action-main.js"');
    expect(existsSync(path.join(ROOT, 'src', 'action-main.ts'))).toBe(true);
  });

  it('builds the CLI of its own commit and uploads with a category per path', () => {
    const build = action.runs.steps[0]!;
    expect(build.run).toContain('npm ci');
    expect(build.run).toContain('npm run --silent build');
    expect(build.run).not.toMatch(/npx|npm (i|install) (-g )?lblint|curl|wget/);
    const upload = action.runs.steps.find((s) => s.id === 'upload')!;
    expect(upload.with).toEqual({ sarif_file: '${{ steps.lint.outputs.sarif-file }}', category: '${{ steps.lint.outputs.category }}' });
  });
});

describe('.pre-commit-hooks.yaml', () => {
  it('declares the lblint hook on .tf and .tfvars files, linting folders', () => {
    const hooks = parse(readFileSync(path.join(ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as { id: string; entry: string; language: string; files: string; pass_filenames?: boolean }[];
    const hook = hooks.find((h) => h.id === 'lblint')!;
    expect(hook.language).toBe('node');
    expect(hook.files).toBe('\\.(tf|tfvars)$');
    expect(hook.entry).toBe('lblint --file-folders');
    const files = new RegExp(hook.files);
    expect(['main.tf', 'env/prod.tfvars'].every((f) => files.test(f))).toBe(true);
    expect(files.test('README.md')).toBe(false);
  });
});
