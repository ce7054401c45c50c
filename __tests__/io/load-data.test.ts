// loadData: formats by extension or by name, the columns a dataflow needs, and errors that name the file, the place in it and the node.
import { afterEach, describe, expect, it } from '@jest/globals';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import * as aq from 'arquero';
import { DataLoadError, FileProblem, FormatError, loadData, registerFormat, saveData, unregisterFormat } from '../../lib/index.js';
import { rejectionOf, scratch } from './support.js';

const { file, write } = scratch('load');

describe('loadData', () => {
  it('picks the format by extension, or by name', async () => {
    const csvText = write('sales.txt', 'week,spend\n1,10\n');
    expect(await rejectionOf(loadData(csvText))).toBeInstanceOf(FormatError);
    expect((await loadData(csvText, { format: 'csv' })).objects()).toEqual([{ week: 1, spend: 10 }]);
  });

  it('gives exactly the columns asked for, in that order', async () => {
    await saveData(aq.table({ a: [1], b: [2], c: [3] }), file('abc.csv'));
    expect((await loadData(file('abc.csv'), { columns: ['c', 'a'] })).columnNames()).toEqual(['c', 'a']);
  });

  it.each(['csv', 'json', 'jsonl', 'arrow', 'parquet'])('names the columns a %s file lacks, those it has, and the node', async (format) => {
    const path = file(`sales.${format}`);
    await saveData(aq.table({ week: [1, 2], spend: [10, 20] }), path);
    const e = (await rejectionOf(loadData(path, { columns: ['week', 'signups'], node: 'sales', origin: 'Sales.sales' }))) as DataLoadError;
    expect(e).toBeInstanceOf(DataLoadError);
    expect([e.path, e.format, e.node, e.columnName]).toEqual([path, format, 'sales', 'signups']);
    expect(e.message).toBe(
      `${path} (${format}) lacks column \`signups\` that node \`sales\` (Sales.sales) needs; it has \`week\`, \`spend\`. ` +
        'Fix the file, or change the columns asked for.',
    );
  });

  it('rejects a columns option that is not a list of names or an object of types', async () => {
    const path = write('ok.csv', 'a\n1\n');
    const e = (await rejectionOf(loadData(path, { columns: 'a' as unknown as string[] }))) as DataLoadError;
    expect(e.message).toMatch(/list of column names, or an object of column name → type \('number', 'integer'.*or 'any'\), got "a"/);
    const badType = (await rejectionOf(loadData(path, { columns: { a: 'float' as never } }))) as DataLoadError;
    expect(badType).toBeInstanceOf(DataLoadError);
  });

  it.each(['csv', 'json', 'jsonl', 'arrow', 'parquet'])('checks the types of columns asked for with types, in %s', async (format) => {
    const path = file(`typed.${format}`);
    await saveData(aq.table({ week: [1, 2, 3], spend: [10.5, null, 20], region: ['us', 'uk', 'us'] }), path);
    const t = await loadData(path, { columns: { week: 'integer', spend: 'number', region: 'string' } });
    expect(t.columnNames()).toEqual(['week', 'spend', 'region']);
    const e = (await rejectionOf(loadData(path, { columns: { week: 'integer', region: 'number' }, node: 'sales', origin: 'Sales.sales' }))) as DataLoadError;
    expect(e).toBeInstanceOf(DataLoadError);
    expect(e.columnName).toBe('region');
    expect(e.message).toBe(
      `${path} (${format}): column \`region\` should hold number values for node \`sales\` (Sales.sales), ` +
        `but 3 of 3 values are not numbers (first at index 0: "us", a string). Fix the file, or ask for the type it has.`,
    );
  });

  it('an INT64 Parquet column asked for as integers holds bigints; int64: "number" loads it as numbers', async () => {
    const path = file('ids.parquet');
    await saveData(aq.table({ id: [1n, 2n] }), path);
    const e = (await rejectionOf(loadData(path, { columns: { id: 'integer' } }))) as DataLoadError;
    expect(e.columnName).toBe('id');
    expect(e.message).toContain('2 of 2 values are not integers (first at index 0: 1n, a bigint)');
    expect((await loadData(path, { columns: { id: 'integer' }, int64: 'number' })).array('id')).toEqual([1, 2]);
  });

  it('a missing file is a DataLoadError with the path as given, where it was looked for, and the node', async () => {
    const e = (await rejectionOf(loadData('no/such/sales.csv', { node: 'sales', origin: 'Sales.sales' }))) as DataLoadError;
    expect(e).toBeInstanceOf(DataLoadError);
    expect([e.path, e.node, e.format]).toEqual(['no/such/sales.csv', 'sales', 'csv']);
    expect(e.message).toContain('Cannot load no/such/sales.csv for node `sales` (Sales.sales): the file does not exist');
    expect(e.message).toContain(resolve('no/such/sales.csv'));
    expect((e.cause as NodeJS.ErrnoException).code).toBe('ENOENT');
  });

  it('a folder is not a file', async () => {
    mkdirSync(file('folder.csv'));
    expect(((await rejectionOf(loadData(file('folder.csv')))) as Error).message).toMatch(/is a directory, not a file/);
  });
});

describe("a format's own errors", () => {
  afterEach(() => {
    unregisterFormat('broken');
  });

  it('a FileProblem becomes a DataLoadError with its line and column', async () => {
    registerFormat('broken', {
      extensions: ['broken'],
      load: () => { throw new FileProblem('a header is missing', { line: 1, column: 1 }); },
      save: () => '',
    });
    const e = (await rejectionOf(loadData(write('x.broken', 'x'), { node: 'n' }))) as DataLoadError;
    expect([e.line, e.column, e.node, e.format]).toEqual([1, 1, 'n', 'broken']);
    expect(e.message).toBe(
      `Cannot load ${file('x.broken')} as broken for node \`n\`, line 1, column 1: a header is missing. ` +
        "Fix the file there, or load it with the format it really has ({ format: '...' }).",
    );
  });

  it('any other error is wrapped, with the original as cause', async () => {
    const original = new TypeError('cannot read properties of undefined');
    registerFormat('broken', { extensions: ['broken'], load: async () => { throw original; }, save: () => '' });
    const e = (await rejectionOf(loadData(write('y.broken', 'y')))) as DataLoadError;
    expect(e).toBeInstanceOf(DataLoadError);
    expect(e.cause).toBe(original);
    expect(e.message).toContain('TypeError: cannot read properties of undefined');
  });

  it('a load that returns something other than a table is an error', async () => {
    registerFormat('broken', { extensions: ['broken'], load: async () => [1, 2] as never, save: () => '' });
    expect(((await rejectionOf(loadData(write('z.broken', 'z')))) as Error).message).toContain("the format's load returned an Array of 2 values, not an arquero table. Fix the format's load function.");
  });
});

