// @dataloader and @datasaver: methods that load or save themselves, as loader and saver nodes.
import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import * as aq from 'arquero';
import type { ColumnTable } from 'arquero';
import { ExtractionError, NodeExecutionError, checkOutput, dataloader, datasaver, loadData, node, tag } from '../../lib/index.js';
import { scratch } from '../io/support.js';
import { caught } from '../support.js';
import { build, byName, deps } from './graph-helpers.js';

const { file, write } = scratch('dataloader');
const SALES = write('sales.csv', 'week,spend\n1,10\n2,20\n');

class Sales {
  @dataloader()
  @tag({ source: 'warehouse' })
  @node({ doc: 'Sales, loaded by hand.' })
  async sales(salesPath: string): Promise<[ColumnTable, { path: string; rows: number }]> {
    const table = await loadData(salesPath);
    return [table, { path: salesPath, rows: table.numRows() }];
  }

  @node()
  total(sales: ColumnTable): number {
    return (sales.array('spend') as number[]).reduce((a, b) => a + b, 0);
  }
}

describe('@dataloader', () => {
  it('makes `<name>.loader` (the method, role loader) and `<name>`, the data that other nodes read', async () => {
    const dr = build([Sales]);
    expect(deps(byName(dr).get('sales.loader'))).toEqual(['salesPath']);
    expect(deps(byName(dr).get('sales'))).toEqual(['sales.loader']);
    expect(dr.graph.node('sales.loader')!.spec).toMatchObject({ role: 'loader', origin: 'Sales.sales', code: { kind: 'method', method: 'sales' } });
    expect(dr.graph.node('sales')!.spec).toMatchObject({ role: 'final', origin: 'Sales.sales', code: { kind: 'op', op: 'io.selectData' } });
    const out = await dr.execute(['total', 'sales.loader'], { inputs: { salesPath: SALES } });
    expect(out.total).toBe(30);
    expect((out['sales.loader'] as [ColumnTable, unknown])[1]).toEqual({ path: SALES, rows: 2 });
  });

  it("keeps the method's tags and doc on the data node, and marks the loader with Hamilton's tags", () => {
    const nodes = byName(build([Sales]));
    expect(nodes.get('sales')).toMatchObject({ tags: { source: 'warehouse' }, doc: 'Sales, loaded by hand.' });
    expect(nodes.get('sales.loader')!.tags).toMatchObject({ 'hamilton.data_loader': 'true', 'hamilton.data_loader.has_metadata': 'true', 'hamilton.data_loader.node': 'sales' });
  });

  it('@checkOutput checks the data, not the pair', async () => {
    class Checked {
      @dataloader()
      @checkOutput({ range: [0, 5], importance: 'fail' })
      @node()
      values(): [number[], object] {
        return [[1, 9], { source: 'inline' }];
      }
    }
    const dr = build([Checked]);
    expect(deps(byName(dr).get('values_raw'))).toEqual(['values.loader']);
    await expect(dr.execute(['values'])).rejects.toMatchObject({ name: 'DataValidationError', node: 'values' });
  });

  it('a method that returns no pair fails naming both nodes and the fix', async () => {
    class NotAPair {
      @dataloader()
      @node()
      values(): [number[], object] {
        return [1, 2, 3] as never;
      }
    }
    const e = await caught(() => build([NotAPair]).execute(['values']));
    expect(e).toBeInstanceOf(NodeExecutionError);
    expect((e as NodeExecutionError).cause).toBeInstanceOf(ExtractionError);
    expect((e as Error).message).toContain('The @dataloader method NotAPair.values returned an Array of 3 values (node `values.loader`), not a pair [data, metadata], so node `values` has no data.');
  });

  it('draws the loader as a cylinder; @tag tags the data node', () => {
    const dot = build([Sales]).toDot();
    expect(dot).toContain('"sales.loader" [label=<sales.loader<BR/><I>load</I>>, shape=cylinder');
    expect(dot).toContain('"sales" [label=<sales<BR/><FONT POINT-SIZE="9">source=warehouse</FONT>>, shape=box');
  });
});

describe('@datasaver', () => {
  class Reports {
    @node()
    report(): ColumnTable {
      return aq.table({ a: [1, 2] });
    }

    @datasaver()
    @tag({ owner: 'ops' })
    @node({ doc: 'Writes the report.' })
    async saveReport(report: ColumnTable, reportPath: string): Promise<{ path: string; rows: number }> {
      await writeFile(reportPath, report.toCSV());
      return { path: reportPath, rows: report.numRows() };
    }
  }

  it('keeps the node, makes it a saver (role, tags, a folder in the DAG) and returns its metadata', async () => {
    const dr = build([Reports]);
    expect(dr.graph.node('saveReport')!.spec).toMatchObject({ role: 'saver', code: { kind: 'method' } });
    expect(byName(dr).get('saveReport')).toMatchObject({
      doc: 'Writes the report.',
      tags: { owner: 'ops', 'hamilton.data_saver': 'true', 'hamilton.data_saver.classname': 'Reports.saveReport' },
    });
    expect(dr.toDot()).toMatch(/"saveReport" \[label=<saveReport<BR\/><I>save<\/I>.*shape=folder/);
    const path = file('report.csv');
    await expect(dr.execute(['saveReport'], { inputs: { reportPath: path } })).resolves.toEqual({ saveReport: { path, rows: 2 } });
    expect(readFileSync(path, 'utf8')).toBe('a\n1\n2\n');
  });
});
