/**
 * The small interfaces every function modifier implements, one per stage of
 * resolution (after Hamilton's function_modifiers base). A new decorator is a
 * new object implementing one of them, recorded with `recordModifier`; the
 * resolver applies them in stage order, so the order in which decorators are
 * written above `@node()` does not change the graph.
 */
import type { NodeDefinition } from '../node.js';

/** Config: plain values, chosen at build time, readable by nodes as inputs. */
export type Config = Readonly<Record<string, unknown>>;

/** Driver-wide data-quality setting. */
export interface DataQualitySettings {
  /** false: no validator nodes are added at all. */
  readonly enabled: boolean;
  /** Forces every check's importance (e.g. 'warn' in development). */
  readonly importance?: 'warn' | 'fail';
}

/** What every modifier sees while the builder resolves a method. */
export interface ResolveContext {
  readonly config: Config;
  readonly dataQuality: DataQualitySettings;
  /** `Class.method` of the method being resolved, for error messages. */
  readonly origin: string;
}

/** Stage 1: decides from config whether the method contributes a node, and under which name. */
export interface NodeResolver {
  readonly stage: 'resolve';
  /** Returns the node to keep (possibly renamed), or null to drop the method. */
  resolve(node: NodeDefinition, ctx: ResolveContext): NodeDefinition | null;
}

/** Stage 2: turns one node into several (parameterize, extractColumns ...). At most one per method. */
export interface NodeExpander {
  readonly stage: 'expand';
  expand(node: NodeDefinition, ctx: ResolveContext): NodeDefinition[];
}

/**
 * Stage 3: rewrites the method's final nodes (checkOutput). Transformers sharing
 * a `group` are applied together by the first one, which receives them all.
 */
export interface NodeTransformer {
  readonly stage: 'transform';
  readonly group?: string;
  transform(finals: readonly NodeDefinition[], ctx: ResolveContext, peers: readonly NodeTransformer[]): NodeDefinition[];
}

/**
 * Stage 4: annotates nodes (tags). Receives all of the method's nodes and the
 * names of its final ones (those no other node of the method reads); decorators
 * with a higher `order` run later, so `@tagOutputs` (1) wins over `@tag` (0).
 */
export interface NodeDecorator {
  readonly stage: 'decorate';
  readonly order?: number;
  decorate(nodes: readonly NodeDefinition[], finals: ReadonlySet<string>, ctx: ResolveContext): NodeDefinition[];
}

/** Any function modifier. */
export type NodeModifier = NodeResolver | NodeExpander | NodeTransformer | NodeDecorator;
