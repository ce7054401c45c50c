/**
 * An Invalid Date (`new Date(NaN)`) has no text or timestamp to write: CSV
 * would get the words "Invalid Date" and Arrow and Parquet cannot encode it.
 * Every format saves it as null, as JSON does by nature.
 */
import type { ColumnTable } from 'arquero';
import type { ArqueroModule } from '../../core/lazy/arquero.js';

const isInvalidDate = (v: unknown): boolean => v instanceof Date && Number.isNaN(v.getTime());

/**
 * The table with each Invalid Date replaced by null; the same table when it has none
 * (only the columns holding one are copied).
 *
 * @example
 * withoutInvalidDates(aq, aq.table({ d: [new Date(NaN)] })).array('d'); // [null]
 */
export function withoutInvalidDates(aq: ArqueroModule, table: ColumnTable): ColumnTable {
  let replaced: Record<string, unknown[]> | undefined;
  for (const name of table.columnNames()) {
    const values = table.array(name) as ArrayLike<unknown>;
    if (ArrayBuffer.isView(values) || !Array.prototype.some.call(values, isInvalidDate)) continue;
    (replaced ??= {})[name] = Array.from(values, (v) => (isInvalidDate(v) ? null : v));
  }
  return replaced ? table.assign(aq.table(replaced)) : table;
}
