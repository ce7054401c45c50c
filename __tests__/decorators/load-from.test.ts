// @loadFrom: a loader node in front of a parameter, paths from literals, inputs or config, and what a bad file gives.
import { describe, expect, it } from '@jest/globals';
import * as aq from 'arquero';
import type { ColumnTable } from 'arquero';
import {
  DataLoadError,
  DecoratorError,
  checkOutput,
  config,
  configuration,
  loadFrom,
  node,
  parameterize,
  pipeInput,
  saveData,
  source,
  step,
  tag,
  value,
} from '../../lib/index.js';
import { scratch } from '../io/support.js';
import { caught, thrownBy } from '../support.js';
import { build, byName, deps } from './graph-helpers.js';

const { file, write } = scratch('load-from');
const SALES = write('sales.csv', 'week,spend,signups\n1,10,2\n2,20,5\n3,30,6\n');
const weeks = (t: unknown) => Array.from((t as ColumnTable).array('week') as ArrayLike<number>);

class Sales {
  @loadFrom.csv({ path: value(SALES) })
  @node({ doc: 'Sales by week.' })
  sales(raw: ColumnTable): ColumnTable {
    return raw.filter((d: { week: number }) => d.week > 1);
  }
}

class SalesFrom {
  @loadFrom('csv', { path: source('salesPath'), columns: ['week', 'spend'] })
  @node()
  sales(raw: ColumnTable, minWeek: number): ColumnTable {
    return raw.params({ minWeek }).filter((d: { week: number }, $: { minWeek: number }) => d.week >= $.minWeek);
  }
}

describe('@loadFrom', () => {
  it("loads the method's first parameter from the file and runs the method on it", async () => {
    const { sales } = await build([Sales]).execute(['sales']);
    expect(weeks(sales)).toEqual([2, 3]);
  });

  it('adds the loader node `<node>.load_data.<param>`: role loader, an io.load op with plain-data args, the method as origin', () => {
    const dr = build([Sales]);
    const spec = dr.graph.node('sales.load_data.raw')!.spec!;
    expect(spec).toMatchObject({ role: 'loader', origin: 'Sales.sales', dependencies: [], code: { kind: 'op', op: 'io.load' } });
    expect(spec.code).toEqual({ kind: 'op', op: 'io.load', args: { keys: ['path'], bind: [{ value: SALES }], depCount: 0, format: 'csv', node: 'sales.load_data.raw', origin: 'Sales.sales' } });
    expect(structuredClone(spec)).toEqual(spec);
    expect(deps(byName(dr).get('sales'))).toEqual(['sales.load_data.raw']);
    expect(byName(dr).get('sales.load_data.raw')).toMatchObject({
      tags: { 'hamilton.data_loader': 'true', 'hamilton.data_loader.source': 'csv', 'hamilton.data_loader.node': 'raw' },
      doc: `Loads \`raw\` from ${SALES} as csv.`,
    });
    expect(byName(dr).get('sales')).toMatchObject({ origin: 'Sales.sales', doc: 'Sales by week.' });
  });

  it('reads the path from an input through source(), and the other parameters stay inputs', async () => {
    const dr = build([SalesFrom]);
    expect(deps(byName(dr).get('sales.load_data.raw'))).toEqual(['salesPath']);
    expect(deps(byName(dr).get('sales'))).toEqual(['sales.load_data.raw', 'minWeek']);
    const { sales } = await dr.execute(['sales'], { inputs: { salesPath: SALES, minWeek: 3 } });
    expect((sales as ColumnTable).objects()).toEqual([{ week: 3, spend: 30 }]);
  });

  it('reads the path from config, as a source (a config node) or with configuration() at build', async () => {
    const other = write('other.csv', 'week,spend\n7,70\n');
    const fromConfig = build([SalesFrom], { salesPath: other });
    expect(weeks((await fromConfig.execute(['sales'], { inputs: { minWeek: 0 } })).sales)).toEqual([7]);

    class Configured {
      @loadFrom.csv({ path: configuration('salesFile') })
      @node()
      sales(raw: ColumnTable): ColumnTable {
        return raw;
      }
    }
    const dr = build([Configured], { salesFile: other });
    expect(deps(byName(dr).get('sales.load_data.raw'))).toEqual([]);
    expect(weeks((await dr.execute(['sales'])).sales)).toEqual([7]);
    expect(thrownBy(() => build([Configured]))).toMatchObject({ name: 'DecoratorError', message: expect.stringContaining('salesFile') });
  });

  it('passes format options through, as literals or from inputs, and takes a plain string as the path', async () => {
    const semi = write('semi.csv', 'week;spend\n1;5\n');
    class Semi {
      @loadFrom.csv({ path: semi, delimiter: source('delimiter') })
      @node()
      sales(raw: ColumnTable): ColumnTable {
        return raw;
      }
    }
    const { sales } = await build([Semi]).execute(['sales'], { inputs: { delimiter: ';' } });
    expect((sales as ColumnTable).objects()).toEqual([{ week: 1, spend: 5 }]);
  });

  it('chooses the parameter with inject, and loads two parameters with two decorators', async () => {
    const targets = write('targets.csv', 'week,target\n2,25\n3,28\n');
    class Joined {
      @loadFrom.csv({ path: value(SALES), inject: 'sales' })
      @loadFrom.csv({ path: value(targets), inject: 'goals' })
      @node()
      joined(goals: ColumnTable, sales: ColumnTable): ColumnTable {
        return sales.join(goals, 'week');
      }
    }
    const dr = build([Joined]);
    expect(deps(byName(dr).get('joined'))).toEqual(['joined.load_data.goals', 'joined.load_data.sales']);
    expect(((await dr.execute(['joined'])).joined as ColumnTable).objects()).toEqual([
      { week: 2, spend: 20, signups: 5, target: 25 },
      { week: 3, spend: 30, signups: 6, target: 28 },
    ]);
  });

  it('config variants each load their own file into the one loader name', async () => {
    const uk = write('uk.csv', 'week,spend\n5,50\n');
    class Regional {
      @config.when({ region: 'us' })
      @loadFrom.csv({ path: value(SALES) })
      @node()
      sales__us(raw: ColumnTable): ColumnTable {
        return raw;
      }

      @config.when({ region: 'uk' })
      @loadFrom.csv({ path: value(uk) })
      @node()
      sales__uk(raw: ColumnTable): ColumnTable {
        return raw;
      }
    }
    for (const [region, expected] of [['us', [1, 2, 3]], ['uk', [5]]] as const) {
      const dr = build([Regional], { region });
      expect(deps(byName(dr).get('sales'))).toEqual(['sales.load_data.raw']);
      expect(weeks((await dr.execute(['sales'])).sales)).toEqual(expected);
    }
  });

  it('the shorthand is the general form with the format name; parquet files load the same way', async () => {
    const pq = file('sales.parquet');
    await saveData(aq.table({ week: [4, 5] }), pq);
    class Parquet {
      @loadFrom.parquet({ path: value(pq) })
      @node()
      sales(raw: ColumnTable): ColumnTable {
        return raw;
      }
    }
    class General {
      @loadFrom('parquet', { path: value(pq) })
      @node()
      sales(raw: ColumnTable): ColumnTable {
        return raw;
      }
    }
    const argsOf = (m: object) => build([m as never]).graph.node('sales.load_data.raw')!.spec!.code as { args: Record<string, unknown> };
    expect({ ...argsOf(Parquet).args, origin: 'C.sales' }).toEqual({ ...argsOf(General).args, origin: 'C.sales' });
    expect(argsOf(Parquet).args.format).toBe('parquet');
    expect(weeks((await build([Parquet]).execute(['sales'])).sales)).toEqual([4, 5]);
  });

  it('feeds the loaded table to @pipeInput steps, whichever decorator is written first', async () => {
    const firstWeekOut = (t: ColumnTable) => t.filter((d: { week: number }) => d.week > 1);
    class LoadThenPipe {
      @loadFrom.csv({ path: value(SALES) })
      @pipeInput(step(firstWeekOut))
      @node()
      sales(raw: ColumnTable): ColumnTable {
        return raw;
      }
    }
    class PipeThenLoad {
      @pipeInput(step(firstWeekOut))
      @loadFrom.csv({ path: value(SALES) })
      @node()
      sales(raw: ColumnTable): ColumnTable {
        return raw;
      }
    }
    for (const m of [LoadThenPipe, PipeThenLoad]) {
      const dr = build([m]);
      expect(deps(byName(dr).get('sales.with_firstWeekOut'))).toEqual(['sales.load_data.raw']);
      expect(deps(byName(dr).get('sales'))).toEqual(['sales.with_firstWeekOut']);
      expect(weeks((await dr.execute(['sales'])).sales)).toEqual([2, 3]);
    }
  });

  it('gives every output of @parameterize the one loader (named after the method)', async () => {
    class Weeks {
      @loadFrom.csv({ path: value(SALES) })
      @parameterize({ fromWeek2: { from: value(2) }, fromWeek3: { from: value(3) } })
      @node()
      sinceWeek(raw: ColumnTable, from: number): number {
        return raw.params({ from }).filter((d: { week: number }, $: { from: number }) => d.week >= $.from).numRows();
      }
    }
    const dr = build([Weeks]);
    expect(deps(byName(dr).get('fromWeek2'))).toEqual(['sinceWeek.load_data.raw']);
    expect(deps(byName(dr).get('fromWeek3'))).toEqual(['sinceWeek.load_data.raw']);
    await expect(dr.execute(['fromWeek2', 'fromWeek3'])).resolves.toEqual({ fromWeek2: 2, fromWeek3: 1 });
  });

  it('@tag goes to the method node, not the loader; @checkOutput checks the method, or the loader with target', async () => {
    class Checked {
      @loadFrom.csv({ path: value(SALES) })
      @tag({ owner: 'sales' })
      @checkOutput({ schema: { type: 'object', required: ['week'] }, importance: 'fail' })
      @checkOutput({ range: [0, 5], importance: 'warn', target: 'sales.load_data.raw', columns: undefined })
      @node()
      sales(raw: ColumnTable): ColumnTable {
        return raw;
      }
    }
    const dr = build([Checked]);
    const nodes = byName(dr);
    expect(nodes.get('sales')!.tags).toEqual({ owner: 'sales' });
    expect(nodes.get('sales.load_data.raw')!.tags).not.toHaveProperty('owner');
    expect(nodes.has('sales_schema_validator')).toBe(true);
    expect(nodes.has('sales.load_data.raw_range_validator')).toBe(true);
    expect(deps(nodes.get('sales.load_data.raw_range_validator'))).toEqual(['sales.load_data.raw_raw']);
    await expect(dr.execute(['sales'])).resolves.toHaveProperty('sales');
  });

  it('shows in the DAG as a cylinder with a legend entry, and in lineage', () => {
    const dr = build([SalesFrom]);
    const dot = dr.toDot();
    expect(dot).toMatch(/"sales\.load_data\.raw" \[label=<sales\.load_data\.raw<BR\/><I>load csv<\/I>>, shape=cylinder/);
    expect(dot).toContain('[label="loads data", fontsize=9, shape=cylinder');
    expect(dot).toContain('"salesPath" -> "sales.load_data.raw"');
    expect(dr.whatIsUpstreamOf('sales').map((n) => n.name).sort()).toEqual(['minWeek', 'sales', 'sales.load_data.raw', 'salesPath']);
    expect(dr.whatIsDownstreamOf('salesPath').map((n) => n.name).sort()).toEqual(['sales', 'sales.load_data.raw', 'salesPath']);
    expect(dr.listAvailableVariables().find((n) => n.name === 'sales.load_data.raw')).toMatchObject({ origin: 'SalesFrom.sales', isExternalInput: false });
  });
});

describe('@loadFrom misuse', () => {
  const define = (decorate: () => (value: Function, context: ClassMethodDecoratorContext) => void) =>
    thrownBy(() => {
      class Bad {
        @decorate()
        @node()
        x(raw: ColumnTable) {
          return raw;
        }
      }
      return Bad;
    });

  it.each([
    ['no path', () => loadFrom.csv({} as never), 'the options lack `path`'],
    ['options that are not an object', () => loadFrom('csv', 'sales.csv' as never), 'options must be an object'],
    ['a format that is not a name', () => loadFrom(3 as never, { path: 'a.csv' }), 'the first argument is the format'],
    ['format among the options', () => loadFrom.csv({ path: 'a.csv', format: 'json' }), '`format` is the first argument'],
    ['node among the options', () => loadFrom.csv({ path: 'a.csv', node: 'x' }), 'option `node` cannot be set here'],
    ['an option that is not plain data', () => loadFrom.csv({ path: 'a.csv', parse: { week: (s: string) => s } }), 'not plain data'],
    ['a path that is not a string', () => loadFrom.csv({ path: value(42) }), 'path must be a non-empty file name'],
    ['an inject that is not a name', () => loadFrom.csv({ path: 'a.csv', inject: '' }), 'inject must be the name'],
  ])('%s is a DecoratorError when the class is defined', (_what, decorate, text) => {
    const e = define(decorate as never);
    expect(e).toBeInstanceOf(DecoratorError);
    expect((e as Error).message).toContain(text);
    expect((e as Error).message).toContain('`x`');
  });

  it('an unknown format is a DecoratorError at build naming Class.method and the registered formats', () => {
    class Tsv {
      @loadFrom('tsv', { path: 'a.tsv' })
      @node()
      x(raw: ColumnTable) {
        return raw;
      }
    }
    const e = thrownBy(() => build([Tsv]));
    expect(e).toBeInstanceOf(DecoratorError);
    expect((e as Error).message).toMatch(/^@loadFrom on Tsv\.x: Unknown data format `tsv`\. Registered formats: csv \(\.csv\), json/);
  });

  it('a method without parameters, an inject nobody reads and a parameter loaded twice are DecoratorErrors naming Class.method', () => {
    class NoParams {
      @loadFrom.csv({ path: 'a.csv' })
      @node()
      x() {
        return 1;
      }
    }
    expect(thrownBy(() => build([NoParams]))).toMatchObject({ name: 'DecoratorError', message: expect.stringContaining('@loadFrom.csv on NoParams.x: the method has no parameters') });
    class Elsewhere {
      @loadFrom.csv({ path: 'a.csv', inject: 'other' })
      @node()
      x(raw: ColumnTable) {
        return raw;
      }
    }
    expect(thrownBy(() => build([Elsewhere]))).toMatchObject({
      message: '@loadFrom.csv on Elsewhere.x loads parameter `other`, which no node of the method reads (they read `raw`). Name one of them with { inject: \'...\' }.',
    });
    class Twice {
      @loadFrom.csv({ path: 'a.csv' })
      @loadFrom.csv({ path: 'b.csv' })
      @node()
      x(raw: ColumnTable, more: ColumnTable) {
        return [raw, more];
      }
    }
    expect(thrownBy(() => build([Twice]))).toMatchObject({ name: 'DecoratorError', message: expect.stringContaining('parameter `raw` is already loaded by `x.load_data.raw`') });
  });
});

describe('@loadFrom with a bad file', () => {
  const run = async (path: string, options: Record<string, unknown> = {}, format = 'csv') => {
    class Loaded {
      @loadFrom(format, { path: source('path'), ...options })
      @node()
      sales(raw: ColumnTable): ColumnTable {
        return raw;
      }
    }
    return caught(() => build([Loaded]).execute(['sales'], { inputs: { path } }));
  };

  it('a missing file is a DataLoadError naming the file, the loader node and Class.method', async () => {
    const e = await run(file('nope.csv'));
    expect(e).toBeInstanceOf(DataLoadError);
    expect(e).toMatchObject({ path: file('nope.csv'), format: 'csv', node: 'sales.load_data.raw' });
    expect((e as Error).message).toContain('for node `sales.load_data.raw` (Loaded.sales): the file does not exist');
  });

  it('a malformed CSV row gives its line and column', async () => {
    const e = await run(write('bad.csv', 'week,spend\n1,10\n2,9,5\n'));
    expect(e).toMatchObject({ name: 'DataLoadError', line: 3, column: 5, node: 'sales.load_data.raw' });
    expect((e as Error).message).toContain(`Cannot load ${file('bad.csv')} as csv for node \`sales.load_data.raw\` (Loaded.sales), line 3, column 5`);
  });

  it('a file that is not Parquet, and a Parquet file lacking a column the dataflow needs', async () => {
    const notParquet = await run(write('fake.parquet', 'week,spend\n1,2\n'), {}, 'parquet');
    expect(notParquet).toMatchObject({ name: 'DataLoadError', format: 'parquet', node: 'sales.load_data.raw' });
    expect((notParquet as Error).message).toContain('not a Parquet file');
    const pq = file('narrow.parquet');
    await saveData(aq.table({ week: [1] }), pq);
    const lacking = await run(pq, { columns: ['week', 'spend'] }, 'parquet');
    expect(lacking).toMatchObject({ name: 'DataLoadError', columnName: 'spend' });
    expect((lacking as Error).message).toBe(`${pq} (parquet) lacks column \`spend\` that node \`sales.load_data.raw\` (Loaded.sales) needs; it has \`week\`. Fix the file, or change the columns asked for.`);
  });

  it('a column of the wrong type, asked for with a type', async () => {
    const e = await run(write('typed.csv', 'week,spend\n1,x\n'), { columns: { week: 'integer', spend: 'number' } });
    expect(e).toMatchObject({ name: 'DataLoadError', columnName: 'spend', node: 'sales.load_data.raw' });
  });

  it('a path input that is not a string is a DataLoadError saying where to give one', async () => {
    const e = await run(42 as never);
    expect(e).toBeInstanceOf(DataLoadError);
    expect((e as Error).message).toContain('The path for node `sales.load_data.raw` (Loaded.sales) to load is 42, not a file name');
  });
});
