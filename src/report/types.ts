// Input shared by every reporter. Reporters are pure: findings in, a string out.
import type { Finding, LoadError } from '../types.js';
import type { RuleMeta } from '../rule.js';

export interface ReportInput {
  findings: Finding[];
  errors: LoadError[];
  rules: RuleMeta[];
  /** File path (as in `Range.file`) → file text, for code frames. */
  sources: ReadonlyMap<string, string>;
  toolVersion: string;
  color: boolean;
  /** Only error-level findings (load errors are always shown). */
  quiet?: boolean;
  /**
   * lblint's repository at the version that runs, `https://github.com/OWNER/REPO/blob/REF/`, when
   * known: then SARIF carries `helpUri` and `informationUri` (never a link that may not resolve).
   */
  docsBase?: string;
  /** SARIF `automationDetails.id`; default `lblint/`. */
  automationId?: string;
  /** `baselined`: findings left out because the baseline file lists them. */
  summary?: { filesLinted: number; rootsLinted: number; baselined?: number };
  /** When the run started, `YYYY-MM-DDTHH:MM:SS` in UTC (JUnit `timestamp`); the epoch when absent, so output stays reproducible. */
  timestamp?: string;
  /** Ids of the rules that ran (JUnit gives each a passing test case when it found nothing); default: every rule in `rules`. */
  ranRules?: readonly string[];
}

export type ReportFormat = 'text' | 'json' | 'sarif' | 'github' | 'junit' | 'checkstyle' | 'gitlab' | 'compact';

export const REPORT_FORMATS: readonly ReportFormat[] = ['text', 'json', 'sarif', 'github', 'junit', 'checkstyle', 'gitlab', 'compact'];

/** Rule id under which load (parse) errors are reported. */
export const LOAD_ERROR_RULE_ID = 'lblint-load-error';
/** Rule id of findings about `# lblint-ignore` comments that match nothing. */
export const UNUSED_IGNORE_RULE_ID = 'lblint-unused-ignore';
