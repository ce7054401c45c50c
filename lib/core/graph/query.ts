/**
 * Lineage and tag queries over a FunctionGraph. All traversals are iterative.
 */
import type { FunctionGraph } from './graph.js';
import type { NodeInfo } from '../node.js';
import { assertKnown } from './assert-known.js';
import { matchesTags, type TagFilter } from './tag-filter.js';

/**
 * Every node, optionally filtered by tags, in topological order.
 *
 * @example
 * listNodes(graph, { owner: 'data-science' }).map((n) => n.name);
 */
export function listNodes(graph: FunctionGraph, tags?: TagFilter): NodeInfo[] {
  const out: NodeInfo[] = [];
  for (const i of graph.topologicalOrder) {
    const info = graph.nodes[i]!.info;
    if (!tags || matchesTags(info.tags, tags)) out.push(info);
  }
  return out;
}

/**
 * Indices reachable from `names` following dependencies ('up') or dependents ('down'), inclusive.
 *
 * @example
 * reachable(graph, ['spendPerSignup'], 'up');
 */
export function reachable(graph: FunctionGraph, names: readonly string[], direction: 'up' | 'down'): Uint8Array {
  assertKnown(graph, names);
  const edges = direction === 'up' ? graph.deps : graph.dependents;
  const seen = new Uint8Array(graph.nodes.length);
  const stack = names.map((n) => graph.indexOf(n)!);
  while (stack.length) {
    const i = stack.pop()!;
    if (seen[i]) continue;
    seen[i] = 1;
    for (const j of edges[i]!) if (!seen[j]) stack.push(j);
  }
  return seen;
}

/**
 * The named nodes and everything they depend on (external inputs included), in topological order.
 *
 * @example
 * upstreamOf(graph, ['spendPerSignup']).map((n) => n.name); // ['spend', 'signups', 'spendPerSignup']
 */
export function upstreamOf(graph: FunctionGraph, names: readonly string[]): NodeInfo[] {
  return select(graph, reachable(graph, names, 'up'));
}

/**
 * The named nodes and everything that depends on them, in topological order.
 *
 * @example
 * downstreamOf(graph, ['spend']).map((n) => n.name);
 */
export function downstreamOf(graph: FunctionGraph, names: readonly string[]): NodeInfo[] {
  return select(graph, reachable(graph, names, 'down'));
}

/**
 * Nodes on some path from `from` to `to`, both included; [] when there is none.
 *
 * @example
 * pathBetween(graph, 'spend', 'spendZeroMeanUnitVariance').map((n) => n.name);
 */
export function pathBetween(graph: FunctionGraph, from: string, to: string): NodeInfo[] {
  const down = reachable(graph, [from], 'down');
  const up = reachable(graph, [to], 'up');
  if (!down[graph.indexOf(to)!]) return [];
  const both = new Uint8Array(graph.nodes.length);
  for (let i = 0; i < both.length; i++) both[i] = down[i]! & up[i]!;
  return select(graph, both);
}

function select(graph: FunctionGraph, mask: Uint8Array): NodeInfo[] {
  const out: NodeInfo[] = [];
  for (const i of graph.topologicalOrder) if (mask[i]) out.push(graph.nodes[i]!.info);
  return out;
}
