// The config file (`.lblint.json`, `.lblint.yml`, `.lblint.yaml`): parsing and validation (pure;
// src/load reads the file). JSON and YAML share the keys and the checks.
import { createRequire } from 'node:module';
import type * as Yaml from 'yaml';
import type { ProviderFamily } from './rule.js';
import { PROVIDER_FAMILIES } from './rule.js';
import type { Severity } from './types.js';

const require = createRequire(import.meta.url);

export const FAIL_ON_LEVELS = ['error', 'warning', 'note', 'never'] as const;
export type FailOn = (typeof FAIL_ON_LEVELS)[number];
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'note'];

export interface Config {
  /** rule id → false (off), true (on) or a severity. */
  rules: Record<string, boolean | Severity>;
  /** Health-check/forwarding source CIDRs of the fixed-range families. */
  healthCheckSources: Partial<Record<ProviderFamily, string[]>>;
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

export function parseConfig(text: string, file: string, knownRules: ReadonlySet<string>): Config {
  const yaml = isYamlConfig(file);
  const raw = yaml ? parseYamlText(text, file) : parseJsonText(text, file);
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw new ConfigError(`${file}: expected ${yaml ? 'a YAML mapping' : 'a JSON object'} with the keys ${KEYS.join(', ')}.`);
  const obj = raw as Record<string, unknown>;
  for (const key of Object.keys(obj)) {
    if (!KEYS.includes(key)) throw new ConfigError(`${file}: unknown key '${key}'. Expected one of: ${KEYS.join(', ')}.`);
  }
  const config: Config = { rules: {}, healthCheckSources: {}, exclude: [] };
  if (obj.rules !== undefined) {
    if (!obj.rules || typeof obj.rules !== 'object' || Array.isArray(obj.rules)) throw new ConfigError(`${file}: rules: expected an object of rule id → true, false, "error", "warning" or "note".`);
    for (const [id, value] of Object.entries(obj.rules as Record<string, unknown>)) {
      if (!knownRules.has(id)) throw new ConfigError(`${file}: rules: unknown rule '${id}'. Run 'lblint rules' for the list.`);
      if (typeof value === 'boolean' || (typeof value === 'string' && (SEVERITIES as string[]).includes(value))) config.rules[id] = value as boolean | Severity;
      else throw new ConfigError(`${file}: rules.${id}: expected true, false, "error", "warning" or "note", got ${JSON.stringify(value)}.`);
    }
  }
  if (obj.healthCheckSources !== undefined) {
    const hc = obj.healthCheckSources;
    if (!hc || typeof hc !== 'object' || Array.isArray(hc)) throw new ConfigError(`${file}: healthCheckSources: expected an object of family (${PROVIDER_FAMILIES.join(', ')}) → list of CIDRs.`);
    for (const [family, value] of Object.entries(hc as Record<string, unknown>)) {
      if (!(PROVIDER_FAMILIES as readonly string[]).includes(family)) throw new ConfigError(`${file}: healthCheckSources: unknown family '${family}'. Expected one of: ${PROVIDER_FAMILIES.join(', ')}.`);
      if (!Array.isArray(value) || !value.every((v) => typeof v === 'string' && /^[0-9a-fA-F:.]+\/\d{1,3}$/.test(v))) {
        throw new ConfigError(`${file}: healthCheckSources.${family}: expected a list of CIDRs such as ["100.125.0.0/16"], got ${JSON.stringify(value)}.`);
      }
      config.healthCheckSources[family as ProviderFamily] = value as string[];
    }
  }
  if (obj.exclude !== undefined) {
    if (!Array.isArray(obj.exclude) || !obj.exclude.every((v) => typeof v === 'string')) throw new ConfigError(`${file}: exclude: expected a list of glob patterns such as ["examples/**"], got ${JSON.stringify(obj.exclude)}.`);
    config.exclude = obj.exclude as string[];
  }
  if (obj.failOn !== undefined) {
    if (typeof obj.failOn !== 'string' || !(FAIL_ON_LEVELS as readonly string[]).includes(obj.failOn)) {
      throw new ConfigError(`${file}: failOn: expected one of ${FAIL_ON_LEVELS.join(', ')}, got ${JSON.stringify(obj.failOn)}.`);
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
  // Add 100.126.0.0/16 for Huawei Cloud eu-west-0 (Paris).
  "healthCheckSources": {
    "huaweicloud": ["100.125.0.0/16"],
    "opentelekomcloud": ["100.125.0.0/16"],
    "flexibleengine": ["100.125.0.0/16"],
    "alicloud": ["100.64.0.0/10"]
  },
  // Paths (globs relative to the current folder) that are not linted.
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
# Add 100.126.0.0/16 for Huawei Cloud eu-west-0 (Paris).
healthCheckSources:
  huaweicloud: [100.125.0.0/16]
  opentelekomcloud: [100.125.0.0/16]
  flexibleengine: [100.125.0.0/16]
  alicloud: [100.64.0.0/10]

# Paths (globs relative to the current folder) that are not linted.
exclude:
  - examples/**

# Exit 1 when a finding at or above this level remains: error | warning | note | never.
failOn: error
`;
