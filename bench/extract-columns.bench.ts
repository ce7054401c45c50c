/**
 * The cost of `@extractColumns`: executing 10 column nodes of a 1,000,000-row
 * table of Float64Array columns, against taking the same copies by hand, on a
 * table that shows all its rows (copies by slicing) and on a filtered one
 * (copies by `table.array`). The difference per column is the framework's
 * share: the column nodes, their op and the driver. Target: under 100 µs per column.
 */
import { table, type ColumnTable } from 'arquero';
import { Builder, extractColumns, node } from 'hamilton-ts';
import { compareInterleaved, median, round, type BenchRecord } from './harness.js';

type Report = (record: BenchRecord) => void;

const ROWS = 1_000_000;
const COLUMNS = Array.from({ length: 10 }, (_, k) => `c${k}`);

class Wide {
  @extractColumns(...COLUMNS)
  @node()
  wide(source: ColumnTable): ColumnTable {
    return source;
  }
}

function byHand(t: ColumnTable, filtered: boolean): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const c of COLUMNS) out[c] = filtered ? t.array(c, Float64Array) : (t.column(c) as unknown as Float64Array).slice();
  return out;
}

async function columnsCase(filtered: boolean): Promise<BenchRecord> {
  const full = table(Object.fromEntries(COLUMNS.map((c, k) => [c, Float64Array.from({ length: ROWS }, (_, i) => i * k)])));
  const source = filtered ? full.filter((d: { c1: number }) => d.c1 % 2 === 0) : full;
  const dr = new Builder().withModules(Wide).build();
  const check = await dr.execute(COLUMNS, { inputs: { source } });
  const expected = byHand(source, filtered);
  if ((check.c3 as Float64Array)[7] !== (expected.c3 as Float64Array)[7]) throw new Error('extract-columns: values differ');
  const runs = 15;
  const { a, b } = await compareInterleaved(() => dr.execute(COLUMNS, { inputs: { source } }), () => byHand(source, filtered), { runs, warmup: 3 });
  const ms = median(a);
  const handMs = median(b);
  const overheadUs = ((ms - handMs) * 1000) / COLUMNS.length;
  return {
    case: `extract ${COLUMNS.length} columns x ${ROWS} rows${filtered ? ' (filtered)' : ''}`,
    rows: source.numRows(),
    medianMs: round(ms),
    byHandMedianMs: round(handMs),
    ratio: round(ms / handMs),
    overheadUsPerColumn: round(overheadUs),
    target: '<100 µs per column',
    targetMet: overheadUs < 100,
    runs,
  };
}

/**
 * Runs the cases.
 *
 * @example
 * await run((r) => console.log(JSON.stringify(r)));
 */
export async function run(report: Report): Promise<void> {
  for (const filtered of [false, true]) report({ suite: 'extract-columns', ...(await columnsCase(filtered)) });
}
