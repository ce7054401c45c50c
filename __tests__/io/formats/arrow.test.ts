// The arrow format (Arrow IPC via arquero and flechette): round trips that keep types, big integers included, and files that are not Arrow.
import { describe, expect, it } from '@jest/globals';
import * as aq from 'arquero';
import { DataLoadError, loadData, saveData } from '../../../lib/index.js';
import { rejectionOf, scratch } from '../support.js';

const { file, write } = scratch('arrow');

describe('arrow round trip', () => {
  it('keeps numbers, typed arrays, booleans, unicode, nulls and dates', async () => {
    const table = aq.table({
      n: [1, 2.5, null],
      ints: Int32Array.of(-1, 0, 2 ** 31 - 1),
      floats: Float64Array.of(0.1, NaN, -Infinity),
      flag: [true, null, false],
      text: ['naïve café', '日本語 😀', null],
      day: [new Date('2024-01-15T00:00:00Z'), null, new Date('2024-03-01T10:30:00.250Z')],
    });
    await saveData(table, file('mixed.arrow'));
    const back = await loadData(file('mixed.arrow'));
    expect(back.columnNames()).toEqual(table.columnNames());
    expect(back.array('n')).toEqual([1, 2.5, null]);
    expect(Array.from(back.array('ints') as ArrayLike<number>)).toEqual([-1, 0, 2 ** 31 - 1]);
    expect(Array.from(back.array('floats') as ArrayLike<number>)).toEqual([0.1, NaN, -Infinity]);
    expect(back.array('flag')).toEqual([true, null, false]);
    expect(back.array('text')).toEqual(['naïve café', '日本語 😀', null]);
    expect((back.array('day') as (Date | null)[]).map((d) => d?.getTime() ?? null)).toEqual([
      Date.UTC(2024, 0, 15),
      null,
      Date.UTC(2024, 2, 1, 10, 30, 0, 250),
    ]);
  });

  it('keeps bigints exactly, beyond 2^53 and up to 64 bits, with nulls', async () => {
    const values = [2n ** 63n - 1n, -(2n ** 63n), 2n ** 53n + 1n, null];
    await saveData(aq.table({ id: values }), file('big.arrow'));
    expect(Array.from((await loadData(file('big.arrow'))).array('id') as ArrayLike<unknown>)).toEqual(values);
  });

  it('reads 64-bit integers as numbers with int64: "number", and fails on values beyond 2^53', async () => {
    await saveData(aq.table({ id: [1n, 2n] }), file('small-int64.arrow'));
    expect(Array.from((await loadData(file('small-int64.arrow'), { int64: 'number' })).array('id') as ArrayLike<unknown>)).toEqual([1, 2]);
    await saveData(aq.table({ id: [1n, 2n ** 60n] }), file('large-int64.arrow'));
    const e = (await rejectionOf(loadData(file('large-int64.arrow'), { int64: 'number' }))) as DataLoadError;
    expect(e).toBeInstanceOf(DataLoadError);
    expect(e.columnName).toBe('id');
    expect(e.message).toContain("int64: 'bigint'");
  });

  it('keeps the columns of an empty table, and an empty table without columns', async () => {
    await saveData(aq.table({ a: [], b: [] }), file('empty.arrow'));
    const back = await loadData(file('empty.arrow'));
    expect([back.columnNames(), back.numRows()]).toEqual([['a', 'b'], 0]);
    await saveData(aq.table({}), file('none.arrow'));
    expect((await loadData(file('none.arrow'))).numCols()).toBe(0);
  });

  it('writes and reads the IPC stream format too', async () => {
    await saveData(aq.table({ a: [1, 2] }), file('stream.arrow'), { ipcFormat: 'stream' });
    expect((await loadData(file('stream.arrow'))).array('a')).toEqual([1, 2]);
  });

  it('is chosen for .feather files', async () => {
    expect((await saveData(aq.table({ a: [1] }), file('x.feather'))).format).toBe('arrow');
  });
});

describe('files that are not arrow', () => {
  it('names the file and the node for text and for an empty file', async () => {
    const text = (await rejectionOf(loadData(write('text.arrow', 'a,b\n1,2\n'), { node: 'events' }))) as DataLoadError;
    expect(text).toBeInstanceOf(DataLoadError);
    expect(text.message).toContain('text.arrow');
    expect(text.message).toContain('`events`');
    expect(text.message).toContain('not an Arrow IPC file');
    const empty = (await rejectionOf(loadData(write('empty-file.arrow', '')))) as DataLoadError;
    expect(empty.message).toContain('the file is empty');
  });
});
