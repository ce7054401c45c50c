/**
 * RESOLVE stage: turns the records of module classes into node specs (plain
 * data), applying each method's modifiers by stage (see apply-modifiers.ts).
 */
import { DecoratorError } from '../errors.js';
import { decoratorMessages } from '../messages.js';
import { recordsOf, type MethodRecord } from '../record/metadata.js';
import type { Config, ResolveContext } from './modifiers.js';
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
 * specs: the Builder's own modules, and those a modifier added with
 * `ResolveContext.addModule` (through `ResolveContext.resolveModule`).
 *
 * @example
 * const { nodes } = resolveMethods(moduleEntry(Inner), 3, settings);
 */
export function resolveMethods(entry: ModuleEntry, index: number, settings: ResolveSettings): ResolvedMethods {
  const { cls, instance } = entry;
  const methods = collectMethods(cls);
  const nodes: NodeSpec[] = [];
  const absent: AbsentNode[] = [];
  for (const m of methods.values()) {
    let origin = `${m.cls.name || 'AnonymousClass'}.${m.method}`;
    if (!m.node) {
      const names = [...new Set(m.modifiers.map((r) => r.decorator))].join(', ');
      throw new DecoratorError(decoratorMessages.modifierWithoutNode(origin, names));
    }
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
    const refs = settings.refs;
    const ctx: ResolveContext = {
      config: settings.config,
      settings: settings.settings,
      origin,
      method: m.method,
      isStatic: m.isStatic,
      fn: m.node.fn,
      module: index,
      base,
      ref: (value: unknown) => register(refs, origin, value),
      addModule: (module: Module) => settings.added.add(module),
      resolveModule: (added: number, options?: { config?: Config }) => resolveAdded(added, origin, settings, options?.config),
    };
    const out = applyModifiers(base, m.modifiers, ctx);
    if (Array.isArray(out)) for (const n of out) nodes.push(n);
    else for (const name of out.names ?? [out.name]) absent.push({ name, origin, reason: out.absent });
  }
  return { nodes, absent };
}

/** Resolves an added module's methods, with the build's settings and, when given, another config. */
function resolveAdded(index: number, origin: string, settings: ResolveSettings, config: Config | undefined): ResolvedMethods {
  const entry = settings.added.entry(index);
  if (!entry) throw new DecoratorError(decoratorMessages.notAnAddedModule(origin, index));
  const inner = config === undefined ? settings : { ...settings, config };
  return settings.added.enter(index, origin, () => resolveMethods(entry, index, inner));
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
