// The entry of the bundle (dist/lblint-bundle.cjs, made by `npm run dist`): the CLI's startup
// (the package's bin, dist/lblint.cjs, calls cli()), the GitHub Action's (dist/action.cjs calls
// action()) and, on a worker thread, the parse or root worker that workerData names. cli() and
// action() are the only places that set the process exit code. No top-level await: the bundle is
// a CommonJS file.
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { runAction } from './action.js';
import { run } from './cli.js';
import { startRootWorker, type RootWorkerData } from './engine/root-worker.js';
import { startParseWorker, type ParseWorkerData } from './load/parse-worker.js';

/**
 * A reader that goes away (`lblint … | head`) closes the pipe: the rest of the report has nowhere
 * to go, so it is dropped and the run ends with its own exit code, instead of an EPIPE stack trace.
 */
function endQuietlyOnClosedPipe(stream: NodeJS.WriteStream): void {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
  });
}

export function cli(): void {
  endQuietlyOnClosedPipe(process.stdout);
  endQuietlyOnClosedPipe(process.stderr);
  void run(process.argv.slice(2), {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    env: process.env,
    cwd: process.cwd(),
    stdoutIsTTY: process.stdout.isTTY === true,
    stderrIsTTY: process.stderr.isTTY === true,
    stdio: { input: process.stdin, output: process.stdout },
  }).then((code) => {
    process.exitCode = code;
  });
}

export function action(): void {
  void runAction({
    env: process.env,
    cwd: process.env.GITHUB_WORKSPACE || process.cwd(),
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
  }).then((code) => {
    process.exitCode = code;
  });
}

const role = (workerData as Partial<RootWorkerData | ParseWorkerData> | null)?.lblintWorker;
if (!isMainThread && parentPort !== null) {
  if (role === 'root') startRootWorker(parentPort, (workerData as RootWorkerData).setup);
  else if (role === 'parse') startParseWorker(parentPort);
}

// For the fuzzers (test/fuzz/worker.mjs, scripts/fuzz-hcl.mjs), which run the bundle's pipeline.
export { lint } from './engine/lint.js';
export { convertBlocks } from './load/fast-hcl.js';
export { parseHcl } from './load/hcl.js';
export { splitTopLevel } from './load/select.js';
export { renderReport, REPORT_FORMATS } from './report/index.js';
export { rules } from '../rules/index.js';
