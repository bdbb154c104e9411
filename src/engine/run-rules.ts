// Runs rules over one model and collects their findings. Rules are pure; a rule that throws is
// a bug and is rethrown with the rule id added.
import type { Rule, RuleSettings } from '../rule.js';
import type { Model } from '../model/types.js';
import type { Finding, Severity } from '../types.js';

export interface RunOptions {
  severityOverrides: ReadonlyMap<string, Severity>;
  strict: boolean;
  settings: RuleSettings;
}

export interface RunResult {
  findings: Finding[];
  /** Verdicts skipped because of an Unknown (reported as notes with --strict). */
  unknowns: { ruleId: string; address: string; what: string }[];
}

export function runRules(model: Model, rules: readonly Rule[], options: RunOptions): RunResult {
  const findings: Finding[] = [];
  const unknowns: RunResult['unknowns'] = [];
  for (const rule of rules) {
    const override = options.severityOverrides.get(rule.id);
    try {
      rule.check(model, {
        settings: options.settings,
        report(args) {
          findings.push({
            ruleId: rule.id,
            severity: override ?? args.severity ?? rule.severity,
            message: args.message,
            address: args.address,
            ...(args.attribute !== undefined ? { attribute: args.attribute } : {}),
            range: args.range,
            related: args.related ?? [],
            trace: args.trace ?? [],
            ...(args.fix ? { fix: args.fix } : {}),
          });
        },
        unknown(u, at) {
          const what = u.reason;
          unknowns.push({ ruleId: rule.id, address: at.address, what });
          if (!options.strict) return;
          findings.push({
            ruleId: rule.id,
            severity: 'note',
            message: `${rule.id} could not decide ${at.address}: ${what}.`.replace(/\.\.$/, '.'),
            address: at.address,
            // The fingerprint of the note hashes this text (kept as it was so baselines stay valid).
            attribute: `unknown:${what}`,
            range: at.range,
            related: [],
            trace: [],
          });
        },
      });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const wrapped = new Error(`rule ${rule.id} failed: ${message}`);
      (wrapped as { cause?: unknown }).cause = error;
      throw wrapped;
    }
  }
  return { findings, unknowns };
}
