/**
 * Reads the dataflow from the decorated classes of the checked files, as
 * written: every top-level class with `@node` methods (its own or inherited)
 * that no other checked class extends is a module, as `withModules` would get it.
 */
import ts from 'typescript';
import { decoratorsOf, literalNames, readNodeOptions, type DecoratorCall } from './decorators.js';
import { checkMessages } from './messages.js';
import { KNOWN_MODIFIERS, type ModifierEffect } from './modifiers.js';
import type { Finding, NamePattern, StaticDataflow, StaticNode, StaticParameter } from './model.js';
import type { CheckProgram } from './program.js';

/**
 * The nodes of the checked files' module classes.
 *
 * @example
 * const flow = collectDataflow(program, [sourceFile]);
 * flow.nodes.map((n) => n.name);
 */
export function collectDataflow(p: CheckProgram, files: readonly ts.SourceFile[]): StaticDataflow {
  const classes = files.flatMap((f) => f.statements.filter(ts.isClassDeclaration));
  const extended = new Set<ts.ClassLikeDeclaration>();
  for (const c of classes) {
    const base = baseClass(c, p.checker);
    if (base) extended.add(base);
  }
  const reader = new ModuleReader(p);
  let modules = 0;
  for (const c of classes) if (!extended.has(c) && reader.read(c)) modules++;
  return { nodes: reader.nodes, patterns: reader.patterns, warnings: reader.warnings, classes: modules };
}

/** A method's records (the most derived declaration with decorators) and its implementation. */
interface MethodEntry {
  records?: { decl: ts.MethodDeclaration; decorators: DecoratorCall[] };
  impl?: ts.MethodDeclaration;
}

/** Effects of a method's decorators other than @node, merged. */
type Effects = { [K in keyof ModifierEffect]?: true } & { namesFrom?: DecoratorCall };

class ModuleReader {
  readonly nodes: StaticNode[] = [];
  readonly patterns: NamePattern[] = [];
  readonly warnings: Finding[] = [];

  constructor(private readonly p: CheckProgram) {}

  /** Reads one module class; false when it has no @node method. */
  read(cls: ts.ClassDeclaration): boolean {
    const methods = new Map<string, MethodEntry>();
    const seen = new Set<ts.ClassLikeDeclaration>();
    for (let level: ts.ClassLikeDeclaration | undefined = cls; level && !seen.has(level); level = baseClass(level, this.p.checker)) {
      seen.add(level);
      for (const member of level.members) {
        if (!ts.isMethodDeclaration(member) || !(ts.isIdentifier(member.name) || ts.isStringLiteral(member.name))) continue;
        const isStatic = member.modifiers?.some((m) => m.kind === ts.SyntaxKind.StaticKeyword) ?? false;
        const key = `${isStatic ? 'static ' : ''}${member.name.text}`;
        let entry = methods.get(key);
        if (!entry) methods.set(key, (entry = {}));
        if (!entry.impl && member.body) entry.impl = member;
        const decorators = decoratorsOf(member, this.p.checker);
        // As at run time, the most derived decorated declaration holds the records.
        if (!entry.records && decorators.length) entry.records = { decl: member, decorators };
      }
    }
    let any = false;
    for (const entry of methods.values()) {
      const node = entry.records?.decorators.find((d) => d.name === 'node');
      if (!node || !entry.records) continue;
      any = true;
      this.readMethod(entry.impl ?? entry.records.decl, node, entry.records.decorators);
    }
    return any;
  }

  private readMethod(impl: ts.MethodDeclaration, nodeCall: DecoratorCall, decorators: readonly DecoratorCall[]): void {
    const method = (impl.name as ts.Identifier | ts.StringLiteral).text;
    const origin = `${className(impl.parent)}.${method}`;
    const options = readNodeOptions(nodeCall.args);
    if (options.unreadable === 'name' || options.unreadable === 'options') {
      this.warn('unreadable-node', impl.name, origin, checkMessages.unreadableNode(options.unreadable));
      return;
    }
    const effects = this.effectsOf(decorators, nodeCall, impl, origin);
    const name = options.name ?? (effects.configVariant ? variantBase(method) : method);
    const type = effects.untypedOutput ? undefined : this.returnType(impl);
    let parameters: StaticParameter[] = [];
    if (options.unreadable === 'inputs') this.warn('unreadable-node', impl.name, origin, checkMessages.unreadableNode('inputs'));
    else if (!effects.opaqueParameters) parameters = this.parameters(impl, origin, options.inputs);
    const at = this.p.location(impl.name);
    const variant = effects.configVariant === true && options.name === undefined && name !== method;

    if (effects.unknownNames || effects.replacesNames) {
      const names = effects.namesFrom && !effects.unknownNames ? literalNames(effects.namesFrom.args) : undefined;
      if (!names) {
        const decorator = effects.namesFrom?.name ?? 'decorator';
        this.warn('unreadable-node', impl.name, origin, effects.unknownNames ? checkMessages.untrackedNames(decorator) : checkMessages.unreadableNames(decorator));
        return;
      }
      for (const n of names) this.nodes.push({ name: n, origin, at, type, parameters, variant: false });
      return;
    }
    this.nodes.push({ name, origin, at, type, parameters, variant });
    if (effects.addsNames && effects.namesFrom) {
      const names = literalNames(effects.namesFrom.args);
      if (!names) this.warn('unreadable-node', impl.name, origin, checkMessages.unreadableNames(effects.namesFrom.name));
      for (const n of names ?? []) this.nodes.push({ name: n, origin, at, type: undefined, parameters: [], variant: false });
    }
    if (effects.dataQuality) {
      this.nodes.push({ name: `${name}_raw`, origin, at, type, parameters: [], variant });
      this.patterns.push({ prefix: `${name}_`, origin });
    }
  }

  private effectsOf(decorators: readonly DecoratorCall[], nodeCall: DecoratorCall, impl: ts.MethodDeclaration, origin: string): Effects {
    const effects: Effects = {};
    for (const d of decorators) {
      if (d === nodeCall) continue;
      const effect = KNOWN_MODIFIERS[d.name];
      if (!effect) {
        this.warn('unknown-decorator', impl.name, origin, checkMessages.unknownDecorator(d.name));
        continue;
      }
      Object.assign(effects, effect);
      if (effect.replacesNames || effect.addsNames || effect.unknownNames) effects.namesFrom = d;
    }
    return effects;
  }

  private returnType(impl: ts.MethodDeclaration): ts.Type | undefined {
    const signature = this.p.checker.getSignatureFromDeclaration(impl);
    if (!signature) return undefined;
    const type = this.p.checker.getReturnTypeOfSignature(signature);
    return this.p.checker.getAwaitedType(type) ?? type;
  }

  private parameters(impl: ts.MethodDeclaration, origin: string, inputs: readonly string[] | undefined): StaticParameter[] {
    const declared = impl.parameters.filter((d) => !(ts.isIdentifier(d.name) && d.name.text === 'this'));
    const out: StaticParameter[] = [];
    for (let i = 0; i < declared.length; i++) {
      const d = declared[i]!;
      const name = inputs ? inputs[i] : ts.isIdentifier(d.name) && !d.dotDotDotToken ? d.name.text : undefined;
      if (inputs && name === undefined) break; // trailing parameters with defaults, left out of `inputs`
      if (name === undefined) {
        this.warn('unreadable-node', d, origin, checkMessages.unreadableParameter(d.getText()));
        return [];
      }
      // Only a default makes a parameter optional at run time: `x?: T` compiles to a plain `x`.
      const optional = d.initializer !== undefined;
      out.push({ name, type: this.p.checker.getTypeAtLocation(d), optional, at: this.p.location(d) });
    }
    return out;
  }

  private warn(code: Finding['code'], at: ts.Node, origin: string, message: string): void {
    const l = this.p.location(at);
    this.warnings.push({ code, severity: 'warning', file: l.file, line: l.line, column: l.column, origin, message });
  }
}

/** The class a class extends, when the checker can find its declaration. */
function baseClass(cls: ts.ClassLikeDeclaration, checker: ts.TypeChecker): ts.ClassLikeDeclaration | undefined {
  const clause = cls.heritageClauses?.find((h) => h.token === ts.SyntaxKind.ExtendsKeyword);
  const expr = clause?.types[0]?.expression;
  if (!expr) return undefined;
  let symbol = checker.getSymbolAtLocation(expr);
  if (symbol && symbol.flags & ts.SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol);
  return symbol?.declarations?.find((d): d is ts.ClassLikeDeclaration => ts.isClassDeclaration(d) || ts.isClassExpression(d));
}

function className(cls: ts.Node): string {
  return (ts.isClassDeclaration(cls) || ts.isClassExpression(cls)) && cls.name ? cls.name.text : 'AnonymousClass';
}

/** `name__variant` → `name` (the part before the last `__`). */
function variantBase(method: string): string {
  const at = method.lastIndexOf('__');
  return at > 0 ? method.slice(0, at) : method;
}
