/**
 * Data in and out: each format's save (saveData, through atomicWrite) and load
 * (loadData) of one table, and the measurement behind the Parquet library
 * choice: hyparquet + hyparquet-writer (pure JavaScript) against parquet-wasm
 * (Rust compiled to WebAssembly, reached through Arrow IPC), both writing
 * Snappy-compressed files, both ending in an arquero table.
 * One JSON record per case; see bench/README.md.
 *
 * Run by bench/io.bench.ts in a child process under tsx: ts-node's ESM resolver
 * rejects the subpath exports (`hyparquet/src/*.js`) that hyparquet-writer imports.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as aq from 'arquero';
import type { ColumnTable } from 'arquero';
import { loadData, saveData } from 'hamilton-ts';
import { caseRunner, compareInterleaved, measure, median, round, type BenchRecord } from '../harness.js';

type Report = (record: BenchRecord) => void;

const ROWS = 200_000;
const RUNS = { runs: 7, warmup: 2 } as const;
const DIR = fileURLToPath(new URL('../../.bench-tmp/io/', import.meta.url));

/** Runs every data in/out case, reporting one record per case. */
async function runCases(report: Report): Promise<void> {
  mkdirSync(DIR, { recursive: true });
  const table = sampleTable(ROWS);
  const attempt = caseRunner('io', report);
  try {
    for (const format of ['csv', 'json', 'jsonl', 'arrow', 'parquet']) await attempt(`save+load ${format} ${ROWS}`, () => formatCase(table, format));
    await attempt(`parquet libraries ${ROWS}`, () => parquetLibrariesCase(table));
  } finally {
    rmSync(DIR, { recursive: true, force: true });
  }
}

/** 200,000 rows of the usual column kinds: a float64 typed array, integers, a repeated string, dates. */
function sampleTable(rows: number): ColumnTable {
  return aq.table({
    x: Float64Array.from({ length: rows }, (_, i) => Math.sin(i) * 1000),
    n: Array.from({ length: rows }, (_, i) => i % 1000),
    city: Array.from({ length: rows }, (_, i) => `city ${i % 50}`),
    day: Array.from({ length: rows }, (_, i) => new Date(Date.UTC(2024, 0, 1 + (i % 365)))),
  });
}

async function formatCase(table: ColumnTable, format: string): Promise<BenchRecord> {
  const path = `${DIR}sample.${format}`;
  let bytes = 0;
  const save = await measure(async () => { bytes = (await saveData(table, path)).bytes; }, RUNS);
  let loaded: ColumnTable | undefined;
  const load = await measure(async () => { loaded = readEveryValue(await loadData(path)); }, RUNS);
  checkSame(table, loaded!, format);
  return { saveMedianMs: round(median(save)), loadMedianMs: round(median(load)), bytes, rowsPerSecondLoad: Math.round(ROWS / (median(load) / 1000)), runs: RUNS.runs };
}

/** The choice's evidence: hyparquet (our parquet format) against parquet-wasm, write and read, interleaved. */
async function parquetLibrariesCase(table: ColumnTable): Promise<BenchRecord> {
  let pw: typeof import('parquet-wasm/node');
  try {
    pw = await import('parquet-wasm/node');
  } catch {
    return { skipped: 'parquet-wasm is not installed (it is a devDependency: npm install)' };
  }
  const ours = `${DIR}hyparquet.parquet`;
  const theirs = `${DIR}parquet-wasm.parquet`;
  const properties = () => new pw.WriterPropertiesBuilder().setCompression(pw.Compression.SNAPPY).build();
  const write = await compareInterleaved(
    () => saveData(table, ours),
    () => writeFileSync(theirs, pw.writeParquet(pw.Table.fromIPCStream(aq.toArrowIPC(table, { format: 'stream' })), properties())),
    RUNS,
  );
  let a: ColumnTable | undefined;
  let b: ColumnTable | undefined;
  const read = await compareInterleaved(
    async () => { a = readEveryValue(await loadData(ours)); },
    () => { b = readEveryValue(aq.fromArrow(pw.readParquet(new Uint8Array(readFileSync(theirs))).intoIPCStream(), { useDate: true } as never)); },
    RUNS,
  );
  checkSame(table, a!, 'hyparquet');
  checkSame(table, b!, 'parquet-wasm');
  // Each library must read the other's files too.
  checkSame(table, await loadData(theirs), 'hyparquet reading parquet-wasm');
  return {
    hyparquetWriteMedianMs: round(median(write.a)),
    parquetWasmWriteMedianMs: round(median(write.b)),
    hyparquetReadMedianMs: round(median(read.a)),
    parquetWasmReadMedianMs: round(median(read.b)),
    hyparquetBytes: readFileSync(ours).byteLength,
    parquetWasmBytes: readFileSync(theirs).byteLength,
    runs: RUNS.runs,
  };
}

/**
 * Materialises every column: a table read from Arrow decodes values only when
 * they are read, so without this its load time would leave out the decoding.
 */
function readEveryValue(table: ColumnTable): ColumnTable {
  for (const name of table.columnNames()) {
    const values = table.array(name) as ArrayLike<unknown>;
    sink += values.length ? (values[values.length - 1] === undefined ? 0 : 1) : 0;
  }
  return table;
}

/** Sink for results, so the JIT cannot drop work whose answer is unused. */
let sink = 0;

/** Guards the figures: a benchmark of wrong answers measures nothing. */
function checkSame(expected: ColumnTable, actual: ColumnTable, label: string): void {
  const rows = expected.numRows();
  if (actual.numRows() !== rows) throw new Error(`${label}: ${actual.numRows()} rows, expected ${rows}`);
  for (const name of ['x', 'n', 'city']) {
    const e = expected.array(name) as ArrayLike<unknown>;
    const g = actual.array(name) as ArrayLike<unknown>;
    for (const i of [0, 1, rows >> 1, rows - 1]) {
      if (Number(e[i]) !== Number(g[i]) && e[i] !== g[i]) throw new Error(`${label}: ${name}[${i}] is ${String(g[i])}, expected ${String(e[i])}`);
    }
  }
  const day = actual.array('day') as ArrayLike<unknown>;
  const first = day[rows - 1];
  const time = first instanceof Date ? first.getTime() : Number(first);
  if (time !== (expected.array('day') as Date[])[rows - 1]!.getTime()) throw new Error(`${label}: day[${rows - 1}] is ${String(first)}`);
}

await runCases((record) => process.stdout.write(`${JSON.stringify(record)}\n`));
