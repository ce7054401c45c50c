/**
 * The critical path of a run: the chain of dependent nodes whose durations add
 * up to the most. However many nodes run at once, a run cannot take less.
 */
import type { NodeInfo } from '../../core/node.js';

/** The longest chain of dependent nodes, first node first. */
export interface CriticalPath {
  readonly nodes: readonly string[];
  /** The chain's durations added up. */
  readonly durationMs: number;
}

/**
 * The longest chain by summed duration through the dependency edges, over the
 * nodes that ran, given dependencies first (each node after every node it
 * reads, as nodes finish). Iterative, one pass over the edges.
 *
 * @example
 * criticalPath(['a', 'b'], [infoA, infoB], [2, 3]); // { nodes: ['a', 'b'], durationMs: 5 } when b reads a
 */
export function criticalPath(names: readonly string[], infos: readonly NodeInfo[], durations: readonly number[]): CriticalPath {
  const n = names.length;
  if (n === 0) return { nodes: [], durationMs: 0 };
  const position = new Map<string, number>();
  for (let k = 0; k < n; k++) position.set(names[k]!, k);
  // longest[k]: the longest chain ending at node k; previous[k]: the node before k on it.
  const longest = new Float64Array(n);
  const previous = new Int32Array(n).fill(-1);
  let end = 0;
  for (let k = 0; k < n; k++) {
    // -1: a dependency that took no time still extends the chain.
    let best = -1;
    for (const dep of infos[k]!.dependencies) {
      const j = position.get(dep.name);
      if (j !== undefined && j < k && longest[j]! > best) {
        best = longest[j]!;
        previous[k] = j;
      }
    }
    longest[k] = Math.max(best, 0) + durations[k]!;
    if (longest[k]! > longest[end]!) end = k;
  }
  const path: string[] = [];
  for (let k = end; k !== -1; k = previous[k]!) path.push(names[k]!);
  return { nodes: path.reverse(), durationMs: longest[end]! };
}
