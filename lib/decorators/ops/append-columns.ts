/**
 * The framework op `decorators.appendColumns`: the last node of `@withColumns`,
 * which appends the selected columns to the table (replacing same-named ones).
 */
import { ExtractionError } from '../../core/errors.js';
import { registerOp } from '../../core/resolve/ops.js';
import { isColumn, isTable } from '../../core/values.js';
import { describeValue } from '../../core/describe-value.js';
import { withColumnsMessages } from '../messages.js';

/** Args of `decorators.appendColumns`. */
export interface AppendColumnsArgs {
  /** This node's name, for messages. */
  readonly node: string;
  readonly origin: string | undefined;
  /** The table parameter of the method, for messages. */
  readonly table: string;
  /** The column names, in the order of the node's dependencies after the table. */
  readonly columns: readonly string[];
}

/**
 * The table with `values[k]` as column `columns[k]`, appended or replacing.
 *
 * @example
 * appendColumns(aq.table({ a: [1, 2] }), [[3, 4]], { node: 'f._append', origin: 'C.f', table: 'raw', columns: ['b'] }).columnNames(); // ['a', 'b']
 */
export function appendColumns(table: unknown, values: readonly unknown[], a: AppendColumnsArgs): unknown {
  if (!isTable(table)) throw new ExtractionError(withColumnsMessages.parameterNotATable(a.table, a.origin, describeValue(table)), a.node, a.origin);
  const rows = table.numRows();
  const data: Record<string, unknown> = {};
  a.columns.forEach((column, k) => {
    const v = values[k];
    if (!isColumn(v)) throw new ExtractionError(withColumnsMessages.appendNotAColumn(a.node, a.origin, column, describeValue(v)), a.node, a.origin);
    if (v.length !== rows) throw new ExtractionError(withColumnsMessages.appendLength(a.node, a.origin, column, v.length, rows), a.node, a.origin);
    data[column] = v;
  });
  return table.assign(data as Parameters<typeof table.assign>[0]);
}

registerOp('decorators.appendColumns', {
  link: (args: AppendColumnsArgs) => ({ fn: (table: unknown, ...values: unknown[]) => appendColumns(table, values, args) }),
});
