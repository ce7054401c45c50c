import type { ColumnTable } from 'arquero';
import { loadArquero, loadedArquero } from '../../lazy/arquero.js';

type ColumnData = ConstructorParameters<typeof ColumnTable>[0];
import { ResultBuilderError } from '../../errors.js';
import { resultMessages } from '../../messages.js';
import { nameRecord, setOwn } from '../../names.js';
import { isColumn, isTable } from '../../values.js';
import type { ResultBuilder } from './result-builder.js';

/**
 * Assembles outputs into one arquero table: columns (Arrays, typed arrays) as
 * they are, tables spread into their columns, scalars broadcast to every row.
 * Columns of different lengths are an error naming each column and its length.
 * Every name is a column, `__proto__` and `constructor` included.
 * arquero is imported on first use: the driver awaits `prepare()` before `build`.
 *
 * @example
 * const dr = new Builder().withModules(Marketing).withResultBuilder(new TableResult()).build();
 * const t = await dr.execute(['spend', 'spendPerSignup'], { inputs });
 * t.print();
 */
export class TableResult implements ResultBuilder<ColumnTable> {
  /** Loads arquero; `execute` awaits it, a direct caller of `build` awaits it first. */
  prepare(): Promise<unknown> | undefined {
    return loadedArquero() ? undefined : loadArquero();
  }

  build(outputs: Readonly<Record<string, unknown>>, names: readonly string[]): ColumnTable {
    // Request order is column order; `null` marks a scalar to broadcast once the row count is known.
    const columns = new Map<string, ArrayLike<unknown> | null>();
    const lengths = new Map<string, number>();
    const put = (col: string, from: string, data: ArrayLike<unknown> | null) => {
      if (columns.has(col)) throw new ResultBuilderError(resultMessages.duplicateColumn(col, from));
      columns.set(col, data);
      if (data) lengths.set(col, data.length);
    };
    for (const name of names) {
      const v = outputs[name];
      if (isTable(v)) for (const col of v.columnNames()) put(col, name, v.array(col) as ArrayLike<unknown>);
      else if (isColumn(v)) put(name, name, v);
      else put(name, name, null);
    }
    const distinct = new Set(lengths.values());
    if (distinct.size > 1) throw new ResultBuilderError(resultMessages.lengthMismatch(lengths));
    const rows = distinct.size ? [...distinct][0]! : 1;
    // arquero's table() copies columns into a plain object, where a `__proto__`
    // column would be lost; a null-prototype object keeps every name.
    const data = nameRecord<ArrayLike<unknown>>();
    for (const [col, values] of columns) setOwn(data, col, values ?? new Array(rows).fill(outputs[col]));
    const aq = loadedArquero();
    if (!aq) throw new ResultBuilderError(resultMessages.notPrepared());
    return new aq.ColumnTable(data as unknown as ColumnData, [...columns.keys()]);
  }
}
