/**
 * Planning dynamic fan-outs (Hamilton's Parallelizable / Collect): for each
 * planned node marked `parallelizable`, the nodes that run once per item (its
 * block, up to the `collect` nodes that gather them) and the nodes that gather.
 */
import { GraphError } from '../errors.js';
import type { FunctionGraph } from '../graph/graph.js';
import { fanOutMessages } from '../messages.js';

/** One fan-out of a plan. */
export interface FanOutPlan {
  /** The node whose value is iterated. */
  readonly source: number;
  /** The nodes that run once per item, dependencies first. */
  readonly block: Int32Array;
  /** For each graph node: its slot in an item's values, or -1 outside the block. */
  readonly slot: Int32Array;
  /** Nodes outside the block that the source or the block read (the fan-out waits for them). */
  readonly outerDeps: Int32Array;
  /** The nodes that gather, and the block node each gathers. */
  readonly collects: readonly { readonly node: number; readonly collected: number }[];
}

/**
 * The fan-outs among the planned nodes; marks block nodes out of `inPlan`
 * (the fan-out runs them). A GraphError when a block node is read from
 * outside other than through `collect`, or when fan-outs nest.
 *
 * @example
 * const fanOuts = planFanOuts(graph, compute, inPlan);
 */
export function planFanOuts(graph: FunctionGraph, compute: Int32Array, inPlan: Uint8Array): FanOutPlan[] {
  const sources: number[] = [];
  for (let k = 0; k < compute.length; k++) if (graph.nodes[compute[k]!]!.spec!.options?.parallelizable === true) sources.push(compute[k]!);
  if (sources.length === 0) return [];
  const n = graph.nodes.length;
  const owner = new Int32Array(n).fill(-1);
  const plans: FanOutPlan[] = [];
  for (const p of sources) {
    if (owner[p] !== -1) throw new GraphError(fanOutMessages.nested(nameOf(graph, p), nameOf(graph, owner[p]!)));
    const inBlock = new Uint8Array(n);
    const collects: { node: number; collected: number }[] = [];
    const stack = [p];
    while (stack.length) {
      const i = stack.pop()!;
      for (const j of graph.dependents[i]!) {
        if (!inPlan[j] || inBlock[j]) continue;
        const collected = graph.nodes[j]!.spec!.options?.collect as string | undefined;
        if (collected !== undefined) {
          // A collect node never runs per item; it may read only the node it gathers from the fan-out.
          if (graph.nodes[i]!.name === collected) {
            if (!collects.some((c) => c.node === j)) collects.push({ node: j, collected: i });
          } else if (i !== p) {
            throw new GraphError(fanOutMessages.leak(nameOf(graph, i), nameOf(graph, j), originOf(graph, j), nameOf(graph, p)));
          }
          continue;
        }
        if (graph.nodes[j]!.spec!.options?.parallelizable === true) throw new GraphError(fanOutMessages.nested(nameOf(graph, j), nameOf(graph, p)));
        inBlock[j] = 1;
        owner[j] = p;
        stack.push(j);
      }
    }
    if (collects.length === 0) throw new GraphError(fanOutMessages.noCollect(nameOf(graph, p), originOf(graph, p)));
    const block: number[] = [];
    for (const i of compute) if (inBlock[i]) block.push(i);
    const slot = new Int32Array(n).fill(-1);
    block.forEach((i, k) => { slot[i] = k; });
    const outer = new Set<number>(graph.deps[p]!);
    for (const b of block) {
      for (const d of graph.deps[b]!) if (d !== p && !inBlock[d]) outer.add(d);
      // Only a collect node may read a block node from outside.
      for (const j of graph.dependents[b]!) {
        if (!inPlan[j] || inBlock[j] || collects.some((c) => c.node === j && c.collected === b)) continue;
        throw new GraphError(fanOutMessages.leak(nameOf(graph, b), nameOf(graph, j), originOf(graph, j), nameOf(graph, p)));
      }
    }
    for (const c of collects) {
      for (const d of graph.deps[c.node]!) {
        if (inBlock[d] && d !== c.collected) throw new GraphError(fanOutMessages.leak(nameOf(graph, d), nameOf(graph, c.node), originOf(graph, c.node), nameOf(graph, p)));
      }
    }
    for (const b of block) inPlan[b] = 0;
    plans.push({ source: p, block: Int32Array.from(block), slot, outerDeps: Int32Array.from(outer), collects });
  }
  return plans;
}

function nameOf(graph: FunctionGraph, i: number): string {
  return graph.nodes[i]!.name;
}

function originOf(graph: FunctionGraph, i: number): string | undefined {
  return graph.nodes[i]!.spec?.origin;
}
