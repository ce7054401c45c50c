/**
 * The value kinds hamilton-ts knows: columns (Arrays and typed arrays), arquero
 * tables, and opaque values.
 */
import type { ColumnTable } from 'arquero';

/** A column: an Array or a typed array (bigint ones included). */
export type Column = readonly unknown[] | ArrayBufferView & ArrayLike<unknown>;

/**
 * True for an Array or a typed array (a DataView is not a column). Never
 * throws: a revoked Proxy is not a column.
 *
 * @example
 * isColumn(new Float64Array(3)); // true
 */
export function isColumn(v: unknown): v is unknown[] & ArrayLike<unknown> {
  try {
    return Array.isArray(v) || (ArrayBuffer.isView(v) && !(v instanceof DataView));
  } catch {
    return false;
  }
}

/**
 * True for an object that is not null and not an array (options, config, tag maps).
 *
 * @example
 * isPlainObject({ a: 1 }); // true
 */
export function isPlainObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/**
 * True for an arquero table (duck-typed, so tables from another arquero copy
 * count). Never throws: an object whose properties cannot be read is not a table.
 *
 * @example
 * isTable(aq.table({ a: [1] })); // true
 */
export function isTable(v: unknown): v is ColumnTable {
  if (v === null || typeof v !== 'object') return false;
  try {
    return (
      typeof (v as ColumnTable).columnNames === 'function' &&
      typeof (v as ColumnTable).numRows === 'function' &&
      typeof (v as ColumnTable).array === 'function'
    );
  } catch {
    return false;
  }
}
