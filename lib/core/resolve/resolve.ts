/**
 * RESOLVE stage: turns the records of module classes into node specs (plain
 * data), applying each method's modifiers by stage (see apply-modifiers.ts).
 */
import { DecoratorError } from '../errors.js';
import { decoratorMessages } from '../messages.js';
import { recordsOf, type MethodRecord } from '../record/metadata.js';
import type { Config, NodeModifier, NodeRemote, ResolveContext } from './modifiers.js';
import type { NodeSpec } from '../node.js';
import { ParameterParseError, parseParameters, type ParameterSpec } from '../record/parameters.js';
import { RecordKind, type ModifierRecordPayload, type NodeRecordPayload } from '../record/records.js';
import { applyModifiers } from './apply-modifiers.js';
import { moduleEntry, type AddedModules, type Module } from './build-modules.js';
import type { ModuleEntry } from './link.js';

export type { Module } from './build-modules.js';

/** A node that a method would make, left out under this config, and why. */
export interface AbsentNode {
  readonly name: string;
  readonly origin: string;
  readonly reason: string;
}

/** The node specs a module's methods make, and the nodes config left out. */
export interface ResolvedMethods {
  readonly nodes: readonly NodeSpec[];
  readonly absent: readonly AbsentNode[];
}

/** Node specs of one module, with the module itself (for linking) and what config left out. */
export interface ResolvedModule extends ResolvedMethods {
  /** The module's display name (its class name). */
  readonly module: string;
  readonly entry: ModuleEntry;
}

/** What resolving needs besides the module: build settings, and the build's tables of live values and added modules. */
export interface ResolveSettings {
  readonly config: Config;
  readonly settings: Readonly<Record<string, unknown>>;
  /** Values decorators handed over (functions, validators), by reference; filled while resolving. */
  readonly refs: Map<string, unknown>;
  /** Modules that modifiers add while resolving (`ResolveContext.addModule`); filled while resolving. */
  readonly added: AddedModules;
}

interface MethodRecords {
  cls: Function;
  node?: NodeRecordPayload;
  modifiers: ModifierRecordPayload[];
  method: string;
  isStatic: boolean;
}

const NO_TAGS = Object.freeze({});

/** The modifiers of a method that has none: shared, and replaced (never pushed to) when one is added. */
const NO_MODIFIERS = Object.freeze([]) as unknown as ModifierRecordPayload[];

/**
 * Resolves one module (the `index`-th of the Builder's list) into node specs.
 *
 * @example
 * const { nodes } = resolveModule(Marketing, 0, { config: {}, settings: {}, refs: new Map(), added: new AddedModules(1) });
 */
export function resolveModule(module: Module, index: number, settings: ResolveSettings): ResolvedModule {
  const entry = moduleEntry(module);
  return { module: entry.name, entry, ...resolveMethods(entry, index, settings) };
}

/**
 * Resolves the methods of module `index` of the build (`entry`) into node
 * specs: one of the Builder's modules, or one a modifier added with
 * `ResolveContext.addModule` (reached through `ResolveContext.resolveModule`,
 * with the config that modifier chose).
 *
 * @example
 * const { nodes } = resolveMethods(moduleEntry(Inner), 3, { ...settings, config: { mode: 'inner' } });
 */
export function resolveMethods(entry: ModuleEntry, index: number, settings: ResolveSettings): ResolvedMethods {
  const { cls, instance } = entry;
  const methods = collectMethods(cls);
  const remote = applyRemoteModifiers(methods, index);
  const nodes: NodeSpec[] = [];
  const absent: AbsentNode[] = [];
  for (let k = 0; k < methods.length; k++) {
    const m = methods[k]!;
    let origin = originOf(m);
    if (!m.node) {
      const names = [...new Set(m.modifiers.map((r) => r.decorator))].join(', ');
      throw new DecoratorError(decoratorMessages.modifierWithoutNode(origin, names));
    }
    // A method carrying a remote modifier (@mutate) lends its code to other methods and makes no node itself.
    if (remote.has(m)) continue;
    const holder = m.isStatic ? cls : instance;
    let params = m.node.params;
    const impl = (holder as Record<string, unknown>)[m.method];
    if (typeof impl === 'function' && impl !== m.node.fn) {
      // A subclass (or the instance) overrode the method without @node: the node
      // keeps its name and modifiers but runs the override, as a caller of the method would.
      origin = `${ownerName(holder, m.method, impl) ?? m.cls.name}.${m.method}`;
      if (!m.node.explicitInputs) params = overrideParameters(impl, origin) ?? params;
    }
    // Built without object spreads (same keys, same order): this loop runs once
    // per method on every build, and each spread allocated temporary objects.
    const base: { -readonly [K in keyof NodeSpec]: NodeSpec[K] } = {
      name: m.node.name,
      role: 'user',
      code:
        typeof impl === 'function'
          ? { kind: 'method', module: index, method: m.method, static: m.isStatic }
          : // Records written without a class method (modules generated in code): run the recorded function.
            { kind: 'function', ref: register(settings.refs, origin, m.node.fn), module: index, static: m.isStatic },
      dependencies: params,
      tags: NO_TAGS,
      origin,
    };
    if (m.node.doc !== undefined) base.doc = m.node.doc;
    if (m.node.options !== undefined) base.options = m.node.options;
    if (m.node.needsContext) base.needsContext = true;
    // A plain @node method has no modifier to apply.
    if (m.modifiers.length === 0) {
      nodes.push(base);
      continue;
    }
    const out = applyModifiers(base, m.modifiers, new MethodContext(settings, origin, m.method, m.isStatic, m.node.fn, index, base));
    if (Array.isArray(out)) for (let j = 0; j < out.length; j++) nodes.push(out[j]!);
    else for (const name of out.names ?? [out.name]) absent.push({ name, origin, reason: out.absent });
  }
  return { nodes, absent };
}

/**
 * The ResolveContext of one method. Its functions live on the prototype: a
 * build makes one context per method that has modifiers, and three closures
 * each were most of what that cost.
 */
class MethodContext implements ResolveContext {
  readonly config: Config;
  readonly settings: Readonly<Record<string, unknown>>;

  constructor(
    private readonly build: ResolveSettings,
    readonly origin: string,
    readonly method: string,
    readonly isStatic: boolean,
    readonly fn: Function,
    readonly module: number,
    readonly base: NodeSpec,
  ) {
    this.config = build.config;
    this.settings = build.settings;
  }

  ref(value: unknown): string {
    return register(this.build.refs, this.origin, value);
  }

  addModule(module: Module): number {
    return this.build.added.add(module);
  }

  resolveModule(added: number, options?: { readonly config?: Config }): ResolvedMethods {
    return resolveAdded(added, this.origin, this.build, options?.config);
  }
}

/** Resolves an added module's methods with the build's settings and, when given, another config. */
function resolveAdded(index: number, origin: string, settings: ResolveSettings, config: Config | undefined): ResolvedMethods {
  const entry = settings.added.entry(index);
  if (!entry) throw new DecoratorError(decoratorMessages.notAnAddedModule(origin, index));
  const inner = config === undefined ? settings : { ...settings, config };
  return settings.added.enter(index, origin, () => resolveMethods(entry, index, inner));
}

function originOf(m: MethodRecords): string {
  return `${m.cls.name || 'AnonymousClass'}.${m.method}`;
}

/**
 * Whether a remote modifier's target names method `t`: its property name, its
 * node's name, or, for a config variant `name__variant` (which config
 * decorators turn into node `name`), that name.
 */
function targets(t: MethodRecords, target: string): boolean {
  if (t.method === target || t.node!.name === target) return true;
  const k = t.method.lastIndexOf('__');
  return k > 0 && t.node!.name === t.method && t.method.slice(0, k) === target;
}

/**
 * Hands each remote modifier's added modifiers to the methods it targets (by
 * method name, or by node name), before any method resolves. Returns the
 * methods that carry one: they make no node themselves.
 */
function applyRemoteModifiers(methods: readonly MethodRecords[], index: number): Set<MethodRecords> {
  const carriers = new Set<MethodRecords>();
  for (let k = 0; k < methods.length; k++) {
    const m = methods[k]!;
    for (let j = 0; j < m.modifiers.length; j++) if ((m.modifiers[j]!.modifier as NodeModifier).stage === 'remote') carriers.add(m);
  }
  if (carriers.size === 0) return carriers;
  const added = new Map<MethodRecords, ModifierRecordPayload[]>();
  for (const m of carriers) {
    const origin = originOf(m);
    const own = m.modifiers.filter((r) => (r.modifier as NodeModifier).stage === 'remote');
    const others = m.modifiers.filter((r) => (r.modifier as NodeModifier).stage !== 'remote');
    if (own.length > 1 || others.length) {
      // Records are in evaluation order; the message lists them as written.
      throw new DecoratorError(decoratorMessages.remoteCombined(origin, own[0]!.decorator, m.modifiers.map((r) => r.decorator).reverse()));
    }
    if (!m.node) throw new DecoratorError(decoratorMessages.modifierWithoutNode(origin, own[0]!.decorator));
    const remote = own[0]!.modifier as NodeRemote;
    const source = { origin, method: m.method, isStatic: m.isStatic, module: index, params: m.node.params };
    remote.targets.forEach((target, k) => {
      const matched = methods.filter((t) => !carriers.has(t) && t.node && targets(t, target));
      if (matched.length === 0) {
        const known = methods.filter((t) => !carriers.has(t) && t.node).map((t) => t.node!.name);
        throw new DecoratorError(decoratorMessages.unknownRemoteTarget(origin, own[0]!.decorator, target, [...new Set(known)]));
      }
      for (const t of matched) {
        const modifier = remote.modifierFor(source, { method: t.method, name: t.node!.name }, k);
        (added.get(t) ?? added.set(t, []).get(t)!).push({ decorator: own[0]!.decorator, modifier });
      }
    });
  }
  // Records are in evaluation order (the last written first): reversed and put
  // first, the added modifiers come after the method's own in source order.
  for (const [t, list] of added) t.modifiers = list.reverse().concat(t.modifiers);
  return carriers;
}

/** Registers a live value of the build under a reference that the same build in another process gives it too. */
function register(refs: Map<string, unknown>, origin: string, value: unknown): string {
  const id = `${origin}#${refs.size}`;
  refs.set(id, value);
  return id;
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

function overrideParameters(fn: Function, origin: string): readonly ParameterSpec[] | undefined {
  try {
    return Object.freeze(parseParameters(fn));
  } catch (e) {
    // A bound copy of the method (`this.m = this.m.bind(this)`): its parameters are the method's.
    if (e instanceof ParameterParseError && e.reason === 'native') return undefined;
    if (e instanceof ParameterParseError) throw new DecoratorError(decoratorMessages.overrideUnreadable(origin, e.reason, e.parameterText));
    throw e;
  }
}

/**
 * Groups records by method, in the order methods first appear (base class
 * first); a subclass's records for a method replace its parent's in place.
 */
function collectMethods(cls: Function): MethodRecords[] {
  const methods: MethodRecords[] = [];
  const at = new Map<string, number>();
  for (const level of recordsOf(cls)) {
    const records = level.records;
    let m: MethodRecords | undefined;
    for (let k = 0; k < records.length; k++) {
      const r = records[k]!;
      // A method's decorators run one after another, so its records are usually
      // adjacent: only a record of another method needs the map.
      if (m !== undefined && m.method === r.method && m.isStatic === r.isStatic) {
        addTo(m, r);
        continue;
      }
      const key = r.isStatic ? `static ${r.method}` : r.method;
      // An entry from an earlier (parent) level is replaced; one from this level is added to.
      const i = at.get(key);
      m = i === undefined ? undefined : methods[i];
      if (m === undefined || m.cls !== level.cls) {
        m = { cls: level.cls, modifiers: NO_MODIFIERS, method: r.method, isStatic: r.isStatic };
        if (i === undefined) {
          at.set(key, methods.length);
          methods.push(m);
        } else {
          methods[i] = m;
        }
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
    if (m.modifiers === NO_MODIFIERS) m.modifiers = [r.payload as ModifierRecordPayload];
    else m.modifiers.push(r.payload as ModifierRecordPayload);
  }
}
