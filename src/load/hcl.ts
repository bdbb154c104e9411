// The only import of the HCL parser: switching to the fork `@cdktn/hcl2json` (same API) is this one line.
// Imported on first use: loading it starts a Go runtime (WebAssembly), which a run whose parsing
// happens in worker threads (or that finds nothing to parse) never needs on the main thread.
// Required, not import()ed: the bundled CLI runs in a vm.Script (src/lblint.cts), where import() has no
// loader. scripts/bundle.mjs turns this createRequire into the bundle's own require, which it bundles.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const loadParser = async (): Promise<typeof import('@cdktf/hcl2json')> => require('@cdktf/hcl2json') as typeof import('@cdktf/hcl2json');

let parser: Promise<typeof import('@cdktf/hcl2json')> | undefined;

export interface HclError {
  /** 1-based, as hcl2json reports it (HCL counts columns in characters, not UTF-16 units). */
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  message: string;
}

export type HclParseResult = { ok: true; json: Record<string, unknown> } | { ok: false; errors: HclError[] };

/** Parses HCL native syntax with hcl2json. Never throws. */
export async function parseHcl(fileName: string, text: string): Promise<HclParseResult> {
  try {
    parser ??= loadParser();
    const { parse } = await parser;
    const json: unknown = await parse(fileName, text);
    if (json !== null && typeof json === 'object' && !Array.isArray(json)) return { ok: true, json: json as Record<string, unknown> };
    return { ok: false, errors: [{ line: 1, column: 1, message: 'hcl2json returned no object' }] };
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    return { ok: false, errors: parseHclErrorMessage(fileName, message) };
  }
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Splits `parse config: [a.tf:3,26-4,1: Summary; Detail. a.tf:5,1-2: Summary; Detail.]` into
 * located errors. A location mentioned inside a detail ("already set at a.tf:2,2-3.") is not
 * followed by `: ` and so does not split.
 */
export function parseHclErrorMessage(fileName: string, message: string): HclError[] {
  const at = new RegExp(`${escapeRegExp(fileName)}:(\\d+),(\\d+)-(?:(\\d+),)?(\\d+): `, 'g');
  const matches = [...message.matchAll(at)];
  if (matches.length === 0) {
    const bare = message.replace(/^parse config: \[/, '').replace(/\]$/, '').trim();
    return [{ line: 1, column: 1, message: bare === '' ? 'cannot parse the file' : bare }];
  }
  return matches.map((m, i) => {
    const start = (m.index ?? 0) + m[0].length;
    const next = matches[i + 1];
    let body = message.slice(start, next === undefined ? message.length : next.index);
    if (next === undefined) body = body.replace(/\]\s*$/, '');
    body = body.trim();
    const split = body.indexOf('; ');
    const summary = split < 0 ? body : body.slice(0, split);
    const detail = split < 0 ? '' : body.slice(split + 2).trim();
    const line = Number(m[1]);
    return {
      line,
      column: Number(m[2]),
      endLine: m[3] === undefined ? line : Number(m[3]),
      endColumn: Number(m[4]),
      message: detail === '' ? summary : `${summary}: ${detail}`,
    };
  });
}
