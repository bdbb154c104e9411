// The result cache's compact form of a root result (src/engine/stored-result.ts): it must give back
// exactly what was kept, and nothing at all for a value of another shape.
import { describe, expect, it } from 'vitest';
import { packRootResult, unpackRootResult } from '../src/engine/stored-result.js';
import type { RootJobResult } from '../src/engine/root-job.js';
import type { Finding, IgnoreDirective, ParsedFile } from '../src/types.js';
import { lintFolder, TESTDATA } from './helpers/fixtures.js';

function rootResult(findings: Finding[], files: ParsedFile[]): RootJobResult {
  return {
    findings,
    verbose: ['a verbose line'],
    unloadedModules: [{ address: 'module.vpc', source: 'terraform-aws-modules/vpc/aws', local: false, range: { file: 'main.tf', start: { line: 2, column: 12 }, end: { line: 2, column: 44 } } }],
    undeclaredVars: [['.', 'vpc_cidr']],
    errors: [],
    files: files.map((f) => ({ ...f, text: '', json: {}, blocks: [], attributes: {} })),
    roots: ['.'],
    moduleDirs: ['/repo/modules/a'],
    reals: ['main.tf', '/repo/main.tf'],
    hclCalls: 0,
    fastParses: 0,
    cacheHits: 0,
    cacheUses: [],
  };
}

describe('stored root results', () => {
  it('give back every finding and file of the testdata tree exactly, through JSON', async () => {
    const tree = await lintFolder(TESTDATA);
    // Findings as a worker sends them: no suppression or fingerprint yet; also with them, in case.
    const raw = tree.findings.map(({ suppression: _s, fingerprint: _f, ...f }) => f);
    expect(raw.some((f) => f.fix !== undefined)).toBe(true);
    expect(raw.some((f) => f.attribute === undefined)).toBe(true);
    const directive = (file: string): IgnoreDirective => ({
      range: { file, start: { line: 1, column: 1 }, end: { line: 1, column: 40 } },
      targetLine: 2,
      rules: ['member-weight-zero'],
      reason: 'draining → soon',
      problems: [],
      covers: { file, start: { line: 2, column: 1 }, end: { line: 9, column: 2 } },
    });
    const files = tree.files.map((f, i) => (i % 3 === 0 ? { ...f, ignores: [...f.ignores, directive(f.path), { ...directive(f.path), covers: undefined, until: '2030-01-01' }] } : f));
    for (const f of files) for (const d of f.ignores) if (d.covers === undefined) delete d.covers;
    for (const findings of [raw, tree.findings]) {
      const original = rootResult(findings, files);
      const stored = JSON.parse(JSON.stringify(packRootResult(original))) as unknown;
      expect(unpackRootResult(stored)).toEqual(original);
      // Smaller than the result itself.
      expect(JSON.stringify(stored).length).toBeLessThan(JSON.stringify(original).length * 0.8);
    }
  });

  it('keep a folder that is not the path\'s own', () => {
    const file: ParsedFile = { path: '../elsewhere/main.tf', dir: 'odd', kind: 'tf', text: '', json: {}, blocks: [], attributes: {}, ignores: [] };
    const original = rootResult([], [file]);
    expect(unpackRootResult(JSON.parse(JSON.stringify(packRootResult(original))))).toEqual(original);
    const top: ParsedFile = { ...file, path: 'main.tf', dir: '.' };
    expect(packRootResult(rootResult([], [top])).files).toEqual({ paths: ['main.tf'], kinds: [0], ignores: [], dirs: [] });
  });

  it('are nothing when the stored value has another shape', () => {
    const range = ['main.tf', 1, 1, 1, 2];
    const finding = { ruleId: 'r', severity: 'error', message: 'm', address: 'a.b', range, related: [], trace: [] };
    const files = { paths: ['main.tf'], kinds: [0], ignores: [], dirs: [] };
    const good = { findings: [finding], verbose: [], unloadedModules: [], undeclaredVars: [], errors: [], files, roots: ['.'], moduleDirs: [], reals: [] };
    expect(unpackRootResult(good)?.findings[0]?.range).toEqual({ file: 'main.tf', start: { line: 1, column: 1 }, end: { line: 1, column: 2 } });
    const bad: unknown[] = [
      null,
      'x',
      [],
      { ...good, findings: 'x' },
      { ...good, roots: undefined },
      { ...good, findings: [{ ...finding, range: { file: 'main.tf', start: { line: 1, column: 1 }, end: { line: 1, column: 2 } } }] },
      { ...good, findings: [{ ...finding, range: ['main.tf', 1, 1, 1] }] },
      { ...good, findings: [{ ...finding, range: [1, 1, 1, 1, 2] }] },
      { ...good, findings: [{ ...finding, ruleId: 3 }] },
      { ...good, findings: [{ ...finding, related: [{ range, message: 5 }] }] },
      { ...good, findings: [{ ...finding, fix: { description: 'd', insertText: 'x', after: 'nowhere' } }] },
      { ...good, files: [['main.tf', 'tf', []]] },
      { ...good, files: { ...files, kinds: [7] } },
      { ...good, files: { ...files, kinds: [] } },
      { ...good, files: { ...files, paths: [3] } },
      { ...good, files: { ...files, ignores: undefined } },
      { ...good, files: { ...files, ignores: [[0, [{ targetLine: 2, rules: [], problems: [], range: 'x' }]]] } },
      { ...good, files: { ...files, ignores: [[1, []]] } },
      { ...good, files: { ...files, dirs: [[0, 7]] } },
      { ...good, reals: ['main.tf'] },
    ];
    for (const v of bad) expect(unpackRootResult(v)).toBeUndefined();
  });
});
