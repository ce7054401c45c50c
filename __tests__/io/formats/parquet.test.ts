// The parquet format (hyparquet, hyparquet-writer): round trips with the types chosen per column, big integers, columns read selectively, and bad files.
import { describe, expect, it } from '@jest/globals';
import * as aq from 'arquero';
import { parquetMetadata, parquetSchema } from 'hyparquet';
import { readFileSync } from 'node:fs';
import { DataLoadError, DataSaveError, loadData, saveData } from '../../../lib/index.js';
import { rejectionOf, scratch } from '../support.js';

const { file, write } = scratch('parquet');

/** The Parquet type of each column of a written file. */
function schemaOf(path: string): Record<string, string> {
  const bytes = readFileSync(path);
  const schema = parquetSchema(parquetMetadata(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength)));
  return Object.fromEntries(schema.children.map((c) => [c.element.name, [c.element.type, c.element.converted_type].filter(Boolean).join('/')]));
}

describe('parquet round trip', () => {
  it('keeps numbers, typed arrays, booleans, unicode, nulls and dates', async () => {
    const table = aq.table({
      ints: [1, -2, null],
      reals: [1.5, NaN, 2 ** 40],
      f64: Float64Array.of(0.1, -0, Infinity),
      i32: Int32Array.of(-1, 0, 2 ** 31 - 1),
      flag: [true, null, false],
      text: ['naïve café', '日本語 😀', null],
      day: [new Date('2024-01-15T00:00:00Z'), null, new Date('2024-03-01T10:30:00.250Z')],
    });
    await saveData(table, file('mixed.parquet'));
    expect(schemaOf(file('mixed.parquet'))).toEqual({
      ints: 'INT32', reals: 'DOUBLE', f64: 'DOUBLE', i32: 'INT32', flag: 'BOOLEAN', text: 'BYTE_ARRAY/UTF8', day: 'INT64/TIMESTAMP_MILLIS',
    });
    const back = await loadData(file('mixed.parquet'));
    expect(back.columnNames()).toEqual(table.columnNames());
    expect(Array.from(back.array('ints') as ArrayLike<unknown>)).toEqual([1, -2, null]);
    expect(Array.from(back.array('reals') as ArrayLike<unknown>)).toEqual([1.5, NaN, 2 ** 40]);
    expect(Array.from(back.array('f64') as ArrayLike<unknown>)).toEqual([0.1, -0, Infinity]);
    expect(Array.from(back.array('i32') as ArrayLike<unknown>)).toEqual([-1, 0, 2 ** 31 - 1]);
    expect(Array.from(back.array('flag') as ArrayLike<unknown>)).toEqual([true, null, false]);
    expect(Array.from(back.array('text') as ArrayLike<unknown>)).toEqual(['naïve café', '日本語 😀', null]);
    expect(Array.from(back.array('day') as ArrayLike<Date | null>, (d) => d?.getTime() ?? null)).toEqual([
      Date.UTC(2024, 0, 15),
      null,
      Date.UTC(2024, 2, 1, 10, 30, 0, 250),
    ]);
  });

  it('keeps bigints exactly as INT64, and fails to save one beyond 64 bits', async () => {
    const values = [2n ** 63n - 1n, -(2n ** 63n), 2n ** 53n + 1n, null];
    await saveData(aq.table({ id: values, typed: BigInt64Array.of(1n, 2n, 3n, 2n ** 62n) }), file('big.parquet'));
    expect(schemaOf(file('big.parquet'))).toEqual({ id: 'INT64', typed: 'INT64' });
    const back = await loadData(file('big.parquet'));
    expect(Array.from(back.array('id') as ArrayLike<unknown>)).toEqual(values);
    expect(Array.from(back.array('typed') as ArrayLike<unknown>)).toEqual([1n, 2n, 3n, 2n ** 62n]);
    const e = (await rejectionOf(saveData(aq.table({ id: [2n ** 64n] }), file('too-big.parquet'), { node: 'ids' }))) as DataSaveError;
    expect(e).toBeInstanceOf(DataSaveError);
    expect(e.message).toContain('`ids`');
    expect(e.message).toContain("does not fit Parquet's 64-bit INT64");
  });

  it('reads INT64 as numbers with int64: "number", and fails on values beyond 2^53', async () => {
    await saveData(aq.table({ id: [1n, null] }), file('small.parquet'));
    expect(Array.from((await loadData(file('small.parquet'), { int64: 'number' })).array('id') as ArrayLike<unknown>)).toEqual([1, null]);
    await saveData(aq.table({ id: [1n, 2n ** 60n] }), file('large.parquet'));
    const e = (await rejectionOf(loadData(file('large.parquet'), { int64: 'number' }))) as DataLoadError;
    expect([e.constructor, e.columnName]).toEqual([DataLoadError, 'id']);
  });

  it('writes objects and mixed columns as JSON and reads them back', async () => {
    await saveData(aq.table({ meta: [{ a: [1, 2] }, null, { b: 'x' }], mixed: [1, 'two', true] }), file('json.parquet'));
    expect(schemaOf(file('json.parquet'))).toEqual({ meta: 'BYTE_ARRAY/JSON', mixed: 'BYTE_ARRAY/JSON' });
    const back = await loadData(file('json.parquet'));
    expect(Array.from(back.array('meta') as ArrayLike<unknown>)).toEqual([{ a: [1, 2] }, null, { b: 'x' }]);
    expect(Array.from(back.array('mixed') as ArrayLike<unknown>)).toEqual([1, 'two', true]);
  });

  it('keeps the columns of an empty table, and an empty table without columns', async () => {
    await saveData(aq.table({ a: [], b: Float64Array.of() }), file('empty.parquet'));
    const back = await loadData(file('empty.parquet'));
    expect([back.columnNames(), back.numRows()]).toEqual([['a', 'b'], 0]);
    await saveData(aq.table({}), file('none.parquet'));
    expect((await loadData(file('none.parquet'))).numCols()).toBe(0);
  });

  it('assembles columns spread over many row groups, typed and with nulls', async () => {
    const n = 2500;
    const x = Float64Array.from({ length: n }, (_, i) => i / 2);
    const label = Array.from({ length: n }, (_, i) => (i % 7 === 0 ? null : `row ${i}`));
    await saveData(aq.table({ x, label }), file('groups.parquet'), { rowGroupSize: 300 });
    const back = await loadData(file('groups.parquet'));
    expect(Array.from(back.array('x') as ArrayLike<number>)).toEqual(Array.from(x));
    expect(Array.from(back.array('label') as ArrayLike<unknown>)).toEqual(label);
  });

  it('decodes only the columns asked for, in the order asked', async () => {
    await saveData(aq.table({ a: [1], b: ['x'], c: [true] }), file('three.parquet'));
    const t = await loadData(file('three.parquet'), { columns: ['c', 'a'] });
    expect(t.columnNames()).toEqual(['c', 'a']);
    expect(t.objects()).toEqual([{ c: true, a: 1 }]);
  });
});

describe('bad parquet input', () => {
  it('names the file and node when the file is not parquet', async () => {
    const e = (await rejectionOf(loadData(write('text.parquet', 'a,b\n1,2\n'), { node: 'events', origin: 'Events.events' }))) as DataLoadError;
    expect(e).toBeInstanceOf(DataLoadError);
    expect(e.message).toContain('text.parquet');
    expect(e.message).toContain('`events` (Events.events)');
    expect(e.message).toContain('not a Parquet file');
  });

  it('names the columns the schema lacks, and those it has', async () => {
    await saveData(aq.table({ week: [1], spend: [2.5] }), file('sales.parquet'));
    const e = (await rejectionOf(loadData(file('sales.parquet'), { columns: ['week', 'region', 'signups'], node: 'sales' }))) as DataLoadError;
    expect(e).toBeInstanceOf(DataLoadError);
    expect(e.columnName).toBe('region');
    expect(e.message).toContain('lacks columns `region`, `signups` that node `sales` needs; it has `week`, `spend`');
  });
});
