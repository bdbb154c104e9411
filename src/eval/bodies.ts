// Block bodies as values: the arguments and nested blocks of a resource, with `dynamic` blocks expanded.

import { Unknown, type BlockNode, type Value } from '../types.js';
import { withBindings, type Scope } from './expression.js';
import { parseTemplate } from './parser.js';
import { error, isObject, setKey, sortedKeys, typeName, type ValueObject } from './values.js';
import { bodies, entries, isBody, nestedBlock, rangeOf, type Body } from './config.js';
import { evaluateJson, evaluateKey, withOrigin } from './json.js';

/** The `dynamic` blocks of a body: their label (the block type they make) and their spec. */
export function dynamicEntries(body: Body): [string, Body][] {
  const out: [string, Body][] = [];
  for (const [label, specs] of entries(body['dynamic'])) for (const spec of bodies(specs)) out.push([label, spec]);
  return out;
}

/** Evaluates one argument or nested block type of a block body, expanding `dynamic` blocks. */
export function evaluateBodyEntry(body: Body, name: string, scope: Scope, block: BlockNode | undefined): Value {
  const raw = body[name];
  const dynamics = dynamicEntries(body).filter(([label]) => label === name);
  const evalStatic = (): Value => {
    if (Array.isArray(raw) && raw.length && raw.every(isBody)) {
      return raw.map((b, i) => evaluateBody(b, withOrigin(scope, rangeOf(block, name, i)), nestedBlock(block, name, i)));
    }
    return evaluateJson(raw, scope);
  };
  if (!dynamics.length) return evalStatic();
  const list: Value[] = [];
  if (raw !== undefined) {
    const s = evalStatic();
    if (Array.isArray(s)) list.push(...s);
    else list.push(s);
  }
  const dynBlocks = block?.blocks.filter((b) => b.type === 'dynamic' && b.labels[0] === name) ?? [];
  for (const [i, [label, spec]] of dynamics.entries()) {
    const dynBlock = dynBlocks[i];
    const origin = rangeOf(dynBlock, 'for_each') ?? scope.origin;
    const coll = evaluateJson(spec['for_each'], withOrigin(scope, origin));
    if (coll instanceof Unknown) return new Unknown(`dynamic "${label}" for_each is unknown: ${coll.reason}`, origin, coll.ref, undefined, { cause: coll });
    let items: [Value, Value][];
    if (Array.isArray(coll)) items = coll.map((v, j) => [j, v]);
    else if (isObject(coll)) items = sortedKeys(coll).map((k) => [k, coll[k] as Value]);
    else if (coll === null) items = [];
    else return error(`dynamic "${label}" for_each must be a collection, not ${typeName(coll)}`, origin);
    let iterator = label;
    if (typeof spec['iterator'] === 'string') {
      const it = parseTemplate(spec['iterator']);
      if (it.kind === 'variable') iterator = it.name;
      else if (it.kind === 'literal' && typeof it.value === 'string') iterator = it.value;
    }
    const content = bodies(spec['content'])[0] ?? {};
    const contentBlock = nestedBlock(dynBlock, 'content', 0);
    for (const [key, value] of items) {
      list.push(evaluateBody(content, withBindings(withOrigin(scope, contentBlock?.range ?? origin), { [iterator]: { key, value } }), contentBlock));
    }
  }
  return list;
}

/** Evaluates a nested block body (which may hold `dynamic` blocks of its own). */
function evaluateBody(body: Body, scope: Scope, block: BlockNode | undefined): Value {
  const out: ValueObject = {};
  const names = Object.keys(body).filter((k) => k !== 'dynamic' && k !== '//');
  for (const [label] of dynamicEntries(body)) if (!names.includes(label)) names.push(label);
  for (const name of names) {
    const key = evaluateKey(name, scope);
    if (key instanceof Unknown) return key;
    setKey(out, key, evaluateBodyEntry(body, name, withOrigin(scope, rangeOf(block, name) ?? scope.origin), block));
  }
  return out;
}
