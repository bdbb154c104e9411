// The CLI in one file: `npm run build` runs tsc, then this bundles dist/src/bin.js and everything it
// imports into dist/src/lblint.cjs (the package's `bin`). Node then loads one file instead of about
// a hundred, which is most of the start-up of a run answered from the result cache (about 40 ms of
// 350 on 10,000 files). The bundle is CommonJS: Node's ES module loader costs another 5 to 10 ms
// on start-up (a module job per file, package.json lookups, and a scan of each CommonJS dependency
// for its exports). Only lblint's own code is bundled: dependencies stay in node_modules, and the
// worker scripts (dist/src/engine/root-worker.js, dist/src/load/parse-worker.js) stay tsc's output,
// found next to the bundle. tsc's dist/src/bin.js keeps working unbundled.
import { build } from 'rolldown';
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
const dependencies = Object.keys(pkg.dependencies ?? {});

await build({
  cwd: root,
  input: path.join(root, 'dist/src/bin.js'),
  platform: 'node',
  // node: built-ins and the dependencies (and their subpaths) are loaded from where npm put them.
  external: [/^node:/, ...dependencies.map((d) => new RegExp(`^${d.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}(/|$)`))],
  logLevel: 'warn',
  output: { file: path.join(root, 'dist/src/lblint.cjs'), format: 'cjs', codeSplitting: false },
});
// The ES module bundle of earlier builds.
rmSync(path.join(root, 'dist/src/lblint.js'), { force: true });
