// The CLI in one file: `npm run build` runs tsc, then this bundles dist/src/bin.js and everything it
// imports into dist/src/lblint-bundle.cjs, which the package's bin (dist/src/lblint.cjs, from
// src/lblint.cts) runs. Node then loads one file instead of about a hundred modules, about 40 ms of
// the start-up of a run answered from the result cache. The bundle is CommonJS: Node's ES module
// loader costs another 5 to 10 ms (a module job per file, package.json lookups, a scan of each
// CommonJS dependency for its exports). Only lblint's own code is bundled: dependencies stay in
// node_modules, and the worker scripts (dist/src/engine/root-worker.js, dist/src/load/parse-worker.js)
// stay tsc's output, found next to the bundle. tsc's dist/src/bin.js keeps working unbundled.
//
// Then it makes the bundle's V8 code cache (dist/src/lblint-bundle.code-cache) by running the CLI on
// the testdata tree: once to fill a result cache, once answered from it, once on the main thread
// with the text report. Each run starts from the cache of the one before and adds the functions it
// compiled. The first run is not kept: it starts root workers, which set a V8 flag, and V8 rejects a
// code cache made under other flags.
import { build } from 'rolldown';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
const dependencies = Object.keys(pkg.dependencies ?? {});
const dist = path.join(root, 'dist/src');
const codeCache = path.join(dist, 'lblint-bundle.code-cache');

rmSync(codeCache, { force: true });
// The ES module bundle of earlier builds.
rmSync(path.join(dist, 'lblint.js'), { force: true });
await build({
  cwd: root,
  input: path.join(dist, 'bin.js'),
  platform: 'node',
  // node: built-ins and the dependencies (and their subpaths) are loaded from where npm put them.
  external: [/^node:/, ...dependencies.map((d) => new RegExp(`^${d.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}(/|$)`))],
  logLevel: 'warn',
  output: { file: path.join(dist, 'lblint-bundle.cjs'), format: 'cjs', codeSplitting: false },
});

// The bin runs the bundle in a vm.Script (for the code cache), where import() has no loader.
const dynamicImport = /\bimport\(/.exec(readFileSync(path.join(dist, 'lblint-bundle.cjs'), 'utf8'));
if (dynamicImport !== null) throw new Error('bundle: dist/src/lblint-bundle.cjs uses import(), which the bin (src/lblint.cts) cannot run; use require');

const testdata = path.join(root, 'testdata');
if (existsSync(testdata)) {
  const work = mkdtempSync(path.join(tmpdir(), 'lblint-code-cache-'));
  try {
    const cli = (args, mode) => {
      const r = spawnSync(process.execPath, [path.join(dist, 'lblint.cjs'), 'testdata', '--cache-location', path.join(work, 'cache'), '--fail-on', 'never', ...args], {
        cwd: root,
        env: { ...process.env, LBLINT_CODE_CACHE: mode },
        encoding: 'utf8',
      });
      if (r.status !== 0) throw new Error(`lblint ${args.join(' ')} exited with ${r.status}: ${r.stderr}`);
      return r.stderr;
    };
    cli(['--jobs', '2', '--format', 'json', '--output', path.join(work, 'cold.json')], 'off');
    cli(['--jobs', '2', '--format', `json=${path.join(work, 'warm.json')}`, '--format', `sarif=${path.join(work, 'warm.sarif')}`], 'write');
    cli(['--jobs', '1', '--format', 'text', '--output', path.join(work, 'report.txt')], 'write');
    const check = cli(['--version'], 'check');
    if (!check.includes('code cache: used')) console.warn(`bundle: the code cache is not used (${check.trim()})`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
