// Writes a Terraform tree to a temporary folder and loads it with the real loader, for tests that
// evaluate module calls (eval follows only the calls the load resolved: LoadResult.modules).
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadPaths } from '../../src/load/index.js';
import type { LoadError, ModuleCallTable, ParsedFile } from '../../src/types.js';

export async function loadTree(sources: Record<string, string>): Promise<{ files: ParsedFile[]; modules: ModuleCallTable; errors: LoadError[]; cwd: string }> {
  const cwd = mkdtempSync(path.join(tmpdir(), 'lblint-tree-'));
  for (const [rel, text] of Object.entries(sources)) {
    mkdirSync(path.dirname(path.join(cwd, rel)), { recursive: true });
    writeFileSync(path.join(cwd, rel), text);
  }
  // Every block parsed (the tests use made-up resource types, which a selective load leaves out).
  const loaded = await loadPaths(['.'], { cwd, jobs: 1, selective: false });
  return { files: loaded.files, modules: loaded.modules ?? { local: new Map(), fetched: new Map() }, errors: loaded.errors, cwd };
}
