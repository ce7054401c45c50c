/**
 * Writes a DOT text to a file as DOT, SVG or PNG. SVG comes from Graphviz
 * compiled to WebAssembly (@hpcc-js/wasm-graphviz), PNG from that SVG through
 * resvg (@resvg/resvg-js, prebuilt for each platform), so no system Graphviz is
 * needed. Both load on first use, and the file is written with atomicWrite.
 */
import { extname } from 'node:path';
import { InvalidInputsError } from '../errors.js';
import { renderMessages } from '../messages.js';
import { atomicWrite } from '../atomic-write.js';

/** Output formats `display` writes. */
export type DisplayFormat = 'svg' | 'png' | 'dot';

/**
 * File extensions `display` understands, and the format each writes.
 *
 * @example
 * DISPLAY_EXTENSIONS.gv; // 'dot'
 */
export const DISPLAY_EXTENSIONS: Readonly<Record<string, DisplayFormat>> = Object.freeze({ svg: 'svg', png: 'png', dot: 'dot', gv: 'dot' });

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
 * Renders DOT text to a PNG image (twice Graphviz's 72 dpi, for sharp text).
 * Text is drawn with the system's fonts.
 *
 * @example
 * const png = await dotToPng('digraph { a -> b }'); // Uint8Array starting with the PNG signature
 */
export async function dotToPng(dot: string): Promise<Uint8Array> {
  const svg = await dotToSvg(dot);
  const { Resvg } = await import('@resvg/resvg-js');
  const image = new Resvg(svg, { font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' }, fitTo: { mode: 'zoom', value: 2 }, background: 'white' });
  return new Uint8Array(image.render().asPng());
}

/**
 * Writes the DOT text to `file`, in the given format or the one its extension names.
 *
 * @example
 * await writeGraph('out/dag.png', toDot(graph));
 */
export async function writeGraph(file: string, dot: string, format?: DisplayFormat): Promise<void> {
  const ext = extname(file).slice(1).toLowerCase();
  const chosen = format ?? DISPLAY_EXTENSIONS[ext];
  if (chosen !== 'svg' && chosen !== 'png' && chosen !== 'dot') {
    throw new InvalidInputsError(renderMessages.unknownFormat(file, String(format ?? ext), Object.keys(DISPLAY_EXTENSIONS)));
  }
  await atomicWrite(file, await renderGraph(dot, chosen));
}

/**
 * The format a file name's extension names (`.gv` is DOT), or undefined.
 *
 * @example
 * graphFormat('dag.png'); // 'png'
 */
export function graphFormat(file: string): DisplayFormat | undefined {
  const ext = extname(file).slice(1).toLowerCase();
  return Object.hasOwn(DISPLAY_EXTENSIONS, ext) ? DISPLAY_EXTENSIONS[ext] : undefined;
}

/**
 * The DOT text in a format: the DOT itself, SVG text, or PNG bytes.
 *
 * @example
 * const png = await renderGraph(toDot(graph), 'png');
 */
export async function renderGraph(dot: string, format: DisplayFormat): Promise<string | Uint8Array> {
  return format === 'svg' ? dotToSvg(dot) : format === 'png' ? dotToPng(dot) : dot;
}
