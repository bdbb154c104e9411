#!/usr/bin/env node
// The package's bin. It runs the bundled CLI (lblint-bundle.cjs, made by scripts/bundle.mjs) with
// the V8 code cache the build made for it (lblint-bundle.code-cache): Node then does not parse and
// compile the bundle's functions again on every run, about 20 ms of a 300 ms re-run answered from
// the result cache on 10,000 files. The cache starts with the SHA-1 of the bundle it was made from
// (V8 itself only compares lengths); V8 rejects one made by another version or with other flags,
// and the bundle then compiles as usual. The bundle must not use import(): a vm.Script has no
// module loader for it (scripts/bundle.mjs checks). LBLINT_CODE_CACHE=off simply requires it.
// LBLINT_CODE_CACHE=write (the build's training runs only) writes the cache when the run ends.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import vm from 'node:vm';

const bundle = path.join(__dirname, 'lblint-bundle.cjs');
const codeCache = path.join(__dirname, 'lblint-bundle.code-cache');
const HASH_BYTES = 20;

function run(): void {
  const mode = process.env['LBLINT_CODE_CACHE'];
  if (mode === 'off') {
    require(bundle);
    return;
  }
  const source = readFileSync(bundle, 'utf8');
  const hash = createHash('sha1').update(source).digest();
  let cachedData: Buffer | undefined;
  try {
    const stored = readFileSync(codeCache);
    if (stored.subarray(0, HASH_BYTES).equals(hash)) cachedData = stored.subarray(HASH_BYTES);
  } catch {
    cachedData = undefined;
  }
  // The CommonJS wrapper, on the bundle's first line (a #! line becomes a comment of the same length).
  const body = source.startsWith('#!') ? `//${source.slice(2)}` : source;
  const script = new vm.Script(`(function (exports, require, module, __filename, __dirname) {${body}\n})`, { filename: bundle, ...(cachedData ? { cachedData } : {}) });
  if (mode === 'write') process.once('exit', () => writeFileSync(codeCache, Buffer.concat([hash, script.createCachedData()])));
  if (mode === 'check') process.once('exit', () => process.stderr.write(`code cache: ${cachedData === undefined ? 'none' : script.cachedDataRejected === true ? 'rejected' : 'used'}\n`));
  const mod = { exports: {} };
  (script.runInThisContext() as (...args: unknown[]) => void)(mod.exports, createRequire(bundle), mod, bundle, path.dirname(bundle));
}

run();
