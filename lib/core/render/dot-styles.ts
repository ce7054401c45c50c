/**
 * How toDot draws each kind of node, and the legend that explains the styles.
 * A node's kind comes from its spec's role and from framework tags, never from
 * which decorator made it.
 */
import { FrameworkTags, type NodeInfo } from '../node.js';
import type { GraphNode } from '../graph/graph.js';
import { escapeHtml, quote } from './dot-text.js';

/**
 * Graphviz attributes of each kind of node.
 *
 * @example
 * `"spend" [label=<spend>, ${STYLE.input}];`
 */
export const STYLE = {
  function: 'shape=box, style="rounded,filled", fillcolor="#b4d8e4", color="#3c6e80"',
  input: 'shape=box, style="dashed,rounded", color="#555555", fontcolor="#333333"',
  config: 'shape=note, style="filled", fillcolor="#f2f2f2", color="#777777"',
  output: 'shape=box, style="rounded,filled,bold", fillcolor="#ffc857", color="#a0711c", penwidth=2',
  validator: 'shape=hexagon, style="filled", fillcolor="#c9f2c7", color="#3d8b37"',
  raw: 'shape=box, style="rounded,filled", fillcolor="#dceef4", color="#3c6e80"',
  step: 'shape=box, style="rounded,filled,dashed", fillcolor="#e1f0f4", color="#2f7a91", fontsize=9, margin="0.14,0.04"',
  extracted: 'shape=box, style="filled", fillcolor="#e4dcf2", color="#6a4c93"',
  loader: 'shape=cylinder, style="filled", fillcolor="#fde2c4", color="#a8642a"',
  saver: 'shape=folder, style="filled", fillcolor="#fde2c4", color="#a8642a"',
} as const;

/**
 * A kind of node: one style each.
 *
 * @example
 * const kind: Kind = 'step';
 */
export type Kind = keyof typeof STYLE;

/**
 * Graphviz attributes of a namespace's cluster (also drawn in the legend).
 *
 * @example
 * `style="${CLUSTER_STYLE.style}"; fillcolor="${CLUSTER_STYLE.fillcolor}";`
 */
export const CLUSTER_STYLE = { style: 'rounded,filled', fillcolor: '#f6f6fa', color: '#9a9ab8' } as const;

/**
 * A mark added under a node's name: fan-out and collect nodes of a parallel run.
 *
 * @example
 * const marks: Mark[] = ['fanOut'];
 */
export type Mark = 'fanOut' | 'collect';

const MARK_ROW: Record<Mark, string> = {
  fanOut: '<FONT POINT-SIZE="9">⇉ fan-out</FONT>',
  collect: '<FONT POINT-SIZE="9">⇇ collect</FONT>',
};

const LEGEND: Record<Kind, string> = {
  input: 'input',
  config: 'config',
  function: 'function',
  loader: 'loads data',
  saver: 'saves data',
  extracted: 'extracted column or field',
  step: 'pipe step',
  raw: 'raw value (before checks or pipe steps)',
  validator: 'data-quality check',
  output: 'requested output',
};

const MARK_LEGEND: Record<Mark, string> = {
  fanOut: 'runs once per item',
  collect: 'gathers the items',
};

/**
 * The kind a node is drawn as: requested outputs first, then external inputs
 * and config, then by its spec's role (and the data-quality tags).
 *
 * @example
 * kindOf(graph.node('spend')!, new Set()); // 'input'
 */
export function kindOf(n: GraphNode, outputs: ReadonlySet<string>): Kind {
  if (outputs.has(n.name)) return 'output';
  if (!n.spec) return n.fromConfig ? 'config' : 'input';
  const role = n.spec.role;
  if (role === 'validator' || n.info.tags[FrameworkTags.containsDqResults] === 'true') return 'validator';
  if (role === 'raw' || n.info.tags[FrameworkTags.role] === 'raw') return 'raw';
  if (role === 'step') return 'step';
  if (role === 'column' || role === 'field') return 'extracted';
  if (role === 'loader') return 'loader';
  if (role === 'saver') return 'saver';
  return 'function';
}

/**
 * The marks of a node: `fanOut` for a parallelizable node, `collect` for one
 * that gathers a fan-out (read from its spec's run options).
 *
 * @example
 * marksOf(graph.node('items')!); // ['fanOut']
 */
export function marksOf(n: GraphNode): Mark[] {
  const options = n.spec?.options;
  if (!options) return [];
  const marks: Mark[] = [];
  if (options.parallelizable === true) marks.push('fanOut');
  if (typeof options.collect === 'string') marks.push('collect');
  return marks;
}

/**
 * The HTML-like label of a node: its name, a word for inputs, config and
 * checks, its marks, and its user tags.
 *
 * @example
 * htmlLabel(info, 'input', []); // '<spend<BR/><I>input</I>>'
 */
export function htmlLabel(info: NodeInfo, kind: Kind, marks: readonly Mark[]): string {
  const rows = [escapeHtml(info.name)];
  if (kind === 'input') rows.push('<I>input</I>');
  if (kind === 'config') rows.push('<I>config</I>');
  if (kind === 'validator') rows.push('<I>check</I>');
  if (kind === 'loader' || kind === 'saver') rows.push(`<I>${kind === 'loader' ? 'load' : 'save'}${ioFormat(info)}</I>`);
  for (const m of marks) rows.push(MARK_ROW[m]);
  for (const [k, v] of Object.entries(info.tags)) {
    if (k.startsWith('hamilton.')) continue;
    rows.push(`<FONT POINT-SIZE="9">${escapeHtml(k)}=${escapeHtml(typeof v === 'string' ? v : v.join(','))}</FONT>`);
  }
  return `<${rows.join('<BR/>')}>`;
}

/**
 * What the drawing holds, for its legend.
 *
 * @example
 * const drawn: Drawn = { kinds: new Set(['function', 'step']), marks: new Set(), namespaces: true };
 */
export interface Drawn {
  readonly kinds: ReadonlySet<Kind>;
  readonly marks: ReadonlySet<Mark>;
  readonly namespaces: boolean;
}

/**
 * A small cluster naming each style drawn, so the styles explain themselves;
 * none when there is only one. Entry ids start with `prefix`, which no node name does.
 *
 * @example
 * legend({ kinds: new Set(['input', 'function']), marks: new Set(), namespaces: false }, 'legend:');
 */
export function legend(drawn: Drawn, prefix: string): string[] {
  if (drawn.kinds.size + drawn.marks.size + (drawn.namespaces ? 1 : 0) < 2) return [];
  const lines = ['  subgraph cluster_legend {', '    label="legend"; fontname="Helvetica"; fontsize=10; color="#bbbbbb";'];
  for (const k of Object.keys(LEGEND) as Kind[]) {
    if (drawn.kinds.has(k)) lines.push(`    ${quote(prefix + k)} [label="${LEGEND[k]}", fontsize=9, ${STYLE[k]}];`);
  }
  for (const m of Object.keys(MARK_LEGEND) as Mark[]) {
    if (drawn.marks.has(m)) lines.push(`    ${quote(prefix + m)} [label=<${MARK_ROW[m]}<BR/>${MARK_LEGEND[m]}>, fontsize=9, ${STYLE.function}, margin="0.22,0.06"];`);
  }
  if (drawn.namespaces) {
    const { style, fillcolor, color } = CLUSTER_STYLE;
    lines.push(`    ${quote(prefix + 'namespace')} [label="namespace: nodes ns.name", fontsize=9, shape=box, style="${style}", fillcolor="${fillcolor}", color="${color}"];`);
  }
  lines.push('  }');
  return lines;
}

/** ` csv` from Hamilton's loader and saver tags, when a node carries them. */
function ioFormat(info: NodeInfo): string {
  const f = info.tags['hamilton.data_loader.source'] ?? info.tags['hamilton.data_saver.sink'];
  return typeof f === 'string' ? ` ${escapeHtml(f)}` : '';
}
