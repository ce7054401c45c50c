/**
 * CSV (and other delimited text): parsed and written by arquero, after a
 * structural check that reports broken rows with their line and column.
 *
 * What a CSV file keeps: text. On loading, arquero infers each column's type
 * (numbers, booleans, ISO dates as Date); empty fields are null, so an empty
 * string comes back as null; integers beyond 2^53 come back as imprecise
 * numbers unless a `parse` function says otherwise (`parse: { id: BigInt }`).
 * Dates are written as ISO 8601 in UTC. A row with fewer fields than the
 * header gets nulls; a row with more is an error.
 */
import type { ColumnTable } from 'arquero';
import { loadArquero } from '../../core/lazy/arquero.js';
import type { FormatCodec, FormatLoadOptions, FormatSaveOptions } from '../registry.js';
import { checkCsv } from './csv-check.js';
import { withoutInvalidDates } from './invalid-dates.js';
import { readText } from './text.js';

/** Options of the csv format when loading (passed to arquero's fromCSV). */
export interface CsvLoadOptions {
  /** One character between fields (default ','). */
  readonly delimiter?: string;
  /** Whether the first row names the columns (default true). */
  readonly header?: boolean;
  /** Column names when there is no header. */
  readonly names?: readonly string[];
  /** Infer numbers, booleans and dates (default true); false keeps every value a string. */
  readonly autoType?: boolean;
  /** Per-column parse functions, e.g. `{ id: BigInt }`. */
  readonly parse?: Readonly<Record<string, (text: string) => unknown>>;
  /** The decimal separator (default '.'). */
  readonly decimal?: string;
}

/** Options of the csv format when saving (passed to arquero's toCSV). */
export interface CsvSaveOptions {
  readonly delimiter?: string;
  /** Write the header row (default true). */
  readonly header?: boolean;
  /** Per-column formatting functions. */
  readonly format?: Readonly<Record<string, (value: unknown) => unknown>>;
}

async function load(path: string, options: FormatLoadOptions & CsvLoadOptions): Promise<ColumnTable> {
  const aq = await loadArquero();
  const text = await readText(path);
  const { columns: _columns, ...parseOptions } = options;
  const shape = checkCsv(text, options.delimiter ?? ',');
  if (shape.records === 0) return aq.table({});
  const table = aq.fromCSV(text, parseOptions as Parameters<typeof aq.fromCSV>[1]);
  if (shape.shortRows) nullMissingFields(table);
  return table;
}

/** A short row leaves `undefined` in arquero's columns; null is what every other missing value is. */
function nullMissingFields(table: ColumnTable): void {
  const data = table.data() as Record<string, unknown[]>;
  for (const name of table.columnNames()) {
    const values = data[name]!;
    for (let i = 0; i < values.length; i++) if (values[i] === undefined) values[i] = null;
  }
}

async function save(table: ColumnTable, options: FormatSaveOptions & CsvSaveOptions): Promise<string> {
  const aq = await loadArquero();
  // A table without columns is an empty file (a lone line break would read back as one unnamed column).
  if (table.numCols() === 0) return '';
  return aq.toCSV(withoutInvalidDates(aq, table), options as Parameters<typeof aq.toCSV>[1]);
}

/**
 * The csv format (`.csv`); other delimiters with `{ delimiter: ';' }`.
 *
 * @example
 * const t = await loadData('sales.csv', { delimiter: ';' });
 */
export const csv: FormatCodec = {
  load,
  save,
};
