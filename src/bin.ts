#!/usr/bin/env node
// Entry point: the only place that sets the process exit code.
import { run } from './cli.js';

// No top-level await: the bundled CLI (scripts/bundle.mjs) is a CommonJS file.
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
