// Fuzz worker: lints one folder with the bundled pipeline (dist/lblint-bundle.cjs) and renders every report format,
// so the reporters see the mutated input too. Replies { ok, errors } or { ok: false, threw }.
import { createRequire } from 'node:module';
import { parentPort } from 'node:worker_threads';

const { lint, renderReport, REPORT_FORMATS, rules } = createRequire(import.meta.url)('../../dist/lblint-bundle.cjs');

parentPort.on('message', async ({ dir }) => {
  try {
    const result = await lint({
      paths: ['.'],
      cwd: dir,
      env: {},
      vars: [],
      varFiles: [],
      exclude: [],
      allRules: rules,
      rules,
      severityOverrides: new Map(),
      healthCheckSources: {},
      strict: true,
      inlineIgnores: true,
      today: '2026-11-21',
    });
    const input = {
      findings: result.findings,
      errors: result.errors,
      rules: [...rules],
      sources: new Map(result.files.map((f) => [f.path, result.sourceText(f)])),
      toolVersion: '0.0.0-fuzz',
      color: true,
    };
    for (const format of REPORT_FORMATS) renderReport(format, input);
    parentPort.postMessage({ ok: true, errors: result.errors.map((e) => ({ file: e.file, range: e.range, message: e.message })) });
  } catch (err) {
    parentPort.postMessage({ ok: false, threw: String(err?.stack ?? err) });
  }
});
