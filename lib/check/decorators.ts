/**
 * Reads the decorators of a method as written: which ones (by their imported
 * name, so `import { node as n }` is still `node`) and their arguments, and
 * the literal options of `@node(...)`.
 */
import ts from 'typescript';

/**
 * One decorator on a method.
 *
 * @example
 * const isNode = (d: DecoratorCall) => d.name === 'node';
 */
export interface DecoratorCall {
  /** 'node', 'tag', 'config.when' ...: the name it was exported under. */
  readonly name: string;
  readonly args: readonly ts.Expression[];
  readonly decorator: ts.Decorator;
}

/**
 * The decorators of a class member, top to bottom.
 *
 * @example
 * decoratorsOf(method, checker).map((d) => d.name); // ['tag', 'node']
 */
export function decoratorsOf(member: ts.ClassElement, checker: ts.TypeChecker): DecoratorCall[] {
  const decorators = ts.canHaveDecorators(member) ? ts.getDecorators(member) ?? [] : [];
  return decorators.map((decorator) => {
    const e = decorator.expression;
    const callee = ts.isCallExpression(e) ? e.expression : e;
    return { name: calleeName(callee, checker), args: ts.isCallExpression(e) ? e.arguments : [], decorator };
  });
}

function calleeName(callee: ts.Expression, checker: ts.TypeChecker): string {
  if (ts.isIdentifier(callee)) return importedName(callee, checker);
  if (ts.isPropertyAccessExpression(callee)) {
    // `h.node` with `import * as h from 'hamilton-ts'` is `node`; `config.when` stays `config.when`.
    const left = callee.expression;
    if (ts.isIdentifier(left) && isNamespaceImport(left, checker)) return callee.name.text;
    return `${calleeName(left, checker)}.${callee.name.text}`;
  }
  return callee.getText();
}

function importedName(id: ts.Identifier, checker: ts.TypeChecker): string {
  const symbol = checker.getSymbolAtLocation(id);
  if (symbol && symbol.flags & ts.SymbolFlags.Alias) {
    const target = checker.getAliasedSymbol(symbol);
    // An unresolved import gives the `unknown` symbol: fall back to the name as written.
    if (target.declarations?.length) return target.name;
    const spec = symbol.declarations?.[0];
    if (spec && ts.isImportSpecifier(spec)) return (spec.propertyName ?? spec.name).text;
  }
  return id.text;
}

function isNamespaceImport(id: ts.Identifier, checker: ts.TypeChecker): boolean {
  const decl = checker.getSymbolAtLocation(id)?.declarations?.[0];
  return decl !== undefined && ts.isNamespaceImport(decl);
}

/**
 * The options of `@node(...)` that the check can read.
 *
 * @example
 * const read: NodeOptionsRead = { name: 'total', inputs: ['a', 'b'] };
 */
export interface NodeOptionsRead {
  /** From `name: '...'`. */
  readonly name?: string;
  /** From `inputs: ['a', 'b']`. */
  readonly inputs?: readonly string[];
  /** Options given but not as literals: the check cannot know them. */
  readonly unreadable?: 'name' | 'inputs' | 'options';
}

/**
 * The literal `name` and `inputs` of a `@node({...})` call.
 *
 * @example
 * readNodeOptions(call.args); // { name: 'total' }
 */
export function readNodeOptions(args: readonly ts.Expression[]): NodeOptionsRead {
  const options = args[0];
  if (options === undefined) return {};
  if (!ts.isObjectLiteralExpression(options)) return { unreadable: 'options' };
  let name: string | undefined;
  let inputs: string[] | undefined;
  for (const p of options.properties) {
    if (ts.isSpreadAssignment(p)) return { unreadable: 'options' };
    const key = p.name && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name)) ? p.name.text : undefined;
    if (key !== 'name' && key !== 'inputs') continue;
    const value = ts.isPropertyAssignment(p) ? p.initializer : undefined;
    if (key === 'name') {
      if (!value || !ts.isStringLiteralLike(value)) return { unreadable: 'name' };
      name = value.text;
    } else {
      if (!value || !ts.isArrayLiteralExpression(value) || !value.elements.every(ts.isStringLiteralLike)) return { unreadable: 'inputs' };
      inputs = value.elements.map((e) => (e as ts.StringLiteralLike).text);
    }
  }
  return { ...(name !== undefined ? { name } : {}), ...(inputs ? { inputs } : {}) };
}

/**
 * The string literals among a call's arguments, and the keys of an object
 * literal argument: the names `@extractColumns('a', 'b')` or
 * `@parameterize({ a: ..., b: ... })` make. Undefined when one is not literal.
 *
 * @example
 * literalNames(call.args); // ['a', 'b']
 */
export function literalNames(args: readonly ts.Expression[]): string[] | undefined {
  const names: string[] = [];
  for (const a of args) {
    if (ts.isStringLiteralLike(a)) names.push(a.text);
    else if (ts.isArrayLiteralExpression(a) && a.elements.every(ts.isStringLiteralLike)) names.push(...a.elements.map((e) => (e as ts.StringLiteralLike).text));
    else if (ts.isObjectLiteralExpression(a) && names.length === 0) {
      for (const p of a.properties) {
        if (!p.name || !(ts.isIdentifier(p.name) || ts.isStringLiteralLike(p.name))) return undefined;
        names.push(p.name.text);
      }
      return names;
    } else return undefined;
  }
  return names;
}
