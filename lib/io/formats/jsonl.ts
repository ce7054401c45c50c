/**
 * JSON Lines (newline-delimited JSON): one record per line. A bad line is
 * reported with its line number. Values are encoded as in json-values.ts.
 */
import type { ColumnTable } from 'arquero';
import { FileProblem } from '../file-problem.js';
import type { Content } from '../../core/atomic-write.js';
import type { FormatCodec, FormatLoadOptions } from '../registry.js';
import { jsonErrorOffset } from './json-locate.js';
import { jsonText, parseJson } from './json-values.js';
import { recordTexts, tableFromRecords, type RecordsLoadOptions } from './records.js';
import { readText } from './text.js';

const CHUNK_ROWS = 1000;

async function load(path: string, options: FormatLoadOptions & RecordsLoadOptions): Promise<ColumnTable> {
  const text = await readText(path);
  const records: unknown[] = [];
  const lines: number[] = [];
  let start = 0;
  for (let line = 1; start <= text.length; line++) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const content = text.slice(start, end);
    if (content.trim() !== '') {
      try {
        records.push(parseJson(content));
      } catch (error) {
        const column = Math.max(jsonErrorOffset(content), 0) + 1;
        throw new FileProblem(`the line is not valid JSON (${(error as Error).message})`, { line, column }, { cause: error });
      }
      lines.push(line);
    }
    start = end + 1;
  }
  return tableFromRecords(records, options, (i) => ({ line: lines[i]! }));
}

function* chunks(table: ColumnTable): Generator<string> {
  let batch = '';
  let count = 0;
  for (const record of recordTexts(table, jsonText)) {
    batch += `${record}\n`;
    if (++count === CHUNK_ROWS) {
      yield batch;
      batch = '';
      count = 0;
    }
  }
  if (batch) yield batch;
}

/**
 * The jsonl format (`.jsonl`, `.ndjson`): one JSON record per line.
 *
 * @example
 * await saveData(table, 'out/events.jsonl');
 */
export const jsonl: FormatCodec = {
  load,
  save: (table): Content => chunks(table),
};
