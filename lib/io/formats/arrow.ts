/**
 * Apache Arrow IPC files (Feather v2), written and read by arquero with
 * flechette. Arrow keeps types: 64-bit integers (bigints) round-trip as bigints
 * (an int64 column from another tool loads as bigints too, unless
 * `{ int64: 'number' }`, which fails on values beyond 2^53), Dates as Date,
 * nulls as null, strings as UTF-8. A bigint beyond 64 bits cannot be saved.
 */
import { readFile } from 'node:fs/promises';
import type { ColumnTable } from 'arquero';
import { loadArquero } from '../../core/lazy/arquero.js';
import { FileProblem } from '../file-problem.js';
import { withoutInvalidDates } from './invalid-dates.js';
import type { FormatCodec, FormatLoadOptions, FormatSaveOptions } from '../registry.js';

/** Options of the arrow format when loading. */
export interface ArrowLoadOptions {
  /** 64-bit integer columns as bigints (default) or as numbers (an error for values beyond 2^53). */
  readonly int64?: 'bigint' | 'number';
}

/** Options of the arrow format when saving. */
export interface ArrowSaveOptions {
  /** The IPC 'file' format (default, Feather v2) or the 'stream' format. */
  readonly ipcFormat?: 'file' | 'stream';
}

async function load(path: string, options: FormatLoadOptions & ArrowLoadOptions): Promise<ColumnTable> {
  const bytes = new Uint8Array(await readFile(path));
  if (bytes.byteLength === 0) throw new FileProblem('the file is empty, so it is not an Arrow IPC file');
  const aq = await loadArquero();
  let table: ColumnTable;
  try {
    table = aq.fromArrow(bytes, { useBigInt: options.int64 !== 'number', useDate: true } as Parameters<typeof aq.fromArrow>[1]);
  } catch (error) {
    throw new FileProblem(`it is not an Arrow IPC file (${(error as Error).message})`, {}, { cause: error });
  }
  // flechette decodes lazily; reading every value now turns a value that cannot be
  // represented (int64: 'number' beyond 2^53) into a load error rather than a later surprise.
  return options.int64 === 'number' ? materialize(aq, table) : table;
}

function materialize(aq: Awaited<ReturnType<typeof loadArquero>>, table: ColumnTable): ColumnTable {
  const data: Record<string, unknown> = {};
  for (const name of table.columnNames()) {
    try {
      data[name] = table.array(name);
    } catch (error) {
      throw new FileProblem(`${(error as Error).message}; load it with { int64: 'bigint' }`, { columnName: name }, { cause: error });
    }
  }
  return aq.table(data as Record<string, ArrayLike<unknown>>);
}

async function save(table: ColumnTable, options: FormatSaveOptions & ArrowSaveOptions): Promise<Uint8Array> {
  const aq = await loadArquero();
  return aq.toArrowIPC(withoutInvalidDates(aq, table), { format: options.ipcFormat ?? 'file' });
}

/**
 * The arrow format (`.arrow`, `.feather`): Arrow IPC.
 *
 * @example
 * await saveData(table, 'out/features.arrow');
 */
export const arrow: FormatCodec = {
  load,
  save,
};
