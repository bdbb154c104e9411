// Inline `# lblint-ignore rule-id -- reason` directives: which findings they suppress, and the
// directives that are themselves wrong (no reason, unknown rule, expired, matching nothing).
import type { BlockNode, Finding, IgnoreDirective, ParsedFile, Range } from '../types.js';
import { UNUSED_IGNORE_RULE_ID } from '../report/types.js';

export const UNUSED_IGNORE_RULE = UNUSED_IGNORE_RULE_ID;

export interface IgnoreOptions {
  /** Every rule id lblint knows. */
  knownRules: ReadonlySet<string>;
  /** Rules that ran (an ignore for a disabled rule is not "unused"). */
  enabledRules: ReadonlySet<string>;
  /** YYYY-MM-DD. */
  today: string;
  /** false with --no-inline-ignores: nothing is suppressed and directives are not checked. */
  enabled: boolean;
}

export function applyIgnores(findings: Finding[], files: readonly ParsedFile[], options: IgnoreOptions): Finding[] {
  if (!options.enabled) return findings;
  const out = findings.map((f) => ({ ...f }));
  const problems: Finding[] = [];
  for (const file of files) {
    for (const directive of file.ignores) {
      const covered = coveredRange(file, directive);
      const report = (message: string) =>
        problems.push({
          ruleId: UNUSED_IGNORE_RULE,
          severity: 'warning',
          message,
          address: `${file.path}:${directive.range.start.line}`,
          range: directive.range,
          related: [],
          trace: [],
        });
      for (const problem of directive.problems) report(`lblint-ignore ${problem}.`);
      const unknown = directive.rules.filter((r) => !options.knownRules.has(r));
      for (const r of unknown) report(`lblint-ignore names unknown rule '${r}'.`);
      const expired = directive.until !== undefined && directive.until < options.today;
      if (expired) {
        report(`lblint-ignore for ${directive.rules.join(', ')} expired on ${directive.until} and no longer suppresses anything.`);
        continue;
      }
      if (!directive.reason) continue; // an ignore without a reason does not work
      let used = false;
      for (const f of out) {
        if (f.suppression || f.range.file !== file.path || !directive.rules.includes(f.ruleId)) continue;
        if (f.range.start.line < covered.start.line || f.range.start.line > covered.end.line) continue;
        f.suppression = { justification: directive.reason, range: directive.range };
        used = true;
      }
      const allRan = directive.rules.every((r) => options.enabledRules.has(r));
      if (!used && unknown.length === 0 && allRan) {
        const where = covered.start.line === covered.end.line ? `line ${covered.start.line}` : `lines ${covered.start.line}-${covered.end.line}`;
        report(
          `lblint-ignore for ${directive.rules.join(', ')} matches no finding on ${where}, the block or attribute it applies to (the one starting on the comment's own line, or on the next line of code); move it there or remove it.`,
        );
      }
    }
  }
  return [...out, ...problems];
}

/** The block or attribute that starts on the directive's target line (else just that line). */
export function coveredRange(file: ParsedFile, directive: IgnoreDirective): Range {
  if (directive.covers !== undefined) return directive.covers;
  const line = directive.targetLine;
  const found = findNodeAt(file.blocks, line) ?? Object.values(file.attributes).find((a) => a.range.start.line === line)?.range;
  return found ?? { file: file.path, start: { line, column: 1 }, end: { line, column: 1 } };
}

function findNodeAt(blocks: readonly BlockNode[], line: number): Range | undefined {
  for (const b of blocks) {
    if (b.range.start.line === line) return b.range;
    if (b.range.start.line < line && b.range.end.line >= line) {
      const attr = Object.values(b.attributes).find((a) => a.range.start.line === line);
      if (attr) return attr.range;
      const inner = findNodeAt(b.blocks, line);
      if (inner) return inner;
    }
  }
  return undefined;
}
