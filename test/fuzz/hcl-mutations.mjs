// Mutational differential testing of the fast HCL path (src/load/fast-hcl.ts) against hcl2json:
// real blocks and files with one to three random edits (deletions, insertions of HCL punctuation,
// copied fragments). Whenever the fast path answers, hcl2json must give exactly the same JSON
// (an error from hcl2json where the fast path answered is a failure). Used by
// test/load.fast-hcl.test.ts (short, fixed seed) and `npm run fuzz:hcl` (long).

import { readdirSync } from 'node:fs';
import path from 'node:path';

const PIECES = ['{', '}', '[', ']', '(', ')', '"', ',', '=', '\n', ' ', '#', '.', ':', '?', '$', '${', '%{', '\\', '-', '!', '*', '/', '<', '>', '&', '|', 'a', '1', 'for ', ' in ', '...', '=>', '~', '\t', '\r', '/*', '*/', '//', '.*', '[*]', '<<EOF\n', '$${', 'é'];

/** The `.tf` files under `dir`, sorted. */
export function tfFiles(dir, out = []) {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) tfFiles(p, out);
    else if (e.name.endsWith('.tf')) out.push(p);
  }
  return out.sort();
}

/** What to mutate: each text whole, and each of its top-level blocks alone. */
export function samplesOf(texts, splitTopLevel) {
  const samples = [];
  for (const text of texts) {
    samples.push(text);
    const split = splitTopLevel(text);
    if (split !== 'parse' && split !== 'scan') for (const s of split) samples.push(text.slice(s.start, s.end));
  }
  return samples;
}

/** A small deterministic generator (LCG), so a failure replays from its seed. */
export function random(seed) {
  let s = seed >>> 0 || 1;
  return () => {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    return s / 2 ** 32;
  };
}

export function mutate(text, rnd) {
  let t = text;
  const edits = 1 + Math.floor(rnd() * 3);
  for (let e = 0; e < edits; e += 1) {
    const at = Math.floor(rnd() * (t.length + 1));
    const op = rnd();
    if (op < 0.4) t = t.slice(0, at) + t.slice(at + 1 + Math.floor(rnd() * 3));
    else if (op < 0.8) t = t.slice(0, at) + PIECES[Math.floor(rnd() * PIECES.length)] + t.slice(at);
    else {
      const from = Math.floor(rnd() * t.length);
      t = t.slice(0, at) + t.slice(from, from + 1 + Math.floor(rnd() * 8)) + t.slice(at);
    }
  }
  return t;
}

/**
 * Runs `runs` mutations of `samples` (texts of whole files or of single blocks). `lib` gives
 * convertBlocks, splitTopLevel and parseHcl. Returns counts and the first failures.
 */
export async function runMutations({ samples, runs, seed, lib }) {
  const rnd = random(seed);
  const failures = [];
  let tried = 0;
  let answered = 0;
  for (let k = 0; k < runs; k += 1) {
    const text = mutate(samples[Math.floor(rnd() * samples.length)], rnd);
    const split = lib.splitTopLevel(text);
    if (split === 'parse' || split === 'scan') continue;
    tried += 1;
    const mine = lib.convertBlocks(text, split, true);
    if (mine === undefined) continue;
    answered += 1;
    const ref = await lib.parseHcl('t.tf', text);
    const expected = ref.ok ? JSON.stringify(ref.json) : `hcl2json error: ${ref.errors[0]?.message}`;
    if (expected !== JSON.stringify(mine)) failures.push({ run: k, text, expected, actual: JSON.stringify(mine) });
    if (failures.length >= 5) break;
  }
  return { tried, answered, failures };
}
