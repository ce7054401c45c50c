/**
 * Loading the absence log: Hamilton's `data_loaders.py`. Two implementations
 * of one node, chosen by config `execution` (Hamilton's sample switches
 * between pandas, Dask and Spark the same way): a plain line-by-line parser,
 * and arquero's CSV reader. Both give the same table, whose 21 columns become
 * nodes of their own, and the table is checked before any column is read.
 */
import { fromCSV, table, type ColumnTable } from 'arquero';
import { checkOutput, config, extractColumns, node } from 'hamilton-ts';
import { ABSENCES_CSV, ABSENCE_COLUMNS, columnName } from './data.js';

// Checked on the table itself (target), so every column node reads the checked table.
const tableChecks = {
  columns: { age: { range: [18, 70] }, absenteeismTimeInHours: { range: [0, 40] }, bodyMassIndex: { range: [15, 45] } },
  importance: 'warn',
  target: 'rawData',
} as const;

/** The absence table (its implementation chosen by config `execution`) and its 21 columns. */
export class AbsenceData {
  @config.whenNotIn({ execution: ['columnar'] })
  @checkOutput(tableChecks)
  @extractColumns(...ABSENCE_COLUMNS)
  @node({ doc: 'The absence log, parsed line by line; headers as camelCase names.' })
  rawData__base(): ColumnTable {
    const [header, ...lines] = ABSENCES_CSV.trim().split('\n');
    const names = header!.split(';').map(columnName);
    const columns: Record<string, number[]> = Object.fromEntries(names.map((n) => [n, []]));
    for (const line of lines) line.split(';').forEach((v, k) => columns[names[k]!]!.push(Number(v)));
    return table(columns);
  }

  @config.whenIn({ execution: ['columnar'] })
  @checkOutput(tableChecks)
  @extractColumns(...ABSENCE_COLUMNS)
  @node({ doc: "The absence log, read by arquero's CSV reader; headers as camelCase names." })
  rawData__columnar(): ColumnTable {
    const raw = fromCSV(ABSENCES_CSV, { delimiter: ';' });
    return raw.rename(Object.fromEntries(raw.columnNames().map((c) => [c, columnName(c)])));
  }
}
