/**
 * A function's code as text that does not depend on the compiler that printed
 * it. The driver and a worker may load the same TypeScript through different
 * compilers (ts-node or ts-jest on one side, tsx's esbuild on the other): they
 * print the same method with other spacing, quotes and parentheses, and esbuild
 * adds `__name(...)` calls (keepNames), folds constant strings and writes
 * `undefined` as `void 0`. The shape is acorn's syntax tree without positions or
 * raw text, with those differences undone, so equal sources give equal shapes.
 */
import { createRequire } from 'node:module';

type Acorn = typeof import('acorn');
type Tree = { type: string; [key: string]: unknown };
let acorn: Acorn | undefined;

/**
 * The shape of a function (method, function or arrow) as text.
 *
 * @example
 * functionShape(function f(a) { return 'x' + 'y'; }) === functionShape(function f(a){return"xy"}); // true
 */
export function functionShape(fn: Function): string {
  acorn ??= createRequire(import.meta.url)('acorn') as Acorn;
  const text = Function.prototype.toString.call(fn);
  // A method prints as `name(a) { ... }`: valid only inside an object literal.
  for (const wrapped of [`(${text})`, `({${text}})`]) {
    let tree: Tree;
    try {
      tree = acorn.parse(wrapped, { ecmaVersion: 'latest' }) as unknown as Tree;
    } catch {
      continue;
    }
    return JSON.stringify(normalize(tree), replacer);
  }
  // Not parsable on its own (a method reading `#private` fields): its text without spaces.
  return text.replace(/\s+/g, '');
}

const DROPPED = new Set(['start', 'end', 'raw', 'loc', 'range']);

function replacer(key: string, value: unknown): unknown {
  if (DROPPED.has(key)) return undefined;
  if (typeof value === 'bigint') return `${value}n`;
  if (value instanceof RegExp) return String(value);
  return value;
}

function isTree(v: unknown): v is Tree {
  return v !== null && typeof v === 'object' && typeof (v as Tree).type === 'string';
}

/** Children first, then the node itself. */
function normalize(t: Tree): Tree {
  for (const key of Object.keys(t)) {
    const v = t[key];
    if (Array.isArray(v)) t[key] = v.map((x) => (isTree(x) ? normalize(x) : x)).filter((x) => !isTree(x) || !isNoise(x));
    else if (isTree(v)) t[key] = normalize(v);
  }
  return rewrite(t);
}

/** A statement esbuild adds and the other compilers do not: `__name(g, "g");` (now `g;`) and `static { __name(this, "C"); }`. */
function isNoise(t: Tree): boolean {
  if (t.type === 'ExpressionStatement') {
    const e = t.expression as Tree;
    return e.type === 'Identifier' || e.type === 'ThisExpression';
  }
  return t.type === 'StaticBlock' && (t.body as Tree[]).length === 0;
}

function rewrite(t: Tree): Tree {
  switch (t.type) {
    case 'CallExpression': {
      const callee = t.callee as Tree;
      const args = t.arguments as Tree[];
      if (callee.type === 'Identifier' && callee.name === '__name' && args.length === 2 && stringOf(args[1]!) !== undefined) return args[0]!;
      return t;
    }
    case 'BinaryExpression': {
      if (t.operator !== '+') return t;
      const l = stringOf(t.left as Tree);
      const r = stringOf(t.right as Tree);
      if (l !== undefined && r !== undefined) return { type: 'Literal', value: l + r };
      if (l !== undefined && (t.right as Tree).type === 'TemplateLiteral') return prepend(l, t.right as Tree);
      if (r !== undefined && (t.left as Tree).type === 'TemplateLiteral') return append(t.left as Tree, r);
      return t;
    }
    case 'TemplateLiteral':
      return (t.expressions as Tree[]).length === 0 ? { type: 'Literal', value: cooked((t.quasis as Tree[])[0]!) } : t;
    case 'Identifier':
      return t.name === 'undefined' ? { type: 'UnaryExpression', operator: 'void', prefix: true, argument: { type: 'Literal', value: 0 } } : t;
    case 'UnaryExpression': {
      const a = t.argument as Tree;
      return t.operator === '!' && a.type === 'Literal' && typeof a.value === 'boolean' ? { type: 'Literal', value: !a.value } : t;
    }
    default:
      return t;
  }
}

function stringOf(t: Tree): string | undefined {
  return t.type === 'Literal' && typeof t.value === 'string' ? t.value : undefined;
}

function cooked(q: Tree): string {
  return String((q.value as { cooked?: string }).cooked ?? '');
}

function prepend(s: string, tpl: Tree): Tree {
  const quasis = [...(tpl.quasis as Tree[])];
  quasis[0] = { type: 'TemplateElement', value: { cooked: s + cooked(quasis[0]!) }, tail: quasis[0]!.tail };
  return { ...tpl, quasis };
}

function append(tpl: Tree, s: string): Tree {
  const quasis = [...(tpl.quasis as Tree[])];
  const last = quasis.length - 1;
  quasis[last] = { type: 'TemplateElement', value: { cooked: cooked(quasis[last]!) + s }, tail: true };
  return { ...tpl, quasis };
}
