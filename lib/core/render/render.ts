/**
 * Writes a DOT text to a file as DOT, SVG or PNG. SVG comes from Graphviz
 * compiled to WebAssembly (@hpcc-js/wasm-graphviz), so no system Graphviz is
 * needed; PNG is that SVG rasterised by svg-to-png.ts.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, extname } from 'node:path';
import { InvalidInputsError } from '../errors.js';
import { renderMessages } from '../messages.js';
import { svgToPng } from './svg-to-png.js';

/** Output formats `display` writes. */
export type DisplayFormat = 'svg' | 'dot' | 'png';

/**
 * Renders DOT text to SVG.
 *
 * @example
 * const svg = await dotToSvg('digraph { a -> b }');
 */
export async function dotToSvg(dot: string): Promise<string> {
  const { Graphviz } = await import('@hpcc-js/wasm-graphviz');
  const graphviz = await Graphviz.load();
  return graphviz.dot(dot, 'svg');
}

/**
 * The format a file name's extension names (`.gv` is DOT), or undefined.
 *
 * @example
 * graphFormat('dag.png'); // 'png'
 */
export function graphFormat(file: string): DisplayFormat | undefined {
  const ext = extname(file).slice(1).toLowerCase();
  if (ext === 'gv') return 'dot';
  return ext === 'svg' || ext === 'dot' || ext === 'png' ? ext : undefined;
}

/**
 * The DOT text in a format: the DOT itself, SVG text, or PNG bytes.
 *
 * @example
 * const png = await renderGraph(toDot(graph), 'png');
 */
export async function renderGraph(dot: string, format: DisplayFormat): Promise<string | Uint8Array> {
  if (format === 'dot') return dot;
  const svg = await dotToSvg(dot);
  return format === 'svg' ? svg : svgToPng(svg);
}

/**
 * Writes the DOT text to `file`, in the given format or the one its extension names.
 *
 * @example
 * await writeGraph('out/dag.svg', toDot(graph));
 */
export async function writeGraph(file: string, dot: string, format?: DisplayFormat): Promise<void> {
  const chosen = format ?? graphFormat(file);
  if (chosen !== 'svg' && chosen !== 'dot' && chosen !== 'png') {
    throw new InvalidInputsError(renderMessages.unknownFormat(file, String(format ?? extname(file).slice(1))));
  }
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, await renderGraph(dot, chosen));
}
