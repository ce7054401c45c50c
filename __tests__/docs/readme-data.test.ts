// The README's "Loading and saving data" section, run as written (pins that the documented API and messages hold).
import { afterAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as aq from 'arquero';
import { DataLoadError, FileProblem, atomicWrite, formatFor, loadData, registerFormat, saveData, unregisterFormat } from '../../lib/index.js';

const dir = mkdtempSync(join(tmpdir(), 'hamilton-readme-data-'));
const at = (name: string) => join(dir, name);
afterAll(() => {
  unregisterFormat('tsv');
  rmSync(dir, { recursive: true, force: true });
});

describe('README: loading and saving data', () => {
  it('loads the columns a dataflow needs and saves with metadata', async () => {
    writeFileSync(at('sales.csv'), 'week,spend,signups,region\n1,10,2,us\n2,20,5,uk\n');
    const sales = await loadData(at('sales.csv'), { columns: ['week', 'spend', 'signups'] });
    expect(sales.columnNames()).toEqual(['week', 'spend', 'signups']);
    const features = sales.derive({ perSignup: (d: { spend: number; signups: number }) => d.spend / d.signups });
    const saved = await saveData(features, at('features.parquet'));
    expect(Object.keys(saved)).toEqual(['path', 'format', 'rows', 'bytes', 'hash']);
    expect([saved.format, saved.rows]).toEqual(['parquet', 2]);
    expect(saved.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('saves an object of columns and row objects, and loads by format name with options', async () => {
    await saveData({ week: [1, 2], spend: [10, 20] }, at('spend.json'));
    expect((await loadData(at('spend.json'))).objects()).toEqual([{ week: 1, spend: 10 }, { week: 2, spend: 20 }]);
    await saveData([{ a: 1 }, { a: 2, b: 'x' }], at('rows.jsonl'));
    expect((await loadData(at('rows.jsonl'))).columnNames()).toEqual(['a', 'b']);
    writeFileSync(at('export.txt'), 'a;b\n1;2\n');
    expect((await loadData(at('export.txt'), { format: 'csv', delimiter: ';' })).objects()).toEqual([{ a: 1, b: 2 }]);
  });

  it('reports a bad row as the README shows', async () => {
    writeFileSync(at('bad.csv'), 'week,spend\n1,10\n2,9,5\n');
    const e = await loadData(at('bad.csv'), { node: 'sales', origin: 'Sales.sales' }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(DataLoadError);
    expect((e as Error).message).toBe(
      `Cannot load ${at('bad.csv')} as csv for node \`sales\` (Sales.sales), line 3, column 5: the row has 3 fields, ` +
        "but the header has 2. Fix the file there, or load it with the format it really has ({ format: '...' }).",
    );
  });

  it('registers the tsv format of the example, with its FileProblem', async () => {
    registerFormat('tsv', {
      extensions: ['tsv'],
      async load(path) {
        const text = await readFile(path, 'utf8');
        if (!text.includes('\t')) throw new FileProblem('no tab on the first line', { line: 1 });
        return aq.fromCSV(text, { delimiter: '\t' });
      },
      save: (table) => aq.toCSV(table, { delimiter: '\t' }),
    });
    expect(formatFor('out/features.tsv').name).toBe('tsv');
    await saveData(aq.table({ a: [1], b: ['x'] }), at('features.tsv'));
    expect(readFileSync(at('features.tsv'), 'utf8')).toBe('a\tb\n1\tx\n');
    writeFileSync(at('spaces.tsv'), 'a b\n1 2\n');
    await expect(loadData(at('spaces.tsv'))).rejects.toMatchObject({ line: 1, message: expect.stringContaining('no tab on the first line') });
  });

  it('atomicWrite returns path, bytes and hash', async () => {
    expect(Object.keys(await atomicWrite(at('notes.txt'), 'hello'))).toEqual(['path', 'bytes', 'hash']);
  });
});
