// Runs the CLI in-process and reads its JSON report (module, plan, strict and roots tests).
import path from 'node:path';
import { run, type CliIo } from '../../src/cli.js';
import { TESTDATA } from './fixtures.js';

export const MODULES = path.join(TESTDATA, 'modules');

export async function cli(args: string[], cwd: string, env: Record<string, string> = {}) {
  let stdout = '';
  let stderr = '';
  const io: CliIo = { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), env, cwd, stdoutIsTTY: false, today: '2026-11-21' };
  const code = await run(args, io);
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
