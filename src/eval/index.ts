// Public API of src/eval.

import type { Range, Value } from '../types.js';
import { evaluate, withBindings, type Scope } from './expression.js';
import { parseExpression } from './parser.js';
import { error } from './values.js';

export { evaluateRoot, evaluateJson, type EvalInputs } from './evaluate.js';
export { evaluatePlan, parseModuleAddress } from './plan.js';
export { parseExpression, parseTemplate, type Expr, type Step, type TemplatePart } from './parser.js';
export { callFunction, evaluatedFunctions } from './functions.js';
export { EvalError, findUnknown } from './values.js';
export { Handle, type Scope } from './expression.js';

export interface ExpressionContext {
  /** `var.NAME` values. */
  variables?: Record<string, Value>;
  /** `local.NAME` values. */
  locals?: Record<string, Value>;
  /** Other root names (`each`, `count`, iterator names, …) bound to values. */
  names?: Record<string, Value>;
  /** Origin of the Unknowns created. */
  origin?: Range;
}

/** Evaluates one HCL expression with the given names; what is not given is an error Unknown. */
export function evaluateExpression(source: string, context: ExpressionContext = {}): Value {
  const origin = context.origin;
  const lookup = (table: Record<string, Value> | undefined, prefix: string, name: string | undefined): { value: Value; consumed: number } => {
    if (name === undefined) return { value: error(`${prefix} needs an attribute name`, origin), consumed: 0 };
    if (table && Object.prototype.hasOwnProperty.call(table, name)) return { value: table[name] as Value, consumed: 1 };
    return { value: error(`${prefix}.${name} is not declared`, origin), consumed: 1 };
  };
  const base: Scope = {
    origin,
    resolve: (name, attrs) => {
      if (name === 'var') return lookup(context.variables, 'var', attrs[0]);
      if (name === 'local') return lookup(context.locals, 'local', attrs[0]);
      return { value: error(`unknown name "${name}"`, origin), consumed: 0 };
    },
  };
  return evaluate(parseExpression(source), withBindings(base, context.names ?? {}));
}
