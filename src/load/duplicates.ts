// Declarations Terraform rejects as duplicates: two `resource`, `data`, `module`, `variable` or
// `output` blocks with the same labels in one module folder (across its files). Reported as a
// located error at the second one; both files are still linted. Override files are not declarations.
import type { LoadError, ParsedFile } from '../types.js';
import { isConfigKind } from './files.js';
import { isOverrideFile } from './override.js';

const UNIQUE = new Set(['resource', 'data', 'module', 'variable', 'output']);

/** `files` in path order (as the loader returns them), so the first declaration is the one kept. */
export function duplicateDeclarations(files: readonly ParsedFile[]): LoadError[] {
  const errors: LoadError[] = [];
  const first = new Map<string, string>();
  for (const file of files) {
    // Override files redeclare blocks on purpose (src/load/override.ts merges them).
    if (!isConfigKind(file.kind) || isOverrideFile(file.path)) continue;
    for (const block of file.blocks) {
      if (!UNIQUE.has(block.type)) continue;
      const expected = block.type === 'resource' || block.type === 'data' ? 2 : 1;
      if (block.labels.length !== expected) continue;
      const key = `${file.dir}\0${block.type}\0${block.labels.join('\0')}`;
      const { start } = block.headerRange;
      const at = `${file.path}:${start.line}:${start.column}`;
      const previous = first.get(key);
      if (previous === undefined) {
        first.set(key, at);
        continue;
      }
      const what = `${block.type} ${block.labels.map((l) => JSON.stringify(l)).join(' ')}`;
      errors.push({ file: file.path, range: block.headerRange, message: `duplicate ${what}: already declared at ${previous} (Terraform rejects this configuration)` });
    }
  }
  return errors;
}
