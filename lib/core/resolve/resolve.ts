/**
 * RESOLVE stage: turns the records of module classes into concrete nodes,
 * applying modifiers in stage order (resolve ▸ expand ▸ transform ▸ decorate).
 */
import { DecoratorError } from '../errors.js';
import { decoratorMessages } from '../messages.js';
import { recordsOf, type MethodRecord } from '../record/metadata.js';
import type { NodeDecorator, NodeExpander, NodeResolver, NodeTransformer, ResolveContext, Config, DataQualitySettings } from './modifiers.js';
import type { NodeDefinition } from '../node.js';
import { ParameterParseError, parseParameters, type ParameterSpec } from '../record/parameters.js';
import { RecordKind, type ModifierRecordPayload, type NodeRecordPayload } from '../record/records.js';

/** A module: a class (instantiated once with no arguments) or an instance of one. */
export type Module = (abstract new (...args: never[]) => unknown) | object;

/** Nodes of one module, with the module's display name. */
export interface ResolvedModule {
  readonly module: string;
  readonly nodes: readonly NodeDefinition[];
}

interface MethodRecords {
  cls: Function;
  node?: NodeRecordPayload;
  modifiers: ModifierRecordPayload[];
  method: string;
  isStatic: boolean;
}

/**
 * Resolves one module into nodes.
 *
 * @example
 * const { nodes } = resolveModule(Marketing, { config: {}, dataQuality: { enabled: true } });
 */
export function resolveModule(module: Module, settings: { config: Config; dataQuality: DataQualitySettings }): ResolvedModule {
  const { cls, instance } = classAndInstance(module);
  const methods = collectMethods(cls);
  const nodes: NodeDefinition[] = [];
  for (const m of methods.values()) {
    let origin = `${m.cls.name || 'AnonymousClass'}.${m.method}`;
    if (!m.node) {
      const names = [...new Set(m.modifiers.map((r) => r.decorator))].join(', ');
      throw new DecoratorError(decoratorMessages.modifierWithoutNode(origin, names));
    }
    const holder = m.isStatic ? cls : instance;
    let fn = m.node.fn;
    let params = m.node.params;
    const impl = (holder as Record<string, unknown>)[m.method];
    if (typeof impl === 'function' && impl !== fn) {
      // A subclass (or the instance) overrode the method without @node: the node
      // keeps its name and modifiers but runs the override, as a caller of the method would.
      origin = `${ownerName(holder, m.method, impl) ?? m.cls.name}.${m.method}`;
      fn = impl as typeof fn;
      if (!m.node.explicitInputs) params = overrideParameters(impl, origin);
    }
    // Built without object spreads (same keys, same order): this loop runs once
    // per method on every build, and each spread allocated temporary objects.
    const base: { -readonly [K in keyof NodeDefinition]: NodeDefinition[K] } = {
      name: m.node.name,
      fn,
      thisArg: holder,
      dependencies: params,
      tags: {},
      origin,
    };
    if (m.node.doc !== undefined) base.doc = m.node.doc;
    // A plain @node method has no modifier to apply: applyModifiers would return [base].
    if (m.modifiers.length === 0) {
      nodes.push(base);
      continue;
    }
    // A literal, not a spread: spreading here was a measurable share of build time.
    const ctx: ResolveContext = { config: settings.config, dataQuality: settings.dataQuality, origin };
    for (const n of applyModifiers(base, m.modifiers, ctx)) nodes.push(n);
  }
  return { module: cls.name || 'AnonymousClass', nodes };
}

/** The name of the class whose prototype (or the object itself) holds `impl`. */
function ownerName(holder: unknown, method: string, impl: unknown): string | undefined {
  for (let o = holder as object | null; o; o = Object.getPrototypeOf(o)) {
    if (Object.prototype.hasOwnProperty.call(o, method) && (o as Record<string, unknown>)[method] === impl) {
      return typeof o === 'function' ? o.name : (o as object).constructor?.name;
    }
  }
  return undefined;
}

function overrideParameters(fn: Function, origin: string): readonly ParameterSpec[] {
  try {
    return Object.freeze(parseParameters(fn));
  } catch (e) {
    if (e instanceof ParameterParseError) throw new DecoratorError(decoratorMessages.overrideUnreadable(origin, e.reason, e.parameterText));
    throw e;
  }
}

function classAndInstance(module: Module): { cls: Function; instance: unknown } {
  if (typeof module === 'function') {
    const cls = module as new () => unknown;
    let instance: unknown;
    try {
      instance = new cls();
    } catch (e) {
      throw new DecoratorError(decoratorMessages.cannotInstantiate(cls.name, e), { cause: e });
    }
    return { cls, instance };
  }
  if (module === null || typeof module !== 'object') throw new DecoratorError(decoratorMessages.notAModule(module));
  return { cls: (module as object).constructor, instance: module };
}

/** Groups records by method; a subclass's records for a method replace its parent's. */
function collectMethods(cls: Function): Map<string, MethodRecords> {
  const methods = new Map<string, MethodRecords>();
  for (const level of recordsOf(cls)) {
    for (const r of level.records) {
      const key = r.isStatic ? `static ${r.method}` : r.method;
      // An entry from an earlier (parent) level is replaced; one from this level
      // is added to. Telling them apart by `cls` needs no per-level set of keys:
      // two hash operations per record instead of four, on every build.
      let m = methods.get(key);
      if (m === undefined || m.cls !== level.cls) {
        m = { cls: level.cls, modifiers: [], method: r.method, isStatic: r.isStatic };
        methods.set(key, m);
      }
      addTo(m, r);
    }
  }
  return methods;
}

function addTo(m: MethodRecords, r: MethodRecord): void {
  if (r.kind === RecordKind.node) {
    if (m.node) throw new DecoratorError(decoratorMessages.nodeTwice(`${m.cls.name}.${m.method}`));
    m.node = r.payload as NodeRecordPayload;
  } else if (r.kind === RecordKind.modifier) {
    m.modifiers.push(r.payload as ModifierRecordPayload);
  }
}

/**
 * Applies a method's modifiers to its base node, stage by stage.
 * Decorators run bottom-up, so records are reversed to source order first.
 *
 * @example
 * applyModifiers(base, [{ decorator: '@tag', modifier: tagModifier }], ctx);
 */
export function applyModifiers(base: NodeDefinition, records: readonly ModifierRecordPayload[], ctx: ResolveContext): NodeDefinition[] {
  // One pass into the four stages, in source order (records are in evaluation order, bottom-up).
  const resolvers: NodeResolver[] = [];
  const expanders: ModifierRecordPayload[] = [];
  const transformers: NodeTransformer[] = [];
  const decorators: NodeDecorator[] = [];
  for (let k = records.length - 1; k >= 0; k--) {
    const r = records[k]!;
    const m = r.modifier;
    if (m.stage === 'resolve') resolvers.push(m);
    else if (m.stage === 'expand') expanders.push(r);
    else if (m.stage === 'transform') transformers.push(m);
    else decorators.push(m);
  }

  let node: NodeDefinition | null = base;
  for (const r of resolvers) {
    node = r.resolve(node, ctx);
    if (!node) return [];
  }
  if (expanders.length > 1) throw new DecoratorError(decoratorMessages.twoExpanders(ctx.origin, expanders.map((e) => e.decorator)));
  let nodes: NodeDefinition[] = expanders.length ? (expanders[0]!.modifier as NodeExpander).expand(node, ctx) : [node];

  for (const group of groupTransformers(transformers)) {
    // A single node is its own final: no need to work out which nodes are read by others.
    if (nodes.length === 1) nodes = group[0]!.transform(nodes, ctx, group);
    else {
      const { finals, others } = splitFinals(nodes);
      nodes = [...others, ...group[0]!.transform(finals, ctx, group)];
    }
  }
  if (decorators.length) {
    if (decorators.length > 1) decorators.sort((a, b) => (a.order ?? 0) - (b.order ?? 0));
    const finals = new Set(nodes.length === 1 ? [nodes[0]!.name] : splitFinals(nodes).finals.map((n) => n.name));
    for (const d of decorators) nodes = d.decorate(nodes, finals, ctx);
  }
  return nodes;
}

function groupTransformers(ts: readonly NodeTransformer[]): NodeTransformer[][] {
  if (ts.length < 2) return ts.length ? [[ts[0]!]] : [];
  const groups: NodeTransformer[][] = [];
  const byKey = new Map<string, NodeTransformer[]>();
  for (const t of ts) {
    if (t.group === undefined) { groups.push([t]); continue; }
    let g = byKey.get(t.group);
    if (!g) { g = []; byKey.set(t.group, g); groups.push(g); }
    g.push(t);
  }
  return groups;
}

/** Final nodes: those no other node of the same method depends on. */
function splitFinals(nodes: readonly NodeDefinition[]): { finals: NodeDefinition[]; others: NodeDefinition[] } {
  const used = new Set<string>();
  for (const n of nodes) for (const d of n.dependencies) used.add(d.name);
  const finals: NodeDefinition[] = [];
  const others: NodeDefinition[] = [];
  for (const n of nodes) (used.has(n.name) ? others : finals).push(n);
  return { finals, others };
}
