// The GitHub Action's entry: reads the inputs the way the runner passes them (INPUT_<NAME>
// environment variables), runs the CLI in-process, then writes the SARIF file, the workflow
// annotations, the job summary and the step outputs, and uploads the SARIF file to code scanning.
// Returns the exit code; only src/main.ts sets it on the process.
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { uploadSarif, type UploadOptions } from './action-upload.js';
import { run, type CliIo, type LintOutcome } from './cli.js';
import { FAIL_ON_LEVELS } from './config.js';
import { EXIT_USAGE } from './exit-codes.js';
import { readText } from './load/index.js';
import { appendTextFile, refusedWrite, writeTextFile } from './load/output.js';
import { renderGithub, renderJobSummary, renderSarif } from './report/index.js';
import { formatAnnotation } from './report/github.js';
import { countProblems } from './report/common.js';
import { VERSION } from './version.js';

export interface ActionIo {
  env: Record<string, string | undefined>;
  cwd: string;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** YYYY-MM-DD (tests pin it). */
  today?: string;
  /** How long the SARIF upload waits for GitHub to process it (tests shorten it). */
  uploadWait?: UploadOptions['wait'];
}

export class ActionInputError extends Error {}

/** `core.getInput`: `INPUT_` + the name upper-cased with spaces as `_` (hyphens kept), trimmed. */
export function getInput(env: ActionIo['env'], name: string): string {
  const key = `INPUT_${name.replace(/ /g, '_').toUpperCase()}`;
  // action.yml passes hyphenated inputs as INPUT_FAIL_ON (a name every shell can carry).
  return (env[key] ?? env[key.replace(/-/g, '_')] ?? '').trim();
}

/** `core.getBooleanInput`: only the YAML 1.2 core-schema spellings; empty means the default. */
export function getBooleanInput(env: ActionIo['env'], name: string, fallback: boolean): boolean {
  const value = getInput(env, name);
  if (value === '') return fallback;
  if (['true', 'True', 'TRUE'].includes(value)) return true;
  if (['false', 'False', 'FALSE'].includes(value)) return false;
  throw new ActionInputError(`Input '${name}' must be true or false (true | True | TRUE | false | False | FALSE), got '${value}'.`);
}

/** One path per line (a multi-line `path:` input); default `.`. */
export function inputPaths(env: ActionIo['env']): string[] {
  const paths = getInput(env, 'path')
    .split(/\r?\n/)
    .map((p) => p.trim())
    .filter(Boolean);
  return paths.length ? paths : ['.'];
}

/** A code-scanning category that stays the same from run to run for the same paths: `lblint/infra/prod`. */
export function categoryFor(paths: readonly string[]): string {
  const parts = paths.map((p) => {
    const clean = p.replace(/\\/g, '/').replace(/^(\.\/)+/, '').replace(/\/+$/, '');
    return clean === '' || clean === '.' ? 'root' : clean;
  });
  return `lblint/${[...new Set(parts)].sort().join('+')}`;
}

interface PullRequestEvent {
  pull_request?: { head?: { repo?: { fork?: boolean; full_name?: string } | null }; base?: { repo?: { full_name?: string } } };
}

/**
 * Why the token cannot write security events, when the event says so: a pull request from a
 * fork or from Dependabot gets a read-only GITHUB_TOKEN on `pull_request` events.
 */
export function readOnlyTokenReason(env: ActionIo['env'], event: PullRequestEvent | undefined): string | undefined {
  const name = env.GITHUB_EVENT_NAME ?? '';
  if (!name.startsWith('pull_request') || name === 'pull_request_target') return undefined;
  const pr = event?.pull_request;
  const head = pr?.head?.repo;
  if (head?.fork === true || (head?.full_name && pr?.base?.repo?.full_name && head.full_name !== pr.base.repo.full_name)) return 'this pull request comes from a fork';
  if (env.GITHUB_ACTOR === 'dependabot[bot]') return 'this pull request comes from Dependabot';
  return undefined;
}

/** `$GITHUB_OUTPUT` lines: `name=value`, or a heredoc with a random delimiter for multi-line values. */
export function formatOutput(name: string, value: string): string {
  if (!/[\r\n]/.test(value)) return `${name}=${value}\n`;
  let delimiter: string;
  do delimiter = `ghadelimiter_${randomBytes(12).toString('hex')}`;
  while (value.includes(delimiter));
  return `${name}<<${delimiter}\n${value}\n${delimiter}\n`;
}

function notice(kind: 'notice' | 'warning' | 'error', message: string): string {
  return `${formatAnnotation({ command: kind, title: 'lblint', message })}\n`;
}

async function readEvent(env: ActionIo['env'], cwd: string): Promise<PullRequestEvent | undefined> {
  const file = env.GITHUB_EVENT_PATH;
  if (!file) return undefined;
  const read = await readText(file, cwd);
  if (read.text === undefined) return undefined;
  try {
    return JSON.parse(read.text) as PullRequestEvent;
  } catch {
    return undefined;
  }
}

export async function runAction(io: ActionIo): Promise<number> {
  const startedAt = new Date();
  const outputs: [string, string][] = [];
  const finish = async (code: number): Promise<number> => {
    outputs.push(['exit-code', String(code)]);
    const file = io.env.GITHUB_OUTPUT;
    if (file) {
      const problem = await appendTextFile(file, outputs.map(([n, v]) => formatOutput(n, v)).join(''), io.cwd);
      if (problem) io.stdout(notice('warning', problem));
    }
    return code;
  };

  let paths: string[];
  let upload: boolean;
  let annotate: boolean;
  let keepSuppressed: boolean;
  let failOn: string;
  const sarifFile = getInput(io.env, 'sarif-file') || 'lblint.sarif';
  outputs.push(['sarif-file', sarifFile]);
  try {
    paths = inputPaths(io.env);
    upload = getBooleanInput(io.env, 'upload', true);
    annotate = getBooleanInput(io.env, 'annotate', true);
    keepSuppressed = getBooleanInput(io.env, 'keep-suppressed', false);
    failOn = getInput(io.env, 'fail-on') || 'error';
    if (!(FAIL_ON_LEVELS as readonly string[]).includes(failOn)) throw new ActionInputError(`Input 'fail-on' must be one of ${FAIL_ON_LEVELS.join(', ')}, got '${failOn}'.`);
    // Checked before linting: the SARIF file must not be a Terraform file, a folder or a file lblint did not write.
    const refusal = refusedWrite(sarifFile, io.cwd, 'report');
    if (refusal) throw new ActionInputError(`Input 'sarif-file': ${refusal}.`);
    const wanted = getInput(io.env, 'version').replace(/^v/, '');
    if (wanted !== '' && wanted !== VERSION) {
      throw new ActionInputError(
        `Input 'version' asks for lblint ${wanted}, but this action is lblint ${VERSION}. The action always runs the lblint of its own commit: pin the action (uses: …@<commit or tag>) to the version you want.`,
      );
    }
  } catch (error) {
    if (!(error instanceof ActionInputError)) throw error;
    io.stdout(notice('error', error.message));
    return finish(EXIT_USAGE);
  }
  const category = getInput(io.env, 'category') || categoryFor(paths);
  outputs.push(['category', category]);

  const argv = [...paths, '--format', 'text', '--fail-on', failOn, '--sarif-category', category];
  const config = getInput(io.env, 'config');
  if (config) argv.push('--config', config);
  const baseline = getInput(io.env, 'baseline');
  if (baseline) argv.push('--baseline', baseline);

  // Repository text (paths, addresses, values) is printed in the text report; stop-commands
  // makes the runner ignore any `::command::` in it until we resume with the token.
  const token = randomBytes(16).toString('hex');
  let outcome: LintOutcome | undefined;
  const cliIo: CliIo = {
    stdout: io.stdout,
    stderr: io.stderr,
    env: io.env,
    cwd: io.cwd,
    stdoutIsTTY: false,
    stderrIsTTY: false,
    // Only the job summary draws the topology; skip building it when there is no summary to write.
    topology: Boolean(io.env.GITHUB_STEP_SUMMARY),
    onResult: (o) => {
      outcome = o;
    },
    ...(io.today ? { today: io.today } : {}),
  };
  io.stdout(`::stop-commands::${token}\n`);
  let code: number;
  try {
    code = await run(argv, cliIo);
  } finally {
    io.stdout(`::${token}::\n`);
  }

  if (!outcome) {
    io.stdout(notice('error', 'lblint did not run: see the message above (a bad input, config or path).'));
    outputs.push(['findings', '0'], ['errors', '0'], ['upload', 'false']);
    return finish(code);
  }

  const { reportInput } = outcome;
  const { findings, errors } = reportInput;
  const shown = findings.filter((f) => !f.suppression);
  // `errors`: error-level findings plus files that could not be loaded.
  outputs.push(['findings', String(shown.length)], ['errors', String(countProblems(findings, errors).errors)], ['load-errors', String(errors.length)]);

  // GitHub ignores SARIF suppressions and would show ignored findings as open alerts. The SARIF
  // category came to the CLI as --sarif-category, so reportInput.automationId already holds it.
  // helpUri only where it resolves: this action's own repository at the ref the workflow pinned.
  const actionRepo = io.env.GITHUB_ACTION_REPOSITORY ?? '';
  const actionRef = io.env.GITHUB_ACTION_REF ?? '';
  const docsBase = /^[\w.-]+\/[\w.-]+$/.test(actionRepo) && actionRef !== '' ? `https://github.com/${actionRepo}/blob/${actionRef}/` : reportInput.docsBase;
  const sarifInput = { ...reportInput, color: false, findings: keepSuppressed ? findings : shown, ...(docsBase !== undefined ? { docsBase } : {}) };
  const sarif = renderSarif(sarifInput);
  const problem = await writeTextFile(sarifFile, sarif, io.cwd, 'report');
  if (problem) {
    io.stdout(notice('error', problem));
    outputs.push(['upload', 'false']);
    return finish(EXIT_USAGE);
  }

  const input = { ...reportInput, color: false };
  if (annotate) io.stdout(renderGithub(input));
  const summaryFile = io.env.GITHUB_STEP_SUMMARY;
  if (summaryFile) {
    const summaryProblem = await appendTextFile(summaryFile, renderJobSummary(input), io.cwd);
    if (summaryProblem) io.stdout(notice('warning', summaryProblem));
  }

  let willUpload = upload;
  if (upload) {
    const reason = readOnlyTokenReason(io.env, await readEvent(io.env, io.cwd));
    if (reason) {
      willUpload = false;
      io.stdout(
        notice('notice', `SARIF upload to code scanning skipped: ${reason}, so the token is read-only. The annotations and the job summary show the findings; the SARIF file is ${sarifFile}.`),
      );
    }
  }
  let uploaded = false;
  if (willUpload) {
    const outcome = await uploadSarif({
      env: io.env,
      token: getInput(io.env, 'token'),
      sarif,
      checkoutUri: pathToFileURL(path.resolve(io.cwd)).href,
      startedAt,
      ...(io.uploadWait ? { wait: io.uploadWait } : {}),
    });
    uploaded = outcome.uploaded;
    if (outcome.uploaded) io.stdout(`${outcome.message}\n`);
    if (outcome.warning !== undefined) io.stdout(notice('warning', outcome.warning));
  }
  outputs.push(['upload', String(uploaded)]);
  return finish(code);
}
