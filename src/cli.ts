// Command-line interface: parses options, runs the pipeline, renders reports and returns the
// exit code. Only src/main.ts sets process.exitCode.
import path from 'node:path';
import { Command, CommanderError, Option } from 'commander';
import { CONFIG_FILE_NAMES, ConfigError, didYouMean, FAIL_ON_LEVELS, INIT_CONFIG, INIT_CONFIG_YAML, SEVERITIES, parseConfig, type Config, type FailOn } from './config.js';
import { BaselineError, DEFAULT_BASELINE_FILE, buildBaseline, parseBaseline } from './baseline.js';
import { createProgress } from './progress.js';
import { findingFingerprint } from './fingerprint.js';
import { lint } from './engine/lint.js';
import { UNUSED_IGNORE_RULE } from './engine/ignores.js';
import { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE } from './exit-codes.js';
import { DEFAULT_CACHE_LOCATION, readText, refusedCacheLocation, type LoadStats } from './load/index.js';
import { configSearchStart, findConfigFiles, folderOfPath, isLintTarget, refusedWrite, writeTextFile } from './load/output.js';
import { LOAD_ERROR_RULE_ID, REPORT_FORMATS, escapeLine, renderReportChunks, type ReportFormat, type ReportInput } from './report/index.js';
import { plural, severityRank } from './report/common.js';
import { rules as allRules } from '../rules/index.js';
import type { Rule } from './rule.js';
import { PROVIDER_FAMILIES, type Finding, type Severity, type UnloadedModuleCall } from './types.js';
import { VERSION, packageDocsBase } from './version.js';
import { ruleDocsUrl } from './rule.js';
import { startLanguageServer, type FolderLint } from './lsp/server.js';

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: Record<string, string | undefined>;
  cwd: string;
  stdoutIsTTY: boolean;
  /** stderr is a terminal: the progress line is shown only then. */
  stderrIsTTY?: boolean;
  /** YYYY-MM-DD (tests pin it). */
  today?: string;
  /** Milliseconds before the progress line appears (default 2000; tests pin it). */
  progressDelayMs?: number;
  /** Attach the load-balancer topology to findings (the Action's job summary draws it). */
  topology?: boolean;
  /** In-process callers (the GitHub Action) receive the outcome of a lint run. */
  onResult?: (outcome: LintOutcome) => void;
  /** The process's standard streams, for `lblint lsp` (JSON-RPC over stdio). */
  stdio?: { input: NodeJS.ReadableStream; output: NodeJS.WritableStream };
}

/** What one lint run produced, for in-process callers (src/action.ts). */
export interface LintOutcome {
  /** The input every reporter takes (findings after --baseline). */
  reportInput: Omit<ReportInput, 'color'>;
}

class UsageError extends Error {}

type RepeatableFlag = 'format' | 'var' | 'varFile' | 'rule' | 'disableRule' | 'severity';

interface LintFlags {
  format: string[];
  output?: string;
  config?: string;
  var: string[];
  varFile: string[];
  rule: string[];
  disableRule: string[];
  severity: string[];
  failOn?: string;
  strict?: boolean;
  verbose?: boolean;
  plan?: string;
  color: boolean;
  quiet?: boolean;
  inlineIgnores: boolean;
  debug?: boolean;
  jobs?: string;
  cache?: boolean;
  cacheLocation?: string;
  baseline?: string;
  writeBaseline?: string | boolean;
  fileFolders?: boolean;
  sarifCategory?: string;
}

const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

/**
 * `--write-baseline PATH` where PATH is a Terraform file or a folder: commander would take PATH as
 * the baseline file (and write over it); it is a path to lint, so it goes back among the paths.
 * `--write-baseline=FILE` always names the file.
 */
function reclaimLintPath(argv: readonly string[], cwd: string): string[] {
  const out = [...argv];
  const reclaimed: string[] = [];
  for (let i = 0; i < out.length; i++) {
    if (out[i] === '--') break;
    const next = out[i + 1];
    if (out[i] !== '--write-baseline' || next === undefined || next.startsWith('-') || !isLintTarget(next, cwd)) continue;
    reclaimed.push(next);
    out.splice(i + 1, 1);
  }
  if (reclaimed.length === 0) return out;
  return out.includes('--') ? [...out, ...reclaimed] : [...out, '--', ...reclaimed];
}

export async function run(rawArgv: string[], io: CliIo): Promise<number> {
  const argv = reclaimLintPath(rawArgv, io.cwd);
  let exitCode = EXIT_OK;
  const program = new Command();
  program
    .name('lblint')
    .description('Lint Terraform load-balancer configurations (Huawei Cloud, Open Telekom Cloud, FlexibleEngine, Alibaba Cloud).')
    .version(VERSION, '-V, --version')
    // No commander default: without paths, --plan lints the plan file's folder (see lintCommand).
    .argument('[paths...]', 'files or folders to lint (default: .)')
    .addOption(new Option('-f, --format <format>', `output format, optionally to a file: ${REPORT_FORMATS.join('|')}[=FILE] (repeatable)`).argParser(collect))
    .option('-o, --output <file>', 'write the (single) report to FILE instead of stdout')
    .option('-c, --config <file>', 'config file (default: .lblint.json found upward)')
    .addOption(new Option('--var <name=value>', 'set a variable (repeatable)').argParser(collect))
    .addOption(new Option('--var-file <file>', 'read variables from a .tfvars file (repeatable)').argParser(collect))
    .addOption(new Option('--rule <id>', 'run only this rule (repeatable)').argParser(collect))
    .addOption(new Option('--disable-rule <id>', 'do not run this rule (repeatable)').argParser(collect))
    .addOption(new Option('--severity <id=level>', 'change the severity of a rule: error|warning|note (repeatable)').argParser(collect))
    .option('--fail-on <level>', `exit 1 when a finding at or above this level remains: ${FAIL_ON_LEVELS.join('|')} (default: error)`)
    .option('--strict', 'report verdicts that depend on unknown values as notes')
    .option('--verbose', 'print skipped resources and unknown values on stderr')
    .option('--plan <file>', 'lint the planned values of `terraform show -json tfplan` output; findings point at the .tf files of the folder given as path (default: the folder of FILE)')
    .option('--no-color', 'never colour the text output')
    .option('--quiet', 'report errors only')
    .option('--no-inline-ignores', 'ignore `# lblint-ignore` comments (for audits)')
    .option('--baseline <file>', 'report only findings whose fingerprint is not in this baseline file')
    .option('--write-baseline [file]', `write the fingerprints of the current findings to FILE (default: ${DEFAULT_BASELINE_FILE})`)
    .option('--file-folders', 'lint the folder of each file argument, each folder once (for pre-commit)')
    .option('--sarif-category <id>', 'SARIF automationDetails.id, one per linted path in code scanning (default: lblint/)')
    .option('--jobs <n>', 'parse worker threads (default: the number of CPUs; 1 parses on the main thread)')
    .option('--cache', `keep parse results in ${DEFAULT_CACHE_LOCATION}/ so unchanged files are not parsed again`)
    .option('--cache-location <path>', `folder of the parse cache (default: ${DEFAULT_CACHE_LOCATION}); implies --cache`)
    .option('--debug', 'print stack traces of internal errors')
    // `lblint init --format yml`: options after a subcommand belong to it, not to the lint command.
    .enablePositionalOptions()
    .showHelpAfterError('(run lblint --help for usage)')
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr });

  // The repeatable options have no commander default, which its help would print as "(default: [])".
  program.action(async (paths: string[], given: Partial<LintFlags> & Omit<LintFlags, RepeatableFlag>) => {
    const flags: LintFlags = { ...given, format: given.format ?? [], var: given.var ?? [], varFile: given.varFile ?? [], rule: given.rule ?? [], disableRule: given.disableRule ?? [], severity: given.severity ?? [] };
    exitCode = await lintCommand(paths, flags, io);
  });

  program
    .command('rules')
    .description('list the rules')
    .action(() => {
      io.stdout(rulesTable());
    });

  program
    .command('explain')
    .description('explain a rule: why, fix, examples')
    .argument('<rule-id>')
    .action((id: string) => {
      const rule = allRules.find((r) => r.id === id);
      if (!rule) throw new UsageError(`Unknown rule '${id}'. Run 'lblint rules' for the list.`);
      io.stdout(explain(rule, packageDocsBase()));
    });

  program
    .command('lsp')
    .description('run a Language Server Protocol server on stdin/stdout (for editors)')
    .option('-c, --config <file>', 'config file (default: .lblint.json found upward from each linted folder)')
    .option('--strict', 'report verdicts that depend on unknown values as notes')
    .option('--stdio', 'accepted for editors that pass it; stdio is the only transport')
    .action((options: { config?: string; strict?: boolean }) => {
      if (!io.stdio) throw new UsageError('lsp: no standard input/output to talk to an editor on.');
      startLanguageServer({
        ...io.stdio,
        rules: [...allRules, unusedIgnoreMeta],
        version: VERSION,
        ...(packageDocsBase() !== undefined ? { docsBase: packageDocsBase()! } : {}),
        lintFolder: (folder, overlays) => lintForEditor(folder, overlays, options, io),
      });
    });

  program
    .command('init')
    .description('write a commented .lblint.json (or --format yml: .lblint.yml) in the current folder')
    .option('--format <format>', 'json or yml', 'json')
    .action(async (options: { format: string }) => {
      const yaml = options.format === 'yml' || options.format === 'yaml';
      if (!yaml && options.format !== 'json') throw new UsageError(`Unknown init format '${options.format}'. Expected one of: json, yml.`);
      const file = yaml ? '.lblint.yml' : '.lblint.json';
      // Two configs in one folder make every later run fail: refuse while another one is here.
      const existing = (await findConfigFiles(io.cwd, CONFIG_FILE_NAMES)).filter((f) => path.dirname(f) === path.resolve(io.cwd));
      if (existing.length > 0) throw new UsageError(`init: '${path.basename(existing[0]!)}' already exists in this folder; lblint does not overwrite it or write a second config beside it`);
      const problem = await writeTextFile(file, yaml ? INIT_CONFIG_YAML : INIT_CONFIG, io.cwd, 'config');
      if (problem) throw new UsageError(problem);
      io.stdout(`Wrote ${file}\n`);
    });

  try {
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 ? EXIT_OK : EXIT_USAGE;
    }
    if (error instanceof UsageError || error instanceof ConfigError || error instanceof BaselineError) {
      io.stderr(`lblint: ${error.message}\n`);
      return EXIT_USAGE;
    }
    const debug = argv.includes('--debug');
    io.stderr(`lblint: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
    if (debug && error instanceof Error && error.stack) io.stderr(`${error.stack}\n`);
    else io.stderr('Run again with --debug for details, and please report it.\n');
    return EXIT_USAGE;
  }
}

function parseFormats(flags: LintFlags): { format: ReportFormat; file?: string }[] {
  const specs = flags.format.length ? flags.format : ['text'];
  const out = specs.map((spec) => {
    const eq = spec.indexOf('=');
    const name = (eq >= 0 ? spec.slice(0, eq) : spec).trim();
    const file = eq >= 0 ? spec.slice(eq + 1) : undefined;
    if (!(REPORT_FORMATS as readonly string[]).includes(name)) {
      throw new UsageError(`Unknown format '${name}'. Expected one of: ${REPORT_FORMATS.join(', ')}.`);
    }
    if (file === '') throw new UsageError(`--format ${name}= needs a file name.`);
    return { format: name as ReportFormat, ...(file ? { file } : {}) };
  });
  if (flags.output) {
    const toStdout = out.filter((o) => !o.file);
    if (toStdout.length !== 1) throw new UsageError('--output needs exactly one --format without =FILE.');
    toStdout[0]!.file = flags.output;
  }
  return out;
}

function parseVars(specs: string[]): { name: string; value: string }[] {
  return specs.map((spec) => {
    const eq = spec.indexOf('=');
    const name = eq > 0 ? spec.slice(0, eq).trim() : '';
    if (!/^[A-Za-z_][A-Za-z0-9_-]*$/.test(name)) throw new UsageError(`Bad --var '${spec}'. Expected NAME=VALUE, e.g. --var vpc_cidr=10.0.0.0/16.`);
    return { name, value: spec.slice(eq + 1) };
  });
}

function checkRuleId(id: string, option: string): void {
  if (!allRules.some((r) => r.id === id)) throw new UsageError(`${option}: unknown rule '${id}'.${didYouMean(id, allRules.map((r) => r.id))} Run 'lblint rules' for the list.`);
}

/** The text of a file named by an option; a usage error when it cannot be read. */
async function readOptionFile(file: string, what: string, cwd: string): Promise<string> {
  const read = await readText(file, cwd);
  if (read.error || read.text === undefined) throw new UsageError(`${what}: ${read.error?.message ?? `cannot read '${file}'`}`);
  return read.text;
}

async function loadConfig(configFile: string | undefined, paths: string[], io: CliIo): Promise<Config & { file?: string }> {
  const known = new Set(allRules.map((r) => r.id));
  let file = configFile;
  if (!file) {
    const found = await findConfigFiles(await configSearchStart(paths[0] ?? '.', io.cwd), CONFIG_FILE_NAMES);
    if (found.length > 1) throw new UsageError(`config: ${found.map((f) => `'${f}'`).join(' and ')} are in the same folder; keep one, or choose with --config.`);
    file = found[0];
  }
  if (!file) return { rules: {}, healthCheckSources: {}, exclude: [] };
  return { ...parseConfig(await readOptionFile(file, 'config', io.cwd), file, known), file };
}

/** `--file-folders`: each file argument becomes its folder; a folder inside another listed one is dropped (the walk covers it). */
async function fileFolders(paths: string[], cwd: string): Promise<string[]> {
  const folders = [...new Set(await Promise.all(paths.map((p) => folderOfPath(p, cwd))))].sort();
  const kept = folders.filter((f) => !folders.some((other) => other !== f && (other === '.' || f.startsWith(`${other}/`))));
  return kept.length ? kept : ['.'];
}

async function lintCommand(argPaths: string[], flags: LintFlags, io: CliIo): Promise<number> {
  const paths = flags.fileFolders
    ? await fileFolders(argPaths, io.cwd)
    : argPaths.length
      ? argPaths
      : flags.plan !== undefined
        ? [planFolder(flags.plan)]
        : ['.'];
  const formats = parseFormats(flags);
  const vars = parseVars(flags.var);
  for (const id of flags.rule) checkRuleId(id, '--rule');
  for (const id of flags.disableRule) checkRuleId(id, '--disable-rule');
  const config = await loadConfig(flags.config, paths, io);

  const severityOverrides = new Map<string, Severity>();
  for (const [id, value] of Object.entries(config.rules)) if (typeof value === 'string') severityOverrides.set(id, value);
  for (const spec of flags.severity) {
    const [id = '', level = ''] = spec.split('=');
    checkRuleId(id, '--severity');
    if (!(SEVERITIES as string[]).includes(level)) throw new UsageError(`--severity ${spec}: expected one of ${SEVERITIES.join(', ')}.${didYouMean(level, SEVERITIES)}`);
    severityOverrides.set(id, level as Severity);
  }
  const failOnText = flags.failOn ?? config.failOn ?? 'error';
  if (!(FAIL_ON_LEVELS as readonly string[]).includes(failOnText)) {
    throw new UsageError(`Unknown --fail-on '${failOnText}'. Expected one of: ${FAIL_ON_LEVELS.join(', ')}.`);
  }
  const failOn = failOnText as FailOn;

  let enabled: Rule[] = allRules.filter((r) => config.rules[r.id] !== false);
  if (flags.rule.length) enabled = allRules.filter((r) => flags.rule.includes(r.id));
  enabled = enabled.filter((r) => !flags.disableRule.includes(r.id));

  const baseline = flags.baseline === undefined ? undefined : parseBaseline(await readOptionFile(flags.baseline, '--baseline', io.cwd), flags.baseline);

  let jobs: number | undefined;
  if (flags.jobs !== undefined) {
    jobs = Number(flags.jobs);
    if (!/^\d+$/.test(flags.jobs.trim()) || !Number.isSafeInteger(jobs) || jobs < 1) throw new UsageError(`--jobs ${flags.jobs}: expected a whole number of 1 or more.`);
  }
  // Every file this run will write is checked before anything is linted or written.
  for (const { file } of formats) {
    const refusal = file === undefined ? undefined : refusedWrite(file, io.cwd, 'report', OWN_RULE_IDS);
    if (refusal) throw new UsageError(refusal);
  }
  const baselineFile = flags.writeBaseline === undefined || flags.writeBaseline === false ? undefined : typeof flags.writeBaseline === 'string' ? flags.writeBaseline : DEFAULT_BASELINE_FILE;
  if (baselineFile !== undefined) {
    const refusal = refusedWrite(baselineFile, io.cwd, 'baseline');
    if (refusal) throw new UsageError(`--write-baseline: ${refusal}`);
  }
  // Two writers on one file: the second would replace (or refuse) what the first wrote.
  const targets = [...formats.flatMap((f) => (f.file === undefined ? [] : [f.file])), ...(baselineFile !== undefined ? [baselineFile] : [])];
  const seenTargets = new Map<string, string>();
  for (const target of targets) {
    const abs = path.resolve(io.cwd, target);
    const earlier = seenTargets.get(abs);
    if (earlier !== undefined) throw new UsageError(`'${target}' is named twice as an output (also as '${earlier}'); give each report and the baseline a file of its own`);
    seenTargets.set(abs, target);
  }
  if (flags.cacheLocation !== undefined) {
    const refusal = refusedCacheLocation(flags.cacheLocation, io.cwd);
    if (refusal) throw new UsageError(refusal);
  }
  const cache = flags.cache === true || flags.cacheLocation !== undefined ? { ...(flags.cacheLocation !== undefined ? { location: flags.cacheLocation } : {}) } : undefined;

  const progress = createProgress(
    { isTTY: io.stderrIsTTY === true, write: io.stderr },
    io.progressDelayMs !== undefined ? { delayMs: io.progressDelayMs } : {},
  );
  let result: Awaited<ReturnType<typeof lint>>;
  try {
    result = await lint({
    paths,
    cwd: io.cwd,
    ...(flags.plan !== undefined ? { plan: flags.plan } : {}),
    env: io.env,
    vars,
    varFiles: flags.varFile,
    exclude: config.exclude,
    // `exclude` globs are relative to the folder of the config file that declares them, as in ESLint.
    ...(config.file !== undefined ? { excludeBase: path.dirname(path.resolve(io.cwd, config.file)) } : {}),
    allRules,
    rules: enabled,
    severityOverrides,
    healthCheckSources: config.healthCheckSources,
    strict: flags.strict === true,
    inlineIgnores: flags.inlineIgnores,
    today: io.today ?? new Date().toISOString().slice(0, 10),
    topology: io.topology === true,
    onProgress: (p) => progress.update(p),
    ...(jobs !== undefined ? { jobs } : {}),
    ...(cache !== undefined ? { cache } : {}),
  });
  } finally {
    progress.stop();
  }
  // Nothing to lint is a usage error, as in ESLint: a typo in a path must not pass CI silently.
  if (result.files.length === 0 && result.errors.length === 0) {
    const where = paths.map((p) => `'${escapeLine(p)}'`).join(', ');
    throw new UsageError(`no Terraform files (*.tf, *.tf.json, *.tofu, *.tofu.json) in ${where}`);
  }

  const printOf = (f: Finding): string => f.fingerprint ?? findingFingerprint(f);
  const writingBaseline = baselineFile !== undefined;
  if (baselineFile !== undefined) {
    const file = baselineFile;
    const problem = await writeTextFile(file, buildBaseline(result.findings, printOf), io.cwd, 'baseline');
    if (problem) throw new UsageError(problem);
    const count = new Set(result.findings.filter((f) => !f.suppression).map(printOf)).size;
    io.stderr(`lblint: wrote ${escapeLine(file)} (${count} finding${count === 1 ? '' : 's'})\n`);
  }
  let baselined = 0;
  const findings = baseline
    ? result.findings.filter((f) => {
        // A baseline written before notes were keyed by their origin holds a note's legacy fingerprint.
        const known = baseline.has(printOf(f)) || (f.legacyFingerprint !== undefined && baseline.has(f.legacyFingerprint));
        if (known) baselined++;
        return !known;
      })
    : result.findings;

  if (flags.verbose) {
    for (const line of result.verbose) io.stderr(`lblint: ${escapeLine(line)}\n`);
    if (result.loadStats !== undefined) io.stderr(`lblint: ${describeLoad(result.files.length, result.loadStats)}\n`);
  }
  // A module call lblint cannot follow hides its resources: never silent (tflint prints the same kind of notice).
  // Terraform rejects a -var that the root does not declare; lblint warns (a typo would silently lint the default).
  for (const { name, roots } of result.undeclaredVars) {
    io.stderr(`lblint: warning: --var ${escapeLine(name)}: no linted root declares a variable "${escapeLine(name)}" (roots: ${roots.map(escapeLine).join(', ')}); it is not used.\n`);
  }
  if (result.unloadedModules.length > 0) io.stderr(unloadedNotice(result.unloadedModules, flags.strict === true));
  if (result.loadStats?.cacheProblem !== undefined) io.stderr(`lblint: warning: ${escapeLine(result.loadStats.cacheProblem)}\n`);

  const color = flags.color && io.stdoutIsTTY && !io.env.NO_COLOR;
  // Only the text report shows source lines (code frames), and only of the files it points at; a
  // run answered by the result cache reads no other file.
  const shown = new Set<string>();
  if (formats.some((f) => f.format === 'text')) {
    for (const f of findings) shown.add(f.range.file);
    for (const e of result.errors) if (e.range) shown.add(e.range.file);
  }
  const sources = new Map(result.files.filter((f) => shown.has(f.path)).map((f) => [f.path, result.sourceText(f)]));
  const category = flags.sarifCategory ?? io.env.LBLINT_AUTOMATION_ID;
  const automationId = category ? (category.endsWith('/') ? category : `${category}/`) : undefined;
  const input = {
    findings,
    errors: result.errors,
    rules: [...allRules, unusedIgnoreMeta],
    sources,
    toolVersion: VERSION,
    ...(packageDocsBase() !== undefined ? { docsBase: packageDocsBase()! } : {}),
    quiet: flags.quiet === true,
    ...(automationId ? { automationId } : {}),
    summary: { filesLinted: result.files.length, rootsLinted: result.roots.length, ...(baseline ? { baselined } : {}) },
    timestamp: runTimestamp(io.env),
    ranRules: enabled.map((r) => r.id),
  };
  for (const { format, file } of formats) {
    const pieces = renderReportChunks(format, { ...input, color: file ? false : color });
    if (file) {
      const problem = await writeTextFile(file, pieces, io.cwd, 'report', OWN_RULE_IDS);
      if (problem) throw new UsageError(problem);
    } else io.stdout(pieces.join(''));
  }

  io.onResult?.({ reportInput: input });
  return result.errors.length > 0 ? EXIT_USAGE : !writingBaseline && failing(findings, failOn) ? EXIT_FINDINGS : EXIT_OK;
}

/** `lblint lsp`: one lint of the folder of an edited file, with its config and the editor's unsaved texts. */
async function lintForEditor(folder: string, overlays: ReadonlyMap<string, string>, options: { config?: string; strict?: boolean }, io: CliIo): Promise<FolderLint> {
  const config = await loadConfig(options.config, [folder], io);
  const severityOverrides = new Map<string, Severity>();
  for (const [id, value] of Object.entries(config.rules)) if (typeof value === 'string') severityOverrides.set(id, value);
  const result = await lint({
    paths: ['.'],
    cwd: folder,
    env: io.env,
    vars: [],
    varFiles: [],
    exclude: config.exclude,
    ...(config.file !== undefined ? { excludeBase: path.dirname(path.resolve(io.cwd, config.file)) } : {}),
    allRules,
    rules: allRules.filter((r) => config.rules[r.id] !== false),
    severityOverrides,
    healthCheckSources: config.healthCheckSources,
    strict: options.strict === true,
    inlineIgnores: true,
    today: io.today ?? new Date().toISOString().slice(0, 10),
    jobs: 1,
    rootWorkers: false,
    overlays,
  });
  return { findings: result.findings, errors: result.errors };
}

/** The one notice about module calls that were not loaded: which, why, and what to do. */
function unloadedNotice(calls: readonly UnloadedModuleCall[], strict: boolean): string {
  const lines = calls.map((m) => {
    const where = m.range ? `${m.range.file}:${m.range.start.line}:${m.range.start.column}: ` : '';
    const why = m.local ? 'its folder is not there' : 'not fetched (no entry in .terraform/modules/modules.json)';
    return `lblint:   ${escapeLine(`${where}${m.address} (source "${m.source}"): ${why}`)}\n`;
  });
  const remote = calls.some((m) => !m.local);
  const todo = [
    ...(remote ? ['run `terraform init` in the root folder first (lblint never downloads modules)'] : []),
    ...(calls.some((m) => m.local) ? ['check the source path of the local module'] : []),
  ].join('; ');
  const open = strict ? 'The --strict notes say which verdicts they leave open.' : 'Run with --strict for the verdicts they leave open.';
  return (
    `lblint: notice: ${plural(calls.length, 'module call')} not loaded, so ${calls.length === 1 ? 'its' : 'their'} resources are not linted and ${calls.length === 1 ? 'its' : 'their'} outputs are unknown:\n` +
    lines.join('') +
    `lblint:   To lint ${calls.length === 1 ? 'it' : 'them'}, ${todo}. ${open}\n`
  );
}

/** The --verbose line on what loading cost: files, root jobs and workers, parser calls, cache use. */
function describeLoad(files: number, stats: LoadStats): string {
  const parts = [`${plural(files, 'file')} loaded`];
  if (stats.rootJobs !== undefined) {
    const fromCache = stats.rootsFromCache ?? 0;
    parts.push(`${plural(stats.rootJobs, 'root job')} (${fromCache} from the result cache) on ${plural(stats.workers, 'worker')}`);
  } else parts.push(stats.workers > 0 ? `parsed on ${plural(stats.workers, 'worker')}` : 'parsed on the main thread');
  parts.push(`${plural(stats.hclCalls, 'hcl2json call')}, ${plural(stats.fastParses, 'fast-path parse')}, ${plural(stats.cacheHits, 'parse-cache hit')}`);
  if (stats.plannerReads !== undefined) parts.push(`${plural(stats.plannerReads, 'file')} read to plan the roots`);
  return `load: ${parts.join('; ')}`;
}

/** When the run started (JUnit `timestamp`), UTC to the second; SOURCE_DATE_EPOCH pins it for reproducible reports. */
function runTimestamp(env: Record<string, string | undefined>): string {
  const epoch = env.SOURCE_DATE_EPOCH?.trim();
  const date = epoch !== undefined && /^\d+$/.test(epoch) ? new Date(Number(epoch) * 1000) : new Date();
  return date.toISOString().slice(0, 19);
}

/** The folder of a plan file given on the command line (where its `.tf` files are looked for). */
function planFolder(file: string): string {
  const cut = Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\'));
  return cut < 0 ? '.' : cut === 0 ? file.slice(0, 1) : file.slice(0, cut);
}

function failing(findings: Finding[], failOn: FailOn): boolean {
  if (failOn === 'never') return false;
  // severityRank: 0 for error, so "at or above" the threshold is a rank at most the threshold's.
  const threshold = severityRank(failOn);
  return findings.some((f) => !f.suppression && severityRank(f.severity) <= threshold);
}

/** Every rule id lblint reports under (a GitLab or compact report naming only these is lblint's). */
const OWN_RULE_IDS: ReadonlySet<string> = new Set([...allRules.map((r) => r.id), UNUSED_IGNORE_RULE, LOAD_ERROR_RULE_ID]);

const unusedIgnoreMeta = {
  id: UNUSED_IGNORE_RULE,
  title: 'Inline ignore comment is invalid or matches nothing',
  severity: 'warning' as const,
  providers: PROVIDER_FAMILIES,
  securitySeverity: '1.0',
  tags: ['maintainability'],
  docs: {
    why: 'An ignore comment without a reason, for an unknown rule, past its `until` date, or that matches no finding hides nothing today and may hide a real problem tomorrow.',
    fix: 'Write `# lblint-ignore rule-id -- reason` on the line above the block or attribute, or at the end of its first line, or remove the comment.',
    seed: 'the lblint README, "Inline ignores"',
    examples: {
      fail: '# lblint-ignore member-weight-zero\nresource "huaweicloud_lb_member" "drain" {',
      pass: '# lblint-ignore member-weight-zero -- draining before the host is retired\nresource "huaweicloud_lb_member" "drain" {',
    },
  },
};

export function rulesTable(): string {
  const rows = allRules.map((r) => [r.id, r.severity, r.providers.join(', '), r.title]);
  const widths = [0, 1, 2].map((i) => Math.max(...rows.map((row) => row[i]!.length), ['RULE', 'SEVERITY', 'PROVIDERS'][i]!.length));
  const line = (cells: string[]) => cells.map((c, i) => (i < 3 ? c.padEnd(widths[i]!) : c)).join('  ').trimEnd();
  return [line(['RULE', 'SEVERITY', 'PROVIDERS', 'TITLE']), ...rows.map(line)].join('\n') + '\n';
}

export function explain(rule: Rule, docsBase?: string): string {
  return [
    `${rule.id} (${rule.severity})`,
    rule.title,
    '',
    'Why:',
    `  ${rule.docs.why}`,
    '',
    'Fix:',
    `  ${rule.docs.fix}`,
    '',
    `Source: ${rule.docs.seed}`,
    `Providers: ${rule.providers.join(', ')}`,
    '',
    'Failing example:',
    indent(rule.docs.examples.fail),
    '',
    'Fixed example:',
    indent(rule.docs.examples.pass),
    ...(docsBase !== undefined ? ['', `More: ${ruleDocsUrl(docsBase, rule.id)}`] : []),
    '',
  ].join('\n');
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((l) => `    ${l}`)
    .join('\n');
}
