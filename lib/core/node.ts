/**
 * The node model: what every stage after RECORD works with.
 */
import type { Logger } from 'pino';

/** Tag values are strings, or lists of strings. */
export type TagValue = string | readonly string[];

/** A node's tags. Keys starting with `hamilton.` are set by the framework. */
export type Tags = Readonly<Record<string, TagValue>>;

/** One dependency of a node. */
export interface Dependency {
  /** The node or input this node reads. */
  readonly name: string;
  /** True when the function has a default for it: if nothing provides it, the default applies. */
  readonly optional: boolean;
}

/** What a node that asks for it receives as its last argument at run time. */
export interface NodeContext {
  /** The id of this execution, shared by every hook event and log record of it. */
  readonly runId: string;
  /** The node being computed. */
  readonly node: string;
  /** The driver's logger. */
  readonly logger: Logger;
  /**
   * Aborted when the run stops early (a failure elsewhere, `execute`'s signal or
   * timeout, this node's own timeout): long async work should watch it.
   */
  readonly signal: AbortSignal;
  /** For nodes inside a `@parallelizable` fan-out: the index of the item being computed. */
  readonly item?: number;
}

/**
 * What a node does, as data: a user method of a module, a function given to a
 * decorator, or a registered framework op. Plain and structured-cloneable, so a
 * worker thread, another machine or a cache can find the same code again.
 */
export type CodeRef = MethodCode | FunctionCode | OpCode;

/**
 * A method of one of the Builder's modules (by position in `withModules`).
 *
 * @example
 * const code: MethodCode = { kind: 'method', module: 0, method: 'spendPerSignup', static: false };
 */
export interface MethodCode {
  readonly kind: 'method';
  /** Index of the module in the Builder's `withModules` list. */
  readonly module: number;
  readonly method: string;
  readonly static: boolean;
  /** How the method's parameters are filled; absent: the dependencies, in order. */
  readonly bind?: readonly Binding[];
}

/**
 * A function (or object) given to a decorator (`does(fn)`, `step(fn)`, a custom
 * validator), found by the reference the resolver gave it.
 *
 * @example
 * const code: FunctionCode = { kind: 'function', ref: 'Features.total#0', module: 0 };
 */
export interface FunctionCode {
  readonly kind: 'function';
  /** The reference registered while resolving (`Class.method#k`). */
  readonly ref: string;
  /** The module whose instance (or class, with `static`) is `this`; absent: no `this`. */
  readonly module?: number;
  readonly static?: boolean;
  readonly bind?: readonly Binding[];
}

/**
 * A framework operation from the op registry, with structured-cloneable arguments.
 *
 * @example
 * const code: OpCode = { kind: 'op', op: 'core.field', args: { field: 'a' } };
 */
export interface OpCode {
  readonly kind: 'op';
  readonly op: string;
  readonly args: unknown;
}

/**
 * How one parameter of a node's function is filled: the value of a dependency
 * (by index), a literal value, or a list or object of such bindings.
 *
 * @example
 * const bind: Binding[] = [{ dep: 0 }, { value: 3 }, { group: [{ dep: 1 }, { value: 0 }] }];
 */
export type Binding =
  | { readonly dep: number }
  | { readonly value: unknown }
  | { readonly group: readonly Binding[] }
  | { readonly groupByKey: readonly (readonly [string, Binding])[] };

/** Why a node exists; renderers and tools read it, the graph and executors do not. */
export type NodeRole =
  | 'user'
  | 'raw'
  | 'validator'
  | 'final'
  | 'column'
  | 'field'
  | 'step'
  | 'loader'
  | 'saver'
  | 'collect'
  | 'combine'
  | (string & {});

/**
 * A node as data: the unit that resolution produces and the graph, the planner
 * and the executors know. The graph never knows which decorator produced it.
 *
 * @example
 * const spec: NodeSpec = {
 *   name: 'spendPerSignup', role: 'user', tags: {}, origin: 'Marketing.spendPerSignup',
 *   dependencies: [{ name: 'spend', optional: false }, { name: 'signups', optional: false }],
 *   code: { kind: 'method', module: 0, method: 'spendPerSignup', static: false },
 * };
 */
export interface NodeSpec {
  /** The value the node produces. */
  readonly name: string;
  readonly role: NodeRole;
  readonly code: CodeRef;
  /** Read positionally by the linked function (or through `code.bind`). */
  readonly dependencies: readonly Dependency[];
  readonly tags: Tags;
  readonly doc?: string;
  /** Where the node comes from, as `Class.method`. */
  readonly origin?: string;
  /** When true, the function receives a NodeContext after its arguments. */
  readonly needsContext?: boolean;
  /** Options for the run stage (`timeoutMs`, cache behaviour ...), plain data. */
  readonly options?: Readonly<Record<string, unknown>>;
}

/**
 * A linked node's function and `this`: what an executor calls.
 *
 * @example
 * const call: Callable = { fn: (x: number) => x * 2, thisArg: undefined };
 */
export interface Callable {
  readonly fn: (...args: never[]) => unknown;
  readonly thisArg?: unknown;
}

/**
 * The public description of a node, as returned by the driver's queries.
 *
 * @example
 * dr.listAvailableVariables().map((n: NodeInfo) => n.name);
 */
export interface NodeInfo {
  readonly name: string;
  readonly tags: Tags;
  readonly dependencies: readonly Dependency[];
  /** True for values that no node produces: inputs and config. */
  readonly isExternalInput: boolean;
  readonly origin?: string;
  readonly doc?: string;
}

/** Framework tag keys (Hamilton's names where Hamilton has one). */
export const FrameworkTags = {
  /** Marks a node produced by the framework for another node (raw or validator nodes). */
  role: 'hamilton.role',
  /** On validator nodes: the node whose output they check. */
  dataQualitySource: 'hamilton.data_quality.source_node',
  /** On validator nodes: 'true'. */
  containsDqResults: 'hamilton.data_quality.contains_dq_results',
  /** On external inputs that come from config: 'true'. */
  config: 'hamilton.config',
  /** On nodes embedded by a subdag: its namespace (`outer.inner` when nested), so renderers can draw clusters. */
  namespace: 'hamilton.namespace',
  /** 'true' on nodes that a method's modifiers never take as its final or body nodes by default (a subdag's embedded nodes). */
  nonFinal: 'hamilton.non_final_node',
} as const;
