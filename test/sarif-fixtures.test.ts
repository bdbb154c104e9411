// The SARIF of every testdata folder passes GitHub's ingestion rules and the SARIF rules
// (sarif-multitool validate --rule-kind "Gh;Sarif"), with zero errors.
import path from 'node:path';
import { expect, it } from 'vitest';
import { rules } from '../rules/index.js';
import { renderReport } from '../src/report/index.js';
import { VERSION } from '../src/version.js';
import { TESTDATA, fixtureFolders, lintFolder } from './helpers/fixtures.js';
import { validateSarifBatch } from './helpers/sarif-validate.js';

it('every fixture folder yields SARIF that validates with zero errors', { timeout: 300_000 }, async () => {
  const folders = fixtureFolders();
  expect(folders.length).toBeGreaterThan(0);
  const texts = new Map<string, string>();
  for (const folder of folders) {
    const result = await lintFolder(folder);
    const sarif = renderReport('sarif', {
      findings: result.findings,
      errors: result.errors,
      rules: [...rules],
      sources: new Map(result.files.map((f) => [f.path, result.sourceText(f)])),
      toolVersion: VERSION,
      color: false,
    });
    texts.set(path.relative(TESTDATA, folder), sarif);
  }
  const errors = await validateSarifBatch(texts);
  const failing = [...errors].filter(([, list]) => list.length > 0);
  expect(failing).toEqual([]);
});
