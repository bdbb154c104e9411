import { describe, expect, it } from 'vitest';
import { evaluateExpression, parseExpression, parseTemplate } from '../src/eval/index.js';
import { EvalError } from '../src/eval/values.js';
import { isUnknown, Unknown, type Value } from '../src/types.js';

const variables: Record<string, Value> = {
  env: 'prod',
  n: 3,
  list: ['a', 'b', 'c'],
  nums: [3, 1, 2],
  map: { b: 2, a: 1 },
  objs: [{ ip: '10.0.0.1', port: 80 }, { ip: '10.0.0.2', port: 8080 }],
  nested: { x: { y: [10, 20] } },
  vpc_cidr: '10.0.0.0/16',
  unknown: new Unknown('var.unknown has no value'),
  flag: true,
  empty: '',
  nothing: null,
};

const evalExpr = (src: string): Value => evaluateExpression(src, { variables, locals: { name: 'web' } });

describe('parseExpression', () => {
  it.each([
    ['a number literal', '42', { kind: 'literal', value: 42 }],
    ['a negative float', '-1.5e2', { kind: 'literal', value: -150 }],
    ['a bool', 'true', { kind: 'literal', value: true }],
    ['null', 'null', { kind: 'literal', value: null }],
    ['a quoted string with escapes', '"a\\n\\"b\\u00e9"', { kind: 'literal', value: 'a\n"bé' }],
    ['a lone interpolation unwraps to its expression', '"${var.x}"', { kind: 'traversal', root: { kind: 'variable', name: 'var' }, steps: [{ kind: 'attr', name: 'x' }] }],
    ['a legacy index a.0', 'a.0', { kind: 'traversal', root: { kind: 'variable', name: 'a' }, steps: [{ kind: 'index', key: { kind: 'literal', value: 0 } }] }],
    [
      'a legacy double index a.0.1',
      'a.0.1',
      {
        kind: 'traversal',
        root: { kind: 'variable', name: 'a' },
        steps: [
          { kind: 'index', key: { kind: 'literal', value: 0 } },
          { kind: 'index', key: { kind: 'literal', value: 1 } },
        ],
      },
    ],
    [
      'a full splat takes the following steps',
      'a[*].b[0]',
      {
        kind: 'traversal',
        root: { kind: 'variable', name: 'a' },
        steps: [{ kind: 'splat', steps: [{ kind: 'attr', name: 'b' }, { kind: 'index', key: { kind: 'literal', value: 0 } }] }],
      },
    ],
    [
      'an attribute splat takes only attributes',
      'a.*.b[0]',
      {
        kind: 'traversal',
        root: { kind: 'variable', name: 'a' },
        steps: [{ kind: 'splat', steps: [{ kind: 'attr', name: 'b' }], legacy: true }, { kind: 'index', key: { kind: 'literal', value: 0 } }],
      },
    ],
  ])('parses %s', (_name, src, expected) => {
    expect(parseExpression(src)).toEqual(expected);
  });

  it.each([
    ['1 +', 'an operator without a right operand'],
    ['[1, 2', 'an unclosed tuple'],
    ['"abc', 'an unterminated string'],
    ['foo(1,,2)', 'a doubled comma'],
    ['a ? b', 'a conditional without else'],
    ['"${a"', 'an unterminated interpolation'],
    ['"%{if a}x"', 'an if directive without endif'],
    ['1 2', 'two expressions in a row'],
    ['@', 'a stray character'],
  ])('returns an error node, never throws, for %s (%s)', (src) => {
    const e = parseExpression(src);
    expect(e.kind).toBe('error');
    const v = evaluateExpression(src);
    expect(v).toBeInstanceOf(EvalError);
  });

  it('keeps $${ and %%{ escapes literal in hcl2json strings', () => {
    expect(evaluateExpression('x', { names: { x: null } })).toBe(null);
    expect(parseTemplate('$${literal} and %%{x}')).toEqual({ kind: 'literal', value: '${literal} and %{x}' });
    expect(parseTemplate('C:\\dir')).toEqual({ kind: 'literal', value: 'C:\\dir' });
  });
});

describe('evaluateExpression', () => {
  it.each<[string, string, Value]>([
    ['operator precedence: * before +', '1 + 2 * 3', 7],
    ['parentheses override precedence', '(1 + 2) * 3', 9],
    ['modulo and division', '7 % 4 + 9 / 3', 6],
    ['&& binds tighter than ||', 'true || false && false', true],
    ['comparison before equality', '1 < 2 == true', true],
    ['unary not', '!var.flag', false],
    ['unary minus on a variable', '-var.n', -3],
    ['string numbers convert in arithmetic', '"2" + 3', 5],
    ['equality is type-strict', '1 == "1"', false],
    ['deep equality of tuples', '[1, {a = 2}] == [1, {a = 2}]', true],
    ['the conditional picks the true branch', 'var.n > 2 ? "big" : "small"', 'big'],
    ['a template interpolates', '"web-${var.env}-${var.n}"', 'web-prod-3'],
    ['a template if directive', '"%{if var.flag}on%{else}off%{endif}"', 'on'],
    ['a template for directive', '"%{for x in var.list}${x},%{endfor}"', 'a,b,c,'],
    ['strip markers trim whitespace', '"a  ${~ "b" ~}  c"', 'abc'],
    ['a heredoc', '<<EOT\nhello ${var.env}\nEOT\n', 'hello prod\n'],
    ['an indented heredoc', '<<-EOT\n    a\n      b\n    EOT\n', 'a\n  b\n'],
    ['a tuple', '[1, "two", true, null]', [1, 'two', true, null]],
    ['an object with all key forms', '{ a = 1, "b" : 2, (var.env) = 3, "${local.name}-x" = 4 }', { a: 1, b: 2, prod: 3, 'web-x': 4 }],
    ['nested indexes and attributes', 'var.nested.x.y[1]', 20],
    ['a map index with a string key', 'var.map["b"]', 2],
    ['a legacy numeric index', 'var.list.1', 'b'],
    ['a full splat', 'var.objs[*].ip', ['10.0.0.1', '10.0.0.2']],
    ['an attribute splat', 'var.objs.*.port', [80, 8080]],
    ['a splat over null is empty', 'var.nothing[*]', []],
    ['a splat over a single object wraps it', 'var.map[*].a', [1]],
    ['a list for expression with a condition', '[for x in var.list : upper(x) if x != "b"]', ['A', 'C']],
    ['a list for expression with index', '[for i, x in var.list : "${i}=${x}"]', ['0=a', '1=b', '2=c']],
    ['an object for expression', '{for k, v in var.map : v => k}', { '1': 'a', '2': 'b' }],
    ['a grouping for expression', '{for o in var.objs : (o.port > 100 ? "high" : "low") => o.ip...}', { low: ['10.0.0.1'], high: ['10.0.0.2'] }],
    ['function argument expansion', 'max(var.nums...)', 3],
    ['a known condition with an unknown other branch', 'true ? 1 : var.unknown', 1],
    ['an unknown condition with equal branches', 'var.unknown ? "x" : "x"', 'x'],
    ['false && unknown is false', 'false && var.unknown', false],
    ['try falls back on an error', 'try(var.map.missing, "fallback")', 'fallback'],
    ['can of an error is false', 'can(var.map.missing)', false],
    ['can of a value is true', 'can(var.map.a)', true],
    ['a tuple keeps known elements next to unknown ones', 'length([1, var.unknown])', 2],
  ])('%s: %s', (_name, src, expected) => {
    expect(evalExpr(src)).toEqual(expected);
  });

  it.each([
    ['arithmetic', 'var.unknown + 1'],
    ['a comparison', 'var.unknown == "x"'],
    ['a template', '"a-${var.unknown}"'],
    ['an unknown condition', 'var.unknown ? 1 : 2'],
    ['a for over an unknown collection', '[for x in var.unknown : x]'],
    ['an index into an unknown', 'var.unknown[0]'],
    ['try whose first argument is unknown', 'try(var.unknown, "x")'],
    ['can of an unknown', 'can(var.unknown)'],
    ['an unevaluated function', 'file("x.txt")'],
  ])('%s is Unknown: %s', (_name, src) => {
    const v = evalExpr(src);
    expect(isUnknown(v)).toBe(true);
    expect(v).not.toBeInstanceOf(EvalError);
  });

  it('names the unevaluated function in the reason', () => {
    expect((evalExpr('timestamp()') as Unknown).reason).toBe('function timestamp() is not evaluated');
    expect((evalExpr('templatefile("a", {})') as Unknown).reason).toBe('function templatefile() is not evaluated');
  });

  it('keeps the unknown element unknown inside a known list', () => {
    const v = evalExpr('[1, var.unknown]') as Value[];
    expect(v).toHaveLength(2);
    expect(v[0]).toBe(1);
    expect(isUnknown(v[1])).toBe(true);
  });

  it.each([
    ['a missing attribute', 'var.map.missing'],
    ['an index out of range', 'var.list[5]'],
    ['an undeclared variable', 'var.nope'],
    ['adding a string that is not a number', '"a" + 1'],
    ['a function argument of the wrong type', 'upper([1])'],
    ['division by zero', '1 / 0'],
  ])('%s is an error Unknown', (_name, src) => {
    expect(evalExpr(src)).toBeInstanceOf(EvalError);
  });
});

describe('functions', () => {
  it.each<[string, string, Value]>([
    ['cidrsubnet adds bits to the prefix', 'cidrsubnet(var.vpc_cidr, 8, 1)', '10.0.1.0/24'],
    ['cidrsubnet masks the host bits of the prefix', 'cidrsubnet("10.1.2.3/16", 4, 15)', '10.1.240.0/20'],
    ['cidrsubnet works on IPv6', 'cidrsubnet("fd00:fd12:3456:7890::/56", 16, 162)', 'fd00:fd12:3456:7800:a200::/72'],
    ['cidrsubnets packs prefixes', 'cidrsubnets("10.1.0.0/16", 4, 4, 8, 4)', ['10.1.0.0/20', '10.1.16.0/20', '10.1.32.0/24', '10.1.48.0/20']],
    ['cidrhost counts from the network address', 'cidrhost("10.12.112.0/20", 16)', '10.12.112.16'],
    ['cidrhost counts back from the end with a negative number', 'cidrhost("10.12.112.0/20", -2)', '10.12.127.254'],
    ['cidrhost works on IPv6', 'cidrhost("fd00:fd12:3456:7890:00a2::/72", 34)', 'fd00:fd12:3456:7890::22'],
    ['cidrnetmask of a /12', 'cidrnetmask("172.16.0.0/12")', '255.240.0.0'],
    ['format with %s %d %q %%', 'format("%s-%03d %q 100%%", "web", 7, "x")', 'web-007 "x" 100%'],
    ['format %v of a list is JSON', 'format("%v", [1, "a"])', '[1,"a"]'],
    ['formatlist over a list', 'formatlist("%s:%d", var.list, 80)', ['a:80', 'b:80', 'c:80']],
    ['join', 'join(",", var.list)', 'a,b,c'],
    ['split', 'split(",", "a,b")', ['a', 'b']],
    ['concat', 'concat([1], [2, 3])', [1, 2, 3]],
    ['element wraps around', 'element(var.list, 4)', 'b'],
    ['lookup with a default', 'lookup(var.map, "z", 9)', 9],
    ['lookup of a present key', 'lookup(var.map, "a")', 1],
    ['tostring of a number', 'tostring(5)', '5'],
    ['tonumber of a string', 'tonumber("8080")', 8080],
    ['tobool of a string', 'tobool("true")', true],
    ['toset dedupes and sorts strings', 'toset(["b", "a", "b"])', ['a', 'b']],
    ['tolist', 'tolist(["a"])', ['a']],
    ['tomap', 'tomap({a = 1})', { a: 1 }],
    ['length of a map', 'length(var.map)', 2],
    ['length of a string counts characters', 'length("héllo")', 5],
    ['merge: later keys win', 'merge({a = 1, b = 1}, {b = 2})', { a: 1, b: 2 }],
    ['flatten', 'flatten([[1, [2]], 3])', [1, 2, 3]],
    ['distinct keeps the first', 'distinct([1, 2, 1])', [1, 2]],
    ['keys are sorted', 'keys(var.map)', ['a', 'b']],
    ['values follow sorted keys', 'values(var.map)', [1, 2]],
    ['contains', 'contains(var.list, "b")', true],
    ['contains is true even with unknown elements when one matches', 'contains(["b", var.unknown], "b")', true],
    ['coalesce skips null and empty strings', 'coalesce(var.nothing, var.empty, "x")', 'x'],
    ['compact', 'compact(["a", "", null, "b"])', ['a', 'b']],
    ['upper', 'upper("ab")', 'AB'],
    ['lower', 'lower("AB")', 'ab'],
    ['trimspace', 'trimspace("  a \\n")', 'a'],
    ['replace a substring', 'replace("a-b-c", "-", "_")', 'a_b_c'],
    ['replace with a regular expression', 'replace("a1b22", "/[0-9]+/", "#")', 'a#b#'],
    ['range with one argument', 'range(3)', [0, 1, 2]],
    ['range with a step', 'range(1, 8, 3)', [1, 4, 7]],
    ['min', 'min(3, 1, 2)', 1],
    ['max', 'max(3, 1, 2)', 3],
    ['abs', 'abs(-4)', 4],
    ['jsonencode sorts keys and escapes like Go', 'jsonencode({b = "<", a = [1, true, null]})', '{"a":[1,true,null],"b":"\\u003c"}'],
    ['zipmap', 'zipmap(["a", "b"], [1, 2])', { a: 1, b: 2 }],
    ['slice', 'slice(var.list, 1, 3)', ['b', 'c']],
    ['sort sorts strings', 'sort(["b", "c", "a"])', ['a', 'b', 'c']],
    ['try returns the first argument that works', 'try(var.list[9], var.list[0])', 'a'],
    ['concat keeps unknown elements as elements', 'length(concat([var.unknown], [1]))', 2],
    ['merge keeps an unknown value under a known key', 'keys(merge({a = var.unknown}, {b = 1}))', ['a', 'b']],
  ])('%s: %s', (_name, src, expected) => {
    expect(evalExpr(src)).toEqual(expected);
  });

  it.each([
    ['join with an unknown element', 'join(",", ["a", var.unknown])'],
    ['cidrsubnet of an unknown prefix', 'cidrsubnet(var.unknown, 8, 1)'],
    ['format with an unknown argument', 'format("%s", var.unknown)'],
    ['merge with an unknown map', 'merge(var.unknown, {a = 1})'],
    ['an unsupported function', 'uuid()'],
  ])('%s is Unknown', (_name, src) => {
    expect(isUnknown(evalExpr(src))).toBe(true);
  });

  it('propagates the reason of the first unknown argument', () => {
    expect((evalExpr('upper(var.unknown)') as Unknown).reason).toBe('var.unknown has no value');
  });

  it.each([
    ['cidrsubnet beyond the address space', 'cidrsubnet("10.0.0.0/30", 8, 1)'],
    ['cidrsubnet with a netnum too large', 'cidrsubnet("10.0.0.0/16", 2, 4)'],
    ['a malformed CIDR', 'cidrhost("10.0.0/8", 1)'],
    ['lookup of a missing key without default', 'lookup(var.map, "z")'],
    ['element of an empty list', 'element([], 0)'],
    ['wrong argument count', 'join(",")'],
  ])('%s is an error', (_name, src) => {
    expect(evalExpr(src)).toBeInstanceOf(EvalError);
  });
});

describe('CIDR functions format addresses as Terraform does (RFC 5952 for IPv6)', () => {
  // Values from Terraform's function documentation (cidrsubnet, cidrhost, cidrnetmask).
  it.each([
    ['cidrsubnet("fd00:fd12:3456:7890::/56", 16, 162)', 'fd00:fd12:3456:7800:a200::/72'],
    ['cidrhost("fd00:fd12:3456:7890:00a2::/72", 34)', 'fd00:fd12:3456:7890::22'],
    ['cidrsubnet("10.1.2.0/24", 4, 15)', '10.1.2.240/28'],
    ['cidrhost("10.12.112.0/20", 268)', '10.12.113.12'],
    ['cidrnetmask("172.16.0.0/12")', '255.240.0.0'],
  ])('%s = %s', (src, expected) => {
    expect(evaluateExpression(src)).toBe(expected);
  });
});
