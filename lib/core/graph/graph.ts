/**
 * GRAPH stage: nodes, edges and external inputs, with duplicates and cycles
 * rejected. Nodes are numbered; edges are index arrays; every algorithm is
 * iterative, so a 100,000-node chain is no deeper for us than a single node.
 */
import { CycleError, DuplicateNodeError } from '../errors.js';
import { graphMessages } from '../messages.js';
import { checkNodeNames } from '../names.js';
import type { Config } from '../resolve/modifiers.js';
import { FrameworkTags, type Callable, type NodeSpec, type NodeInfo } from '../node.js';
import type { AbsentNode, ResolvedModule } from '../resolve/resolve.js';

/** A node of the graph: a function node, or an external input (given per execute, or by config). */
export interface GraphNode {
  readonly index: number;
  readonly name: string;
  /** The node as data; absent for external inputs. */
  readonly spec?: NodeSpec;
  /** The linked function and `this` (function nodes only). */
  readonly fn?: Callable['fn'];
  readonly thisArg?: unknown;
  /** True when config provides this external input's value. */
  readonly fromConfig: boolean;
  readonly info: NodeInfo;
}

/**
 * The function graph: built once by the Builder, read by the planner, the queries and the renderer.
 *
 * @example
 * const graph = FunctionGraph.build([resolveModule(Marketing, settings)], { config: {}, allowOverrides: false });
 * graph.node('spendPerSignup')?.info.dependencies;
 */
export class FunctionGraph {
  private constructor(
    readonly nodes: readonly GraphNode[],
    private readonly index: ReadonlyMap<string, number>,
    /** deps[i]: indices of node i's dependencies, in parameter order. */
    readonly deps: readonly (readonly number[])[],
    /** dependents[i]: indices of the nodes that read node i. */
    readonly dependents: readonly (readonly number[])[],
    /** Every node index in a topological order (dependencies first). */
    readonly topologicalOrder: Int32Array,
    readonly config: Config,
    private readonly absentByName: ReadonlyMap<string, readonly AbsentNode[]>,
  ) {}

  /**
   * Builds the graph from resolved modules; later modules win duplicates only
   * when allowed. `link` gives each function node its callable (once per process).
   */
  static build(
    modules: readonly ResolvedModule[],
    options: { config: Config; allowOverrides: boolean; link: (spec: NodeSpec) => Callable },
  ): FunctionGraph {
    const defs = collectDefinitions(modules, options.allowOverrides);
    const config = options.config;
    const hasConfig = Object.keys(config).length > 0;
    const nodes: GraphNode[] = [];
    let index: Map<string, number>;
    if (defs.replaced === 0 && !hasConfig) {
      // No node was replaced and none gives way to config: every definition's
      // slot is its node index, and the map of slots is the graph's index.
      index = defs.slots;
      for (let i = 0; i < defs.specs.length; i++) {
        const def = defs.specs[i]!;
        checkNodeNames(def);
        nodes.push(new FunctionNode(i, def, options.link(def)));
      }
    } else {
      index = new Map<string, number>();
      for (let k = 0; k < defs.specs.length; k++) {
        const def = defs.specs[k];
        if (def === undefined) continue;
        checkNodeNames(def);
        // As in Hamilton, a config value replaces the node of the same name.
        if (hasConfig && Object.prototype.hasOwnProperty.call(config, def.name)) continue;
        index.set(def.name, nodes.length);
        nodes.push(new FunctionNode(nodes.length, def, options.link(def)));
      }
    }
    const deps: (readonly number[])[] = [];
    const functionCount = nodes.length;
    for (let i = 0; i < functionCount; i++) {
      const dependencies = nodes[i]!.spec!.dependencies;
      if (dependencies.length === 0) {
        deps.push(NO_INDICES);
        continue;
      }
      // Exactly sized: the driver keeps these for its life.
      const ids: number[] = new Array(dependencies.length);
      for (let d = 0; d < dependencies.length; d++) {
        const name = dependencies[d]!.name;
        let id = index.get(name);
        if (id === undefined) id = addExternal(nodes, index, name, Object.prototype.hasOwnProperty.call(config, name));
        ids[d] = id;
      }
      deps.push(ids);
    }
    // Every config value is a node, read or not, so it can be listed and requested.
    for (const key of Object.keys(config)) if (!index.has(key)) addExternal(nodes, index, key, true);
    for (let i = functionCount; i < nodes.length; i++) deps.push(NO_INDICES);
    const dependents = dependentsOf(deps);
    const order = topologicalSort(nodes, deps, dependents);
    const absent = new Map<string, AbsentNode[]>();
    for (const m of modules) {
      // Also when the name is an external input: a node that reads it asks for what no variant makes.
      for (const a of m.absent) if (!nodes[index.get(a.name) ?? -1]?.spec) (absent.get(a.name) ?? absent.set(a.name, []).get(a.name)!).push(a);
    }
    return new FunctionGraph(nodes, index, deps, dependents, order, options.config, absent);
  }

  /** Why a name is not in the graph: the methods that would make it, left out by config. */
  absent(name: string): readonly AbsentNode[] {
    return this.absentByName.get(name) ?? [];
  }

  /** The node with that name, if any. */
  node(name: string): GraphNode | undefined {
    const i = this.index.get(name);
    return i === undefined ? undefined : this.nodes[i];
  }

  /** The index of the node with that name, if any. */
  indexOf(name: string): number | undefined {
    return this.index.get(name);
  }

  /** Every node name. */
  names(): IterableIterator<string> {
    return this.index.keys();
  }
}

const CONFIG_TAGS = Object.freeze({ [FrameworkTags.config]: 'true' });
const NO_TAGS = Object.freeze({});

function addExternal(nodes: GraphNode[], index: Map<string, number>, name: string, fromConfig: boolean): number {
  const id = nodes.length;
  index.set(name, id);
  nodes.push({ index: id, name, fromConfig, info: { name, tags: fromConfig ? CONFIG_TAGS : NO_TAGS, dependencies: [], isExternalInput: true } });
  return id;
}

/**
 * A function node. Its NodeInfo is made on first use: queries and hooks need
 * it, building and running do not, and one object fewer per node keeps large
 * builds out of the garbage collector's way.
 */
class FunctionNode implements GraphNode {
  readonly name: string;
  readonly fromConfig = false;
  readonly fn: Callable['fn'];
  readonly thisArg: unknown;
  private cachedInfo: NodeInfo | undefined;

  constructor(
    readonly index: number,
    readonly spec: NodeSpec,
    callable: Callable,
  ) {
    this.name = spec.name;
    this.fn = callable.fn;
    this.thisArg = callable.thisArg;
  }

  get info(): NodeInfo {
    return (this.cachedInfo ??= infoOf(this.spec));
  }
}

function infoOf(def: NodeSpec): NodeInfo {
  // Optional keys are added, not spread in: same keys in the same order, without
  // two temporary objects per node on every build.
  const info: { -readonly [K in keyof NodeInfo]: NodeInfo[K] } = {
    name: def.name,
    tags: def.tags,
    dependencies: def.dependencies,
    isExternalInput: false,
  };
  if (def.origin !== undefined) info.origin = def.origin;
  if (def.doc !== undefined) info.doc = def.doc;
  return info;
}

/**
 * The definitions of a build, in order, each in one slot: a later module's
 * node that replaces an earlier one (allowOverrides) takes a new slot at the
 * end, and the one it replaced is left empty, so the order follows the winner.
 */
interface Definitions {
  readonly specs: readonly (NodeSpec | undefined)[];
  /** Each name's slot in `specs`. */
  readonly slots: Map<string, number>;
  /** How many slots were emptied by a replacement. */
  readonly replaced: number;
}

function collectDefinitions(modules: readonly ResolvedModule[], allowOverrides: boolean): Definitions {
  const specs: (NodeSpec | undefined)[] = [];
  // Modules are told apart by identity: two classes (or instances) may share a name.
  const owners: ResolvedModule[] = [];
  const slots = new Map<string, number>();
  let replaced = 0;
  for (const m of modules) {
    const list = m.nodes;
    for (let k = 0; k < list.length; k++) {
      const def = list[k]!;
      const at = slots.get(def.name);
      if (at !== undefined) {
        const previous = specs[at]!;
        const sameModule = owners[at] === m;
        if (sameModule || !allowOverrides) {
          const origins = [previous.origin ?? owners[at]!.module, def.origin ?? m.module];
          const ns = def.tags[FrameworkTags.namespace];
          const namespace = typeof ns === 'string' && ns === previous.tags[FrameworkTags.namespace] ? ns : undefined;
          throw new DuplicateNodeError(graphMessages.duplicate(def.name, origins, sameModule, namespace), def.name, origins);
        }
        specs[at] = undefined;
        replaced++;
      }
      slots.set(def.name, specs.length);
      specs.push(def);
      owners.push(m);
    }
  }
  return { specs, slots, replaced };
}

/** An empty index list, shared by every node that has no dependencies or no dependents. */
const NO_INDICES: readonly number[] = Object.freeze([]);

/** dependents[i]: the nodes that read node i, in node order; sized exactly, counted first. */
function dependentsOf(deps: readonly (readonly number[])[]): (readonly number[])[] {
  const n = deps.length;
  const counts = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const ds = deps[i]!;
    for (let k = 0; k < ds.length; k++) counts[ds[k]!]++;
  }
  const dependents: number[][] = new Array(n);
  const fill = new Int32Array(n);
  for (let i = 0; i < n; i++) dependents[i] = counts[i] === 0 ? (NO_INDICES as number[]) : new Array<number>(counts[i]!);
  for (let i = 0; i < n; i++) {
    const ds = deps[i]!;
    for (let k = 0; k < ds.length; k++) {
      const d = ds[k]!;
      dependents[d]![fill[d]!++] = i;
    }
  }
  return dependents;
}

/** Kahn's algorithm; on leftovers, walks them to report one cycle's path. */
function topologicalSort(nodes: readonly GraphNode[], deps: readonly (readonly number[])[], dependents: readonly (readonly number[])[]): Int32Array {
  const n = nodes.length;
  const pending = new Int32Array(n);
  const order = new Int32Array(n);
  let head = 0;
  let tail = 0;
  for (let i = 0; i < n; i++) {
    pending[i] = deps[i]!.length;
    if (pending[i] === 0) order[tail++] = i;
  }
  while (head < tail) {
    const i = order[head++]!;
    const next = dependents[i]!;
    for (let k = 0; k < next.length; k++) {
      const j = next[k]!;
      if (--pending[j]! === 0) order[tail++] = j;
    }
  }
  if (tail < n) {
    const path = findCycle(deps, pending);
    const names = path.map((i) => nodes[i]!.name);
    throw new CycleError(graphMessages.cycle(names, path.map((i) => nodes[i]!.spec?.origin)), names);
  }
  return order;
}

/** Follows unresolved dependencies from a node left over by Kahn's algorithm until one repeats. */
function findCycle(deps: readonly (readonly number[])[], pending: Int32Array): number[] {
  let start = 0;
  while (pending[start] === 0) start++;
  const seenAt = new Map<number, number>();
  const walk: number[] = [];
  let i = start;
  while (!seenAt.has(i)) {
    seenAt.set(i, walk.length);
    walk.push(i);
    // Every leftover node has at least one leftover dependency, so this always finds one.
    i = deps[i]!.find((d) => pending[d]! > 0)!;
  }
  // walk follows dependencies (x needs y); report it in data-flow order, closed.
  const cycle = walk.slice(seenAt.get(i)!).reverse();
  cycle.push(cycle[0]!);
  return cycle;
}
