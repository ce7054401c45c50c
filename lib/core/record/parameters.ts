/**
 * Reads a function's parameter names from its source text.
 *
 * acorn is the authority. Because acorn's per-call setup costs several
 * microseconds (measured: ~5-7 µs a method even warm, which alone would exceed
 * the 4,000-node build budget), the overwhelmingly common shape, a plain list of
 * identifiers, is read by a scanner that uses acorn's own identifier character
 * tables; anything else (defaults, comments, patterns, computed names) goes to
 * acorn's parser. A property test checks the two agree.
 */
import { createRequire } from 'node:module';
import type { Node as AcornNode, Pattern } from 'acorn';

// acorn exports its identifier tables at run time but its typings omit them.
type Acorn = typeof import('acorn') & {
  isIdentifierChar(code: number, astral?: boolean): boolean;
  isIdentifierStart(code: number, astral?: boolean): boolean;
};

// acorn is loaded by the first decorated method, not when hamilton-ts is imported
// (its ESM build costs several ms of start-up). Decorators run synchronously, so it
// is required (acorn ships a CommonJS build) rather than imported.
let isIdentifierChar: Acorn['isIdentifierChar'];
let isIdentifierStart: Acorn['isIdentifierStart'];
let parse: Acorn['parse'] | undefined;

function loadAcorn(): void {
  const acorn = createRequire(import.meta.url)('acorn') as Acorn;
  ({ isIdentifierChar, isIdentifierStart, parse } = acorn);
}

/** One parameter of a node function. */
export interface ParameterSpec {
  /** The parameter's name: the node or input it depends on. */
  readonly name: string;
  /** True when the parameter has a default value (an optional dependency). */
  readonly optional: boolean;
}

/** Why parameters could not be read; the decorator turns this into a DecoratorError. */
export class ParameterParseError extends Error {
  constructor(
    readonly reason: 'destructured' | 'rest' | 'unparsable' | 'native',
    readonly parameterText: string,
  ) {
    super(`${reason} parameters: (${parameterText})`);
  }
}

/** JavaScript white space and line terminators (a method's text has no other between its parameters, bar comments). */
function isSpace(c: number): boolean {
  return c === 0x20 || (c >= 0x09 && c <= 0x0d) || c === 0xa0 || c === 0xfeff || c === 0x2028 || c === 0x2029;
}

// The scanner reads every decorated method's head while the user's module
// loads: ASCII characters are classified by table, the rest by acorn.
const ASCII_START = new Uint8Array(128);
const ASCII_PART = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const letter = (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x24 /* $ */ || c === 0x5f; /* _ */
  ASCII_START[c] = letter ? 1 : 0;
  ASCII_PART[c] = letter || (c >= 0x30 && c <= 0x39) ? 1 : 0;
}

function identifierStart(c: number): boolean {
  return c < 128 ? ASCII_START[c] === 1 : isIdentifierStart(c, true);
}

function identifierPart(c: number): boolean {
  return c < 128 ? ASCII_PART[c] === 1 : isIdentifierChar(c, true);
}

/**
 * Parses the parameter list of a method, function or arrow function.
 *
 * @example
 * parseParameters(function f(a, b = 1) {}); // [{ name: 'a', optional: false }, { name: 'b', optional: true }]
 */
export function parseParameters(fn: Function): ParameterSpec[] {
  if (parse === undefined) loadAcorn();
  const source = Function.prototype.toString.call(fn);
  // Bound and built-in functions print as `function () { [native code] }`: their
  // real parameters cannot be read, and reading none would silently drop inputs.
  if (source.endsWith('{ [native code] }')) throw new ParameterParseError('native', fn.name || '(anonymous)');
  return scanSimple(source) ?? parseWithAcorn(source);
}

/** The fast path: `name(a, b, c)` with nothing but identifiers; null means "ask acorn". */
function scanSimple(src: string): ParameterSpec[] | null {
  let i = 0;
  const n = src.length;
  // Method heads look like `[async ][*]name(` or `function[*] [name](`; any other
  // character before the `(` (quotes, brackets, `=>`) sends the text to acorn.
  while (i < n) {
    const c = src.charCodeAt(i);
    if (c === 0x28 /* ( */) break;
    if (c === 0x2a /* * */ || isSpace(c) || identifierPart(c)) { i++; continue; }
    return null;
  }
  if (i >= n) return null;
  i++;
  const params: ParameterSpec[] = [];
  for (;;) {
    while (i < n && isSpace(src.charCodeAt(i))) i++;
    if (i >= n) return null;
    let c = src.charCodeAt(i);
    if (c === 0x29 /* ) */) return params;
    if (!identifierStart(c)) return null;
    const start = i;
    while (i < n && identifierPart(src.charCodeAt(i))) i++;
    params.push({ name: src.slice(start, i), optional: false });
    while (i < n && isSpace(src.charCodeAt(i))) i++;
    c = src.charCodeAt(i);
    if (c === 0x2c /* , */) { i++; continue; }
    if (c === 0x29) return params;
    return null;
  }
}

function parseWithAcorn(source: string): ParameterSpec[] {
  const params = functionParams(source);
  const text = params.text;
  return params.nodes.map((p) => {
    if (p.type === 'Identifier') return { name: p.name, optional: false };
    if (p.type === 'AssignmentPattern' && p.left.type === 'Identifier') return { name: p.left.name, optional: true };
    if (p.type === 'RestElement') throw new ParameterParseError('rest', text);
    throw new ParameterParseError('destructured', text);
  });
}

/** Parses the source as an object-literal method, a function expression or an arrow. */
function functionParams(source: string): { nodes: Pattern[]; text: string } {
  for (const wrapped of [`({${source}})`, `(${source})`]) {
    let program: AcornNode;
    try {
      program = parse!(wrapped, { ecmaVersion: 'latest', sourceType: 'script' });
    } catch {
      continue;
    }
    const fn = findFunction(program);
    if (fn) {
      const text = fn.params.length ? wrapped.slice(fn.params[0]!.start, fn.params[fn.params.length - 1]!.end) : '';
      return { nodes: fn.params, text };
    }
  }
  const head = source.slice(0, source.indexOf('{') > 0 ? source.indexOf('{') : 60);
  throw new ParameterParseError('unparsable', head.trim());
}

type FunctionLike = AcornNode & { params: Pattern[] };

function findFunction(program: AcornNode): FunctionLike | undefined {
  const body = (program as AcornNode & { body: AcornNode[] }).body[0] as AcornNode & { expression: AcornNode };
  const expr = body?.expression as AcornNode & { properties?: { value: AcornNode }[] };
  if (!expr) return undefined;
  if (expr.type === 'ObjectExpression') {
    const value = expr.properties?.[0]?.value;
    return value && value.type === 'FunctionExpression' ? (value as FunctionLike) : undefined;
  }
  if (expr.type === 'FunctionExpression' || expr.type === 'ArrowFunctionExpression') return expr as FunctionLike;
  return undefined;
}
