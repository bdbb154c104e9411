// Prints a parsed expression back in HCL native syntax, the way users write it, so that a value
// that is not known can name the expression it came from (`alicloud_vswitch.vswitches[var.i].id`).
import type { Expr, Step, TemplatePart } from './parser.js';

export function printExpr(e: Expr): string {
  switch (e.kind) {
    case 'literal':
      return typeof e.value === 'string' ? JSON.stringify(e.value) : String(e.value);
    case 'variable':
      return e.name;
    case 'traversal':
      return `${printOperand(e.root)}${printSteps(e.steps)}`;
    case 'template':
      return `"${e.parts.map(printPart).join('')}"`;
    case 'tuple':
      return `[${e.items.map(printExpr).join(', ')}]`;
    case 'object':
      return `{ ${e.items.map((i) => `${printExpr(i.key)} = ${printExpr(i.value)}`).join(', ')} }`;
    case 'call':
      return `${e.name}(${e.args.map(printExpr).join(', ')}${e.expandFinal ? '...' : ''})`;
    case 'unary':
      return `${e.op}${printOperand(e.operand)}`;
    case 'binary':
      return `${printOperand(e.left)} ${e.op} ${printOperand(e.right)}`;
    case 'conditional':
      return `${printOperand(e.cond)} ? ${printOperand(e.then)} : ${printOperand(e.else)}`;
    case 'for': {
      const vars = e.keyVar !== undefined ? `${e.keyVar}, ${e.valueVar}` : e.valueVar;
      const body = e.keyExpr ? `${printExpr(e.keyExpr)} => ${printExpr(e.valueExpr)}${e.group ? '...' : ''}` : printExpr(e.valueExpr);
      const cond = e.cond ? ` if ${printExpr(e.cond)}` : '';
      const [open, close] = e.keyExpr ? ['{', '}'] : ['[', ']'];
      return `${open}for ${vars} in ${printExpr(e.collection)} : ${body}${cond}${close}`;
    }
    case 'error':
      return '(invalid expression)';
  }
}

/** Operators bind looser than traversals: parenthesize them where they are operands. */
function printOperand(e: Expr): string {
  return e.kind === 'binary' || e.kind === 'conditional' || e.kind === 'unary' ? `(${printExpr(e)})` : printExpr(e);
}

export function printSteps(steps: readonly Step[]): string {
  return steps
    .map((s) => {
      if (s.kind === 'attr') return `.${s.name}`;
      if (s.kind === 'splat') return `${s.legacy ? '.*' : '[*]'}${printSteps(s.steps)}`;
      return `[${printExpr(s.key)}]`;
    })
    .join('');
}

function printPart(p: TemplatePart): string {
  switch (p.kind) {
    case 'lit':
      return p.value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
    case 'interp':
      return `\${${printExpr(p.expr)}}`;
    case 'if':
      return `%{ if ${printExpr(p.cond)} }${p.then.map(printPart).join('')}%{ else }${p.else.map(printPart).join('')}%{ endif }`;
    case 'for':
      return `%{ for ${p.keyVar !== undefined ? `${p.keyVar}, ` : ''}${p.valueVar} in ${printExpr(p.collection)} }${p.body.map(printPart).join('')}%{ endfor }`;
  }
}
