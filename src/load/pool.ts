// A pool of parse workers (worker_threads), used when there is enough to parse. Results do not
// depend on which worker parsed a file, so the output is the same for any worker count.
import { Worker } from 'node:worker_threads';
import { workerBundle } from './files.js';
import { parseText, type ParseOutcome, type ParseTask } from './parse-file.js';
import type { ParseWorkerData, WorkerRequest, WorkerResponse } from './parse-worker.js';

/** Tasks sent ahead to each worker, so it never waits for the main thread. */
const IN_FLIGHT = 4;

interface Slot {
  worker: Worker;
  inFlight: number;
  dead: boolean;
}

interface Pending {
  task: ParseTask;
  resolve: (o: ParseOutcome) => void;
  slot?: Slot;
}


export class ParsePool {
  private readonly slots: Slot[] = [];
  private readonly queue: Pending[] = [];
  private readonly pending = new Map<number, Pending>();
  private nextId = 0;

  private constructor(script: URL, size: number) {
    for (let i = 0; i < size; i += 1) {
      const worker = new Worker(script, { workerData: { lblintWorker: 'parse' } satisfies ParseWorkerData });
      const slot: Slot = { worker, inFlight: 0, dead: false };
      worker.on('message', (msg: WorkerResponse) => this.settle(slot, msg));
      worker.on('error', () => this.fail(slot));
      worker.on('exit', () => this.fail(slot));
      this.slots.push(slot);
    }
  }

  /** A pool of `size` workers, or undefined when there is no bundle for workers to run. */
  static create(size: number): ParsePool | undefined {
    const script = workerBundle();
    return script === undefined || size < 1 ? undefined : new ParsePool(script, size);
  }

  get size(): number {
    return this.slots.length;
  }

  run(task: ParseTask): Promise<ParseOutcome> {
    return new Promise((resolve) => {
      this.queue.push({ task, resolve });
      this.pump();
    });
  }

  private pump(): void {
    while (this.queue.length > 0) {
      let best: Slot | undefined;
      for (const s of this.slots) if (!s.dead && s.inFlight < IN_FLIGHT && (best === undefined || s.inFlight < best.inFlight)) best = s;
      if (best === undefined) break;
      const job = this.queue.shift() as Pending;
      const id = this.nextId++;
      job.slot = best;
      best.inFlight += 1;
      this.pending.set(id, job);
      best.worker.postMessage({ id, task: job.task } satisfies WorkerRequest);
    }
    // No worker left alive: parse here.
    if (this.slots.every((s) => s.dead)) {
      for (const job of this.queue.splice(0)) void parseText(job.task).then(job.resolve);
    }
  }

  private settle(slot: Slot, msg: WorkerResponse): void {
    const job = this.pending.get(msg.id);
    if (job === undefined) return;
    this.pending.delete(msg.id);
    slot.inFlight -= 1;
    if (msg.outcome !== undefined) {
      const outcome = JSON.parse(msg.outcome) as ParseOutcome;
      if (outcome.file !== undefined) outcome.file.text = job.task.text;
      if (outcome.fresh !== undefined && (outcome.fresh.json as unknown) === null && outcome.file !== undefined) outcome.fresh.json = outcome.file.json;
      job.resolve(outcome);
    }
    else void parseText(job.task).then(job.resolve);
    this.pump();
  }

  /** A worker died (out of memory, a crash): its tasks run again elsewhere. */
  private fail(slot: Slot): void {
    if (slot.dead) return;
    slot.dead = true;
    for (const [id, job] of this.pending) {
      if (job.slot !== slot) continue;
      this.pending.delete(id);
      this.queue.unshift(job);
    }
    this.pump();
  }

  async close(): Promise<void> {
    const slots = this.slots.splice(0);
    for (const s of slots) s.dead = true;
    await Promise.all(slots.map((s) => s.worker.terminate()));
  }
}
