// `npm run dist`: makes the committed dist/ from src/ and the locked dependencies, the same bytes
// from the same sources (a test and .ci/run check that dist/ is what this makes):
//   dist/lblint-bundle.cjs  lblint and every runtime dependency (commander, yaml, ip-num,
//                           @cdktf/hcl2json) in one CommonJS file; entry src/main.ts. It is also
//                           the script of the worker threads.
//   dist/hcl2json.wasm.gz   hcl2json's WebAssembly (its main.wasm.gz, unchanged), read by the
//                           bundle when it first parses HCL.
//   dist/lblint.cjs         the package's bin (src/lblint.cts): runs the bundle with a V8 code cache.
//   dist/action.cjs         the GitHub Action's entry (src/action-entry.cts).
//   dist/THIRD_PARTY_LICENSES.txt  the licences of the bundled packages.
// `node scripts/bundle.mjs <folder>` writes the same files to another folder (the freshness check).
// The script is not named `build` on purpose: npm prepares a git dependency (installing all its
// devDependencies) when package.json has a build, prepare, prepack or install script.
import { build } from 'rolldown';
import { builtinModules } from 'node:module';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.resolve(process.argv[2] ?? path.join(root, 'dist'));
const hcl2json = path.join(root, 'node_modules/@cdktf/hcl2json');

/** Replaces `from` (which must occur exactly once) by `to` in `text`: fails loudly if a dependency update moved it. */
function replaceOnce(text, from, to, where) {
  const at = text.indexOf(from);
  if (at < 0 || text.indexOf(from, at + 1) >= 0) throw new Error(`bundle: expected exactly one ${JSON.stringify(from)} in ${where}; update scripts/bundle.mjs for the new version`);
  return text.slice(0, at) + to + text.slice(at + from.length);
}

/**
 * hcl2json reads its WebAssembly from `<package>/main.wasm.gz`, through fs-extra: in the bundle it
 * reads dist/hcl2json.wasm.gz with node:fs (fs-extra and graceful-fs, which patches node:fs, are
 * then not bundled). src/ loads its lazily required dependencies with createRequire, which a
 * bundler does not follow: in the bundle they are plain require() calls, which it bundles (and
 * still runs only when first called).
 */
const adapt = {
  name: 'lblint-adapt',
  transform(code, id) {
    const file = id.split(path.sep).join('/');
    if (file.endsWith('/@cdktf/hcl2json/lib/bridge.js')) {
      let text = replaceOnce(code, 'const fs = __importStar(require("fs-extra"));', 'const fs = require("node:fs");', file);
      text = replaceOnce(text, 'await fs.readFile((0, path_1.join)(__dirname, "..", "main.wasm.gz"))', 'await fs.promises.readFile((0, path_1.join)(__dirname, "hcl2json.wasm.gz"))', file);
      return { code: text, map: null };
    }
    if (file.includes('/src/') && code.includes('createRequire(import.meta.url)')) {
      let text = replaceOnce(code, 'const require = createRequire(import.meta.url);', '', file);
      text = replaceOnce(text, "import { createRequire } from 'node:module';", '', file);
      return { code: text, map: null };
    }
    return undefined;
  },
};

// Node's built-in modules stay require()s. So does 'performance': Go's wasm_exec.js requires it
// only where globalThis.performance is missing, which Node has had since version 16.
const builtins = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`), 'performance']);
const external = (id) => id.startsWith('node:') || builtins.has(id);

const common = {
  cwd: root,
  platform: 'node',
  logLevel: 'warn',
  resolve: { extensionAlias: { '.js': ['.ts', '.js'] } },
};

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
const bundled = await build({
  ...common,
  input: path.join(root, 'src/main.ts'),
  external,
  plugins: [adapt],
  output: { file: path.join(out, 'lblint-bundle.cjs'), format: 'cjs', codeSplitting: false, comments: { legal: true, annotation: false, jsdoc: false } },
});
for (const [entry, name] of [['src/lblint.cts', 'lblint.cjs'], ['src/action-entry.cts', 'action.cjs']]) {
  await build({
    ...common,
    input: path.join(root, entry),
    external: (id) => external(id) || id === './lblint-bundle.cjs',
    output: { file: path.join(out, name), format: 'cjs', codeSplitting: false },
  });
}
copyFileSync(path.join(hcl2json, 'main.wasm.gz'), path.join(out, 'hcl2json.wasm.gz'));

const code = readFileSync(path.join(out, 'lblint-bundle.cjs'), 'utf8');
// The bin runs the bundle in a vm.Script (for the code cache), where import() has no loader.
if (/\bimport\(/.test(code)) throw new Error('bundle: dist/lblint-bundle.cjs uses import(), which the bin (src/lblint.cts) cannot run; use require');
const required = [...new Set([...code.matchAll(/\brequire\("([^"]+)"\)/g)].map((m) => m[1]))].filter((s) => !builtins.has(s));
if (required.length > 0) throw new Error(`bundle: dist/lblint-bundle.cjs still requires ${required.join(', ')} at run time; bundle it`);
if (code.includes(root)) throw new Error(`bundle: dist/lblint-bundle.cjs contains the build folder ${root}, so it would differ from a build elsewhere`);

// The licences of the packages whose code is in the bundle.
const modules = bundled.output.flatMap((o) => o.moduleIds ?? []);
const packages = new Map();
for (const id of modules) {
  const m = /^(.*[\\/]node_modules[\\/](?:@[^\\/]+[\\/])?[^\\/]+)[\\/]/.exec(id);
  if (m === null) continue;
  const dir = m[1];
  const pkg = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8'));
  const licence = readdirSync(dir).filter((f) => /^(licen[cs]e|copying)/i.test(f)).sort()[0];
  packages.set(pkg.name, { version: pkg.version, license: pkg.license, text: licence ? readFileSync(path.join(dir, licence), 'utf8').trim() : noLicenceFile(pkg) });
}
function noLicenceFile(pkg) {
  const repo = typeof pkg.repository === 'string' ? pkg.repository : [pkg.repository?.url, pkg.repository?.directory].filter(Boolean).join(' ');
  return `The package ships no licence file. Licence: ${pkg.license}${pkg.license === 'MPL-2.0' ? ' (https://mozilla.org/MPL/2.0/)' : ''}. Source: ${repo}.`;
}
const notices = [...packages.keys()].sort().map((name) => {
  const p = packages.get(name);
  return `${name}@${p.version} (${p.license})\n\n${p.text}\n`;
});
writeFileSync(path.join(out, 'THIRD_PARTY_LICENSES.txt'), `Packages bundled into lblint-bundle.cjs and hcl2json.wasm.gz:\n\n${notices.join('\n' + '-'.repeat(72) + '\n\n')}`);
if (!existsSync(path.join(out, 'hcl2json.wasm.gz'))) throw new Error('bundle: no hcl2json.wasm.gz');
