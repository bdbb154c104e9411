// Runs rules over one model and collects their findings. Rules are pure; a rule that throws is
// a bug and is rethrown with the rule id added.
import type { Rule, RuleSettings } from '../rule.js';
import type { Model } from '../model/types.js';
import { originAddressOf, type Finding, type Severity, type Unknown } from '../types.js';

export interface RunOptions {
  severityOverrides: ReadonlyMap<string, Severity>;
  strict: boolean;
  settings: RuleSettings;
}

export interface RunResult {
  findings: Finding[];
  /** Verdicts skipped because of an Unknown (reported as notes with --strict): for --verbose, and the note's origin. */
  unknowns: { ruleId: string; address: string; what: string; unknown: Unknown; note?: Finding }[];
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
          if (!options.strict) {
            unknowns.push({ ruleId: rule.id, address: at.address, what, unknown: u });
            return;
          }
          const note: Finding = {
            ruleId: rule.id,
            severity: 'note',
            message: `${rule.id} could not decide ${at.address}: ${what}.`.replace(/\.\.$/, '.'),
            address: at.address,
            // Shown in JSON as it always was; fingerprints before fingerprintAttribute hashed it (see legacyFingerprint).
            attribute: `unknown:${what}`,
            // The fingerprint names where the unknown value comes from, never how the reason is worded.
            fingerprintAttribute: `unknown:${originAddressOf(u)}`,
            range: at.range,
            related: [],
            trace: [],
          };
          findings.push(note);
          unknowns.push({ ruleId: rule.id, address: at.address, what, unknown: u, note });
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
