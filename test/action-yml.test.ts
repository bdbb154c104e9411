// action.yml and .pre-commit-hooks.yaml, parsed with the yaml package: a JavaScript action on the
// node24 runtime whose entry is the committed bundle (no npm, no step that could run a shell), the
// inputs and outputs the README documents, each input read by the entry.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ROOT } from './helpers/fixtures.js';

interface ActionYml {
  inputs: Record<string, { default?: string; description: string }>;
  outputs: Record<string, { description: string; value?: string }>;
  runs: Record<string, unknown>;
}

const action = parse(readFileSync(path.join(ROOT, 'action.yml'), 'utf8')) as ActionYml;

describe('action.yml', () => {
  it('is a JavaScript action on node24 that runs the committed bundle: no npm, no build, no nested step', () => {
    expect(action.runs).toEqual({ using: 'node24', main: 'dist/action.cjs' });
    expect(existsSync(path.join(ROOT, 'dist', 'action.cjs'))).toBe(true);
    expect(readFileSync(path.join(ROOT, 'dist', 'action.cjs'), 'utf8')).toContain('require("./lblint-bundle.cjs").action()');
  });

  it('has the inputs and outputs of the contract, with their defaults', () => {
    expect(action.inputs.path?.default).toBe('.');
    expect(action.inputs['fail-on']?.default).toBe('error');
    expect(action.inputs['sarif-file']?.default).toBe('lblint.sarif');
    expect(action.inputs.upload?.default).toBe('true');
    expect(action.inputs.annotate?.default).toBe('true');
    expect(action.inputs.token?.default).toBe('${{ github.token }}');
    expect(Object.keys(action.inputs)).toEqual(expect.arrayContaining(['config', 'version', 'category', 'baseline', 'keep-suppressed']));
    expect(Object.keys(action.outputs).sort()).toEqual(['errors', 'findings', 'sarif-file']);
    // A JavaScript action's outputs are what the entry writes to $GITHUB_OUTPUT: no `value:` mapping.
    for (const output of Object.values(action.outputs)) expect(output.value).toBeUndefined();
  });

  it('has every input read by the entry (src/action.ts), which the runner passes as INPUT_<NAME>', () => {
    const entry = readFileSync(path.join(ROOT, 'src', 'action.ts'), 'utf8');
    for (const name of Object.keys(action.inputs)) expect(entry, name).toMatch(new RegExp(`Input\\((io\\.)?env, '${name}'`));
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
