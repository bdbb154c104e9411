// `# lblint-ignore rule-a, rule-b -- reason until=2026-12-31`: parsed here, matched to findings later.
import type { IgnoreDirective } from '../types.js';

export const IGNORE_PROBLEM_NO_REASON = 'missing reason (write `-- why`)';
export const IGNORE_PROBLEM_BAD_UNTIL = 'invalid until date';
export const IGNORE_PROBLEM_NO_RULES = 'no rule ids';

const DIRECTIVE = /^\s*lblint-ignore(?=\s|$)(.*)$/s;
const UNTIL_AT_END = /(?:^|\s)until=(\S*)\s*$/;

function isValidDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (m === null) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/**
 * Parses the text of a comment after its `#` or `//`. Returns undefined when the comment is not a
 * directive. The date is only checked for shape here; comparing it with today happens later.
 */
export function parseIgnoreComment(body: string): Omit<IgnoreDirective, 'range' | 'targetLine'> | undefined {
  const m = DIRECTIVE.exec(body);
  if (m === null) return undefined;
  const rest = m[1] ?? '';
  const dashes = rest.indexOf('--');
  const head = dashes < 0 ? rest : rest.slice(0, dashes);
  let reasonText = dashes < 0 ? '' : rest.slice(dashes + 2).trim();
  const rules: string[] = [];
  let until: string | undefined;
  let hasUntil = false;
  for (const token of head.split(/[\s,]+/)) {
    if (token === '') continue;
    if (token.startsWith('until=')) {
      hasUntil = true;
      until = token.slice('until='.length);
    } else rules.push(token);
  }
  const tail = UNTIL_AT_END.exec(reasonText);
  if (tail !== null) {
    hasUntil = true;
    until = tail[1] ?? '';
    reasonText = reasonText.slice(0, tail.index).trim();
  }
  const problems: string[] = [];
  if (rules.length === 0) problems.push(IGNORE_PROBLEM_NO_RULES);
  if (reasonText === '') problems.push(IGNORE_PROBLEM_NO_REASON);
  if (hasUntil && (until === undefined || !isValidDate(until))) {
    problems.push(IGNORE_PROBLEM_BAD_UNTIL);
    until = undefined;
  }
  const directive: Omit<IgnoreDirective, 'range' | 'targetLine'> = { rules, problems };
  if (reasonText !== '') directive.reason = reasonText;
  if (until !== undefined) directive.until = until;
  return directive;
}
