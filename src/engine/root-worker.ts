// A root worker (worker_threads): runs root jobs for src/engine/root-pool.ts. Each worker has its
// own hcl2json Go runtime and parses inline; cache lookups go to the main thread, which owns the
// cache file. The bundle (src/main.ts) starts it when workerData says so.
import type { MessagePort } from 'node:worker_threads';
import type { FoundFile, ParsedBlocks, RootJob } from '../load/index.js';
import { runRootJob, type RootSetup } from './root-job.js';

export type ToWorker =
  | { type: 'job'; id: number; job: RootJob; texts: [string, string][] }
  | { type: 'cache'; request: number; entries: ParsedBlocks[] | undefined };

export type FromWorker =
  | { type: 'done'; id: number; result: import('./root-job.js').RootJobResult }
  | { type: 'failed'; id: number; message: string }
  | { type: 'cache-get'; request: number; key: string };

export interface RootWorkerData {
  lblintWorker: 'root';
  setup: RootSetup;
}

export function startRootWorker(port: MessagePort, setup: RootSetup): void {
  const walkedByDir = new Map<string, readonly FoundFile[]>(setup.walkedByDir);
  const waiting = new Map<number, (entries: ParsedBlocks[] | undefined) => void>();
  let nextRequest = 0;

  const cacheGet = setup.cache
    ? (key: string): Promise<ParsedBlocks[] | undefined> =>
        new Promise((resolve) => {
          const request = nextRequest++;
          waiting.set(request, resolve);
          port.postMessage({ type: 'cache-get', request, key } satisfies FromWorker);
        })
    : undefined;

  port.on('message', (msg: ToWorker) => {
    if (msg.type === 'cache') {
      const resolve = waiting.get(msg.request);
      waiting.delete(msg.request);
      resolve?.(msg.entries);
      return;
    }
    runRootJob(msg.job, new Map(msg.texts), setup, walkedByDir, cacheGet).then(
      (result) => port.postMessage({ type: 'done', id: msg.id, result } satisfies FromWorker),
      (err: unknown) => port.postMessage({ type: 'failed', id: msg.id, message: err instanceof Error ? err.message : String(err) } satisfies FromWorker),
    );
  });
}
