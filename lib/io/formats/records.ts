/**
 * A list of JSON records (row objects) as an arquero table: every key that any
 * record has becomes a column (missing values are null), and arquero's type
 * inference turns ISO date strings into Dates.
 */
import type { ColumnTable } from 'arquero';
import type { DataLocation } from '../../core/errors.js';
import { isPlainObject } from '../../core/values.js';
import { loadArquero } from '../../core/lazy/arquero.js';
import { FileProblem } from '../file-problem.js';

/** Options shared by the json and jsonl formats when loading. */
export interface RecordsLoadOptions {
  /** Turn ISO 8601 date strings into Dates (default true). */
  readonly autoType?: boolean;
  /** Per-column parse functions. */
  readonly parse?: Readonly<Record<string, (value: unknown) => unknown>>;
  /** Columns asked for: an empty list of records has these (empty) columns. */
  readonly columns?: readonly string[];
}

/**
 * The table of a list of records; a record that is not an object is a FileProblem at `where(index)`.
 *
 * @example
 * await tableFromRecords([{ a: 1 }, { a: 2, b: 'x' }], {}, (i) => ({ line: i + 1 })); // columns a, b; b[0] is null
 */
export async function tableFromRecords(
  records: readonly unknown[],
  options: RecordsLoadOptions,
  where: (index: number) => DataLocation,
): Promise<ColumnTable> {
  const aq = await loadArquero();
  const bad = records.findIndex((r) => !isPlainObject(r));
  if (bad >= 0) {
    const record = records[bad];
    throw new FileProblem(`record ${bad + 1} is ${record === null ? 'null' : typeof record}, not an object`, where(bad));
  }
  const data = columnsOfRecords(records as readonly Readonly<Record<string, unknown>>[]);
  if (records.length === 0) for (const name of options.columns ?? []) data[name] = [];
  // arquero types fromJSON as taking text, but it takes parsed JSON as well.
  return aq.fromJSON(data as unknown as string, { autoType: options.autoType ?? true, ...(options.parse ? { parse: options.parse } : {}) } as Parameters<typeof aq.fromJSON>[1]);
}

/**
 * One column per key that any record has, in the order keys first appear; null where a record lacks the key.
 *
 * @example
 * columnsOfRecords([{ a: 1 }, { b: 2 }]); // { a: [1, null], b: [null, 2] }
 */
export function columnsOfRecords(records: readonly Readonly<Record<string, unknown>>[]): Record<string, unknown[]> {
  const n = records.length;
  const columns = new Map<string, unknown[]>();
  for (let i = 0; i < n; i++) {
    const record = records[i]!;
    for (const key of Object.keys(record)) {
      let values = columns.get(key);
      if (!values) columns.set(key, (values = new Array<unknown>(n).fill(null)));
      values[i] = record[key];
    }
  }
  // fromEntries defines own properties, so a key named `__proto__` stays a column.
  return Object.fromEntries(columns);
}

/**
 * Each row of a table as one JSON object text, in row order.
 *
 * @example
 * [...recordTexts(aq.table({ a: [1, 2] }), jsonText)]; // ['{"a":1}', '{"a":2}']
 */
export function* recordTexts(table: ColumnTable, text: (v: unknown) => string): Generator<string> {
  const names = table.columnNames();
  const keys = names.map((name) => `${JSON.stringify(name)}:`);
  const columns = names.map((name) => table.array(name) as ArrayLike<unknown>);
  const rows = table.numRows();
  const m = names.length;
  for (let i = 0; i < rows; i++) {
    let out = '{';
    for (let j = 0; j < m; j++) out += (j ? ',' : '') + keys[j] + text(columns[j]![i]);
    yield `${out}}`;
  }
}
