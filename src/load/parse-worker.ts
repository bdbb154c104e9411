// A parse worker (worker_threads): runs parseText for the loader's pool. Each worker has its own
// hcl2json Go runtime; tasks carry the file text, so a worker never touches the disk. The bundle
// (src/main.ts) starts it when workerData says so.
import type { MessagePort } from 'node:worker_threads';
import { parseText, type ParseOutcome, type ParseTask } from './parse-file.js';

export interface WorkerRequest {
  id: number;
  task: ParseTask;
}

export interface WorkerResponse {
  id: number;
  /**
   * The ParseOutcome as JSON text, without the file text (the main thread has it) and without
   * `fresh.json` (the same object as `file.json`): JSON.parse on the main thread is much cheaper
   * than structured-clone deserialization of many small objects.
   */
  outcome?: string;
  /** An internal error (a bug): the loader parses the file on the main thread instead. */
  failure?: string;
}

export interface ParseWorkerData {
  lblintWorker: 'parse';
}

export function startParseWorker(port: MessagePort): void {
  port.on('message', (request: WorkerRequest) => {
    parseText(request.task).then(
      (outcome) => {
        if (outcome.file !== undefined) outcome.file.text = '';
        const fresh = outcome.fresh;
        const shared = fresh !== undefined && outcome.file !== undefined && fresh.json === outcome.file.json;
        const payload = shared ? { ...outcome, fresh: { parsed: fresh.parsed, json: null } } : outcome;
        port.postMessage({ id: request.id, outcome: JSON.stringify(payload) } satisfies WorkerResponse);
      },
      (err: unknown) => port.postMessage({ id: request.id, failure: err instanceof Error ? err.message : String(err) } satisfies WorkerResponse),
    );
  });
}
