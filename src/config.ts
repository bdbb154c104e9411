// The config file (`.lblint.json`, `.lblint.yml`, `.lblint.yaml`): parsing and validation (pure;
// src/load reads the file). JSON and YAML share the keys and the checks.
import { createRequire } from 'node:module';
import type * as Yaml from 'yaml';
import { PRODUCT_SOURCE_KEYS, PROVIDER_FAMILIES, type ProductSourceKey, type ProviderFamily } from './types.js';
import type { Severity } from './types.js';
import { formatCidr, parseCidr } from './net/cidr.js';

const require = createRequire(import.meta.url);

export const FAIL_ON_LEVELS = ['error', 'warning', 'note', 'never'] as const;
export type FailOn = (typeof FAIL_ON_LEVELS)[number];
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'note'];

export interface Config {
  /** rule id → false (off), true (on) or a severity. */
  rules: Record<string, boolean | Severity>;
  /** Health-check/forwarding source CIDRs of the fixed-range families. */
  healthCheckSources: Partial<Record<ProviderFamily | ProductSourceKey, string[]>>;
  exclude: string[];
  failOn?: FailOn;
}

export class ConfigError extends Error {}

const KEYS = ['rules', 'healthCheckSources', 'exclude', 'failOn'];

/** Names searched in each folder, upward from the linted path. */
export const CONFIG_FILE_NAMES = ['.lblint.json', '.lblint.yml', '.lblint.yaml'] as const;

export function isYamlConfig(file: string): boolean {
  return /\.ya?ml$/i.test(file);
}

function parseJsonText(text: string, file: string): unknown {
  try {
    // Whole-line `//` comments are allowed (the file `lblint init` writes is commented).
    const json = text.replace(/^\uFEFF/, '').split(/\r?\n/).map((line) => (/^\s*\/\//.test(line) ? '' : line)).join('\n');
    return JSON.parse(json);
  } catch (error) {
    throw new ConfigError(`${file}: not valid JSON (${error instanceof Error ? error.message : String(error)}).`);
  }
}

/**
 * YAML 1.2 core schema (the `yaml` package's default): `on`, `yes`, `no` stay strings, so
 * `failOn: no` is reported instead of silently becoming `false`. Duplicate keys are errors.
 */
function parseYamlText(text: string, file: string): unknown {
  // Loaded here: only a YAML config needs it (about 30 ms of start-up).
  const { parseDocument } = require('yaml') as typeof Yaml;
  const doc = parseDocument(text.replace(/^\uFEFF/, ''), { uniqueKeys: true, prettyErrors: true });
  const problem = doc.errors[0];
  if (problem) {
    const at = problem.linePos?.[0];
    const where = at ? ` at line ${at.line}, column ${at.col}` : '';
    throw new ConfigError(`${file}: not valid YAML${where} (${problem.message.split('\n')[0]}).`);
  }
  const value: unknown = doc.toJS();
  // An empty file (or one with only comments) is an empty config.
  return value === null || value === undefined ? {} : value;
}

/** Edit distance (insertions, deletions, substitutions, swaps of neighbours) between two words. */
function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
    }
  }
  return d[a.length]![b.length]!;
}

/** ` Did you mean 'x'?` for the candidate nearest to `word` (case aside), or '' when none is near, as ESLint and tflint do. */
export function didYouMean(word: string, candidates: Iterable<string>): string {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const distance = editDistance(word.toLowerCase(), c.toLowerCase());
    if (distance < bestDistance) [best, bestDistance] = [c, distance];
  }
  if (best !== undefined && bestDistance <= Math.max(2, Math.floor(word.length / 3))) return ` Did you mean '${best}'?`;
  // A shortened word (`warn`) names the one candidate it begins.
  const started = word.length >= 3 ? [...candidates].filter((c) => c.toLowerCase().startsWith(word.toLowerCase())) : [];
  return started.length === 1 ? ` Did you mean '${started[0]}'?` : '';
}

/**
 * Why `text` is not a usable CIDR, or undefined when it is one: the address (IPv4 octets 0-255
 * without leading zeros, or IPv6), a prefix length within 32 or 128, and no host bits set.
 */
export function cidrProblem(text: unknown): string | undefined {
  if (typeof text !== 'string') return `${JSON.stringify(text)} is not a string`;
  const [address = '', prefix, ...rest] = text.trim().split('/');
  if (prefix === undefined || rest.length > 0 || !/^\d{1,3}$/.test(prefix)) return `"${text}" is not a CIDR (address/prefix length, e.g. 100.125.0.0/16)`;
  const whole = parseCidr(address);
  if (!whole) return `"${text}": "${address}" is not an IPv4 or IPv6 address${/^\d+(\.\d+){3}$/.test(address) ? ' (each octet is 0-255, without leading zeros)' : ''}`;
  const bits = whole.version === 4 ? 32 : 128;
  if (Number(prefix) > bits) return `"${text}": the prefix length /${prefix} is more than ${bits}, the bits of an IPv${whole.version} address`;
  const cidr = parseCidr(text)!;
  if (cidr.first !== whole.first) return `"${text}" has host bits set; the network is ${formatCidr({ ...cidr, text: '' })}`;
  return undefined;
}

export function parseConfig(text: string, file: string, knownRules: ReadonlySet<string>): Config {
  const yaml = isYamlConfig(file);
  const raw = yaml ? parseYamlText(text, file) : parseJsonText(text, file);
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw new ConfigError(`${file}: expected ${yaml ? 'a YAML mapping' : 'a JSON object'} with the keys ${KEYS.join(', ')}.`);
  const obj = raw as Record<string, unknown>;
  for (const key of Object.keys(obj)) {
    if (!KEYS.includes(key)) throw new ConfigError(`${file}: unknown key '${key}'.${didYouMean(key, KEYS)} Expected one of: ${KEYS.join(', ')}.`);
  }
  const config: Config = { rules: {}, healthCheckSources: {}, exclude: [] };
  if (obj.rules !== undefined) {
    if (!obj.rules || typeof obj.rules !== 'object' || Array.isArray(obj.rules)) throw new ConfigError(`${file}: rules: expected an object of rule id → true, false, "error", "warning" or "note".`);
    for (const [id, value] of Object.entries(obj.rules as Record<string, unknown>)) {
      if (!knownRules.has(id)) throw new ConfigError(`${file}: rules: unknown rule '${id}'.${didYouMean(id, knownRules)} Run 'lblint rules' for the list.`);
      if (typeof value === 'boolean' || (typeof value === 'string' && (SEVERITIES as string[]).includes(value))) config.rules[id] = value as boolean | Severity;
      else throw new ConfigError(`${file}: rules.${id}: expected true, false, "error", "warning" or "note", got ${JSON.stringify(value)}.${typeof value === 'string' ? didYouMean(value, SEVERITIES) : ''}`);
    }
  }
  if (obj.healthCheckSources !== undefined) {
    const hc = obj.healthCheckSources;
    const keys: readonly string[] = [...PROVIDER_FAMILIES, ...PRODUCT_SOURCE_KEYS];
    if (!hc || typeof hc !== 'object' || Array.isArray(hc)) throw new ConfigError(`${file}: healthCheckSources: expected an object of family or product (${keys.join(', ')}) → list of CIDRs.`);
    for (const [family, value] of Object.entries(hc as Record<string, unknown>)) {
      if (!keys.includes(family)) throw new ConfigError(`${file}: healthCheckSources: unknown family '${family}'.${didYouMean(family, keys)} Expected one of: ${keys.join(', ')}.`);
      if (!Array.isArray(value)) throw new ConfigError(`${file}: healthCheckSources.${family}: expected a list of CIDRs such as ["100.125.0.0/16"], got ${JSON.stringify(value)}.`);
      value.forEach((v, i) => {
        const problem = cidrProblem(v);
        if (problem) throw new ConfigError(`${file}: healthCheckSources.${family}[${i}]: ${problem}.`);
      });
      // Health checks come from IPv4 ranges: a list without one would turn every check of the family off.
      if (!value.some((v) => parseCidr(v as string)?.version === 4)) {
        throw new ConfigError(`${file}: healthCheckSources.${family}: needs at least one IPv4 range (health checks come from IPv4 addresses); without one every security-group and ACL check of ${family} would be skipped.`);
      }
      config.healthCheckSources[family as ProviderFamily | ProductSourceKey] = value as string[];
    }
  }
  if (obj.exclude !== undefined) {
    if (!Array.isArray(obj.exclude) || !obj.exclude.every((v) => typeof v === 'string')) throw new ConfigError(`${file}: exclude: expected a list of glob patterns such as ["examples/**"], got ${JSON.stringify(obj.exclude)}.`);
    (obj.exclude as string[]).forEach((pattern, i) => {
      // Globs are relative to this file's folder: one that starts outside it can never match.
      if (pattern.trim() === '') throw new ConfigError(`${file}: exclude[${i}]: an empty pattern matches nothing.`);
      // The matcher drops `!` and `#` patterns: here they would silently exclude nothing.
      if (/^\s*[!#]/.test(pattern)) throw new ConfigError(`${file}: exclude[${i}]: "${pattern}": negation (!) and comments (#) are not supported in exclude; list only the paths to skip.`);
      if (/^[A-Za-z]:[\\/]/.test(pattern) || pattern.split(/[\\/]/).includes('..')) {
        throw new ConfigError(`${file}: exclude[${i}]: "${pattern}" must be a glob relative to the folder of ${file}, without '..' or a drive letter.`);
      }
    });
    config.exclude = obj.exclude as string[];
  }
  if (obj.failOn !== undefined) {
    if (typeof obj.failOn !== 'string' || !(FAIL_ON_LEVELS as readonly string[]).includes(obj.failOn)) {
      throw new ConfigError(`${file}: failOn: expected one of ${FAIL_ON_LEVELS.join(', ')}, got ${JSON.stringify(obj.failOn)}.${typeof obj.failOn === 'string' ? didYouMean(obj.failOn, FAIL_ON_LEVELS) : ''}`);
    }
    config.failOn = obj.failOn as FailOn;
  }
  return config;
}

export const INIT_CONFIG = `// lblint configuration (JSON; whole-line // comments are allowed).
// Found upward from the linted path, or given with --config.
{
  // Rules: false turns a rule off, true keeps its default severity, or set "error" | "warning" | "note".
  // Run 'lblint rules' for the catalogue and 'lblint explain <rule-id>' for one rule.
  "rules": {
    "health-check-codes-lenient": "warning",
    "health-check-port-mismatch": true
  },
  // Where health checks and forwarded traffic of shared (fixed-range) load balancers come from.
  // Add 100.126.0.0/16 for Huawei Cloud eu-west-0 (Paris). Alibaba ALB and NLB probe from their own
  // vSwitches; "alicloud-alb": ["100.64.0.0/10"] puts an ALB that was never upgraded back on CLB's range.
  "healthCheckSources": {
    "huaweicloud": ["100.125.0.0/16"],
    "opentelekomcloud": ["100.125.0.0/16"],
    "flexibleengine": ["100.125.0.0/16"],
    "alicloud": ["100.64.0.0/10"]
  },
  // Paths that are not linted: gitignore-style globs relative to the folder of this file.
  "exclude": ["examples/**"],
  // Exit 1 when a finding at or above this level remains: error | warning | note | never.
  "failOn": "error"
}
`;

/** The same configuration as INIT_CONFIG, as `.lblint.yml` (`lblint init --format yml`). */
export const INIT_CONFIG_YAML = `# lblint configuration (YAML 1.2). Found upward from the linted path, or given with --config.
# The keys are the same as in .lblint.json.

# Rules: false turns a rule off, true keeps its default severity, or set error | warning | note.
# Run 'lblint rules' for the catalogue and 'lblint explain <rule-id>' for one rule.
rules:
  health-check-codes-lenient: warning
  health-check-port-mismatch: true

# Where health checks and forwarded traffic of shared (fixed-range) load balancers come from.
# Add 100.126.0.0/16 for Huawei Cloud eu-west-0 (Paris). Alibaba ALB and NLB probe from their own
# vSwitches; alicloud-alb: [100.64.0.0/10] puts an ALB that was never upgraded back on CLB's range.
healthCheckSources:
  huaweicloud: [100.125.0.0/16]
  opentelekomcloud: [100.125.0.0/16]
  flexibleengine: [100.125.0.0/16]
  alicloud: [100.64.0.0/10]

# Paths that are not linted: gitignore-style globs relative to the folder of this file.
exclude:
  - examples/**

# Exit 1 when a finding at or above this level remains: error | warning | note | never.
failOn: error
`;
