// Runs Microsoft's SARIF multitool (GitHub ingestion rules + SARIF rules) on a SARIF text.
// The tool exits 0 even when it finds errors, so the verdict is read from its own SARIF report.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export const MULTITOOL = resolve(
  import.meta.dirname,
  '../../node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool',
);

interface ValidationLog {
  runs?: { results?: { level?: string; ruleId?: string; message?: { text?: string; id?: string; arguments?: string[] } }[] }[];
}

/** Error-level messages of the validator (empty when the SARIF passes). */
export async function validateSarif(sarifText: string): Promise<{ errors: string[] }> {
  const dir = await mkdtemp(join(tmpdir(), 'lblint-sarif-'));
  try {
    const input = join(dir, 'input.sarif');
    const output = join(dir, 'validation.sarif');
    await writeFile(input, sarifText, 'utf8');
    let log = '';
    try {
      const { stdout, stderr } = await run(
        MULTITOOL,
        ['validate', input, '--rule-kind', 'Gh;Sarif', '--log', 'ForceOverwrite', '-o', output],
        { maxBuffer: 16 * 1024 * 1024, timeout: 110_000 },
      );
      log = stdout + stderr;
    } catch (error) {
      log = String((error as { stdout?: string }).stdout ?? '') + String((error as { stderr?: string }).stderr ?? error);
    }
    let report: ValidationLog;
    try {
      report = JSON.parse(await readFile(output, 'utf8')) as ValidationLog;
    } catch {
      return { errors: [`validator wrote no report: ${log.slice(0, 500)}`] };
    }
    const errors = (report.runs ?? [])
      .flatMap((r) => r.results ?? [])
      .filter((r) => r.level === 'error')
      .map((r) => `${r.ruleId ?? '?'}: ${r.message?.text ?? [r.message?.id, ...(r.message?.arguments ?? [])].join(' ')}`);
    return { errors };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Validates several SARIF texts in one run of the tool (its start-up dominates); errors keyed by name. */
export async function validateSarifBatch(texts: ReadonlyMap<string, string>): Promise<Map<string, string[]>> {
  const dir = await mkdtemp(join(tmpdir(), 'lblint-sarif-batch-'));
  try {
    const names = [...texts.keys()];
    const files = names.map((_, i) => join(dir, `f${i}.sarif`));
    await Promise.all(names.map((name, i) => writeFile(files[i]!, texts.get(name)!, 'utf8')));
    const output = join(dir, 'validation.sarif');
    let log = '';
    try {
      const { stdout, stderr } = await run(MULTITOOL, ['validate', ...files, '--rule-kind', 'Gh;Sarif', '--log', 'ForceOverwrite', '-o', output], {
        maxBuffer: 64 * 1024 * 1024,
        timeout: 280_000,
      });
      log = stdout + stderr;
    } catch (error) {
      log = String(error);
    }
    let report: ValidationLog & { runs?: { results?: { locations?: { physicalLocation?: { artifactLocation?: { uri?: string } } }[] }[] }[] };
    try {
      report = JSON.parse(await readFile(output, 'utf8')) as typeof report;
    } catch {
      throw new Error(`validator wrote no report: ${log.slice(0, 500)}`);
    }
    const out = new Map<string, string[]>(names.map((n) => [n, []]));
    type Located = { level?: string; locations?: { physicalLocation?: { artifactLocation?: { uri?: string } } }[] };
    for (const result of (report.runs ?? []).flatMap((r) => (r.results ?? []) as Located[])) {
      if (result.level !== 'error') continue;
      const uri = result.locations?.[0]?.physicalLocation?.artifactLocation?.uri ?? '';
      const index = files.findIndex((f) => uri.endsWith('/' + f.split('/').pop()!));
      const r = result as { ruleId?: string; message?: { text?: string; id?: string; arguments?: string[] } };
      const text = `${r.ruleId ?? '?'}: ${r.message?.text ?? [r.message?.id, ...(r.message?.arguments ?? [])].join(' ')}`;
      out.get(names[index] ?? names[0]!)!.push(text);
    }
    return out;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
