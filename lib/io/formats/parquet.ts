/**
 * Apache Parquet, with hyparquet (reading) and hyparquet-writer (writing):
 * pure JavaScript, no native or WebAssembly code (see DEVELOPERS.md for the
 * measurement behind the choice). Both load on first use. Column types are in
 * parquet-columns.ts; INT64 columns load as bigints (`{ int64: 'number' }` turns
 * them into numbers and fails on values beyond 2^53). Snappy compression is
 * built in; files compressed otherwise (gzip, zstd, brotli) cannot be read.
 */
import { readFile } from 'node:fs/promises';
import type { ColumnTable } from 'arquero';
import type { ColumnData, DecodedArray, FileMetaData } from 'hyparquet';
import { loadArquero } from '../../core/lazy/arquero.js';
import { FileProblem, MissingColumnsProblem } from '../file-problem.js';
import type { FormatCodec, FormatLoadOptions, FormatSaveOptions } from '../registry.js';
import { withoutInvalidDates } from './invalid-dates.js';
import { parquetColumn } from './parquet-columns.js';

/** Options of the parquet format when loading. */
export interface ParquetLoadOptions {
  /** INT64 columns as bigints (default) or numbers (an error for values beyond 2^53). */
  readonly int64?: 'bigint' | 'number';
}

/** Options of the parquet format when saving (passed to hyparquet-writer). */
export interface ParquetSaveOptions {
  /** 'SNAPPY' (default) or 'UNCOMPRESSED'. */
  readonly codec?: 'SNAPPY' | 'UNCOMPRESSED';
  /** Rows per row group (default: hyparquet-writer's, 1,000 then 100,000). */
  readonly rowGroupSize?: number;
  /** Write column statistics (default true). */
  readonly statistics?: boolean;
}

async function load(path: string, options: FormatLoadOptions & ParquetLoadOptions): Promise<ColumnTable> {
  const bytes = await readFile(path);
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  const { parquetMetadata, parquetRead, parquetSchema } = await import('hyparquet');
  let metadata: FileMetaData;
  try {
    metadata = parquetMetadata(buffer);
  } catch (error) {
    throw new FileProblem(`it is not a Parquet file (${(error as Error).message})`, {}, { cause: error });
  }
  const names = parquetSchema(metadata).children.map((c) => c.element.name);
  // Only the columns asked for are decoded.
  const missing = options.columns?.filter((c) => !names.includes(c)) ?? [];
  if (missing.length) throw new MissingColumnsProblem(missing, names);
  const wanted = options.columns ? names.filter((n) => options.columns!.includes(n)) : names;
  const rows = Number(metadata.num_rows);
  const chunks = new Map<string, ColumnData[]>(wanted.map((n) => [n, []]));
  try {
    if (wanted.length) {
      await parquetRead({ file: buffer, metadata, columns: wanted, onChunk: (chunk) => chunks.get(chunk.columnName)?.push(chunk) });
    }
  } catch (error) {
    throw new FileProblem(`its data cannot be read (${(error as Error).message})`, {}, { cause: error });
  }
  const data: Record<string, ArrayLike<unknown>> = {};
  for (const name of wanted) data[name] = toNumbers(assemble(chunks.get(name)!, rows), name, options.int64);
  return (await loadArquero()).table(data);
}

/** One column from its chunks: a typed array when every chunk is one of the same type, else an Array. */
function assemble(chunks: readonly ColumnData[], rows: number): ArrayLike<unknown> {
  if (chunks.length === 1 && chunks[0]!.rowStart === 0 && chunks[0]!.columnData.length === rows) return chunks[0]!.columnData;
  const first = chunks[0]?.columnData;
  const typed = first !== undefined && ArrayBuffer.isView(first) && chunks.every((c) => c.columnData.constructor === first.constructor);
  const out = typed
    ? new (first.constructor as new (n: number) => DecodedArray & { set(a: ArrayLike<unknown>, at: number): void })(rows)
    : new Array<unknown>(rows).fill(null);
  for (const { columnData, rowStart } of chunks) {
    const n = Math.min(columnData.length, rows - rowStart);
    if (typed) (out as { set(a: ArrayLike<unknown>, at: number): void }).set(columnData.length === n ? columnData : columnData.slice(0, n), rowStart);
    else for (let i = 0; i < n; i++) (out as unknown[])[rowStart + i] = columnData[i];
  }
  return out as ArrayLike<unknown>;
}

function toNumbers(values: ArrayLike<unknown>, name: string, int64: 'bigint' | 'number' | undefined): ArrayLike<unknown> {
  if (int64 !== 'number') return values;
  const isBig = values instanceof BigInt64Array || values instanceof BigUint64Array;
  if (!isBig && !Array.from(values).some((v) => typeof v === 'bigint')) return values;
  return Array.from(values, (v) => {
    if (typeof v !== 'bigint') return v;
    const n = Number(v);
    if (!Number.isSafeInteger(n)) throw new FileProblem(`${v} does not fit a number without losing precision; load it with { int64: 'bigint' }`, { columnName: name });
    return n;
  });
}

async function save(table: ColumnTable, options: FormatSaveOptions & ParquetSaveOptions): Promise<Uint8Array> {
  const { parquetWriteBuffer } = await import('hyparquet-writer');
  const clean = withoutInvalidDates(await loadArquero(), table);
  const columnData = clean.columnNames().map((name) => parquetColumn(name, clean.array(name) as ArrayLike<unknown>));
  const buffer = parquetWriteBuffer({
    columnData,
    ...(options.codec ? { codec: options.codec } : {}),
    ...(options.rowGroupSize ? { rowGroupSize: options.rowGroupSize } : {}),
    ...(options.statistics === false ? { statistics: false } : {}),
  });
  return new Uint8Array(buffer);
}

/**
 * The parquet format (`.parquet`, `.pq`).
 *
 * @example
 * await saveData(table, 'out/features.parquet', { codec: 'UNCOMPRESSED' });
 */
export const parquet: FormatCodec = {
  load,
  save,
};
