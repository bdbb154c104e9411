// npm run bench: generates Terraform repositories (deterministically, into a temporary folder) and
// measures the lblint CLI (a child process, so the peak RSS is the CLI's, workers included) against
// a plain sequential @cdktf/hcl2json parse of the same files, measured in the same run.
//   BENCH_SIZES=100,1000 npm run bench     (default 100,1000,10000)
//   BENCH_SHAPES=mixed BENCH_JOBS=2 npm run bench
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generate } from './generate.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const sizes = (process.env.BENCH_SIZES ?? '100,1000,10000').split(',').map(Number);
const shapes = (process.env.BENCH_SHAPES ?? 'mixed,all-lb').split(',');
const jobs = process.env.BENCH_JOBS;

const PLAIN = `
import { readFileSync } from 'node:fs';
import { parse } from '@cdktf/hcl2json';
const files = JSON.parse(readFileSync(process.argv[1], 'utf8'));
const t0 = performance.now();
for (const f of files) { try { await parse(f, readFileSync(f, 'utf8')); } catch {} }
console.log(JSON.stringify({ ms: performance.now() - t0, maxRssKB: process.resourceUsage().maxRSS }));
`;

/** The plain sequential hcl2json parse of `files` (the time of the parse loop only). */
function plainParse(listFile) {
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', PLAIN, listFile], { cwd: root, maxBuffer: 64 << 20, encoding: 'utf8' });
  return JSON.parse(out.trim().split('\n').pop());
}

/** One run of the real CLI on `dir` with a cache in `cacheDir`; wall time includes Node's start. */
function cliRun(dir, cacheDir, outFile) {
  const statsFile = path.join(cacheDir, '..', 'stats.json');
  const args = ['--import', path.join(here, 'rss-hook.mjs'), path.join(root, 'dist/lblint.cjs'), '.', '--format', 'json', '--output', outFile, '--fail-on', 'never', '--cache-location', cacheDir];
  if (jobs) args.push('--jobs', jobs);
  const t0 = performance.now();
  const r = spawnSync(process.execPath, args, { cwd: dir, encoding: 'utf8', env: { ...process.env, LBLINT_BENCH_STATS: statsFile } });
  const ms = performance.now() - t0;
  if (r.status !== 0 && r.status !== 2) throw new Error(`lblint failed (${r.status}): ${r.stderr}`);
  const { maxRssKB } = JSON.parse(readFileSync(statsFile, 'utf8'));
  return { ms, maxRssKB, exit: r.status };
}

const rows = [];
const perFile = {};
for (const size of sizes) {
  for (const shape of shapes) {
    const work = mkdtempSync(path.join(tmpdir(), `lblint-bench-${shape}-${size}-`));
    const dir = path.join(work, 'repo');
    const { bytes, paths } = generate(dir, size, shape);
    const list = path.join(work, 'files.json');
    writeFileSync(list, JSON.stringify(paths));
    const plain = plainParse(list);
    const cacheDir = path.join(work, 'cache');
    const cold = cliRun(dir, cacheDir, path.join(work, 'cold.json'));
    const warm = cliRun(dir, cacheDir, path.join(work, 'warm.json'));
    const report = readFileSync(path.join(work, 'cold.json'), 'utf8');
    const same = report === readFileSync(path.join(work, 'warm.json'), 'utf8');
    const parsed = JSON.parse(report);
    perFile[shape] = { ...perFile[shape], [size]: cold.ms / size };
    rows.push({
      shape,
      files: size,
      MB: +(bytes / 1e6).toFixed(1),
      'cold s': +(cold.ms / 1000).toFixed(2),
      'warm-cache s': +(warm.ms / 1000).toFixed(2),
      'warm/cold': `${((100 * warm.ms) / cold.ms).toFixed(0)}%`,
      'files/s': Math.round(size / (cold.ms / 1000)),
      'peak RSS MB': Math.round(Math.max(cold.maxRssKB, warm.maxRssKB) / 1024),
      'plain hcl2json s': +(plain.ms / 1000).toFixed(2),
      'speed-up vs plain': `${(plain.ms / cold.ms).toFixed(2)}x`,
      findings: parsed.findings?.length ?? '?',
      'same output warm': same,
    });
    rmSync(work, { recursive: true, force: true });
    console.error(`done ${shape} ${size}`);
  }
}
console.log(`lblint bench: ${availableParallelism()} CPUs, --jobs ${jobs ?? 'default'}, Node ${process.version}`);
console.table(rows);
for (const [shape, times] of Object.entries(perFile)) {
  if (times[1000] !== undefined && times[10000] !== undefined) {
    console.log(`${shape}: time per file 1,000 → 10,000 files: ${(times[1000]).toFixed(2)} → ${(times[10000]).toFixed(2)} ms (${(100 * (times[10000] / times[1000] - 1)).toFixed(0)}%)`);
  }
}
