// The README's "Loading and saving data" section, run as written (pins that the documented API and messages hold).
import { afterAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as aq from 'arquero';
import type { ColumnTable } from 'arquero';
import {
  Builder,
  DataLoadError,
  FileProblem,
  atomicWrite,
  dataloader,
  datasaver,
  formatFor,
  from,
  loadData,
  loadFrom,
  node,
  registerFormat,
  saveData,
  saveTo,
  source,
  to,
  unregisterFormat,
  value,
} from '../../lib/index.js';
import { DataLoaders } from '../../samples/hello_world/data_loaders.js';
import { Marketing } from '../../samples/hello_world/my_functions.js';

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

describe('README: loaders and savers as nodes, materialize', () => {
  class Sales {
    @loadFrom.csv({ path: source('salesPath'), columns: { week: 'integer', spend: 'number', signups: 'number' } })
    @node()
    sales(raw: ColumnTable): ColumnTable {
      return raw.filter((d: { spend: number }) => d.spend > 0);
    }

    @saveTo.parquet({ path: source('featuresPath') })
    @saveTo.csv({ path: value(at('out/features.csv')), outputName: 'featuresCsv' })
    @node()
    features(sales: ColumnTable): ColumnTable {
      return sales.derive({ perSignup: (d: { spend: number; signups: number }) => d.spend / d.signups });
    }

    @node()
    spend(features: ColumnTable): number[] {
      return features.array('spend') as number[];
    }

    @node()
    perSignup(features: ColumnTable): number[] {
      return features.array('perSignup') as number[];
    }
  }

  it('@loadFrom and @saveTo: the saver writes when requested and returns its metadata', async () => {
    writeFileSync(at('sales.csv'), 'week,spend,signups,region\n1,10,2,us\n2,0,5,uk\n3,30,6,us\n');
    const dr = new Builder().withModules(Sales).withConfig({ featuresPath: at('out/features.parquet') }).build();
    const saved = await dr.execute(['save.features', 'featuresCsv'] as string[], { inputs: { salesPath: at('sales.csv') } });
    expect(saved['save.features']).toMatchObject({ path: at('out/features.parquet'), format: 'parquet', rows: 2 });
    expect((await loadData(at('out/features.csv'))).objects()).toEqual([
      { week: 1, spend: 10, signups: 2, perSignup: 5 },
      { week: 3, spend: 30, signups: 6, perSignup: 5 },
    ]);
    expect(dr.graph.node('sales.load_data.raw')!.spec!.role).toBe('loader');
  });

  it('a bad file is the loader node\'s own DataLoadError', async () => {
    writeFileSync(at('broken.csv'), 'week,spend,signups\n1,10,2\n2,9,5,7\n');
    const dr = new Builder().withModules(Sales).build();
    const e = await dr.execute(['sales'], { inputs: { salesPath: at('broken.csv') } }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(DataLoadError);
    expect((e as Error).message).toMatch(/^Cannot load .*broken\.csv as csv for node `sales\.load_data\.raw` \(Sales\.sales\), line 3, column \d+: /);
  });

  it('@dataloader and @datasaver', async () => {
    class Warehouse {
      @dataloader()
      @node()
      async sales(salesPath: string): Promise<[ColumnTable, { path: string; rows: number }]> {
        const table = await loadData(salesPath, { format: 'csv', parse: { id: BigInt } });
        return [table, { path: salesPath, rows: table.numRows() }];
      }

      @datasaver()
      @node()
      async saveReport(sales: ColumnTable, reportPath: string): Promise<{ path: string }> {
        await writeFile(reportPath, sales.toCSV());
        return { path: reportPath };
      }
    }
    writeFileSync(at('ids.csv'), 'id,spend\n9007199254740993,1\n');
    const dr = new Builder().withModules(Warehouse).build();
    const out = await dr.execute(['sales', 'sales.loader', 'saveReport'] as string[], { inputs: { salesPath: at('ids.csv'), reportPath: at('report.csv') } });
    expect((out.sales as ColumnTable).get('id', 0)).toBe(9007199254740993n);
    expect((out['sales.loader'] as unknown[])[1]).toEqual({ path: at('ids.csv'), rows: 1 });
    expect(out.saveReport).toEqual({ path: at('report.csv') });
    expect(readFileSync(at('report.csv'), 'utf8')).toBe('id,spend\n9007199254740993,1\n');
  });

  it('materialize with from, to and additionalVars', async () => {
    writeFileSync(at('sales.csv'), 'week,spend,signups\n1,10,2\n');
    writeFileSync(at('other_weeks.csv'), 'week,spend,signups\n7,70,7\n8,80,4\n');
    const dr = new Builder().withModules(Sales).withConfig({ featuresPath: at('unused.parquet') }).build();
    const [metadata, vars] = await dr.materialize(
      from.csv({ target: 'sales', path: at('other_weeks.csv') }),
      to.csv({ id: 'otherWeeksCsv', dependencies: ['features'], path: at('out/other_weeks.csv') }),
      to.json({ id: 'otherWeeksJson', dependencies: ['features'], path: source('jsonPath') }),
      { inputs: { jsonPath: at('out/other_weeks.json') }, additionalVars: ['features'] },
    );
    expect(metadata.otherWeeksCsv).toMatchObject({ path: at('out/other_weeks.csv'), format: 'csv', rows: 2 });
    expect(metadata.otherWeeksJson).toMatchObject({ path: at('out/other_weeks.json'), format: 'json', rows: 2 });
    expect((vars.features as ColumnTable).numRows()).toBe(2);
    const helloWorld = new Builder().withModules(DataLoaders, Marketing).build();
    await helloWorld.materialize(to.parquet({ id: 'kpis', dependencies: ['spend', 'spendPerSignup', 'spendMean'], path: at('out/kpis.parquet') }));
    const kpis = await loadData(at('out/kpis.parquet'));
    expect(kpis.columnNames()).toEqual(['spend', 'spendPerSignup', 'spendMean']);
    expect(kpis.numRows()).toBe(10);
  });
});
