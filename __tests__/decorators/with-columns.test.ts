// @withColumns: column-level nodes of other classes run on a table's columns, namespaced, pruned to what select needs, appended to the table.
import { describe, expect, it } from '@jest/globals';
import { table, type ColumnTable } from 'arquero';
import {
  Builder,
  DataValidationError,
  DecoratorError,
  ExtractionError,
  NodeExecutionError,
  TableResult,
  checkOutput,
  extractColumns,
  node,
  tag,
  withColumns,
  modifierDecorator,
  type NodeInjector,
  type NodeSpec,
} from '../../lib/index.js';
import { byName, depNames, quietDriver, silent, thrownBy } from '../support.js';

const build = quietDriver;
const deps = depNames;

class Ratios {
  @node()
  spendPerSignup(spend: Float64Array, signups: Int32Array): Float64Array {
    return spend.map((s, i) => s / signups[i]!);
  }

  @node()
  spendMean(spend: Float64Array): number {
    return spend.reduce((a, b) => a + b, 0) / spend.length;
  }

  @node()
  spendZeroMean(spend: Float64Array, spendMean: number): Float64Array {
    return spend.map((s) => s - spendMean);
  }

  @node()
  unused(spend: Float64Array): Float64Array {
    return spend;
  }
}

class Report {
  @withColumns(Ratios, { columnsToPass: ['spend', 'signups'], select: ['spendPerSignup', 'spendZeroMean'] })
  @node({ doc: 'The report table.' })
  report(raw: ColumnTable): ColumnTable {
    return raw.derive({ checked: () => true });
  }
}

const raw = table({ spend: Float64Array.of(10, 20, 60), signups: Int32Array.of(1, 2, 3), region: ['us', 'uk', 'us'] });

describe('@withColumns with columnsToPass', () => {
  it("makes the classes' nodes nodes of the graph, namespaced under the method, pruned to what select needs", () => {
    const nodes = byName(build(Report).listAvailableVariables());
    expect([...nodes.keys()].sort()).toEqual(
      [
        'raw',
        'report',
        'report._append',
        'report.signups',
        'report.spend',
        'report.spendMean',
        'report.spendPerSignup',
        'report.spendZeroMean',
      ].sort(),
    );
    expect(deps(nodes.get('report.spend'))).toEqual(['raw']);
    expect(deps(nodes.get('report.spendPerSignup'))).toEqual(['report.spend', 'report.signups']);
    expect(deps(nodes.get('report.spendZeroMean'))).toEqual(['report.spend', 'report.spendMean']);
    expect(deps(nodes.get('report._append'))).toEqual(['raw', 'report.spendPerSignup', 'report.spendZeroMean']);
    expect(deps(nodes.get('report'))).toEqual(['report._append']);
  });

  it("gives the classes' nodes their own origin, and the framework nodes the method's", () => {
    const nodes = byName(build(Report).listAvailableVariables());
    expect(nodes.get('report.spendPerSignup')!.origin).toBe('Ratios.spendPerSignup');
    expect(nodes.get('report.spendMean')!.origin).toBe('Ratios.spendMean');
    expect(nodes.get('report.spend')!.origin).toBe('Report.report');
    expect(nodes.get('report._append')!.origin).toBe('Report.report');
    expect(nodes.get('report')).toMatchObject({ origin: 'Report.report', doc: 'The report table.' });
  });

  it('appends the selected columns to the table the method reads', async () => {
    const { report } = await build(Report).execute(['report'], { inputs: { raw } });
    const t = report as ColumnTable;
    expect(t.columnNames()).toEqual(['spend', 'signups', 'region', 'spendPerSignup', 'spendZeroMean', 'checked']);
    expect(Array.from(t.array('spendPerSignup'))).toEqual([10, 10, 20]);
    expect(Array.from(t.array('spendZeroMean'))).toEqual([-20, -10, 30]);
    expect(t.column('spendPerSignup')).toBeInstanceOf(Float64Array);
  });

  it('lets every namespaced node be requested, typed arrays staying typed', async () => {
    const out = await build(Report).execute(['report.spend', 'report.spendMean', 'report._append'], { inputs: { raw } });
    expect(out['report.spend']).toBeInstanceOf(Float64Array);
    expect(out['report.spendMean']).toBe(30);
    expect((out['report._append'] as ColumnTable).columnNames()).not.toContain('checked');
  });

  it('draws the namespaced nodes', () => {
    const dot = build(Report).toDot();
    expect(dot).toContain('"report.spend" -> "report.spendPerSignup"');
    expect(dot).toContain('"report._append" -> "report"');
  });

  it('replaces a column of the same name, and works with a TableResult', async () => {
    class Recompute {
      @node()
      spend(spend: Float64Array): Float64Array {
        return spend.map((s) => s * 2);
      }
    }
    class Out {
      @withColumns(Recompute, { columnsToPass: ['spend'], select: ['spend'], namespace: 'x2' })
      @node()
      doubled(raw: ColumnTable) {
        return raw;
      }
    }
    expect(() => build(Out)).toThrow('passes column `spend` from the table, but the modules also make a node of that name');
    class Replace {
      @node()
      spend2(spend: Float64Array): Float64Array {
        return spend.map((s) => s * 2);
      }
    }
    class Out2 {
      @withColumns(Replace, { columnsToPass: ['spend'], select: ['spend2'], namespace: 'x2' })
      @node()
      doubled(raw: ColumnTable) {
        return raw;
      }
    }
    const dr = new Builder().withModules(Out2).withResultBuilder(new TableResult()).withLogger(silent).build();
    expect(dr.listAvailableVariables().map((n) => n.name)).toContain('x2.spend2');
    const t = await dr.execute(['doubled'], { inputs: { raw } });
    expect(Array.from(t.array('spend2'))).toEqual([20, 40, 120]);
  });

  it('leaves inputs the classes read from outside as they are', async () => {
    class Scaled {
      @node()
      scaled(spend: Float64Array, factor: number): Float64Array {
        return spend.map((s) => s * factor);
      }
    }
    class Out {
      @withColumns(Scaled, { columnsToPass: ['spend'], select: ['scaled'] })
      @node()
      out(raw: ColumnTable) {
        return raw;
      }
    }
    const dr = build(Out);
    expect(deps(byName(dr.listAvailableVariables()).get('out.scaled'))).toEqual(['out.spend', 'factor']);
    const { out } = await dr.execute(['out'], { inputs: { raw, factor: 0.5 } });
    expect(Array.from((out as ColumnTable).array('scaled'))).toEqual([5, 10, 30]);
  });
});

describe('@withColumns with onInput and passDataframeAs', () => {
  class FromTable {
    @node()
    spend(raw: ColumnTable): Float64Array {
      return (raw.array('spend', Float64Array) as Float64Array).map((s) => s / 10);
    }

    @node()
    spendSquared(spend: Float64Array): Float64Array {
      return spend.map((s) => s * s);
    }
  }

  it('with onInput, the classes read the table themselves and may replace its columns', async () => {
    class Out {
      @withColumns(FromTable, { onInput: 'raw', select: ['spend', 'spendSquared'] })
      @node()
      out(label: string, raw: ColumnTable) {
        return raw.derive({ label: `() => ${JSON.stringify(label)}` });
      }
    }
    const dr = build(Out);
    const nodes = byName(dr.listAvailableVariables());
    expect(deps(nodes.get('out.spend'))).toEqual(['raw']);
    expect(deps(nodes.get('out'))).toEqual(['label', 'out._append']);
    const t = (await dr.execute(['out'], { inputs: { raw, label: 'q1' } })).out as ColumnTable;
    expect(Array.from(t.array('spend'))).toEqual([1, 2, 6]);
    expect(Array.from(t.array('spendSquared'))).toEqual([1, 4, 36]);
    expect(t.array('label')).toEqual(['q1', 'q1', 'q1']);
  });

  it('with passDataframeAs, the classes read the first parameter under that name', async () => {
    class FromDf {
      @node()
      n(df: ColumnTable): Int32Array {
        return Int32Array.from({ length: df.numRows() }, (_, i) => i);
      }
    }
    class Out {
      @withColumns(FromDf, { passDataframeAs: 'df', select: ['n'] })
      @node()
      out(input: ColumnTable) {
        return input;
      }
    }
    const dr = build(Out);
    expect(deps(byName(dr.listAvailableVariables()).get('out.n'))).toEqual(['input']);
    const t = (await dr.execute(['out'], { inputs: { input: raw } })).out as ColumnTable;
    expect(Array.from(t.array('n'))).toEqual([0, 1, 2]);
  });

  it('rejects an onInput that is not a parameter, and a method without parameters', () => {
    class Bad {
      @withColumns(FromTable, { onInput: 'tbl', select: ['spend'] })
      @node()
      out(raw: ColumnTable) {
        return raw;
      }
    }
    expect((thrownBy(() => build(Bad)) as Error).message).toBe(
      '@withColumns on Bad.out: onInput `tbl` is not a parameter of the method (its parameters: `raw`). Name the table parameter.',
    );
    class NoParams {
      @withColumns(Ratios, { columnsToPass: ['spend'], select: ['spendMean'] })
      @node()
      out() {
        return raw;
      }
    }
    expect((thrownBy(() => build(NoParams)) as Error).message).toContain('@withColumns on NoParams.out: the method has no parameter to take the table from');
  });
});

describe('@withColumns modules', () => {
  it('instantiates each class once per build, however many methods embed it', () => {
    let made = 0;
    class Counted {
      constructor() {
        made++;
      }
      @node()
      one(spend: Float64Array) {
        return spend;
      }
    }
    class Two {
      @withColumns(Counted, { columnsToPass: ['spend'], select: ['one'] })
      @node()
      a(raw: ColumnTable) {
        return raw;
      }

      @withColumns(Counted, { columnsToPass: ['spend'], select: ['one'] })
      @node()
      b(raw: ColumnTable) {
        return raw;
      }
    }
    const names = build(Two).listAvailableVariables().map((n) => n.name);
    expect(names).toEqual(expect.arrayContaining(['a.one', 'b.one']));
    expect(made).toBe(1);
    build(Two);
    expect(made).toBe(2);
  });

  it("runs the classes' methods on their instance, static methods on their class", async () => {
    class Stateful {
      offset = 100;
      static factor = 3;
      @node()
      shifted(spend: Float64Array) {
        return spend.map((s) => s + this.offset);
      }
      @node()
      static tripled(spend: Float64Array) {
        return spend.map((s) => s * this.factor);
      }
    }
    class Out {
      @withColumns(Stateful, { columnsToPass: ['spend'], select: ['shifted', 'tripled'] })
      @node()
      out(raw: ColumnTable) {
        return raw;
      }
    }
    const t = (await build(Out).execute(['out'], { inputs: { raw } })).out as ColumnTable;
    expect(Array.from(t.array('shifted'))).toEqual([110, 120, 160]);
    expect(Array.from(t.array('tripled'))).toEqual([30, 60, 180]);
  });

  it("applies the classes' own modifiers, namespacing what they make", async () => {
    class Checked {
      @checkOutput({ range: [0, 100], importance: 'fail' })
      @node()
      pct(spend: Float64Array, signups: Int32Array) {
        return spend.map((s, i) => s / signups[i]!);
      }
    }
    class Out {
      @withColumns(Checked, { columnsToPass: ['spend', 'signups'], select: ['pct'] })
      @node()
      out(raw: ColumnTable) {
        return raw;
      }
    }
    const dr = build(Out);
    const nodes = byName(dr.listAvailableVariables());
    expect([...nodes.keys()]).toEqual(expect.arrayContaining(['out.pct_raw', 'out.pct_range_validator', 'out.pct']));
    expect(deps(nodes.get('out.pct_range_validator'))).toEqual(['out.pct_raw']);
    await expect(dr.execute(['out'], { inputs: { raw } })).resolves.toBeDefined();
    const bad = table({ spend: Float64Array.of(1000), signups: Int32Array.of(1) });
    await expect(dr.execute(['out'], { inputs: { raw: bad } })).rejects.toBeInstanceOf(DataValidationError);
  });

  it('embeds a class that itself uses @withColumns, one namespace inside the other', async () => {
    class Inner {
      @node()
      plusOne(spend: Float64Array) {
        return spend.map((s) => s + 1);
      }
    }
    class Middle {
      @withColumns(Inner, { columnsToPass: ['spend'], select: ['plusOne'] })
      @node()
      mid(raw: ColumnTable): ColumnTable {
        return raw;
      }
      @node()
      plusTwo(mid: ColumnTable) {
        return (mid.array('plusOne', Float64Array) as Float64Array).map((s) => s + 1);
      }
    }
    class Outer {
      @withColumns(Middle, { onInput: 'raw', select: ['plusTwo'] })
      @node()
      outer(raw: ColumnTable) {
        return raw;
      }
    }
    const dr = build(Outer);
    const nodes = byName(dr.listAvailableVariables());
    expect(deps(nodes.get('outer.mid.plusOne'))).toEqual(['outer.mid.spend']);
    expect(deps(nodes.get('outer.mid'))).toEqual(['outer.mid._append']);
    const t = (await dr.execute(['outer'], { inputs: { raw } })).outer as ColumnTable;
    expect(Array.from(t.array('plusTwo'))).toEqual([12, 22, 62]);
  });

  it('rejects two classes making the same node', () => {
    class A {
      @node()
      x(spend: Float64Array) {
        return spend;
      }
    }
    class B {
      @node()
      x(spend: Float64Array) {
        return spend;
      }
    }
    class Out {
      @withColumns(A, B, { columnsToPass: ['spend'], select: ['x'] })
      @node()
      out(raw: ColumnTable) {
        return raw;
      }
    }
    expect((thrownBy(() => build(Out)) as Error).message).toBe('@withColumns on Out.out: the modules make node `x` twice (A.x and B.x). Rename one of them.');
  });

  it('lets the same class be a module of the Builder too', async () => {
    const dr = build(Report, Ratios);
    const names = dr.listAvailableVariables().map((n) => n.name);
    expect(names).toEqual(expect.arrayContaining(['spendPerSignup', 'report.spendPerSignup', 'unused']));
    const out = await dr.execute(['spendMean', 'report.spendMean'], { inputs: { raw, spend: Float64Array.of(1, 3) } });
    expect(out).toEqual({ spendMean: 2, 'report.spendMean': 30 });
  });
});

describe('@withColumns with tags, checks and extractColumns', () => {
  it("tags and checks the method's node by default, every node with target: all", async () => {
    class Out {
      @checkOutput({ columns: { spendPerSignup: { range: [0, 15] } }, importance: 'fail' })
      @tag({ owner: 'ds' })
      @withColumns(Ratios, { columnsToPass: ['spend', 'signups'], select: ['spendPerSignup'] })
      @node()
      out(raw: ColumnTable) {
        return raw;
      }

      @tag({ team: 'x' }, { target: 'all' })
      @withColumns(Ratios, { columnsToPass: ['spend'], select: ['spendMean'] })
      @node()
      all(raw: ColumnTable) {
        return raw;
      }
    }
    const dr = build(Out);
    const nodes = byName(dr.listAvailableVariables());
    expect(nodes.get('out')!.tags).toEqual({ owner: 'ds' });
    expect(nodes.get('out.spendPerSignup')!.tags).toEqual({});
    expect(deps(nodes.get('out'))).toEqual(['out_raw', 'out_spendPerSignup_range_validator']);
    expect(deps(nodes.get('out_raw'))).toEqual(['out._append']);
    expect(dr.listAvailableVariables({ tags: { team: 'x' } }).map((n) => n.name).sort()).toEqual(['all', 'all._append', 'all.spend', 'all.spendMean']);
    await expect(dr.execute(['out'], { inputs: { raw } })).rejects.toBeInstanceOf(DataValidationError);
  });

  it('extracts columns of the table the method makes from the appended one', async () => {
    class Out {
      @extractColumns('spendPerSignup', 'region')
      @withColumns(Ratios, { columnsToPass: ['spend', 'signups'], select: ['spendPerSignup'] })
      @node()
      out(raw: ColumnTable) {
        return raw;
      }
    }
    const dr = build(Out);
    expect(deps(byName(dr.listAvailableVariables()).get('spendPerSignup'))).toEqual(['out']);
    const r = await dr.execute(['spendPerSignup', 'region'], { inputs: { raw } });
    expect(r.spendPerSignup).toBeInstanceOf(Float64Array);
    expect(Array.from(r.spendPerSignup as Float64Array)).toEqual([10, 10, 20]);
    expect(r.region).toEqual(['us', 'uk', 'us']);
  });
});

describe('@withColumns with another injector', () => {
  it("leaves the embedded nodes out of the method's body: a later injector sees the method's node only", () => {
    const seen: string[] = [];
    class Spy implements NodeInjector {
      readonly stage = 'inject';
      inject(n: NodeSpec): NodeSpec[] {
        seen.push(n.name);
        return [n];
      }
    }
    // Injectors apply in source order: the spy, written below, applies after @withColumns.
    class Out {
      @withColumns(Ratios, { columnsToPass: ['spend', 'signups'], select: ['spendPerSignup'] })
      @modifierDecorator('@spy', new Spy())
      @node()
      out(raw: ColumnTable) {
        return raw;
      }
    }
    build(Out);
    expect(seen).toEqual(['out']);
  });
});

describe('@withColumns at run time', () => {
  class Odd {
    @node()
    scalar(spend: Float64Array): number {
      return spend.length;
    }
    @node()
    short(spend: Float64Array): Float64Array {
      return spend.slice(1);
    }
  }
  const methodWith = (select: string) => {
    class Out {
      @withColumns(Odd, { columnsToPass: ['spend'], select: [select] })
      @node()
      out(raw: ColumnTable) {
        return raw;
      }
    }
    return build(Out);
  };
  const causeOf = async (p: Promise<unknown>) => ((await p.catch((e: unknown) => e)) as NodeExecutionError).cause as ExtractionError;

  it('rejects a selected value that is not a column', async () => {
    const cause = await causeOf(methodWith('scalar').execute(['out'], { inputs: { raw } }));
    expect(cause).toBeInstanceOf(ExtractionError);
    expect(cause.message).toBe(
      'Node `out._append` (Out.out) appends `scalar` to the table, but `scalar` gave a number, not a column (Array or typed array). Select only nodes that make columns.',
    );
  });

  it('rejects a column of another length', async () => {
    const cause = await causeOf(methodWith('short').execute(['out'], { inputs: { raw } }));
    expect(cause.message).toBe('Node `out._append` (Out.out) appends `short` of 2 values to a table of 3 rows. Make `short` one value per row.');
  });

  it('rejects a table parameter that is not a table, or lacks a passed column', async () => {
    const dr = methodWith('short');
    const notATable = await causeOf(dr.execute(['out'], { inputs: { raw: [1, 2] } }));
    expect(notATable.message).toBe(
      'Parameter `raw` of Out.out is an Array of 2 values, but @withColumns takes columns out of an arquero table. Pass a table as `raw`.',
    );
    const lacking = await causeOf(dr.execute(['out'], { inputs: { raw: table({ cost: [1] }) } }));
    expect(lacking.message).toBe(
      'Parameter `raw` of Out.out has no column `spend` for @withColumns (its columns: `cost`). Pass a table with a column `spend`, or leave it out of columnsToPass.',
    );
  });

  it('rejects an onInput table that is not a table, when appending', async () => {
    class Count {
      @node()
      n(raw: unknown[]) {
        return raw.map((_, i) => i);
      }
    }
    class Out {
      @withColumns(Count, { onInput: 'raw', select: ['n'] })
      @node()
      out(raw: ColumnTable) {
        return raw;
      }
    }
    const cause = await causeOf(build(Out).execute(['out'], { inputs: { raw: [1, 2] } }));
    expect(cause).toMatchObject({ node: 'out._append', origin: 'Out.out' });
    expect(cause.message).toContain('Parameter `raw` of Out.out is an Array of 2 values');
  });
});

describe('@withColumns misuse', () => {
  const define = (...args: unknown[]) =>
    thrownBy(() => {
      class C {
        @((withColumns as (...a: unknown[]) => ReturnType<typeof withColumns>)(...args))
        @node()
        t(raw: ColumnTable) {
          return raw;
        }
      }
      return C;
    }) as Error;

  it('checks its modules and options when the class is defined', () => {
    expect(define()).toBeInstanceOf(DecoratorError);
    expect(define().message).toContain('@withColumns on method `t`: give the classes whose @node methods compute the columns');
    expect(define({ select: ['a'], onInput: 'raw' }).message).toContain('give the classes');
    expect(define(Ratios).message).toContain('the last argument must be the options');
    expect(define({}, { select: ['a'], onInput: 'raw' }).message).toBe('@withColumns on method `t`: modules must be classes with @node methods, got {}.');
    expect(define(Ratios, { select: ['a'] }).message).toContain('give exactly one of `columnsToPass`, `onInput` and `passDataframeAs` (got none)');
    expect(define(Ratios, { select: ['a'], onInput: 'raw', columnsToPass: ['a'] }).message).toContain('(got `columnsToPass` and `onInput`)');
    expect(define(Ratios, { onInput: 'raw' }).message).toBe('@withColumns on method `t`: `select` must be a non-empty list of distinct non-empty strings, got undefined.');
    expect(define(Ratios, { onInput: 'raw', select: [] }).message).toContain('`select` must be a non-empty list');
    expect(define(Ratios, { columnsToPass: ['a', 'a'], select: ['x'] }).message).toContain('`columnsToPass` must be a non-empty list of distinct');
    expect(define(Ratios, { onInput: '', select: ['x'] }).message).toContain('`onInput` must be a non-empty string');
    expect(define(Ratios, { onInput: 'raw', select: ['x'], mode: 'append' }).message).toContain('unknown options');
  });

  it('rejects selecting a node the classes do not make, when the graph is built', () => {
    class Out {
      @withColumns(Ratios, { columnsToPass: ['spend'], select: ['spendMaen'] })
      @node()
      out(raw: ColumnTable) {
        return raw;
      }
    }
    const e = thrownBy(() => build(Out));
    expect(e).toBeInstanceOf(DecoratorError);
    expect((e as Error).message).toBe(
      '@withColumns on Out.out selects `spendMaen`, which the modules do not make (they make `spend`, `spendPerSignup`, `spendMean`, `spendZeroMean`, `unused`). Fix select.',
    );
  });
});
