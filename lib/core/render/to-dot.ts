/**
 * Renders a FunctionGraph as Graphviz DOT. Styling reads only node specs'
 * roles and options and the tags, never which decorator made a node.
 */
import type { FunctionGraph, GraphNode } from '../graph/graph.js';
import { reachable } from '../graph/query.js';
import { NamespaceClusters, namespaceOf } from './dot-namespaces.js';
import { STYLE, htmlLabel, kindOf, legend, marksOf, type Kind, type Mark } from './dot-styles.js';
import { quote } from './dot-text.js';

/**
 * Options of toDot.
 *
 * @example
 * toDot(graph, { outputs: ['spendPerSignup'] } satisfies DotOptions);
 */
export interface DotOptions {
  /** Only these nodes and their upstream; they are drawn as outputs. */
  readonly outputs?: readonly string[];
}

/**
 * DOT text of the graph: functions as boxes, external inputs dashed, config as
 * notes, requested outputs bold and gold, data-quality checks as green
 * hexagons, pipe steps small and dotted in line with their node, extracted
 * columns and fields in violet, loaders as cylinders and savers as folders,
 * fan-out and collect nodes marked, namespaces (`ns.node`) as clusters, tags
 * listed under the node name, and a legend of the styles drawn.
 *
 * @example
 * writeFileSync('dag.dot', toDot(graph, { outputs: ['spendPerSignup'] }));
 */
export function toDot(graph: FunctionGraph, options: DotOptions = {}): string {
  const outputs = new Set(options.outputs ?? []);
  const keep = options.outputs ? reachable(graph, options.outputs, 'up') : undefined;
  // Graphviz's built-in font metrics underestimate bold text, so labels stay regular with a wider margin.
  const lines = ['digraph hamilton {', '  rankdir=LR;', '  node [fontname="Helvetica", fontsize=11, margin="0.15,0.06"];', '  edge [color="#666666"];'];
  const kinds = new Set<Kind>();
  const marks = new Set<Mark>();
  const clusters = new NamespaceClusters();
  for (const i of graph.topologicalOrder) {
    if (keep && !keep[i]) continue;
    const n = graph.nodes[i]!;
    const kind = kindOf(n, outputs);
    const own = marksOf(n);
    kinds.add(kind);
    for (const m of own) marks.add(m);
    clusters.add(namespaceOf(graph, n), `${quote(n.name)} [label=${htmlLabel(n.info, kind, own)}, ${STYLE[kind]}];`);
  }
  lines.push(...clusters.lines());
  lines.push(...legend({ kinds, marks, namespaces: clusters.any }, legendPrefix(graph)));
  for (const i of graph.topologicalOrder) {
    if (keep && !keep[i]) continue;
    const n = graph.nodes[i]!;
    const deps = n.info.dependencies;
    const piped = pipedDependency(n);
    graph.deps[i]!.forEach((d, k) => {
      const from = graph.nodes[d]!;
      // A pipe's value flows straight through its steps: heavy edges keep the chain in one line.
      const chain = k === piped || from.spec?.role === 'step';
      const attributes = [deps[k]!.optional ? 'style=dashed' : '', chain ? 'weight=8' : ''].filter(Boolean);
      lines.push(`  ${quote(from.name)} -> ${quote(n.name)}${attributes.length ? ` [${attributes.join(', ')}]` : ''};`);
    });
  }
  lines.push('}');
  return lines.join('\n') + '\n';
}

/** For a pipe step: the index of the dependency its first parameter reads (the piped value); -1 otherwise. */
function pipedDependency(n: GraphNode): number {
  if (n.spec?.role !== 'step') return -1;
  const code = n.spec.code;
  const first = code.kind === 'op' ? undefined : code.bind?.[0];
  return first === undefined ? 0 : 'dep' in first ? first.dep : -1;
}

/**
 * The id prefix of legend entries: `legend:`, with more leading underscores
 * than any node name of the form `_…_legend:…`, so that a node named
 * `legend:function` stays a node (one pass over the names).
 */
function legendPrefix(graph: FunctionGraph): string {
  let underscores = -1;
  for (const name of graph.names()) {
    const m = LEGEND_LIKE.exec(name);
    if (m && m[1]!.length > underscores) underscores = m[1]!.length;
  }
  return `${'_'.repeat(underscores + 1)}legend:`;
}

const LEGEND_LIKE = /^(_*)legend:/;
