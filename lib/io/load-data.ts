/**
 * loadData: a file into an arquero table, through its format. Every failure
 * is a DataLoadError naming the file, the format, the node (when given) and,
 * where known, the line, character column or table column.
 */
import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { ColumnTable } from 'arquero';
import { DataLoadError } from '../core/errors.js';
import { isTable } from '../core/values.js';
import { FileProblem, MissingColumnsProblem } from './file-problem.js';
import { loadMessages, type DataUser } from './messages.js';
import { formatFor, getFormat, type DataFormat } from './registry.js';

/** Options of loadData; any other key is passed to the format (e.g. `delimiter` for csv). */
export interface LoadOptions extends DataUser {
  /** A registered format's name; default: from the file's extension. */
  readonly format?: string;
  /** Columns the file must have; the table has exactly these, in this order. */
  readonly columns?: readonly string[];
  readonly [option: string]: unknown;
}

/**
 * Loads a data file as an arquero table.
 *
 * @example
 * const sales = await loadData('data/sales.csv', { columns: ['week', 'spend'] });
 * const big = await loadData('data/events.parquet', { node: 'events', origin: 'Events.events' });
 */
export async function loadData(path: string, options: LoadOptions = {}): Promise<ColumnTable> {
  const { format: formatName, columns, node, origin, ...formatOptions } = options;
  const who: DataUser = { node, origin };
  const format = formatName === undefined ? formatFor(path) : getFormat(formatName);
  if (columns !== undefined && (!Array.isArray(columns) || columns.some((c) => typeof c !== 'string'))) {
    throw new DataLoadError(loadMessages.badColumns(columns), path, format.name, node);
  }
  await checkFile(path, format, who);
  let table: unknown;
  try {
    table = await format.load(path, columns === undefined ? formatOptions : { ...formatOptions, columns });
  } catch (error) {
    throw loadError(error, path, format, who);
  }
  if (!isTable(table)) {
    throw new DataLoadError(loadMessages.failed(path, format.name, who, `its load returned ${typeof table}, not an arquero table`), path, format.name, node);
  }
  return columns === undefined ? table : selectColumns(table, columns, path, format, who);
}

async function checkFile(path: string, format: DataFormat, who: DataUser): Promise<void> {
  try {
    if ((await stat(path)).isDirectory()) throw new DataLoadError(loadMessages.notAFile(path, who), path, format.name, who.node);
  } catch (error) {
    if (error instanceof DataLoadError) throw error;
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    const message = missing ? loadMessages.missing(path, resolve(path), who) : loadMessages.unreadable(path, who, error);
    throw new DataLoadError(message, path, format.name, who.node, {}, error);
  }
}

function loadError(error: unknown, path: string, format: DataFormat, who: DataUser): DataLoadError {
  if (error instanceof DataLoadError) return error;
  if (error instanceof MissingColumnsProblem) return missingColumns(path, format, who, error.missing, error.available);
  if (error instanceof FileProblem) {
    return new DataLoadError(loadMessages.malformed(path, format.name, who, error.where, error.reason), path, format.name, who.node, error.where, error.cause);
  }
  return new DataLoadError(loadMessages.failed(path, format.name, who, error), path, format.name, who.node, {}, error);
}

function selectColumns(table: ColumnTable, columns: readonly string[], path: string, format: DataFormat, who: DataUser): ColumnTable {
  const available = table.columnNames();
  const missing = columns.filter((c) => !available.includes(c));
  if (missing.length) throw missingColumns(path, format, who, missing, available);
  const same = available.length === columns.length && available.every((c, i) => c === columns[i]);
  return same ? table : table.select(...columns);
}

function missingColumns(path: string, format: DataFormat, who: DataUser, missing: readonly string[], available: readonly string[]): DataLoadError {
  return new DataLoadError(loadMessages.missingColumns(path, format.name, who, missing, available), path, format.name, who.node, { columnName: missing[0]! });
}
