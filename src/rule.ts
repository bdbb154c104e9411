// The rule contract and the `defineRule` helper (types and the docs link, never behaviour).
import type { Finding, HealthCheckSources, ProviderFamily, Range, RelatedLocation, Severity, Fix, Unknown } from './types.js';
import type { Model } from './model/types.js';

export { PROVIDER_FAMILIES, type ProviderFamily } from './types.js';

export interface RuleDocs {
  /** What breaks at run time (one paragraph). */
  why: string;
  /** What to change (one paragraph, may hold Markdown links). */
  fix: string;
  /** The seed section the rule implements: file and section title. */
  seed: string;
  /** A failing and a fixed Terraform example, each a verbatim excerpt of the rule's testdata. */
  examples: { fail: string; pass: string };
}

/** The metadata every reporter needs; a Rule is RuleMeta plus `check`. */
export interface RuleMeta {
  id: string;
  title: string;
  severity: Severity;
  providers: readonly ProviderFamily[];
  /** Numeric string 0.1-10.0 for GitHub code scanning. */
  securitySeverity: string;
  tags: readonly string[];
  docs: RuleDocs;
}

export interface ReportArgs {
  message: string;
  address: string;
  attribute?: string;
  range: Range;
  related?: RelatedLocation[];
  trace?: string[];
  fix?: Fix;
  /** Overrides the rule's default severity (for rules with two levels). */
  severity?: Severity;
}

export interface RuleContext {
  report(args: ReportArgs): void;
  /**
   * A verdict on the node at `at` depended on the Unknown `u`: silent by default, a `note` with
   * --strict that gives `u.reason` ("var.health_check_cidr has no value"), points at where the value
   * comes from, and is fingerprinted by that origin's address (`originAddressOf(u)`), not its wording.
   * Pass the model's Unknown (or one that keeps it as `cause`), never a new one made from its reason.
   */
  unknown(u: Unknown, at: { address: string; range: Range }): void;
  /** Per-family settings (health-check source ranges…) from the config file. */
  settings: RuleSettings;
}

export interface RuleSettings {
  /** CIDRs the health checks and forwarded traffic of a shared (fixed-range) family come from. */
  healthCheckSources: HealthCheckSources;
}

export interface Rule extends RuleMeta {
  check(model: Model, context: RuleContext): void;
}

export type RuleDefinition = Rule;

/**
 * Links to the documentation exist only where lblint's own repository is known: the Action's
 * (GITHUB_ACTION_REPOSITORY at GITHUB_ACTION_REF) or package.json's `repository`. `base` is the
 * repository's file URL at a ref, `https://github.com/OWNER/REPO/blob/REF/`.
 */
export function ruleDocsUrl(base: string | undefined, id: string): string | undefined {
  return base === undefined ? undefined : `${base}docs/rules/${id}.md`;
}

export function defineRule(rule: RuleDefinition): Rule {
  return rule;
}

export type { Finding };
