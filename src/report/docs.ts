// Markdown pages for docs/rules/<id>.md and the README rule table, from the registry.
import type { RuleMeta } from '../rule.js';

export function renderRuleDoc(rule: RuleMeta): string {
  return [
    `# ${rule.id}`,
    '',
    `${rule.title}.`,
    '',
    `- Severity: **${rule.severity}**`,
    `- Providers: ${rule.providers.join(', ')}`,
    `- Source: ${rule.docs.seed}`,
    '',
    '## What breaks',
    '',
    rule.docs.why,
    '',
    '## How to fix',
    '',
    rule.docs.fix,
    '',
    '## Failing example',
    '',
    '```hcl',
    rule.docs.examples.fail,
    '```',
    '',
    '## Fixed example',
    '',
    '```hcl',
    rule.docs.examples.pass,
    '```',
    '',
    `Run \`lblint explain ${rule.id}\` for this page in the terminal.`,
    '',
  ].join('\n');
}

export function renderRuleTable(rules: readonly RuleMeta[]): string {
  const rows = rules.map((r) => `| [\`${r.id}\`](docs/rules/${r.id}.md) | ${r.severity} | ${r.providers.join(', ')} | ${r.title} |`);
  return ['| rule | severity | providers | what it proves |', '|---|---|---|---|', ...rows].join('\n');
}
