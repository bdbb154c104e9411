// Property-based fuzzing of the whole pipeline (load → eval → model → rules → reporters).
// Mutates the testdata files (delete/duplicate/swap characters and lines, insert random bytes or
// HCL punctuation, truncate), lints the mutated folder in a worker thread running the built CLI
// code (dist/), and checks: it never throws, never hangs (a watchdog terminates the worker after
// `timeoutMs`), and every load error about a file carries a range inside that file.
// Used by test/fuzz.test.ts (a few hundred cases in `npm test`) and `npm run fuzz` (long run).
import fc from 'fast-check';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';

const ROOT = path.resolve(import.meta.dirname, '../..');
const TESTDATA = path.join(ROOT, 'testdata');

/** Every fixture root (fail/ and pass/ of every case, projects under testdata/cli and testdata/modules) with its files, read once. */
export function corpus() {
  const folders = [];
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (!entry.isDirectory()) continue;
      const full = path.join(dir, entry.name);
      // A fixture root: fail/ and pass/ of a rule case, or a project under testdata/cli or testdata/modules.
      const project = ['cli', 'modules'].includes(path.basename(dir)) && path.dirname(dir) === TESTDATA;
      if (entry.name === 'fail' || entry.name === 'pass' || project) folders.push(full);
      else walk(full);
    }
  };
  walk(TESTDATA);
  folders.sort();
  return folders.map((folder) => {
    const files = readdirSync(folder, { recursive: true, withFileTypes: true })
      .filter((d) => d.isFile() && /\.(tf|tfvars|tf\.json)$/.test(d.name))
      .map((d) => path.relative(folder, path.join(d.parentPath, d.name)))
      .sort()
      .map((rel) => ({ rel, bytes: readFileSync(path.join(folder, rel)) }));
    return { folder: path.relative(ROOT, folder), files };
  }).filter((f) => f.files.length > 0);
}

const fraction = fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true });
const SNIPPETS = ['{', '}', '"', '${', '%{', '<<EOF\n', '<<-EOT\n', '\nEOF\n', '#', '//', '/*', '*/', '\r\n', '\uFEFF', '=', '[', ']', '(', ')', ',', '.', '\\', '\u001b[31m', '::error::', '\0', 'resource "x" "y" {', 'count = ', 'for_each = ', '[*]', '...', '? :', '-1', '99999999999999999999', '10.0.0.0/33', '"eighty"'];

const mutation = fc.oneof(
  fc.record({ op: fc.constant('deleteChars'), at: fraction, len: fc.integer({ min: 1, max: 40 }) }),
  fc.record({ op: fc.constant('duplicateChars'), at: fraction, len: fc.integer({ min: 1, max: 40 }) }),
  fc.record({ op: fc.constant('swapChars'), at: fraction, to: fraction }),
  fc.record({ op: fc.constant('deleteLine'), at: fraction }),
  fc.record({ op: fc.constant('duplicateLine'), at: fraction }),
  fc.record({ op: fc.constant('swapLines'), at: fraction, to: fraction }),
  fc.record({ op: fc.constant('insertBytes'), at: fraction, bytes: fc.uint8Array({ minLength: 1, maxLength: 12 }) }),
  fc.record({ op: fc.constant('insertText'), at: fraction, text: fc.constantFrom(...SNIPPETS) }),
  fc.record({ op: fc.constant('truncate'), at: fraction }),
);

/** A case: which folder, which file in it, and 1-4 mutations applied in order. */
export const caseArbitrary = fc.record({
  folder: fc.nat(),
  file: fc.nat(),
  mutations: fc.array(mutation, { minLength: 1, maxLength: 4 }),
});

function lineBounds(buf) {
  const starts = [0];
  for (let i = 0; i < buf.length; i++) if (buf[i] === 0x0a) starts.push(i + 1);
  return starts;
}

/** Applies one mutation to a byte buffer (pure). */
export function mutate(buf, m) {
  const at = Math.floor(m.at * (buf.length + 1));
  switch (m.op) {
    case 'deleteChars':
      return Buffer.concat([buf.subarray(0, at), buf.subarray(at + m.len)]);
    case 'duplicateChars':
      return Buffer.concat([buf.subarray(0, at + m.len), buf.subarray(at)]);
    case 'swapChars': {
      if (buf.length < 2) return buf;
      const a = Math.min(at, buf.length - 1);
      const b = Math.floor(m.to * buf.length);
      const out = Buffer.from(buf);
      out[a] = buf[b];
      out[b] = buf[a];
      return out;
    }
    case 'deleteLine':
    case 'duplicateLine':
    case 'swapLines': {
      const starts = lineBounds(buf);
      const line = (i) => buf.subarray(starts[i], starts[i + 1] ?? buf.length);
      const i = Math.floor(m.at * starts.length);
      const parts = starts.map((_, k) => line(k));
      if (m.op === 'deleteLine') parts.splice(i, 1);
      else if (m.op === 'duplicateLine') parts.splice(i, 0, parts[i]);
      else {
        const j = Math.floor(m.to * starts.length);
        [parts[i], parts[j]] = [parts[j], parts[i]];
      }
      return Buffer.concat(parts);
    }
    case 'insertBytes':
      return Buffer.concat([buf.subarray(0, at), Buffer.from(m.bytes), buf.subarray(at)]);
    case 'insertText':
      return Buffer.concat([buf.subarray(0, at), Buffer.from(m.text, 'utf8'), buf.subarray(at)]);
    case 'truncate':
      return buf.subarray(0, at);
    default:
      throw new Error(`unknown mutation ${m.op}`);
  }
}

/** The worker that runs the built pipeline; restarted after a timeout. */
class PipelineWorker {
  constructor() {
    this.start();
  }
  start() {
    this.worker = new Worker(new URL('./worker.mjs', import.meta.url));
    this.worker.unref();
  }
  run(dir, timeoutMs) {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.worker.removeAllListeners();
        void this.worker.terminate();
        this.start();
        resolve({ ok: false, hang: true });
      }, timeoutMs);
      this.worker.once('message', (msg) => {
        clearTimeout(timer);
        this.worker.removeAllListeners('error');
        resolve(msg);
      });
      this.worker.once('error', (err) => {
        clearTimeout(timer);
        this.worker.removeAllListeners('message');
        this.start();
        resolve({ ok: false, threw: String(err?.stack ?? err) });
      });
      this.worker.postMessage({ dir });
    });
  }
  close() {
    return this.worker.terminate();
  }
}

/** What is wrong with one run's result, or undefined. */
function problems(result, files) {
  if (result.hang) return 'the pipeline did not finish in time (hang)';
  if (!result.ok) return `the pipeline threw: ${result.threw}`;
  const lines = new Map(files.map((f) => [f.rel.split(path.sep).join('/'), lineBounds(f.bytes).length]));
  for (const e of result.errors) {
    if (!e.file || !lines.has(e.file)) continue;
    if (!e.range) return `error without a location: ${e.file}: ${e.message}`;
    const max = lines.get(e.file) + 1;
    const { start, end } = e.range;
    const bad = (p) => !Number.isInteger(p.line) || !Number.isInteger(p.column) || p.line < 1 || p.line > max || p.column < 1;
    if (e.range.file !== e.file || bad(start) || bad(end)) return `error located outside ${e.file} (${max - 1} lines): ${JSON.stringify(e.range)} ${e.message}`;
  }
  return undefined;
}

/** A one-paragraph failure message with the counterexample (fast-check's own report). */
export function failureMessage(details) {
  return fc.defaultReportMessage(details) ?? String(details.errorInstance);
}

/**
 * Runs `numRuns` cases. Returns fast-check's run details (failure with seed and path for replay:
 * `FUZZ_SEED=… FUZZ_PATH=… npm run fuzz`).
 */
export async function runFuzz({ numRuns, seed, path: replayPath, timeoutMs = 20_000, log = () => {} }) {
  const folders = corpus();
  const worker = new PipelineWorker();
  const work = mkdtempSync(path.join(tmpdir(), 'lblint-fuzz-'));
  let n = 0;
  try {
    const property = fc.asyncProperty(caseArbitrary, async (c) => {
      const folder = folders[c.folder % folders.length];
      const target = c.file % folder.files.length;
      const files = folder.files.map((f, i) => (i === target ? { rel: f.rel, bytes: c.mutations.reduce(mutate, f.bytes) } : f));
      const dir = path.join(work, `case-${n++}`);
      for (const f of files) {
        mkdirSync(path.dirname(path.join(dir, f.rel)), { recursive: true });
        writeFileSync(path.join(dir, f.rel), f.bytes);
      }
      const result = await worker.run(dir, timeoutMs);
      rmSync(dir, { recursive: true, force: true });
      const problem = problems(result, files);
      if (n % 1000 === 0) log(`${n} cases`);
      if (problem) throw new Error(`${folder.folder}/${folder.files[target].rel}: ${problem}`);
    });
    return await fc.check(property, {
      numRuns,
      ...(seed !== undefined ? { seed } : {}),
      ...(replayPath ? { path: replayPath } : {}),
      endOnFailure: false,
    });
  } finally {
    await worker.close();
    rmSync(work, { recursive: true, force: true });
  }
}
