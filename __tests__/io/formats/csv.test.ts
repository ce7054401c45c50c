// The csv format: round trips, what CSV keeps and loses, and malformed files reported with line and column.
import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import * as aq from 'arquero';
import { DataLoadError, loadData, saveData } from '../../../lib/index.js';
import { rejectionOf, scratch } from '../support.js';

const { file, write } = scratch('csv');

describe('csv round trip', () => {
  it('keeps numbers, booleans, unicode, nulls and dates', async () => {
    const table = aq.table({
      n: [1, 2.5, null],
      flag: [true, null, false],
      text: ['naïve café', '日本語 😀', null],
      tricky: ['a,b', 'say "hi"', 'two\nlines'],
      day: [new Date('2024-01-15'), null, new Date('2024-03-01T10:30:00.250Z')],
    });
    await saveData(table, file('mixed.csv'));
    const back = await loadData(file('mixed.csv'));
    expect(back.columnNames()).toEqual(['n', 'flag', 'text', 'tricky', 'day']);
    expect(back.array('n')).toEqual([1, 2.5, null]);
    expect(back.array('flag')).toEqual([true, null, false]);
    expect(back.array('text')).toEqual(['naïve café', '日本語 😀', null]);
    expect(back.array('tricky')).toEqual(['a,b', 'say "hi"', 'two\nlines']);
    expect((back.array('day') as (Date | null)[]).map((d) => d?.toISOString() ?? null)).toEqual([
      '2024-01-15T00:00:00.000Z',
      null,
      '2024-03-01T10:30:00.250Z',
    ]);
  });

  it('writes an empty table with columns as its header, and reads it back with those columns', async () => {
    await saveData(aq.table({ a: [], b: [] }), file('empty.csv'));
    expect(readFileSync(file('empty.csv'), 'utf8')).toBe('a,b\n');
    const back = await loadData(file('empty.csv'));
    expect(back.columnNames()).toEqual(['a', 'b']);
    expect(back.numRows()).toBe(0);
  });

  it('writes a table without columns as an empty file, which reads back as an empty table', async () => {
    const saved = await saveData(aq.table({}), file('none.csv'));
    expect(saved.bytes).toBe(0);
    const back = await loadData(file('none.csv'));
    expect([back.numCols(), back.numRows()]).toEqual([0, 0]);
  });

  it('reads integers beyond 2^53 as imprecise numbers, and exactly with parse: { id: BigInt }', async () => {
    const big = 2n ** 60n + 1n;
    await saveData(aq.table({ id: [big, 7n] }), file('big.csv'));
    expect(readFileSync(file('big.csv'), 'utf8')).toBe(`id\n${big}\n7\n`);
    const lossy = await loadData(file('big.csv'));
    expect(lossy.array('id')).toEqual([Number(big), 7]);
    expect(BigInt(lossy.array('id')[0] as number)).not.toBe(big);
    const exact = await loadData(file('big.csv'), { parse: { id: BigInt } });
    expect(exact.array('id')).toEqual([big, 7n]);
  });

  it('reads an empty string back as null: CSV cannot tell them apart', async () => {
    await saveData(aq.table({ s: ['', 'x'] }), file('blank.csv'));
    expect((await loadData(file('blank.csv'))).array('s')).toEqual([null, 'x']);
  });

  it('takes another delimiter, and skips a byte-order mark', async () => {
    await saveData(aq.table({ a: [1, 2], b: ['x;y', 'z'] }), file('semi.csv'), { delimiter: ';' });
    expect(readFileSync(file('semi.csv'), 'utf8')).toBe('a;b\n1;"x;y"\n2;z\n');
    expect((await loadData(file('semi.csv'), { delimiter: ';' })).array('b')).toEqual(['x;y', 'z']);
    const bom = write('bom.csv', '\ufeffa,b\n1,2\n');
    expect((await loadData(bom)).columnNames()).toEqual(['a', 'b']);
  });

  it('keeps every value a string with autoType: false', async () => {
    const path = write('strings.csv', 'zip,when\n02134,2024-01-01\n');
    const t = await loadData(path, { autoType: false });
    expect([t.array('zip'), t.array('when')]).toEqual([['02134'], ['2024-01-01']]);
  });

  it('fills the missing fields of a short row with null', async () => {
    const path = write('short.csv', 'a,b,c\n1,2,3\n4,5\n');
    const t = await loadData(path);
    expect(t.objects()).toEqual([{ a: 1, b: 2, c: 3 }, { a: 4, b: 5, c: null }]);
  });
});

describe('malformed csv', () => {
  it('names the file, line and column of a row with too many fields, and the node', async () => {
    const path = write('wide.csv', 'a,b\n1,2\n3,4,5\n');
    const error = await rejectionOf(loadData(path, { node: 'sales', origin: 'Sales.sales' }));
    expect(error).toBeInstanceOf(DataLoadError);
    const e = error as DataLoadError;
    expect([e.path, e.format, e.node, e.line, e.column]).toEqual([path, 'csv', 'sales', 3, 5]);
    expect(e.message).toContain(path);
    expect(e.message).toContain('`sales` (Sales.sales)');
    expect(e.message).toContain('line 3, column 5');
    expect(e.message).toContain('3 fields, but the header has 2');
  });

  it('reports an unterminated quote at the line and column where the quoted field opens', async () => {
    const path = write('open-quote.csv', 'a,b\n1,"fine"\n2,"never\nclosed,3\n4,5\n');
    const e = (await rejectionOf(loadData(path))) as DataLoadError;
    expect(e).toBeInstanceOf(DataLoadError);
    expect([e.line, e.column]).toEqual([3, 3]);
    expect(e.message).toMatch(/never closed/);
  });

  it('counts lines inside quoted fields and CRLF line ends', async () => {
    const path = write('crlf.csv', 'a,b\r\n"multi\r\nline",2\r\n3,4,5\r\n');
    const e = (await rejectionOf(loadData(path))) as DataLoadError;
    expect([e.line, e.column]).toEqual([4, 5]);
  });

  it('reports text after a closing quote', async () => {
    const path = write('after-quote.csv', 'a,b\n"x"y,2\n');
    const e = (await rejectionOf(loadData(path))) as DataLoadError;
    expect([e.line, e.column]).toEqual([2, 4]);
    expect(e.message).toMatch(/follows the closing quote/);
  });

  it('accepts escaped quotes and a last line without a line break', async () => {
    const path = write('escaped.csv', 'a,b\n"say ""hi""",2');
    expect((await loadData(path)).objects()).toEqual([{ a: 'say "hi"', b: 2 }]);
  });
});
