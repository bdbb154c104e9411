// The fast path must give exactly what hcl2json gives, or decline: on every block of every
// testdata file, on hand-picked edge cases, and on generated expressions. It must also accept
// the common shapes, or it would be a slow no-op (so some cases assert that it answers).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { convertBlocks } from '../src/load/fast-hcl.js';
import { parseHcl } from '../src/load/hcl.js';
import { splitTopLevel } from '../src/load/select.js';
import { TESTDATA } from './helpers/fixtures.js';
// @ts-expect-error plain JS module shared with scripts/fuzz-hcl.mjs
import { runMutations, samplesOf, tfFiles } from './fuzz/hcl-mutations.mjs';

/** hcl2json's answer as text (key order included), or `error`. */
async function reference(text: string): Promise<string> {
  const r = await parseHcl('t.tf', text);
  return r.ok ? JSON.stringify(r.json) : 'error';
}

/** The fast path on a whole text of top-level blocks. */
function fast(text: string): string | undefined {
  const split = splitTopLevel(text);
  if (split === 'parse' || split === 'scan') return undefined;
  const out = convertBlocks(text, split, true);
  return out === undefined ? undefined : JSON.stringify(out);
}

/** Checks one text; returns whether the fast path answered. */
async function same(text: string): Promise<boolean> {
  const mine = fast(text);
  if (mine === undefined) return false;
  expect({ text, json: mine }).toEqual({ text, json: await reference(text) });
  return true;
}

const attr = (expr: string): string => `x "y" {\n  a = ${expr}\n}\n`;

describe('fast HCL conversion', () => {
  it('equals hcl2json on every block of the testdata, and answers for most of them', async () => {
    let blocks = 0;
    let answered = 0;
    for (const file of tfFiles(TESTDATA) as string[]) {
      const text = readFileSync(file, 'utf8');
      const split = splitTopLevel(text);
      if (split === 'parse' || split === 'scan') continue;
      for (const span of split) {
        blocks += 1;
        const mine = convertBlocks(text, [span]);
        if (mine === undefined) continue;
        answered += 1;
        const ref = await reference(text.slice(span.start, span.end));
        expect({ file: path.relative(TESTDATA, file), at: span.start, json: JSON.stringify(mine) }).toEqual({ file: path.relative(TESTDATA, file), at: span.start, json: ref });
      }
      // All blocks together: merging of blocks with the same address and label nesting.
      const all = convertBlocks(text, split);
      if (all !== undefined) {
        const joined = split.map((s) => text.slice(s.start, s.end)).join('\n');
        expect({ file: path.relative(TESTDATA, file), json: JSON.stringify(all) }).toEqual({ file: path.relative(TESTDATA, file), json: await reference(joined) });
      }
    }
    expect(blocks).toBeGreaterThan(1000);
    expect(answered / blocks).toBeGreaterThan(0.9);
  }, 120_000);

  /** Table entries of 'attribute value' that the fast path declines (hcl2json answers them). */
  const LEFT_TO_HCL2JSON = new Set(['f(x...)', '{for k, v in y : k => v...}', 'true.x', '1.x']);

  it.each([
    '"plain"', '"a-${var.x}-b"', '"${var.x}"', '"${ var.x }"', '"${5}"', '"${-5}"', '"${"y"}"', '"${[1, var.a]}"', '"${{b = 1}}"', '"x${[1]}"', '"x${(b)}"',
    '"tab\\there \\"q\\" \\\\"', '"$"', '"a$b"', '"100%"', '""',
    '5', '0', '-0', '00012', '1.50', '0.1', '-1.5', '- 5', '!true', '!false', 'true', 'null', '-x', '!x', '- - 5',
    'var.x', 'x-1', '5-3', 'count.index-1', 'x.0', 'x[*].id', 'x.*.id', 'x[*].y[0]', 'x.y.*.z', 'x[0]', 'f(x)[0].y', '(x)[0]', '(x).y', '(b)', '(5)',
    'f(x)', 'f (x)', 'f( x )', 'f(a,)', 'f(x...)', 'f(\n    b, # c\n    /* d */ c\n  )', 'f(\n  )', 'setunion(a, b)', 'map(string)', 'string',
    '[for x in y : x if x]', '{for k, v in y : k => v...}', '{\n    for k, v in y :\n    k => v\n  }', '[\n    for k in y :\n    k\n    if k\n  ]',
    '[1, 2,]', '[\n  ]', '[ 1 ]', '[-5]', '[\n    1, # c\n    2 /* d */\n  ]', '[1, 2][0]',
    '{}', '{ }', '{ "k" = 1, k2 = 2 }', '{ k = 1, k = 2 }', '{ b: 1 }', '{\n    b = 1\n\n    c = 2,\n  }', '{ b = 1 # c\n  }', '{ # c\n    b = 1 }', '{\n    b = 1 /* c */\n  }', '{ z = 1, a = { y = 2, b = [3] }, "10" = 4, "9" = 5 }',
    'x ? y : z', 'var.x != null ? var.x : "d"', 'true ? 1 : 2', 'a == b && c || !d', '"a" == "b"', '1 + 2 * 3 % 4 / 5 - 6', 'a >= b', 'a <= b', 'a < b', 'a > b',
    '(\n    x\n  )', '"${\n  b}"', 'true.x', '1.x', '"a"[0]', '{a=1}.a', '_b',
  ])('attribute value %s', async (expr) => {
    const text = attr(expr);
    const mine = fast(text);
    // Every case states its outcome: the ones the fast path leaves to hcl2json are listed.
    if (LEFT_TO_HCL2JSON.has(expr)) expect(mine).toBeUndefined();
    else expect(mine).toBe(await reference(text));
  });

  it.each([
    '"plain"', '"a-${var.x}-b"', '"${var.x}"', '5', '-1.5', '!true', 'null', 'var.x', 'x[*].id', 'f(\n    b,\n    c\n  )', 'cidrsubnet(var.cidr, 8, 1)',
    '[for x in y : x]', '{\n    for k, v in y :\n    k => v\n  }', '[1, "a", var.b]', '{ "k" = 1, k2 = 2 }', '{\n    b = 1\n    c = [2]\n  }', 'x ? y : z', '(x)',
  ])('answers for %s', async (expr) => {
    expect(await same(attr(expr))).toBe(true);
  });

  it.each([
    // hcl2json rejects these: the fast path must not accept them.
    '1 +\n  2', '{\n    b = 1 +\n    2\n  }', 'b c', 'x ?\n  y : z', '<5', 'x == = y', 'x => y', 'x.y z', '"a" "b"', 'x.', '[,]', 'f(,)', 'f(x...,)', '{b = 1 c = 2}', '"a\nb"', '"\\x"', '-null', '',
    // Shapes left to hcl2json.
    '<<EOF\n  hi\n  EOF', '"%{if x}y%{endif}"', '"$${x}"', '"${~ x ~}"', '"\\u00e9"', '"é"', '1e3', '12345678901234567890', 'provider::a::b(1)', '"p${b ? "x" : "y"}"', '"x${true}"', '{ a.b = 1 }', '{ (x) = 1 }', '{ "${x}" = 1 }', '{ 1 = 2 }',
  ])('declines %s', (expr) => {
    expect(fast(attr(expr))).toBeUndefined();
  });

  it.each([
    'x {\n  a = 1\n  }\n',
    'x "a" b {\n}\n',
    'x {\n}\n# trailing',
    '/* c */ x {\n}\n',
    'x {\n  y {\n  }\n  y {\n    b = 2\n  }\n  z "l" {\n  }\n}\n',
    'x {\n  y {}\n  z { }\n  w {} # c\n}\n',
    'x { # c\n  a = 1\n}\n',
    'x "y" {\n  a = 1\n}\nx "y" {\n  b = 2\n}\n',
    'resource "t" "n" {\r\n  a = [\r\n    b,\r\n  ]\r\n  c = f(\r\n    d\r\n  )\r\n}\r\n',
    'x { a = 1 }\n',
    'x "y" { default = "10.0.0.0/16" } # c\n',
    'x { a = 1 /* c */ }\n',
    'x {\n  y { a = 1 }\n  y { b = f(2) }\n}\n',
    'x {\n  dynamic "d" {\n    for_each = var.s\n    content {\n      a = d.value\n    }\n  }\n}\n',
  ])('blocks: %j', async (text) => {
    expect(await same(text)).toBe(true);
  });

  it.each([
    ['\uFEFFx {\n}\n', false],
    ['/* c */ x {\n}\n', true],
    ['x {\n}\n/* c */', true],
    ['x {\n}\nstray', false],
    ['x {\n} y {\n}\n', false],
    ['x {\n  a = 1\n}\r\n', true],
    ['x {a = [1,\n  2]}\n', false],
  ] as const)('answers as hcl2json does, or declines: %j (answers: %s)', async (text, answers) => {
    expect(await same(text)).toBe(answers);
  });

  it.each([
    'x {\n  a = 1 }\n', // argument not followed by a newline
    'x {\n  a = 1\n  a = 2\n}\n', // argument redefined
    'x {\n  y {}\n  y = 1\n}\n', // attribute over a block
    'x "y" {\n  a = 1\n}\nx "y" "z" {\n  b = 2\n}\n', // labels of two depths
    'x { a = 1, b = 2 }\n', // single-line blocks: one argument only
    'x { a = 1 b = 2 }\n',
    'x { y {} }\n',
    'x { a = 1 # c\n}\n',
    'x { a = 1 }y {\n}\n',
    'x "a${b}" {\n}\n', // interpolation in a label
    'x {\n  y {\n  }\n  y "l" {\n  }\n}\n', // labels of two depths
  ])('declines blocks: %j', (text) => {
    expect(fast(text)).toBeUndefined();
  });

  it('equals hcl2json on generated expressions', async () => {
    const ident = fc.constantFrom('a', 'var.x', 'local.y', 'count.index', 'each.value', 'x-1', 'aws_lb.web[0].id', 'm.*.id', 'r[*].id');
    const { expr } = fc.letrec((tie) => ({
      expr: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        ident,
        fc.constantFrom('1', '0', '42', '3.25', 'true', 'false', 'null', '"s"', '""', '"a b"', '"q\\"q"'),
        tie('expr').map((e) => `-${e}`),
        tie('expr').map((e) => `!${e}`),
        fc.tuple(tie('expr'), fc.constantFrom(' + ', ' - ', '*', ' == ', ' != ', ' && ', ' || ', ' < ', '>=', ' % '), tie('expr')).map(([a, o, b]) => `${a}${o}${b}`),
        fc.tuple(tie('expr'), tie('expr'), tie('expr')).map(([a, b, c]) => `${a} ? ${b} : ${c}`),
        fc.array(tie('expr'), { maxLength: 3 }).map((xs) => `[${xs.join(', ')}]`),
        fc.array(tie('expr'), { maxLength: 3 }).map((xs) => `[\n${xs.map((x) => `    ${x},\n`).join('')}  ]`),
        fc.array(fc.tuple(fc.constantFrom('k', 'b', '"q"', 'z_1', '"10"'), tie('expr')), { maxLength: 3 }).map((kv) => `{ ${kv.map(([k, v]) => `${k} = ${v}`).join(', ')} }`),
        fc.array(fc.tuple(fc.constantFrom('k', 'b', '"q"'), tie('expr')), { maxLength: 3 }).map((kv) => `{\n${kv.map(([k, v]) => `    ${k} = ${v}\n`).join('')}  }`),
        fc.tuple(fc.constantFrom('f', 'lookup', 'format', 'max'), fc.array(tie('expr'), { maxLength: 3 })).map(([f, xs]) => `${f}(${xs.join(', ')})`),
        tie('expr').map((e) => `(${e})`),
        tie('expr').map((e) => `"x-\${${e}}-y"`),
        tie('expr').map((e) => `"\${${e}}"`),
        tie('expr').map((e) => `[for v in ${e} : v]`),
        tie('expr').map((e) => `{ for k, v in ${e} : k => v }`),
        tie('expr').map((e) => `${e}[0]`),
        tie('expr').map((e) => `${e}.name`),
      ),
    }));
    let answered = 0;
    await fc.assert(
      fc.asyncProperty(expr, async (e) => {
        if (await same(attr(e))) answered += 1;
      }),
      { numRuns: 400, seed: 20261122 },
    );
    expect(answered).toBeGreaterThan(100);
  }, 120_000);

  it('equals hcl2json on mutated testdata files and blocks (or declines)', async () => {
    const samples: string[] = samplesOf(
      tfFiles(TESTDATA).map((f: string) => readFileSync(f, 'utf8')),
      splitTopLevel,
    );
    const lib = { convertBlocks, splitTopLevel, parseHcl };
    const seed = Number(process.env.FUZZ_SEED ?? 20261122);
    const r = (await runMutations({ samples, runs: 1500, seed, lib })) as { tried: number; answered: number; failures: unknown[] };
    expect({ seed, failures: r.failures }).toEqual({ seed, failures: [] });
    expect(r.answered).toBeGreaterThan(300);
  }, 120_000);
});
