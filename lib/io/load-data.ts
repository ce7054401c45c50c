/**
 * loadData: a file into an arquero table, through its format. Every failure
 * is a DataLoadError naming the file, the format, the node (when given) and,
 * where known, the line, character column or table column.
 */
import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { ColumnTable } from 'arquero';
import { DataLoadError } from '../core/errors.js';
import { isPlainObject, isTable } from '../core/values.js';
import { DATA_TYPES, DataTypeValidator, type DataType } from '../quality/validators/data-type.js';
import { describeValue } from '../core/describe-value.js';
import { FileProblem, MissingColumnsProblem } from './file-problem.js';
import { loadMessages, type DataUser } from './messages.js';
import { formatFor, getFormat, type DataFormat } from './registry.js';

/** Options of loadData; any other key is passed to the format (e.g. `delimiter` for csv). */
export interface LoadOptions extends DataUser {
  /** A registered format's name; default: from the file's extension. */
  readonly format?: string;
  /**
   * Columns the file must have; the table has exactly these, in this order. As an object, each
   * column's type too (`{ week: 'integer', region: 'string' }`, the types of `dataType` checks, or 'any').
   */
  readonly columns?: readonly string[] | Readonly<Record<string, DataType | 'any'>>;
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
  const { format: formatName, columns: wanted, node, origin, ...formatOptions } = options;
  const who: DataUser = { node, origin };
  const format = formatName === undefined ? formatFor(path) : getFormat(formatName);
  const types = columnTypes(wanted);
  if (types === null) throw new DataLoadError(loadMessages.badColumns(wanted, DATA_TYPES), path, format.name, node);
  const columns = types && Object.keys(types);
  await checkFile(path, format, who);
  let table: unknown;
  try {
    table = await format.load(path, columns === undefined ? formatOptions : { ...formatOptions, columns });
  } catch (error) {
    throw loadError(error, path, format, who);
  }
  if (!isTable(table)) {
    throw new DataLoadError(loadMessages.notATable(path, format.name, who, describeValue(table)), path, format.name, node);
  }
  if (!types) return table;
  const selected = selectColumns(table, columns!, path, format, who);
  checkTypes(selected, types, path, format, who);
  return selected;
}

/** The columns option as name → type ('any' when only named); undefined when absent, null when malformed. */
function columnTypes(columns: LoadOptions['columns']): Record<string, DataType | 'any'> | undefined | null {
  if (columns === undefined) return undefined;
  if (Array.isArray(columns)) {
    return columns.every((c) => typeof c === 'string') ? Object.fromEntries(columns.map((c: string) => [c, 'any'])) : null;
  }
  if (!isPlainObject(columns)) return null;
  const valid = Object.values(columns).every((t) => t === 'any' || (DATA_TYPES as readonly unknown[]).includes(t));
  return valid ? { ...(columns as Record<string, DataType | 'any'>) } : null;
}

/** Each typed column must hold values of its type (nulls aside), checked as `@checkOutput({ dataType })` does. */
function checkTypes(table: ColumnTable, types: Readonly<Record<string, DataType | 'any'>>, path: string, format: DataFormat, who: DataUser): void {
  for (const [name, type] of Object.entries(types)) {
    if (type === 'any') continue;
    const outcome = new DataTypeValidator(type, 'fail').validate(table.array(name)) as { passed: boolean; message: string };
    if (!outcome.passed) {
      throw new DataLoadError(loadMessages.wrongType(path, format.name, who, name, type, outcome.message), path, format.name, who.node, { columnName: name });
    }
  }
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
