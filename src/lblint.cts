#!/usr/bin/env node
// The package's bin (dist/lblint.cjs). It runs the bundled CLI (dist/lblint-bundle.cjs) with a V8
// code cache, so that Node does not parse and compile the bundle's functions again on every run
// (about 20 ms of a 300 ms re-run answered from the result cache on 10,000 files).
//
// The code cache is not part of the package: V8 accepts one only from the same V8 version and
// flags, and what it holds depends on what the run that made it compiled, so it is neither
// reproducible byte for byte nor of any use to another Node.js. It is made at the end of the first
// run without a usable one, in the user's cache folder ($LBLINT_CODE_CACHE_DIR, else
// $XDG_CACHE_HOME/lblint or ~/.cache/lblint; ~/Library/Caches/lblint on macOS, %LOCALAPPDATA%\lblint
// on Windows), named after the bundle's SHA-1, the Node.js version and the architecture. The file
// starts with that SHA-1 (V8 itself only compares lengths). A run that changed V8 flags (root
// workers do) writes none: V8 would reject it. Any failure to read or write it is ignored.
// LBLINT_CODE_CACHE=off requires the bundle plainly; =check also says on stderr whether the cache
// was used. The bundle must not use import(): a vm.Script has no module loader for it (the build checks).
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import vm from 'node:vm';

const bundle = path.join(__dirname, 'lblint-bundle.cjs');
const HASH_BYTES = 20;
/** Set by the bundle (src/engine/root-pool.ts) when it changes V8 flags. */
const FLAGS_CHANGED = Symbol.for('lblint.v8FlagsChanged');

function cacheFolder(env: NodeJS.ProcessEnv): string {
  if (env['LBLINT_CODE_CACHE_DIR']) return env['LBLINT_CODE_CACHE_DIR'];
  if (process.platform === 'win32') return path.join(env['LOCALAPPDATA'] || path.join(os.homedir(), 'AppData', 'Local'), 'lblint');
  if (process.platform === 'darwin') return path.join(os.homedir(), 'Library', 'Caches', 'lblint');
  return path.join(env['XDG_CACHE_HOME'] || path.join(os.homedir(), '.cache'), 'lblint');
}

function run(): { exports: { cli(): void } } {
  const mode = process.env['LBLINT_CODE_CACHE'];
  if (mode === 'off') return { exports: require(bundle) as { cli(): void } };
  const source = readFileSync(bundle, 'utf8');
  const hash = createHash('sha1').update(source).digest();
  const file = path.join(cacheFolder(process.env), `${hash.toString('hex')}-node${process.versions.node}-${process.arch}.code-cache`);
  let cachedData: Buffer | undefined;
  try {
    const stored = readFileSync(file);
    if (stored.subarray(0, HASH_BYTES).equals(hash)) cachedData = stored.subarray(HASH_BYTES);
  } catch {
    cachedData = undefined;
  }
  // The CommonJS wrapper, on the bundle's first line (a #! line becomes a comment of the same length).
  const body = source.startsWith('#!') ? `//${source.slice(2)}` : source;
  const script = new vm.Script(`(function (exports, require, module, __filename, __dirname) {${body}\n})`, { filename: bundle, ...(cachedData ? { cachedData } : {}) });
  const used = cachedData !== undefined && script.cachedDataRejected !== true;
  const informational = process.argv.slice(2).some((a) => ['-V', '--version', '-h', '--help'].includes(a));
  process.once('exit', () => {
    if (mode === 'check') process.stderr.write(`code cache: ${cachedData === undefined ? 'none' : used ? 'used' : 'rejected'}\n`);
    if (used || informational || (globalThis as Record<symbol, unknown>)[FLAGS_CHANGED] === true) return;
    try {
      mkdirSync(path.dirname(file), { recursive: true });
      const temp = `${file}.${process.pid}.tmp`;
      writeFileSync(temp, Buffer.concat([hash, script.createCachedData()]));
      renameSync(temp, file);
    } catch {
      // A read-only or missing home: run without a code cache.
    }
  });
  const mod = { exports: {} as { cli(): void } };
  (script.runInThisContext() as (...args: unknown[]) => void)(mod.exports, createRequire(bundle), mod, bundle, path.dirname(bundle));
  return mod;
}

run().exports.cli();
