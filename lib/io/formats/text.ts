/**
 * Reading a text data file: UTF-8, without a byte-order mark.
 */
import { readFile } from 'node:fs/promises';

/**
 * The file's text, decoded as UTF-8, with a leading byte-order mark removed.
 *
 * @example
 * const text = await readText('data/sales.csv');
 */
export async function readText(path: string): Promise<string> {
  const text = await readFile(path, 'utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * The 1-based line and column of a character offset in a text.
 *
 * @example
 * lineAndColumn('a\nbc', 3); // { line: 2, column: 2 }
 */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(offset, text.length);
  for (let i = 0; i < end; i++) {
    if (text.charCodeAt(i) === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: end - lineStart + 1 };
}
