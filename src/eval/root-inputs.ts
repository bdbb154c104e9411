// The values of a root module's variables from every source: TF_VAR_ environment variables,
// terraform.tfvars(.json), *.auto.tfvars(.json), --var-file and --var, lowest precedence first.
import type { ModuleCallTable, ParsedFile, Value } from '../types.js';
import { evaluate } from './expression.js';
import { parseExpression } from './parser.js';
import { isPrimitiveType } from './convert.js';
import { filesByDir, variableType, type ModuleConfig } from './config.js';
import { constantScope, evaluateJson, literalJson } from './json.js';

export interface EvalInputs {
  /** `--var name=value`, in command-line order. */
  vars: { name: string; value: string }[];
  /** `--var-file` files, in command-line order. */
  varFiles: ParsedFile[];
  /** Environment (for `TF_VAR_name`). */
  env: Record<string, string | undefined>;
  /** Root variable values that win over every other source (the `variables` of a plan). */
  values?: Record<string, Value>;
  /**
   * The folder each module call loaded, as the load resolved it (LoadResult.modules). Without it
   * no module call is followed.
   */
  modules?: ModuleCallTable;
  /**
   * Root variables of a reusable module linted on its own whose empty default its caller fills
   * (src/model/folder.ts): they stand in for the default; any other source still wins.
   */
  placeholders?: ReadonlyMap<string, Value>;
}

export function basename(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/** Values of the root module's variables from every source, lowest precedence first. */
export function rootInputs(root: string, files: ParsedFile[], config: ModuleConfig, inputs: EvalInputs): Map<string, Value> {
  const values = new Map<string, Value>();
  const fromString = (name: string, text: string): Value => {
    const decl = config.variables.get(name);
    const type = decl ? variableType(decl) : undefined;
    if (type && !isPrimitiveType(type)) return evaluate(parseExpression(text), constantScope());
    return text;
  };
  for (const name of config.variables.keys()) {
    const text = inputs.env[`TF_VAR_${name}`];
    if (text !== undefined) values.set(name, fromString(name, text));
  }
  const applyFile = (file: ParsedFile): void => {
    for (const [name, raw] of Object.entries(file.json)) {
      const origin = file.attributes[name]?.valueRange;
      values.set(name, file.kind === 'tfvars.json' ? literalJson(raw) : evaluateJson(raw, constantScope(origin)));
    }
  };
  const tfvars = filesByDir(files).variables.get(root) ?? [];
  const named = (n: string): ParsedFile[] => tfvars.filter((f) => basename(f.path) === n);
  for (const f of named('terraform.tfvars')) applyFile(f);
  for (const f of named('terraform.tfvars.json')) applyFile(f);
  const auto = tfvars
    .filter((f) => /\.auto\.tfvars(\.json)?$/.test(basename(f.path)))
    .sort((a, b) => (basename(a.path) < basename(b.path) ? -1 : basename(a.path) > basename(b.path) ? 1 : 0));
  for (const f of auto) applyFile(f);
  for (const f of inputs.varFiles) applyFile(f);
  for (const v of inputs.vars) values.set(v.name, fromString(v.name, v.value));
  return values;
}
