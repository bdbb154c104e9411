// Proves that regenerated fixture goldens differ from a git revision's only in the fingerprints of
// --strict notes: text, stderr and JSON byte-identical; SARIF equal once the partialFingerprints of
// results whose level is "note" (and the sha256 line that hashes them) are dropped.
// Usage: node scripts/compare-golden-notes.mjs [REV]   (default HEAD; run after regenerating goldens)
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const rev = process.argv[2] ?? 'HEAD';
const git = (...args) => execFileSync('git', args, { encoding: 'utf8', maxBuffer: 1 << 28 });
// Goldens added since REV (new fixtures) have nothing to compare with; removed ones are reported.
const changed = git('diff', '--name-only', '--diff-filter=M', rev, '--', 'test/golden/fixtures').split('\n').filter(Boolean);
const removed = git('diff', '--name-only', '--diff-filter=D', rev, '--', 'test/golden/fixtures').split('\n').filter(Boolean);
for (const file of removed) console.log(`REMOVED ${file}`);

/** The golden's sections: everything before the SARIF, and the SARIF log (null when none). */
function split(text) {
  const at = text.indexOf('--- sarif (without tool.driver.rules)\n');
  const head = text.slice(0, at);
  const rest = text.slice(at).split('\n').slice(1).join('\n');
  if (rest.startsWith('(none)')) return { head, sarif: null };
  const body = rest.slice(rest.indexOf('\n') + 1);
  return { head, sarif: JSON.parse(body) };
}

function withoutNoteFingerprints(log) {
  let dropped = 0;
  for (const run of log.runs) {
    for (const r of run.results) {
      if (r.level === 'note' && r.partialFingerprints) {
        delete r.partialFingerprints;
        dropped++;
      }
    }
  }
  return dropped;
}

let bad = 0;
let notes = 0;
for (const file of changed) {
  const before = split(git('show', `${rev}:${file}`));
  const after = split(readFileSync(file, 'utf8'));
  const problems = [];
  if (before.head !== after.head) problems.push('text, stderr or JSON differ');
  if ((before.sarif === null) !== (after.sarif === null)) problems.push('SARIF present in one only');
  else if (before.sarif) {
    withoutNoteFingerprints(before.sarif);
    notes += withoutNoteFingerprints(after.sarif);
    if (JSON.stringify(before.sarif) !== JSON.stringify(after.sarif)) problems.push('SARIF differs beyond note fingerprints');
  }
  if (problems.length) {
    bad++;
    console.log(`DIFFERS ${file}: ${problems.join('; ')}`);
  }
}
console.log(`${changed.length} golden files changed against ${rev}; ${changed.length - bad} only in note fingerprints (${notes} notes); ${bad} otherwise`);
process.exit(bad || removed.length ? 1 : 0);
