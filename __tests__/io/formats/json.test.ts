// The json (records) and jsonl formats: round trips, what JSON keeps (bigints, dates, NaN), and bad files with their line.
import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import * as aq from 'arquero';
import { DataLoadError, loadData, saveData } from '../../../lib/index.js';
import { rejectionOf, scratch } from '../support.js';

const { file, write } = scratch('json');

// JSON.parse shows a reviver each literal's source text from Node 21 on; only then can big integers come back exact.
const sourceText = (() => {
  let seen = false;
  JSON.parse('1', (_k, v, context?: { source?: string }) => ((seen = typeof context?.source === 'string'), v));
  return seen;
})();

describe.each(['json', 'jsonl'])('%s round trip', (ext) => {
  it('keeps numbers, booleans, unicode, nulls and dates', async () => {
    const table = aq.table({
      n: [1, -2.5, null],
      flag: [true, false, null],
      text: ['naïve café', '日本語 😀\n"quoted"', null],
      day: [new Date('2024-01-15T00:00:00Z'), null, new Date('2024-03-01T10:30:00.250Z')],
    });
    await saveData(table, file(`mixed.${ext}`));
    const back = await loadData(file(`mixed.${ext}`));
    expect(back.columnNames()).toEqual(['n', 'flag', 'text', 'day']);
    expect(back.array('n')).toEqual([1, -2.5, null]);
    expect(back.array('flag')).toEqual([true, false, null]);
    expect(back.array('text')).toEqual(['naïve café', '日本語 😀\n"quoted"', null]);
    expect((back.array('day') as (Date | null)[]).map((d) => d?.toISOString() ?? null)).toEqual([
      '2024-01-15T00:00:00.000Z',
      null,
      '2024-03-01T10:30:00.250Z',
    ]);
  });

  it('writes NaN, Infinity and undefined as null, which JSON has instead', async () => {
    await saveData(aq.table({ x: [NaN, Infinity, undefined, 1] }), file(`nan.${ext}`));
    expect((await loadData(file(`nan.${ext}`))).array('x')).toEqual([null, null, null, 1]);
  });

  it('writes bigints with all their digits, and reads those beyond 2^53 back as bigints on Node 21+', async () => {
    const big = 2n ** 60n + 1n;
    await saveData(aq.table({ id: [big, 7n] }), file(`big.${ext}`));
    expect(readFileSync(file(`big.${ext}`), 'utf8')).toContain(`"id":${big}`);
    const back = (await loadData(file(`big.${ext}`))).array('id');
    // Small bigints are plain JSON numbers and come back as numbers either way.
    expect(back).toEqual(sourceText ? [big, 7] : [Number(big), 7]);
  });

  it('writes an empty table as no records; asked-for columns then exist, empty', async () => {
    await saveData(aq.table({ a: [], b: [] }), file(`empty.${ext}`));
    const back = await loadData(file(`empty.${ext}`));
    expect([back.numCols(), back.numRows()]).toEqual([0, 0]);
    const withColumns = await loadData(file(`empty.${ext}`), { columns: ['a', 'b'] });
    expect([withColumns.columnNames(), withColumns.numRows()]).toEqual([['a', 'b'], 0]);
  });

  it('keeps nested objects and arrays as values', async () => {
    await saveData(aq.table({ meta: [{ a: [1, 2] }, { b: 'x' }] }), file(`nested.${ext}`));
    expect((await loadData(file(`nested.${ext}`))).array('meta')).toEqual([{ a: [1, 2] }, { b: 'x' }]);
  });
});

describe('json loading', () => {
  it('makes a column of every key any record has, null where a record lacks it', async () => {
    const path = write('ragged.json', '[{"a":1},{"a":2,"b":"x"},{"b":"y"}]');
    expect((await loadData(path)).objects()).toEqual([{ a: 1, b: null }, { a: 2, b: 'x' }, { a: null, b: 'y' }]);
  });

  it('also reads the column form {"a": [...]}', async () => {
    const path = write('columns.json', '{"a":[1,2],"b":["x","y"]}');
    expect((await loadData(path)).objects()).toEqual([{ a: 1, b: 'x' }, { a: 2, b: 'y' }]);
  });

  it('writes one record a line', async () => {
    await saveData(aq.table({ a: [1, 2] }), file('lines.json'));
    expect(readFileSync(file('lines.json'), 'utf8')).toBe('[\n{"a":1},\n{"a":2}\n]\n');
  });

  it('reports a syntax error with its line and column', async () => {
    const path = write('broken.json', '[\n{"a":1},\n{"a" 2}\n]');
    const e = (await rejectionOf(loadData(path, { node: 'rows' }))) as DataLoadError;
    expect(e).toBeInstanceOf(DataLoadError);
    expect([e.line, e.column, e.node]).toEqual([3, 6, 'rows']);
    expect(e.message).toContain('line 3, column 6');
    expect(e.message).toContain('not valid JSON');
  });

  it('rejects a value that is neither records nor columns, and a record that is not an object', async () => {
    const scalar = (await rejectionOf(loadData(write('scalar.json', '42')))) as DataLoadError;
    expect(scalar.message).toContain('a number, not an array of records');
    const notRecord = (await rejectionOf(loadData(write('mixed.json', '[{"a":1}, 3]')))) as DataLoadError;
    expect(notRecord.message).toContain('record 2 is number, not an object');
  });
});

describe('jsonl loading', () => {
  it('skips blank lines and reads one record a line', async () => {
    const path = write('blank.jsonl', '{"a":1}\n\n{"a":2}\n');
    expect((await loadData(path)).array('a')).toEqual([1, 2]);
  });

  it('names the line of a bad record, and the column of a syntax error', async () => {
    const syntax = (await rejectionOf(loadData(write('syntax.jsonl', '{"a":1}\n{"a":2}\n{"a":,}\n')))) as DataLoadError;
    expect([syntax.line, syntax.column]).toEqual([3, 6]);
    const notObject = (await rejectionOf(loadData(write('array.jsonl', '{"a":1}\n\n[1,2]\n')))) as DataLoadError;
    expect(notObject.line).toBe(3);
    expect(notObject.message).toContain('line 3');
  });

  it('is chosen for .ndjson too', async () => {
    const saved = await saveData(aq.table({ a: [1] }), file('x.ndjson'));
    expect(saved.format).toBe('jsonl');
    expect(readFileSync(file('x.ndjson'), 'utf8')).toBe('{"a":1}\n');
  });
});
