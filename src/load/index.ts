// Public API of the load layer.
export { loadPaths, loadVarFile, parseFile, readText, type LoadOptions } from './loader.js';
export { scanHcl, type ScanError, type ScanResult } from './scanner.js';
export { scanJson } from './json.js';
export { parseHcl, parseHclErrorMessage, type HclError, type HclParseResult } from './hcl.js';
export { parseIgnoreComment, IGNORE_PROBLEM_BAD_UNTIL, IGNORE_PROBLEM_NO_REASON, IGNORE_PROBLEM_NO_RULES } from './ignores.js';
export { compileExcludes, relativePath } from './files.js';
export { SourceText } from './source.js';
