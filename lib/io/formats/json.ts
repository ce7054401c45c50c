/**
 * JSON records: an array of row objects, one per line, `[\n{...},\n{...}\n]`.
 * Loading also takes arquero's column form, `{ "a": [...], "b": [...] }`.
 * See json-values.ts for what JSON does with bigints, dates and NaN; an empty
 * table is `[]`, which keeps no column names.
 */
import type { ColumnTable } from 'arquero';
import { isColumn, isPlainObject } from '../../core/values.js';
import { FileProblem } from '../file-problem.js';
import type { Content } from '../../core/atomic-write.js';
import type { FormatCodec, FormatLoadOptions } from '../registry.js';
import { jsonErrorOffset } from './json-locate.js';
import { jsonText, parseJson } from './json-values.js';
import { recordTexts, tableFromRecords, type RecordsLoadOptions } from './records.js';
import { lineAndColumn, readText } from './text.js';

/** Rows per chunk handed to the writer. */
const CHUNK_ROWS = 1000;

async function load(path: string, options: FormatLoadOptions & RecordsLoadOptions): Promise<ColumnTable> {
  const text = await readText(path);
  let value: unknown;
  try {
    value = parseJson(text);
  } catch (error) {
    const offset = Math.max(jsonErrorOffset(text), 0);
    throw new FileProblem(`it is not valid JSON (${(error as Error).message})`, lineAndColumn(text, offset), { cause: error });
  }
  if (Array.isArray(value)) return tableFromRecords(value, options, () => ({}));
  if (isPlainObject(value) && Object.values(value).every(isColumn)) {
    const lengths = new Set(Object.values(value).map((c) => (c as unknown[]).length));
    if (lengths.size > 1) throw new FileProblem('its columns have different lengths');
    return tableFromRecords(columnsToRecords(value as Record<string, unknown[]>), options, () => ({}));
  }
  throw new FileProblem(`it holds ${value === null ? "null" : typeof value === "object" ? "an object" : `a ${typeof value}`}, not an array of records (or an object of columns)`, { line: 1, column: 1 });
}

function columnsToRecords(columns: Record<string, unknown[]>): Record<string, unknown>[] {
  const names = Object.keys(columns);
  const rows = names.length ? columns[names[0]!]!.length : 0;
  const records: Record<string, unknown>[] = [];
  for (let i = 0; i < rows; i++) records.push(Object.fromEntries(names.map((n) => [n, columns[n]![i]])));
  return records;
}

function* chunks(table: ColumnTable): Generator<string> {
  let batch: string[] = [];
  let wrote = false;
  const flush = (): string => {
    const text = (wrote ? ',\n' : '\n') + batch.join(',\n');
    wrote = true;
    batch = [];
    return text;
  };
  yield '[';
  for (const record of recordTexts(table, jsonText)) {
    batch.push(record);
    if (batch.length === CHUNK_ROWS) yield flush();
  }
  if (batch.length) yield flush();
  yield wrote ? '\n]\n' : ']\n';
}

/**
 * The json format (`.json`): an array of records.
 *
 * @example
 * await saveData(table, 'out/rows.json');
 */
export const json: FormatCodec = {
  load,
  save: (table): Content => chunks(table),
};
