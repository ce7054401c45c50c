/**
 * Writes a DOT text to a file as DOT or SVG. SVG comes from Graphviz compiled
 * to WebAssembly (@hpcc-js/wasm-graphviz), so no system Graphviz is needed.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, extname } from 'node:path';
import { InvalidInputsError } from '../errors.js';
import { renderMessages } from '../messages.js';

/** Output formats `display` writes. */
export type DisplayFormat = 'svg' | 'dot';

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
 * Writes the DOT text to `file`, in the given format or the one its extension names.
 *
 * @example
 * await writeGraph('out/dag.svg', toDot(graph));
 */
export async function writeGraph(file: string, dot: string, format?: DisplayFormat): Promise<void> {
  const ext = extname(file).slice(1).toLowerCase();
  const chosen = format ?? ext;
  if (chosen !== 'svg' && chosen !== 'dot' && chosen !== 'gv') throw new InvalidInputsError(renderMessages.unknownFormat(file, chosen));
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, chosen === 'svg' ? await dotToSvg(dot) : dot, 'utf8');
}
