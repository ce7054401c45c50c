/**
 * Namespaces as Graphviz clusters. A node's namespace is its
 * `hamilton.namespace` tag (embedded nodes) or the part of its name before
 * the last dot (`report.spend` is in `report`); a pipe step, whose name is
 * `<node>.<step>`, sits with its node instead. Nested namespaces (`a.b`) are
 * clusters inside clusters. Everything here is iterative: a name with many
 * dots nests deeply without deepening the stack.
 */
import { FrameworkTags } from '../node.js';
import type { FunctionGraph, GraphNode } from '../graph/graph.js';
import { CLUSTER_STYLE } from './dot-styles.js';
import { escapeHtml, quote } from './dot-text.js';

/**
 * The namespace path of a node (outermost first); empty for top-level nodes
 * and external inputs. A path with an empty part (`.x`, `a..b`) is top level.
 *
 * @example
 * namespaceOf(graph, graph.node('us.report.spend')!); // ['us', 'report']
 */
export function namespaceOf(graph: FunctionGraph, node: GraphNode): readonly string[] {
  let n = node;
  // A pipe step `x.with_f` and a pipe's raw value `x.raw` are drawn beside their node `x`.
  for (let owner = ownerOf(graph, n); owner; owner = ownerOf(graph, owner)) n = owner;
  if (!n.spec) return [];
  const tag = n.info.tags[FrameworkTags.namespace];
  const dot = n.name.lastIndexOf('.');
  const prefix = dot > 0 ? n.name.slice(0, dot) : '';
  let path = prefix;
  if (typeof tag === 'string' && tag.length > 0 && !(prefix === tag || prefix.startsWith(`${tag}.`))) path = tag;
  if (path === '') return [];
  const parts = path.split('.');
  return parts.some((p) => p.length === 0) ? [] : parts;
}

function ownerOf(graph: FunctionGraph, n: GraphNode): GraphNode | undefined {
  const role = n.spec?.role;
  const pipeRaw = role === 'raw' && n.name.endsWith('.raw');
  if (role !== 'step' && !pipeRaw) return undefined;
  const dot = n.name.lastIndexOf('.');
  const owner = dot > 0 ? graph.node(n.name.slice(0, dot)) : undefined;
  return owner && owner !== n ? owner : undefined;
}

/** A namespace's cluster: its own node statements and its inner namespaces. */
interface Cluster {
  readonly path: string;
  readonly statements: string[];
  readonly inner: Map<string, Cluster>;
}

/**
 * Collects node statements by namespace and writes them as nested clusters;
 * statements of top-level nodes are written as they are.
 *
 * @example
 * const clusters = new NamespaceClusters();
 * clusters.add(['report'], '"report.spend" [label=<report.spend>];');
 * clusters.lines(); // subgraph "cluster_ns_0" { ... }
 */
export class NamespaceClusters {
  private readonly root: Cluster = { path: '', statements: [], inner: new Map() };

  /** True once a node was put in a namespace. */
  get any(): boolean {
    return this.root.inner.size > 0;
  }

  add(path: readonly string[], statement: string): void {
    let c = this.root;
    for (const part of path) {
      let next = c.inner.get(part);
      if (!next) c.inner.set(part, (next = { path: c.path ? `${c.path}.${part}` : part, statements: [], inner: new Map() }));
      c = next;
    }
    c.statements.push(statement);
  }

  /** The DOT lines: top-level statements, then each namespace as a cluster, nested ones inside. */
  lines(): string[] {
    const out = this.root.statements.map((s) => `  ${s}`);
    let id = 0;
    // Work items: a cluster to open at a depth, or the closing brace of one.
    const work: ({ cluster: Cluster; depth: number } | { close: number })[] = [...this.root.inner.values()].reverse().map((cluster) => ({ cluster, depth: 1 }));
    while (work.length) {
      const item = work.pop()!;
      if ('close' in item) {
        out.push(`${'  '.repeat(item.close)}}`);
        continue;
      }
      const { cluster, depth } = item;
      const pad = '  '.repeat(depth);
      const { style, fillcolor, color } = CLUSTER_STYLE;
      out.push(`${pad}subgraph ${quote(`cluster_ns_${id++}`)} {`);
      out.push(`${pad}  label=<${escapeHtml(cluster.path)}>; labeljust=l; fontname="Helvetica"; fontsize=10; style="${style}"; fillcolor="${fillcolor}"; color="${color}";`);
      for (const s of cluster.statements) out.push(`${pad}  ${s}`);
      work.push({ close: depth });
      for (const inner of [...cluster.inner.values()].reverse()) work.push({ cluster: inner, depth: depth + 1 });
    }
    return out;
  }
}
