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
}

/**
 * A concrete node: the unit the graph, the planner and the executors know.
 * The graph never knows which decorator produced a node.
 *
 * @example
 * const n: NodeDefinition = { name: 'double', fn: (x: unknown) => (x as number) * 2, dependencies: [{ name: 'x', optional: false }], tags: {} };
 */
export interface NodeDefinition {
  /** The value the node produces. */
  readonly name: string;
  /** Called with the dependencies' values, positionally, in `dependencies` order. */
  readonly fn: (...args: never[]) => unknown;
  /** `this` for `fn`: the module instance, or the class for static methods. */
  readonly thisArg?: unknown;
  readonly dependencies: readonly Dependency[];
  readonly tags: Tags;
  readonly doc?: string;
  /** Where the node comes from, as `Class.method`. */
  readonly origin?: string;
  /** When true, `fn` receives a NodeContext after its dependencies. */
  readonly needsContext?: boolean;
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
} as const;
