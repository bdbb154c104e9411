// Runs root jobs on worker threads: each worker loads, evaluates and lints whole roots, so the main
// thread only merges results, and a root's parsed files are released as soon as it is linted.
// Results come back in job order, whichever worker finished first.
import { setFlagsFromString } from 'node:v8';
import { Worker } from 'node:worker_threads';
import { workerBundle, type FoundFile, type ParseCacheStore, type RootJob } from '../load/index.js';
import { runRootJob, type RootJobResult, type RootSetup } from './root-job.js';
import type { FromWorker, RootWorkerData, ToWorker } from './root-worker.js';

/** Young-generation size of a root worker's heap (MB). */
const WORKER_YOUNG_GENERATION_MB = 8;

/**
 * How far (percent) a heap may grow past what survived its last full collection before the next.
 * Left to itself, V8 lets a small heap that collects fast grow up to 4 times its live data: each
 * root worker then held about 90 MB for about 25 MB live, and with the main thread the all-LB bench
 * (10,000 files) peaked at 355 to 400 MB. At 100 (twice the live data) it peaks at about 310 MB, for
 * about 9% more time. V8 reads the flag at each collection, so it also applies to the main thread
 * from when the workers start; a run answered from the result cache starts none and is unaffected.
 */
const HEAP_GROWING_PERCENT = 100;
let heapGrowthLimited = false;

/** Jobs sent ahead to each worker, so it never waits for the main thread. */
const IN_FLIGHT = 2;

export interface RootPoolOptions {
  workers: number;
  setup: RootSetup;
  /**
   * Texts the main thread read, by absolute path: each is handed over to its job (and removed from
   * the map), so that the main thread does not keep the text of every file while the workers run.
   */
  texts: Map<string, string>;
  cacheGet: ParseCacheStore['get'] | undefined;
  onDone?: (done: number, total: number, job: RootJob) => void;
}

/** Whether root workers can run (there is a bundle for them to run). */
export function rootWorkersAvailable(): boolean {
  return workerBundle() !== undefined;
}

/** Runs `jobs` (biggest first) and returns their results in the order of `jobs`. */
export async function runRootJobs(jobs: readonly RootJob[], options: RootPoolOptions): Promise<RootJobResult[]> {
  const results: (RootJobResult | undefined)[] = new Array<RootJobResult | undefined>(jobs.length);
  const order = jobs.map((_, i) => i).sort((a, b) => (jobs[b] as RootJob).weight - (jobs[a] as RootJob).weight || a - b);
  let walkedByDir: Map<string, readonly FoundFile[]> | undefined;
  let done = 0;
  const textsOf = (job: RootJob): [string, string][] => {
    const out: [string, string][] = [];
    for (const f of job.files) {
      const t = options.texts.get(f.abs);
      if (t === undefined) continue;
      out.push([f.abs, t]);
      options.texts.delete(f.abs);
    }
    return out;
  };
  const finish = (i: number, result: RootJobResult): void => {
    results[i] = result;
    done += 1;
    options.onDone?.(done, jobs.length, jobs[i] as RootJob);
  };
  /** A job on the main thread (no worker script, or no worker left). */
  const inline = async (i: number): Promise<void> => {
    const job = jobs[i] as RootJob;
    walkedByDir ??= new Map(options.setup.walkedByDir);
    finish(i, await runRootJob(job, new Map(textsOf(job)), options.setup, walkedByDir, options.cacheGet));
  };

  const script = workerBundle();
  if (script === undefined || options.workers < 1) {
    for (const i of order) await inline(i);
    return results as RootJobResult[];
  }

  if (!heapGrowthLimited) {
    setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
    // The bin (src/lblint.cts) then writes no V8 code cache: V8 rejects one made under other flags.
    (globalThis as Record<symbol, unknown>)[Symbol.for('lblint.v8FlagsChanged')] = true;
    heapGrowthLimited = true;
  }
  const slots: { worker: Worker; pending: Set<number>; dead: boolean }[] = [];
  await new Promise<void>((resolveAll) => {
    const queue = [...order];
    let running = 0;
    const check = (): void => {
      if (done === jobs.length) resolveAll();
    };
    const pump = (): void => {
      for (const slot of slots) {
        while (!slot.dead && slot.pending.size < IN_FLIGHT && queue.length > 0) {
          const i = queue.shift() as number;
          slot.pending.add(i);
          const job = jobs[i] as RootJob;
          slot.worker.postMessage({ type: 'job', id: i, job, texts: textsOf(job) } satisfies ToWorker);
        }
      }
      // No worker left alive: the rest runs here.
      if (slots.every((s) => s.dead) && queue.length > 0) {
        const rest = queue.splice(0);
        running += 1;
        void (async () => {
          for (const i of rest) await inline(i);
          running -= 1;
          check();
        })();
      }
      if (running === 0) check();
    };
    const fail = (slot: (typeof slots)[number]): void => {
      if (slot.dead) return;
      slot.dead = true;
      queue.unshift(...slot.pending);
      slot.pending.clear();
      void slot.worker.terminate();
      pump();
    };
    for (let w = 0; w < Math.min(options.workers, jobs.length); w += 1) {
      // A small young generation: each root's objects die young, and the default lets every worker
      // grow tens of MB of nursery it does not need (peak RSS 380 → 340 MB on the all-LB bench, same time).
      const worker = new Worker(script, { workerData: { lblintWorker: 'root', setup: options.setup } satisfies RootWorkerData, resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB } });
      const slot = { worker, pending: new Set<number>(), dead: false };
      worker.on('message', (msg: FromWorker) => {
        if (msg.type === 'cache-get') {
          void Promise.resolve(options.cacheGet?.(msg.key)).then((entries) => worker.postMessage({ type: 'cache', request: msg.request, entries } satisfies ToWorker));
          return;
        }
        slot.pending.delete(msg.id);
        if (msg.type === 'done') finish(msg.id, msg.result);
        else {
          // An internal error (a bug) in the worker: the job runs again here.
          running += 1;
          void inline(msg.id).then(() => {
            running -= 1;
            check();
          });
        }
        pump();
      });
      worker.on('error', () => fail(slot));
      worker.on('exit', () => fail(slot));
      slots.push(slot);
    }
    pump();
  });
  // The workers hold a Go runtime each: stop them now.
  for (const s of slots) s.dead = true;
  await Promise.all(slots.map((s) => s.worker.terminate()));
  return results as RootJobResult[];
}
