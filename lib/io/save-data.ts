/**
 * saveData: a table to a file, through its format and atomicWrite, so a failed
 * save leaves the earlier file untouched. Returns what was written.
 */
import type { ColumnTable } from 'arquero';
import { DataSaveError } from '../core/errors.js';
import { loadArquero } from '../core/lazy/arquero.js';
import { isColumn, isPlainObject, isTable } from '../core/values.js';
import { describeValue } from '../core/describe-value.js';
import { stageWrite, type AtomicFileSystem, type StagedWrite } from '../core/atomic-write.js';
import { columnsOfRecords } from './formats/records.js';
import { saveMessages, type DataSaver } from './messages.js';
import { formatFor, getFormat } from './registry.js';

/** What saveData wrote: the path, the format's name, the rows, the file's size and its SHA-256 (hex). */
export interface SaveResult {
  readonly path: string;
  readonly format: string;
  readonly rows: number;
  readonly bytes: number;
  readonly hash: string;
}

/** Options of saveData; any other key is passed to the format (e.g. `delimiter` for csv). */
export interface SaveOptions extends DataSaver {
  /** A registered format's name; default: from the file's extension. */
  readonly format?: string;
  /** The file system to write through (default node:fs/promises; for tests and special stores). */
  readonly fileSystem?: AtomicFileSystem;
  /** Stops the write when aborted (a saver node passes its run's signal); the earlier file stays. */
  readonly signal?: AbortSignal;
  readonly [option: string]: unknown;
}

/** What saveData accepts: an arquero table, an object of equal-length columns, or an array of row objects. */
export type TableLike = ColumnTable | Readonly<Record<string, ArrayLike<unknown>>> | readonly Readonly<Record<string, unknown>>[];

/**
 * Saves a table to `path` atomically (temporary file in the same folder, then rename).
 *
 * @example
 * const { rows, bytes, hash } = await saveData(features, 'out/features.parquet');
 * await saveData({ week: [1, 2], spend: [10, 20] }, 'out/spend.csv');
 */
export async function saveData(value: TableLike, path: string, options: SaveOptions = {}): Promise<SaveResult> {
  return (await stageData(value, path, options)).commit();
}

/** A save written to a temporary file next to its target: `commit()` puts it in place, `discard()` drops it. */
export interface StagedSave extends SaveResult {
  /** Renames the file into place; a DataSaveError (the target unchanged) when that fails. */
  commit(): Promise<SaveResult>;
  /** Removes the temporary file; the target stays as it was. */
  discard(): Promise<void>;
}

/**
 * saveData's first half: the table's file is written next to `path`, and
 * `path` changes only on `commit()`. A DataSaveError when the table cannot be
 * written (the earlier file untouched, no partial file left).
 *
 * @example
 * const staged = await stageData(features, 'out/features.csv');
 * await staged.commit(); // { path, format, rows, bytes, hash }
 */
export async function stageData(value: TableLike, path: string, options: SaveOptions = {}): Promise<StagedSave> {
  const { format: formatName, node, origin, saves, fileSystem, signal, ...formatOptions } = options;
  const who: DataSaver = { node, origin, saves };
  const format = formatName === undefined ? formatFor(path) : getFormat(formatName);
  const table = await asTable(value);
  if (!table) throw new DataSaveError(saveMessages.notATable(path, format.name, who, describeValue(value)), path, format.name, node);
  const failed = (error: unknown) => new DataSaveError(saveMessages.failed(path, format.name, who, error), path, format.name, node, error);
  let staged: StagedWrite;
  try {
    const content = await format.save(table, formatOptions);
    staged = await stageWrite(path, content, { ...(fileSystem ? { fileSystem } : {}), ...(signal ? { signal } : {}) });
  } catch (error) {
    throw failed(error);
  }
  const result: SaveResult = { path, format: format.name, rows: table.numRows(), bytes: staged.bytes, hash: staged.hash };
  return {
    ...result,
    async commit() {
      try {
        await staged.commit();
      } catch (error) {
        throw failed(error);
      }
      return result;
    },
    discard: () => staged.discard(),
  };
}

/** An object literal (or Object.create(null)), not a Date, Map or class instance. */
const isRecord = (v: unknown): v is Record<string, unknown> =>
  isPlainObject(v) && (Object.getPrototypeOf(v) === Object.prototype || Object.getPrototypeOf(v) === null);

async function asTable(value: unknown): Promise<ColumnTable | undefined> {
  if (isTable(value)) return value;
  if (Array.isArray(value) && value.every(isRecord)) return (await loadArquero()).table(columnsOfRecords(value));
  if (isRecord(value)) {
    const columns = Object.values(value);
    if (!columns.every(isColumn)) return undefined;
    if (new Set(columns.map((c) => (c as ArrayLike<unknown>).length)).size > 1) return undefined;
    return (await loadArquero()).table(value as Record<string, ArrayLike<unknown>>);
  }
  return undefined;
}
