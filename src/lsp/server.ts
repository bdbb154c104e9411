// `lblint lsp`: a Language Server Protocol server over stdio on vscode-languageserver. On open,
// change and save of a Terraform file it lints the folder that holds the file, with the editor's
// unsaved text for every open buffer, and publishes the findings as diagnostics; a finding's fix
// (the HCL of the missing rule) is a quick-fix code action. It knows the protocol only: what a
// lint of a folder means (config file, enabled rules) is the function the CLI hands it.
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  CodeActionKind,
  DiagnosticSeverity,
  ProposedFeatures,
  StreamMessageReader,
  StreamMessageWriter,
  TextDocumentSyncKind,
  TextDocuments,
  createConnection,
  type CodeAction,
  type Diagnostic,
  type InitializeResult,
  type Range as LspRange,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding, Fix, LoadError, Range, Severity } from '../types.js';
import { ruleDocsUrl, type RuleMeta } from '../rule.js';
import { LOAD_ERROR_RULE_ID } from '../report/types.js';

/** What one lint of a folder gives back (the CLI runs the engine with the config of that folder). */
export interface FolderLint {
  findings: Finding[];
  errors: LoadError[];
}

export interface LanguageServerOptions {
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
  /** Lints `folder` (absolute) with `overlays` (absolute path → unsaved text); paths in the result are relative to `folder`. */
  lintFolder(folder: string, overlays: ReadonlyMap<string, string>): Promise<FolderLint>;
  /** Rule metadata, for the docs link of each diagnostic. */
  rules: readonly RuleMeta[];
  version: string;
  /** lblint's repository at this version (`https://github.com/OWNER/REPO/blob/REF/`), when known: only then do diagnostics link to docs. */
  docsBase?: string;
  /** Milliseconds to wait after a change before linting (typing bursts lint once). */
  debounceMs?: number;
}

/** Files the server lints on: what the loader reads (.tf, .tf.json, .tfvars, .tfvars.json, and OpenTofu's .tofu). */
const TERRAFORM_FILE = /\.(tf|tf\.json|tofu|tofu\.json|tfvars|tfvars\.json)$/;

const SEVERITY: Record<Severity, DiagnosticSeverity> = { error: DiagnosticSeverity.Error, warning: DiagnosticSeverity.Warning, note: DiagnosticSeverity.Information };

/** lblint's 1-based, end-exclusive UTF-16 columns → LSP's 0-based positions (also UTF-16, the protocol's default encoding). */
export function toLspRange(range: Range): LspRange {
  const start = { line: Math.max(0, range.start.line - 1), character: Math.max(0, range.start.column - 1) };
  const end = { line: Math.max(start.line, range.end.line - 1), character: Math.max(0, range.end.column - 1) };
  if (end.line === start.line && end.character < start.character) end.character = start.character;
  return { start, end };
}

/** A diagnostic and the fix offered for it, kept for code actions. */
interface Published {
  diagnostic: Diagnostic;
  fix?: { uri: string; fix: Fix };
}

/** The docs link of a rule: only where lblint's repository is known (a diagnostic's codeDescription must resolve). */
function docsLink(meta: RuleMeta | undefined, docsBase: string | undefined): string | undefined {
  return meta === undefined ? undefined : ruleDocsUrl(docsBase, meta.id);
}

function uriOf(folder: string, file: string): string {
  return pathToFileURL(path.resolve(folder, file)).href;
}

function findingDiagnostic(f: Finding, folder: string, meta: RuleMeta | undefined, docsBase: string | undefined): Published {
  const diagnostic: Diagnostic = {
    range: toLspRange(f.range),
    severity: SEVERITY[f.severity],
    code: f.ruleId,
    source: 'lblint',
    message: f.message,
  };
  const href = docsLink(meta, docsBase);
  if (href !== undefined) diagnostic.codeDescription = { href };
  if (f.related.length > 0) {
    diagnostic.relatedInformation = f.related.map((r) => ({
      location: { uri: uriOf(folder, r.range.file), range: toLspRange(r.range) },
      message: r.address !== undefined ? `${r.address}: ${r.message}` : r.message,
    }));
  }
  if (f.fingerprint !== undefined) diagnostic.data = { fingerprint: f.fingerprint };
  return f.fix ? { diagnostic, fix: { uri: uriOf(folder, f.fix.after.file), fix: f.fix } } : { diagnostic };
}

function loadErrorDiagnostic(e: LoadError): Diagnostic {
  const start = { line: 0, character: 0 };
  return {
    range: e.range ? toLspRange(e.range) : { start, end: start },
    severity: DiagnosticSeverity.Error,
    code: LOAD_ERROR_RULE_ID,
    source: 'lblint',
    message: e.message,
  };
}

function overlaps(a: LspRange, b: LspRange): boolean {
  const before = (p: LspRange['start'], q: LspRange['start']) => p.line < q.line || (p.line === q.line && p.character < q.character);
  return !before(a.end, b.start) && !before(b.end, a.start);
}

/** The fix as an edit: its HCL inserted after the block it relates to, a blank line between (as in SARIF's `fixes`). */
function fixAction(p: Published): CodeAction | undefined {
  if (p.fix === undefined) return undefined;
  const at = toLspRange({ ...p.fix.fix.after, start: p.fix.fix.after.end }).start;
  const body = p.fix.fix.insertText.replace(/\n+$/, '');
  return {
    title: p.fix.fix.description,
    kind: CodeActionKind.QuickFix,
    diagnostics: [p.diagnostic],
    isPreferred: true,
    edit: { changes: { [p.fix.uri]: [{ range: { start: at, end: at }, newText: `${body.startsWith('\n') ? '\n' : '\n\n'}${body}` }] } },
  };
}

/** Runs the server until the client sends `exit` (vscode-languageserver then ends the process, as LSP specifies) or closes the stream. */
export function startLanguageServer(options: LanguageServerOptions): void {
  const connection = createConnection(ProposedFeatures.all, new StreamMessageReader(options.input), new StreamMessageWriter(options.output));
  const documents = new TextDocuments(TextDocument);
  const metas = new Map(options.rules.map((r) => [r.id, r]));
  const debounceMs = options.debounceMs ?? 200;

  /** Latest result of each linted folder: URI → what it published there. A file's diagnostics are the union over folders. */
  const byFolder = new Map<string, Map<string, Published[]>>();
  const published = new Map<string, Published[]>();
  const timers = new Map<string, NodeJS.Timeout>();
  const running = new Map<string, Promise<void>>();
  const again = new Set<string>();

  const publish = (uris: Iterable<string>): void => {
    for (const uri of uris) {
      const seen = new Set<string>();
      const list: Published[] = [];
      for (const result of byFolder.values()) {
        for (const p of result.get(uri) ?? []) {
          const key = JSON.stringify([p.diagnostic.code, p.diagnostic.range, p.diagnostic.message]);
          if (seen.has(key)) continue;
          seen.add(key);
          list.push(p);
        }
      }
      published.set(uri, list);
      void connection.sendDiagnostics({ uri, diagnostics: list.map((p) => p.diagnostic) });
    }
  };

  const lintNow = async (folder: string): Promise<void> => {
    const overlays = new Map<string, string>();
    for (const doc of documents.all()) {
      if (doc.uri.startsWith('file:')) overlays.set(fileURLToPath(doc.uri), doc.getText());
    }
    let result: FolderLint;
    try {
      result = await options.lintFolder(folder, overlays);
    } catch (error) {
      connection.console.error(`lblint: ${folder}: ${error instanceof Error ? error.message : String(error)}`);
      return;
    }
    const next = new Map<string, Published[]>();
    const add = (uri: string, p: Published) => {
      const list = next.get(uri);
      if (list) list.push(p);
      else next.set(uri, [p]);
    };
    for (const e of result.errors) {
      const file = e.range?.file ?? e.file;
      if (file === undefined) connection.console.error(`lblint: ${e.message}`);
      else add(uriOf(folder, file), { diagnostic: loadErrorDiagnostic(e) });
    }
    for (const f of result.findings) {
      if (!f.suppression) add(uriOf(folder, f.range.file), findingDiagnostic(f, folder, metas.get(f.ruleId), options.docsBase));
    }
    const before = byFolder.get(folder);
    byFolder.set(folder, next);
    publish(new Set([...(before?.keys() ?? []), ...next.keys()]));
  };

  /** One lint of a folder at a time; a change during a lint lints once more after it. */
  const lintFolder = (folder: string): void => {
    if (running.has(folder)) {
      again.add(folder);
      return;
    }
    const run = lintNow(folder).finally(() => {
      running.delete(folder);
      if (again.delete(folder)) lintFolder(folder);
    });
    running.set(folder, run);
  };

  const schedule = (uri: string, delay: number): void => {
    if (!uri.startsWith('file:')) return;
    const file = fileURLToPath(uri);
    if (!TERRAFORM_FILE.test(file)) return;
    const folder = path.dirname(file);
    clearTimeout(timers.get(folder));
    timers.set(
      folder,
      setTimeout(() => {
        timers.delete(folder);
        lintFolder(folder);
      }, delay),
    );
  };

  connection.onInitialize(
    (): InitializeResult => ({
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
      },
      serverInfo: { name: 'lblint', version: options.version },
    }),
  );
  documents.onDidOpen((e) => schedule(e.document.uri, 0));
  documents.onDidChangeContent((e) => schedule(e.document.uri, debounceMs));
  documents.onDidSave((e) => schedule(e.document.uri, 0));
  // A closed buffer is read from disk again: lint its folder with what is saved.
  documents.onDidClose((e) => schedule(e.document.uri, 0));
  connection.onCodeAction((params) => {
    const actions: CodeAction[] = [];
    for (const p of published.get(params.textDocument.uri) ?? []) {
      if (!overlaps(p.diagnostic.range, params.range)) continue;
      const action = fixAction(p);
      if (action) actions.push(action);
    }
    return actions;
  });

  documents.listen(connection);
  connection.listen();
}
