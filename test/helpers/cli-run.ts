// Runs the CLI in-process (the one harness of every CLI test) and reads its JSON report.
import path from 'node:path';
import { run, type CliIo } from '../../src/cli.js';
import { TESTDATA } from './fixtures.js';

export const MODULES = path.join(TESTDATA, 'modules');

/** `lblint ARGS` in `cwd`: not a terminal, today pinned to 2026-11-21; `io` overrides any of that. */
export async function cli(args: string[], cwd: string, env: Record<string, string> = {}, io: Partial<Omit<CliIo, 'stdout' | 'stderr'>> = {}) {
  let stdout = '';
  let stderr = '';
  const code = await run(args, {
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    env,
    cwd,
    stdoutIsTTY: false,
    today: '2026-11-21',
    ...io,
  });
  return { code, stdout, stderr };
}

export interface JsonFinding {
  ruleId: string;
  severity: string;
  message: string;
  address: string;
  location: { file: string; start: { line: number; column: number } };
  related: { address: string | null; message: string; location: { file: string; start: { line: number } } }[];
}

export function findingsOf(stdout: string): JsonFinding[] {
  return (JSON.parse(stdout) as { findings: JsonFinding[] }).findings;
}

export function errorsOf(stdout: string): { file: string | null; message: string; location: { start: { line: number; column: number } } | null }[] {
  return (JSON.parse(stdout) as { errors: { file: string | null; message: string; location: { start: { line: number; column: number } } | null }[] }).errors;
}
