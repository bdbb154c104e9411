// Fingerprints of --strict notes come from where the unknown value comes from (its origin address),
// never from the wording of the reason (issue 16 §5): rewording a reason keeps users' SARIF
// partialFingerprints and baselines. The golden values below are computed here from the origin
// address alone, independently of src/fingerprint.ts.
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runRules } from '../src/engine/run-rules.js';
import { evaluateRoot } from '../src/eval/index.js';
import { findingFingerprint } from '../src/fingerprint.js';
import { loadPaths } from '../src/load/index.js';
import { buildModel } from '../src/model/index.js';
import { DEFAULT_HEALTH_CHECK_SOURCES } from '../src/analysis/index.js';
import { defineRule, type Rule } from '../src/rule.js';
import { rules } from '../rules/index.js';
import { Unknown, isUnknown, originAddressOf, originRangeOf, restate, type ParsedFile } from '../src/types.js';
import { MODULES, cli } from './helpers/cli-run.js';
import { TESTDATA } from './helpers/fixtures.js';

const FIXTURE = path.join(MODULES, 'strict-origins');
const KEY = 'lblintFingerprint/v1';

/** The fingerprint of a note from its rule, node and origin address: sha256(rule NUL address NUL "unknown:" origin), 32 hex digits. */
function golden(ruleId: string, address: string, origin: string): string {
  return createHash('sha256').update(`${ruleId}\0${address}\0unknown:${origin}`).digest('hex').slice(0, 32);
}

interface SarifResult {
  ruleId: string;
  level: string;
  message: { text: string };
  locations: { logicalLocations?: { fullyQualifiedName: string }[] }[];
  relatedLocations?: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } }; message: { text: string } }[];
  partialFingerprints: Record<string, string>;
}

async function notes(dir: string): Promise<(SarifResult & { address: string })[]> {
  const r = await cli(['.', '--strict', '--format', 'sarif'], dir);
  expect(r.code, r.stderr).toBeLessThan(2);
  const log = JSON.parse(r.stdout) as { runs: { results: SarifResult[] }[] };
  return log.runs[0]!.results
    .filter((x) => x.level === 'note')
    .map((x) => ({ ...x, address: x.locations[0]?.logicalLocations?.[0]?.fullyQualifiedName ?? '' }));
}

/** The note of `ruleId` on `address` whose message contains `text` (exactly one). */
function noteOf(all: (SarifResult & { address: string })[], ruleId: string, address: string, text: string) {
  const found = all.filter((n) => n.ruleId === ruleId && n.address === address && n.message.text.includes(text));
  expect(found, `${ruleId} on ${address} mentioning ${text}`).toHaveLength(1);
  return found[0]!;
}

/** The origin location a note points at ("the unknown value comes from here"). */
function originOf(note: SarifResult): string {
  const related = note.relatedLocations?.find((r) => r.message.text.startsWith('the unknown value comes from here'));
  return related ? `${related.physicalLocation.artifactLocation.uri}:${related.physicalLocation.region.startLine}` : '(none)';
}

const temps: string[] = [];
afterAll(() => {
  for (const t of temps) rmSync(t, { recursive: true, force: true });
});

/** A copy of the fixture with `edit` applied to its main.tf. */
function variant(edit: (mainTf: string) => string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'lblint-strict-fp-'));
  temps.push(dir);
  cpSync(FIXTURE, dir, { recursive: true });
  const file = path.join(dir, 'main.tf');
  const before = readFileSync(file, 'utf8');
  const after = edit(before);
  expect(after).not.toBe(before);
  writeFileSync(file, after);
  return dir;
}

describe('--strict note fingerprints', () => {
  it('hash the origin address: a count, a module input and a local all name the variable the value comes from', async () => {
    const all = await notes(FIXTURE);
    const pool = noteOf(all, 'pool-without-members', 'huaweicloud_elb_pool.web', 'var.web_replicas has no value');
    expect(pool.partialFingerprints[KEY]).toBe(golden('pool-without-members', 'huaweicloud_elb_pool.web', 'var.web_replicas'));
    // The module's interval is the root's var.health_check_interval; its timeout comes through local.health_check_timeout.
    const monitor = 'module.web_health.huaweicloud_elb_monitor.this';
    const interval = noteOf(all, 'health-check-timing-invalid', monitor, 'var.health_check_interval has no value');
    const timeout = noteOf(all, 'health-check-timing-invalid', monitor, 'var.health_check_timeout has no value');
    expect(interval.partialFingerprints[KEY]).toBe(golden('health-check-timing-invalid', monitor, 'var.health_check_interval'));
    expect(timeout.partialFingerprints[KEY]).toBe(golden('health-check-timing-invalid', monitor, 'var.health_check_timeout'));
  });

  it('two notes of one rule on one node about different origins get different fingerprints (no :2 numbering)', async () => {
    const all = await notes(FIXTURE);
    const monitor = all.filter((n) => n.ruleId === 'health-check-timing-invalid' && n.address === 'module.web_health.huaweicloud_elb_monitor.this');
    expect(monitor).toHaveLength(2);
    const prints = monitor.map((n) => n.partialFingerprints[KEY]!);
    expect(new Set(prints).size).toBe(2);
    expect(prints.every((p) => /^[0-9a-f]{32}$/.test(p))).toBe(true);
  });

  it('a reworded reason with the same origin keeps the fingerprint: count becomes for_each over the same variable', async () => {
    const reworded = variant((tf) =>
      tf
        .replace(
          /resource "huaweicloud_elb_member" "web" \{\n  count         = var\.web_replicas\n/,
          'resource "huaweicloud_elb_member" "web" {\n  for_each      = toset([for i in range(var.web_replicas) : tostring(i)])\n',
        )
        .replace('huaweicloud_compute_instance.web[count.index].access_ip_v4', 'huaweicloud_compute_instance.web[tonumber(each.key)].access_ip_v4'),
    );
    const before = noteOf(await notes(FIXTURE), 'pool-without-members', 'huaweicloud_elb_pool.web', 'var.web_replicas has no value');
    const after = noteOf(await notes(reworded), 'pool-without-members', 'huaweicloud_elb_pool.web', 'var.web_replicas has no value');
    // The reason is worded differently…
    expect(before.message.text).toContain('count of huaweicloud_elb_member.web is unknown');
    expect(after.message.text).toContain('for_each of huaweicloud_elb_member.web is unknown');
    // …and the fingerprint is the same, the one of its origin.
    expect(after.partialFingerprints[KEY]).toBe(before.partialFingerprints[KEY]);
    expect(after.partialFingerprints[KEY]).toBe(golden('pool-without-members', 'huaweicloud_elb_pool.web', 'var.web_replicas'));
  });

  it('the origin of a count or for_each note wrapped around "var.x has no value" is the variable declaration', async () => {
    const all = await notes(FIXTURE);
    const pool = noteOf(all, 'pool-without-members', 'huaweicloud_elb_pool.web', 'count of huaweicloud_elb_member.web is unknown: var.web_replicas has no value');
    expect(originOf(pool)).toBe('variables.tf:17');
    expect(pool.message.text).toContain('var.web_replicas has no value (variables.tf:17).');
    // With a known count for the web members, the api pool's note is about the for_each over var.api_hosts.
    const fixedCount = variant((tf) => tf.replace(/resource "huaweicloud_elb_member" "web" \{\n  count         = var\.web_replicas\n/, 'resource "huaweicloud_elb_member" "web" {\n  count         = 2\n'));
    const api = noteOf(await notes(fixedCount), 'pool-without-members', 'huaweicloud_elb_pool.api', 'for_each of huaweicloud_elb_member.api is unknown: var.api_hosts has no value');
    expect(originOf(api)).toBe('variables.tf:22');
    expect(api.partialFingerprints[KEY]).toBe(golden('pool-without-members', 'huaweicloud_elb_pool.api', 'var.api_hosts'));
  });

  it('an output of a module terraform init has not fetched is keyed by the module and output name', async () => {
    const dir = variant((tf) =>
      tf.replace(
        '# One health check per pool, tuned per environment.',
        `# Timings shared by every team, from the platform's registry module.
module "timings" {
  source  = "app.terraform.io/shop/elb-timings/huaweicloud"
  version = "~> 1.2"
}

resource "huaweicloud_elb_monitor" "api" {
  pool_id     = huaweicloud_elb_pool.api.id
  protocol    = "HTTP"
  url_path    = "/healthz"
  interval    = module.timings.interval
  timeout     = module.timings.timeout
  max_retries = 3
}

# One health check per pool, tuned per environment.`,
      ),
    );
    const all = await notes(dir);
    const api = all.filter((n) => n.ruleId === 'health-check-timing-invalid' && n.address === 'huaweicloud_elb_monitor.api');
    expect(api.map((n) => n.partialFingerprints[KEY]).sort()).toEqual(
      [golden('health-check-timing-invalid', 'huaweicloud_elb_monitor.api', 'module.timings.interval'), golden('health-check-timing-invalid', 'huaweicloud_elb_monitor.api', 'module.timings.timeout')].sort(),
    );
    // Both reasons read alike ("module.timings … was not found", which the old scheme numbered :1 and :2
    // in report order): only where they come from tells them apart.
    expect(new Set(api.map((n) => n.message.text.replace(/ \(main\.tf:\d+\)\.$/, ''))).size).toBe(1);
    expect(api.map(originOf).sort()).toEqual(['main.tf:91', 'main.tf:92']);
  });

  it('a note about what a module terraform init has not fetched may hide points at its source, and is keyed by the module', async () => {
    const dir = variant((tf) =>
      tf.replace(
        '# One health check per pool, tuned per environment.',
        `# Health checks from the platform's registry module (not fetched here).
module "health_checks" {
  source  = "app.terraform.io/shop/elb-health-checks/huaweicloud"
  version = "~> 2.0"
}

# One health check per pool, tuned per environment.`,
      ),
    );
    const source = readFileSync(path.join(dir, 'main.tf'), 'utf8').split('\n').findIndex((l) => l.includes('elb-health-checks')) + 1;
    // The module may hold a monitor of huaweicloud_elb_pool.api: whether it has one is open.
    const note = noteOf(await notes(dir), 'health-check-disabled', 'huaweicloud_elb_pool.api', 'module.health_checks (source');
    expect(note.message.text).toContain(`was not found (main.tf:${source}).`);
    expect(originOf(note)).toBe(`main.tf:${source}`);
    expect(note.partialFingerprints[KEY]).toBe(golden('health-check-disabled', 'huaweicloud_elb_pool.api', 'module.health_checks'));
  });

  it('a verdict undecided by a security group rule is keyed by the rule input it hangs on (through the net evaluator)', async () => {
    const dir = path.join(TESTDATA, 'security-group-blocks-backend-port', 'pass');
    const note = noteOf(await notes(dir), 'security-group-blocks-backend-port', 'huaweicloud_compute_instance.batch', 'remote: var.lb_source_cidr has no value');
    expect(note.partialFingerprints[KEY]).toBe(golden('security-group-blocks-backend-port', 'huaweicloud_compute_instance.batch', 'var.lb_source_cidr'));
    expect(originOf(note)).toBe('variables.tf:21');
  });
});

describe('the rule engine', () => {
  async function model() {
    const loaded = await loadPaths(['.'], { cwd: FIXTURE });
    const files: ParsedFile[] = loaded.files;
    expect(loaded.roots).toEqual(['.']);
    const evaluated = evaluateRoot('.', files, { vars: [], varFiles: [], env: {}, ...(loaded.modules ? { modules: loaded.modules } : {}) });
    return buildModel(evaluated.resources, evaluated.skipped);
  }

  it('fingerprints two notes whose reasons differ but whose Unknown has the same origin alike, and keeps each message', async () => {
    const m = await model();
    const monitor = m.monitors.find((x) => x.address === 'module.web_health.huaweicloud_elb_monitor.this')!;
    const interval = monitor.interval;
    if (!isUnknown(interval)) throw new Error('the fixture leaves the interval unknown');
    expect(originAddressOf(interval)).toBe('var.health_check_interval');
    const reworded = restate(interval, 'the health-check interval is an input this folder does not set');
    const rule = (u: Unknown) =>
      defineRule({
        ...(rules.find((r) => r.id === 'health-check-timing-invalid') as Rule),
        check(_, ctx) {
          ctx.unknown(u, { address: monitor.address, range: monitor.range });
        },
      });
    const options = { severityOverrides: new Map(), strict: true, settings: { healthCheckSources: DEFAULT_HEALTH_CHECK_SOURCES } };
    const [a] = runRules(m, [rule(interval)], options).findings;
    const [b] = runRules(m, [rule(reworded)], options).findings;
    expect(a!.message).not.toBe(b!.message);
    expect(findingFingerprint(a!)).toBe(findingFingerprint(b!));
    expect(findingFingerprint(a!)).toBe(golden('health-check-timing-invalid', monitor.address, 'var.health_check_interval'));
    // The origin range comes through the cause too: the root variable's declaration.
    expect(originRangeOf(reworded)).toMatchObject({ file: 'variables.tf', start: { line: 7 } });
  });

  it('keys an Unknown that names no origin by the empty address, never by its reason', () => {
    const u = new Unknown('a reason that may be reworded');
    expect(originAddressOf(u)).toBe('');
    expect(originAddressOf(restate(u, 'reworded'))).toBe('');
    const inner = new Unknown('var.a has no value', undefined, undefined, undefined, { originAddress: 'var.a' });
    const outer = new Unknown('count of x is unknown: var.a has no value', undefined, undefined, undefined, { originAddress: 'x.count', cause: inner });
    expect(originAddressOf(outer)).toBe('var.a');
  });
});

describe('--baseline with a baseline written before notes were keyed by origin', () => {
  /** A baseline as lblint wrote it then: every finding's fingerprint from its rule, address and attribute (a note's: `unknown:<reason>`), `:2`… for repeats in report order. */
  function oldBaseline(json: string): string {
    const report = JSON.parse(json) as { findings: { ruleId: string; address: string; attribute: string | null; suppressed: boolean }[] };
    const seen = new Map<string, number>();
    const findings = report.findings.map((f) => {
      const hash = createHash('sha256').update(`${f.ruleId}\0${f.address}\0${f.attribute ?? ''}`).digest('hex').slice(0, 32);
      const n = (seen.get(hash) ?? 0) + 1;
      seen.set(hash, n);
      return { fingerprint: n === 1 ? hash : `${hash}:${n}`, ruleId: f.ruleId, address: f.address, suppressed: f.suppressed };
    });
    const entries = findings.filter((f) => !f.suppressed).map(({ fingerprint, ruleId, address }) => ({ fingerprint, ruleId, address }));
    entries.sort((a, b) => (a.fingerprint < b.fingerprint ? -1 : a.fingerprint > b.fingerprint ? 1 : 0));
    return JSON.stringify({ version: 1, fingerprintKey: KEY, findings: entries }, null, 2) + '\n';
  }

  it('still hides its notes (matched by their old fingerprint); --write-baseline writes only the new ones', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'lblint-strict-baseline-'));
    temps.push(dir);
    cpSync(FIXTURE, dir, { recursive: true });
    const json = await cli(['.', '--strict', '--format', 'json'], dir);
    const old = oldBaseline(json.stdout);
    writeFileSync(path.join(dir, 'old-baseline.json'), old);
    const oldPrints = (JSON.parse(old) as { findings: { fingerprint: string; ruleId: string }[] }).findings;
    expect(oldPrints.filter((f) => f.ruleId !== 'health-check-disabled')).toHaveLength(4);

    // The old fingerprints of the notes are not today's…
    const sarif = JSON.parse((await cli(['.', '--strict', '--format', 'sarif'], dir)).stdout) as { runs: { results: SarifResult[] }[] };
    const current = sarif.runs[0]!.results.map((r) => r.partialFingerprints[KEY]!);
    const notesNow = sarif.runs[0]!.results.filter((r) => r.level === 'note').map((r) => r.partialFingerprints[KEY]!);
    expect(notesNow).toHaveLength(4);
    for (const p of notesNow) expect(oldPrints.map((f) => f.fingerprint)).not.toContain(p);

    // …yet the old baseline hides every finding, notes included.
    const r = await cli(['.', '--strict', '--baseline', 'old-baseline.json', '--format', 'json', '--fail-on', 'note'], dir);
    expect(JSON.parse(r.stdout).findings).toEqual([]);
    expect(r.code).toBe(0);
    const text = await cli(['.', '--strict', '--baseline', 'old-baseline.json'], dir);
    expect(text.stdout).toContain('5 in the baseline');

    // A baseline written now holds only the new fingerprints.
    expect((await cli(['.', '--strict', '--write-baseline', 'new-baseline.json'], dir)).code).toBe(0);
    const written = (JSON.parse(readFileSync(path.join(dir, 'new-baseline.json'), 'utf8')) as { findings: { fingerprint: string }[] }).findings.map((f) => f.fingerprint);
    expect(written.sort()).toEqual([...current].sort());
  });

  it('hides every finding with the baseline that lblint 98e4046 (before this change) wrote for the fixture with --strict', async () => {
    const recorded = path.join(import.meta.dirname, 'fixtures', 'strict-origins.baseline-98e4046.json');
    const r = await cli(['.', '--strict', '--baseline', recorded, '--format', 'json', '--fail-on', 'note'], FIXTURE);
    expect(JSON.parse(r.stdout).findings).toEqual([]);
    expect(r.code).toBe(0);
  });
});
