/**
 * The graph laid out for running: edges in flat typed arrays, each node's
 * function, `this` and run flags in plain arrays, made once per graph and
 * shared by every run. Planning and scheduling read it instead of walking
 * node objects, so the per-node cost of a run is a few array reads.
 */
import type { FunctionGraph } from '../graph/graph.js';
import type { Callable } from '../node.js';

/** Node i computes a value (it has a spec and a linked function). */
export const IS_FUNCTION = 1;
/** Node i gets a NodeContext as its last argument. */
export const NEEDS_CONTEXT = 2;
/** Node i has its own `timeoutMs`, so it always takes the slow path (node-runner.ts). */
export const HAS_TIMEOUT = 4;
/** Node i is `@parallelizable`. */
export const PARALLELIZABLE = 8;

/**
 * Node i's dependencies are `depList[depStart[i] .. depStart[i + 1])`, in
 * parameter order; its dependents `outList[outStart[i] .. outStart[i + 1])`.
 */
export interface RunIndex {
  readonly size: number;
  readonly depStart: Int32Array;
  readonly depList: Int32Array;
  readonly outStart: Int32Array;
  readonly outList: Int32Array;
  /** Bit set of IS_FUNCTION, NEEDS_CONTEXT, HAS_TIMEOUT, PARALLELIZABLE. */
  readonly flags: Uint8Array;
  readonly fns: readonly (Callable['fn'] | undefined)[];
  readonly thisArgs: readonly unknown[];
  /** True when some node is `@parallelizable`: plans without one skip fan-out planning. */
  readonly anyParallelizable: boolean;
  /** True when some node has a `timeoutMs`. */
  readonly anyTimeout: boolean;
  /**
   * The last list of outputs planned, with their indices: a driver asked for
   * the same outputs again compares names instead of looking each one up.
   */
  lastOutputs: { readonly names: readonly string[]; readonly indices: readonly number[] } | undefined;
}

const cache = new WeakMap<FunctionGraph, RunIndex>();

/**
 * The run index of a graph, made on first use.
 *
 * @example
 * const { depStart, depList } = runIndexOf(graph);
 * for (let k = depStart[i]!; k < depStart[i + 1]!; k++) read(depList[k]!);
 */
export function runIndexOf(graph: FunctionGraph): RunIndex {
  let index = cache.get(graph);
  if (!index) {
    index = build(graph);
    cache.set(graph, index);
  }
  return index;
}

function build(graph: FunctionGraph): RunIndex {
  const n = graph.nodes.length;
  const depStart = flatten(graph.deps, n);
  const outStart = flatten(graph.dependents, n);
  const depList = new Int32Array(depStart[n]!);
  const outList = new Int32Array(outStart[n]!);
  const flags = new Uint8Array(n);
  const fns: (Callable['fn'] | undefined)[] = new Array(n);
  const thisArgs: unknown[] = new Array(n);
  let anyParallelizable = false;
  let anyTimeout = false;
  for (let i = 0; i < n; i++) {
    depList.set(graph.deps[i]!, depStart[i]!);
    outList.set(graph.dependents[i]!, outStart[i]!);
    const node = graph.nodes[i]!;
    fns[i] = node.fn;
    thisArgs[i] = node.thisArg;
    const spec = node.spec;
    if (!spec) continue;
    let f = IS_FUNCTION;
    if (spec.needsContext === true) f |= NEEDS_CONTEXT;
    if (spec.options?.timeoutMs !== undefined) { f |= HAS_TIMEOUT; anyTimeout = true; }
    if (spec.options?.parallelizable === true) { f |= PARALLELIZABLE; anyParallelizable = true; }
    flags[i] = f;
  }
  return { size: n, depStart, depList, outStart, outList, flags, fns, thisArgs, anyParallelizable, anyTimeout, lastOutputs: undefined };
}

function flatten(lists: readonly (readonly number[])[], n: number): Int32Array {
  const start = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) start[i + 1] = start[i]! + lists[i]!.length;
  return start;
}
