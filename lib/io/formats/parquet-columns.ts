/**
 * Which Parquet type each column of a table is written as. JavaScript numbers
 * that are all 32-bit integers become INT32, other numbers DOUBLE (exact for
 * integers up to 2^53); bigints INT64 (-2^63 to 2^63 - 1, others are an error);
 * Dates TIMESTAMP (milliseconds); booleans BOOLEAN; strings STRING (UTF-8);
 * anything else (objects, arrays, mixed columns) JSON. Typed arrays keep their
 * type. Every column is nullable except typed-array ones, which have no nulls.
 */
import type { ColumnSource } from 'hyparquet-writer';

type BasicType = NonNullable<ColumnSource['type']>;

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

/**
 * The hyparquet-writer column for one table column: its data, Parquet type and nullability.
 *
 * @example
 * parquetColumn('age', [31, null, 42]); // { name: 'age', data: [31, null, 42], type: 'INT32', nullable: true }
 */
export function parquetColumn(name: string, values: ArrayLike<unknown>): ColumnSource {
  if (ArrayBuffer.isView(values)) return typedColumn(name, values);
  const data = Array.isArray(values) ? values : Array.from(values);
  return { name, data, type: arrayType(name, data), nullable: true };
}

function typedColumn(name: string, values: ArrayBufferView): ColumnSource {
  if (values instanceof Float64Array) return { name, data: values, type: 'DOUBLE', nullable: false };
  if (values instanceof Float32Array) return { name, data: values, type: 'FLOAT', nullable: false };
  if (values instanceof Int32Array) return { name, data: values, type: 'INT32', nullable: false };
  if (values instanceof Int8Array || values instanceof Int16Array || values instanceof Uint8Array || values instanceof Uint8ClampedArray || values instanceof Uint16Array) {
    return { name, data: Int32Array.from(values as ArrayLike<number>), type: 'INT32', nullable: false };
  }
  if (values instanceof Uint32Array) return { name, data: Float64Array.from(values), type: 'DOUBLE', nullable: false };
  if (values instanceof BigInt64Array) return { name, data: values, type: 'INT64', nullable: false };
  if (values instanceof BigUint64Array) {
    for (const v of values) if (v > INT64_MAX) throw new RangeError(bigintTooLarge(name, v));
    return { name, data: BigInt64Array.from(values), type: 'INT64', nullable: false };
  }
  return { name, data: Array.from(values as unknown as ArrayLike<unknown>), type: 'JSON', nullable: true };
}

function arrayType(name: string, data: readonly unknown[]): BasicType {
  let kind: string | undefined;
  let int32 = true;
  for (const v of data) {
    if (v === null || v === undefined) continue;
    const k = v instanceof Date ? 'date' : typeof v;
    if (kind === undefined) kind = k;
    else if (kind !== k) return 'JSON';
    if (k === 'number' && int32 && ((v as number) | 0) !== v) int32 = false;
    if (k === 'number' && Object.is(v, -0)) int32 = false;
    if (k === 'bigint' && ((v as bigint) < INT64_MIN || (v as bigint) > INT64_MAX)) throw new RangeError(bigintTooLarge(name, v as bigint));
  }
  switch (kind) {
    case 'number': return int32 ? 'INT32' : 'DOUBLE';
    case 'bigint': return 'INT64';
    case 'boolean': return 'BOOLEAN';
    case 'string': case undefined: return 'STRING';
    case 'date': return 'TIMESTAMP';
    default: return 'JSON';
  }
}

function bigintTooLarge(name: string, v: bigint): string {
  return `column \`${name}\` holds ${v}, which does not fit Parquet's 64-bit INT64 (-2^63 to 2^63 - 1); save it as a string column, or use another format`;
}
