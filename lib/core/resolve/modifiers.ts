/**
 * The small interfaces every function modifier implements, one per stage of
 * resolution (after Hamilton's function_modifiers lifecycle). Modifiers apply by
 * stage, never by the order they are written:
 *
 *   (remote) ▸ resolve ▸ generate ▸ expand ▸ inject ▸ transform ▸ decorate
 *
 * A new decorator is a new object implementing one of them, recorded with
 * `modifierDecorator`. Modifiers read and return node specs: plain data.
 */
import type { Dependency, NodeSpec } from '../node.js';
import type { Module } from './build-modules.js';
import type { ResolvedMethods } from './resolve.js';

/** Config: plain values, chosen at build time, readable by nodes as inputs. */
export type Config = Readonly<Record<string, unknown>>;

/** Driver-wide data-quality setting (read by lib/quality through `ResolveContext.settings`). */
export interface DataQualitySettings {
  /** false: no validator nodes are added at all. */
  readonly enabled: boolean;
  /** Forces every check's importance (e.g. 'warn' in development). */
  readonly importance?: 'warn' | 'fail';
}

/** What every modifier sees while the builder resolves a method. */
export interface ResolveContext {
  readonly config: Config;
  /** Builder settings by name (`dataQuality` ...): each modifier reads its own. */
  readonly settings: Readonly<Record<string, unknown>>;
  /** `Class.method` of the method being resolved, for error messages. */
  readonly origin: string;
  /** The method's property name and whether it is static. */
  readonly method: string;
  readonly isStatic: boolean;
  /** The method as decorated (what a method decorator receives as its value). */
  readonly fn: Function;
  /** The module's index in the Builder's list (for `MethodCode.module`). */
  readonly module: number;
  /** The method's node as `@node` made it (before any modifier). */
  readonly base: NodeSpec;
  /**
   * Registers a live value from a decorator's arguments (a function, a
   * validator) and returns the reference a spec's code carries (`FunctionCode.ref`).
   */
  ref(value: unknown): string;
  /**
   * Adds a module (a class, instantiated once per build, or an instance) to the
   * build and returns its index, for the `MethodCode.module` of nodes made from
   * its methods (subdag, withColumns). The same module given twice gets one index.
   */
  addModule(module: Module): number;
  /**
   * Resolves the methods of module `index` of the build (one `addModule`
   * returned) into node specs, under `options.config` when given (its
   * `@config.when` decorators see that config) or the build's config.
   */
  resolveModule(index: number, options?: { readonly config?: Config }): ResolvedMethods;
}

/** Which of a method's nodes a transformer or decorator applies to. */
export type Target = 'all' | string | readonly string[];

/** A method that contributes no node under this config, and why. */
export interface Absent {
  readonly absent: string;
  /** The node name it would have had. */
  readonly name: string;
  /** Every name the method would have made, when it makes several (filled in when its modifiers are applied). */
  readonly names?: readonly string[];
}

/** A modifier handed to the resolver by another modifier (as `@resolve` does). */
export interface RecordedModifier {
  /** The decorator's user-facing name, for error messages (e.g. '@tag'). */
  readonly decorator: string;
  readonly modifier: NodeModifier;
}

/**
 * Stage 1: decides from config whether the method contributes a node, and under
 * which name; may also choose further modifiers from config.
 */
export interface NodeResolver {
  readonly stage: 'resolve';
  /** Returns the node to keep (possibly renamed), or Absent to drop the method. */
  resolve?(node: NodeSpec, ctx: ResolveContext): NodeSpec | Absent;
  /** Modifiers chosen from config, applied in their own stages. */
  choose?(ctx: ResolveContext): readonly RecordedModifier[];
}

/** Stage 2: makes the method's node(s) from something else (does, subdag). At most one per method. */
export interface NodeGenerator {
  readonly stage: 'generate';
  generate(node: NodeSpec, ctx: ResolveContext): NodeSpec[];
}

/** Stage 3: turns one node into several (parameterize, extractColumns ...). At most one per method. */
export interface NodeExpander {
  readonly stage: 'expand';
  expand(node: NodeSpec, ctx: ResolveContext): NodeSpec[];
}

/**
 * Stage 4: inserts nodes in front of a parameter (pipe steps, loaders). Applied
 * to the method's body nodes (role 'user' and the method's origin, so not nodes
 * embedded from other modules) unless `target` says otherwise. Implement
 * `inject` (called per target node) or `injectAll` (called once with all of
 * the method's nodes and the target names, for an injector that rewires every
 * node reading a parameter, as Hamilton's load_from does).
 */
export interface NodeInjector {
  readonly stage: 'inject';
  readonly target?: Target;
  inject?(node: NodeSpec, ctx: ResolveContext): NodeSpec[];
  injectAll?(nodes: readonly NodeSpec[], targets: ReadonlySet<string>, ctx: ResolveContext): NodeSpec[];
}

/**
 * Stage 5: rewrites nodes (checkOutput). Applied to the method's final nodes
 * (those no other node of the method reads) unless `target` says otherwise.
 * Transformers sharing a `group` and a target are applied together by the
 * first one, which receives them all as peers.
 */
export interface NodeTransformer {
  readonly stage: 'transform';
  readonly group?: string;
  /** Groups with a lower `order` apply first (default 0), so pipe steps (-1) run before checks see the value. */
  readonly order?: number;
  readonly target?: Target;
  transform(targets: readonly NodeSpec[], ctx: ResolveContext, peers: readonly NodeTransformer[]): NodeSpec[];
}

/**
 * Stage 6: annotates nodes (tags). Receives all of the method's nodes and the
 * names it applies to (the final ones unless `target` says otherwise);
 * decorators with a higher `order` run later, so `@tagOutputs` (1) wins over `@tag` (0).
 */
export interface NodeDecorator {
  readonly stage: 'decorate';
  readonly order?: number;
  readonly target?: Target;
  decorate(nodes: readonly NodeSpec[], targets: ReadonlySet<string>, ctx: ResolveContext): NodeSpec[];
}

/** The method that carries a remote modifier, as the remote modifier sees it. */
export interface RemoteSource {
  /** `Class.method`. */
  readonly origin: string;
  readonly method: string;
  readonly isStatic: boolean;
  /** The module's index in the build (for `MethodCode.module`). */
  readonly module: number;
  /** The method's parameters as `@node` read them. */
  readonly params: readonly Dependency[];
}

/** A method of the class that a remote modifier may target: its property name and its node's name. */
export interface RemoteTarget {
  readonly method: string;
  readonly name: string;
}

/**
 * Before any method of its class resolves, adds a modifier to OTHER methods of
 * the same class (Hamilton's mutate). A method carrying one makes no node of
 * its own. Each target names a method, or the node a method makes (every
 * method making it, e.g. its config variants); the added modifier then applies
 * in its own stage on that method, after the method's own modifiers of that stage.
 */
export interface NodeRemote {
  readonly stage: 'remote';
  readonly targets: readonly string[];
  /** The modifier to add to `target`, which matched `targets[k]`. */
  modifierFor(source: RemoteSource, target: RemoteTarget, k: number): NodeModifier;
}

/** Any function modifier. */
export type NodeModifier = NodeResolver | NodeGenerator | NodeExpander | NodeInjector | NodeTransformer | NodeDecorator | NodeRemote;

/**
 * True when a resolver dropped the method.
 *
 * @example
 * if (isAbsent(out)) return;
 */
export function isAbsent(v: NodeSpec | Absent): v is Absent {
  return typeof (v as Absent).absent === 'string';
}
