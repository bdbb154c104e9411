// Public API of the load layer.
export { defaultJobs, loadPaths, loadVarFile, parseFile, readText, type LoadOptions, type LoadStats } from './loader.js';
export { DEFAULT_CACHE_LOCATION, refusedCacheLocation } from './cache.js';
export { scanHcl, type ScanError, type ScanResult } from './scanner.js';
export { scanJson } from './json.js';
export { parseHcl, parseHclErrorMessage, type HclError, type HclParseResult } from './hcl.js';
export { parseIgnoreComment, IGNORE_PROBLEM_BAD_UNTIL, IGNORE_PROBLEM_NO_REASON, IGNORE_PROBLEM_NO_RULES } from './ignores.js';
export { compileExcludes, firstExisting, isConfigKind, workerBundle, manifestPath, readTextFileSync, relativePath } from './files.js';
export { SourceText } from './source.js';
export { loadPlan, parsePlan } from './plan.js';
export { discover, loadDiscovered, loadFound, type Discovery, type FoundLoadOptions, type ParseCacheStore, type LoadPathsResult } from './loader.js';
export { planRoots, type RootJob, type RootPlan } from './roots.js';
export { ParseCache, type SerializedBlocks } from './cache.js';
export type { FoundFile } from './files.js';
export { sameBlocks, type ParsedBlocks } from './parse-file.js';
export { ResultCache, folderListing, settingsHash, type ResultInputs } from './result-cache.js';
export { FileFacts } from './file-facts.js';
export { applyOverrides, isOverrideFile, withoutShadowedByTofu } from './override.js';
