/**
 * Renders a FunctionGraph as Graphviz DOT. Styling reads only node kinds and
 * tags, never which decorator made a node.
 */
import type { FunctionGraph } from '../graph/graph.js';
import { FrameworkTags, type NodeInfo, type NodeRole } from '../node.js';
import { reachable } from '../graph/query.js';

/** Options of toDot. */
export interface DotOptions {
  /** Only these nodes and their upstream; they are drawn as outputs. */
  readonly outputs?: readonly string[];
}

const STYLE = {
  function: 'shape=box, style="rounded,filled", fillcolor="#b4d8e4", color="#3c6e80"',
  input: 'shape=box, style="dashed,rounded", color="#555555", fontcolor="#333333"',
  config: 'shape=note, style="filled", fillcolor="#f2f2f2", color="#777777"',
  output: 'shape=box, style="rounded,filled,bold", fillcolor="#ffc857", color="#a0711c", penwidth=2',
  validator: 'shape=hexagon, style="filled", fillcolor="#c9f2c7", color="#3d8b37"',
  raw: 'shape=box, style="rounded,filled", fillcolor="#dceef4", color="#3c6e80"',
  // A cylinder's and a folder's curves take room from the label: a wider margin keeps long names inside.
  loader: 'shape=cylinder, style="filled", fillcolor="#e3d7f4", color="#6a4c93", margin="0.3,0.1"',
  saver: 'shape=folder, style="filled", fillcolor="#f6d7c3", color="#a0522d", margin="0.25,0.08"',
} as const;

/**
 * DOT text of the graph: functions as boxes, external inputs dashed, config as
 * notes, requested outputs bold and gold, data-quality checks as green hexagons,
 * loaders as purple cylinders, savers as orange folders, tags listed under the
 * node name.
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
  for (const i of graph.topologicalOrder) {
    if (keep && !keep[i]) continue;
    const n = graph.nodes[i]!;
    const kind: Kind = outputs.has(n.name) ? 'output' : n.spec ? functionKind(n.info, n.spec.role) : n.fromConfig ? 'config' : 'input';
    kinds.add(kind);
    lines.push(`  ${quote(n.name)} [label=${htmlLabel(n.info, kind)}, ${STYLE[kind]}];`);
  }
  for (const line of legend(kinds, legendPrefix(graph))) lines.push(line);
  for (const i of graph.topologicalOrder) {
    if (keep && !keep[i]) continue;
    const n = graph.nodes[i]!;
    const deps = n.info.dependencies;
    graph.deps[i]!.forEach((d, k) => {
      const style = deps[k]!.optional ? ' [style=dashed]' : '';
      lines.push(`  ${quote(graph.nodes[d]!.name)} -> ${quote(n.name)}${style};`);
    });
  }
  lines.push('}');
  return lines.join('\n') + '\n';
}

type Kind = keyof typeof STYLE;

const LEGEND: Record<Kind, string> = {
  input: 'input',
  config: 'config',
  function: 'function',
  raw: 'unchecked value',
  validator: 'data-quality check',
  loader: 'loads data',
  saver: 'saves data',
  output: 'requested output',
};

/** A small cluster naming each kind of node drawn, so the styles explain themselves. */
function legend(kinds: ReadonlySet<Kind>, prefix: string): string[] {
  if (kinds.size < 2) return [];
  const lines = ['  subgraph cluster_legend {', '    label="legend"; fontname="Helvetica"; fontsize=10; color="#bbbbbb";'];
  for (const k of Object.keys(LEGEND) as Kind[]) {
    if (kinds.has(k)) lines.push(`    ${quote(prefix + k)} [label="${LEGEND[k]}", fontsize=9, ${STYLE[k]}];`);
  }
  lines.push('  }');
  return lines;
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

function functionKind(info: NodeInfo, role: NodeRole): 'function' | 'validator' | 'raw' | 'loader' | 'saver' {
  if (info.tags[FrameworkTags.containsDqResults] === 'true') return 'validator';
  if (info.tags[FrameworkTags.role] === 'raw') return 'raw';
  if (role === 'loader') return 'loader';
  if (role === 'saver') return 'saver';
  return 'function';
}

function htmlLabel(info: NodeInfo, kind: string): string {
  const rows = [escapeHtml(info.name)];
  if (kind === 'input') rows.push('<I>input</I>');
  if (kind === 'config') rows.push('<I>config</I>');
  if (kind === 'validator') rows.push('<I>check</I>');
  if (kind === 'loader' || kind === 'saver') rows.push(`<I>${kind === 'loader' ? 'load' : 'save'}${ioFormat(info)}</I>`);
  for (const [k, v] of Object.entries(info.tags)) {
    if (k.startsWith('hamilton.')) continue;
    rows.push(`<FONT POINT-SIZE="9">${escapeHtml(k)}=${escapeHtml(typeof v === 'string' ? v : v.join(','))}</FONT>`);
  }
  return `<${rows.join('<BR/>')}>`;
}

/** ` csv` from Hamilton's loader and saver tags, when a node carries them. */
function ioFormat(info: NodeInfo): string {
  const f = info.tags['hamilton.data_loader.source'] ?? info.tags['hamilton.data_saver.sink'];
  return typeof f === 'string' ? ` ${escapeHtml(f)}` : '';
}

function quote(s: string): string {
  return `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

function escapeHtml(s: string): string {
  // Names cannot hold control characters, but tag values may; XML cannot hold
  // them at all (not even as &#1;), so they are drawn as their Unicode pictures (U+2400 ...).
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/[\u0000-\u001f]/g, (c) => String.fromCharCode(0x2400 + c.charCodeAt(0)));
}
