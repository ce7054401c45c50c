// @extractColumns: one node per column of a returned arquero table; fillWith; run-time errors; combinations with tags and checks.
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
  extractFields,
  node,
  tag,
  modifierDecorator,
  type Absent,
  type NodeResolver,
  type NodeSpec,
  type ResolveContext,
} from '../../lib/index.js';
import { byName, depNames, quietDriver, silent, thrownBy } from '../support.js';

const build = quietDriver;
const deps = depNames;

class Features {
  @extractColumns('spend', 'signups', 'region')
  @node({ doc: 'The raw marketing table.' })
  raw(rows: number): ColumnTable {
    return table({
      spend: Float64Array.from({ length: rows }, (_, i) => 10 * (i + 1)),
      signups: Int32Array.from({ length: rows }, (_, i) => i + 1),
      region: Array.from({ length: rows }, (_, i) => (i % 2 ? 'uk' : 'us')),
    });
  }

  @node()
  spendPerSignup(spend: Float64Array, signups: Int32Array): Float64Array {
    return spend.map((s, i) => s / signups[i]!);
  }
}

describe('@extractColumns', () => {
  it('keeps the table node and adds one node per column, each reading it', () => {
    const nodes = byName(build(Features).listAvailableVariables());
    expect([...nodes.keys()].sort()).toEqual(['raw', 'region', 'rows', 'signups', 'spend', 'spendPerSignup']);
    expect(deps(nodes.get('raw'))).toEqual(['rows']);
    for (const c of ['spend', 'signups', 'region']) {
      expect(deps(nodes.get(c))).toEqual(['raw']);
      expect(nodes.get(c)).toMatchObject({ origin: 'Features.raw', doc: 'The raw marketing table.', isExternalInput: false });
    }
    expect(deps(nodes.get('spendPerSignup'))).toEqual(['spend', 'signups']);
  });

  it('gives each column as table.array gives it, typed arrays staying typed', async () => {
    const out = await build(Features).execute(['spend', 'signups', 'region', 'raw'], { inputs: { rows: 3 } });
    expect(out.spend).toBeInstanceOf(Float64Array);
    expect(Array.from(out.spend as Float64Array)).toEqual([10, 20, 30]);
    expect(out.signups).toBeInstanceOf(Int32Array);
    expect(Array.from(out.signups as Int32Array)).toEqual([1, 2, 3]);
    expect(out.region).toEqual(['us', 'uk', 'us']);
    expect((out.raw as ColumnTable).columnNames()).toEqual(['spend', 'signups', 'region']);
  });

  it('feeds the columns to downstream nodes, and into a TableResult', async () => {
    const dr = new Builder().withModules(Features).withResultBuilder(new TableResult()).withLogger(silent).build();
    const t = await dr.execute(['region', 'spendPerSignup'] as string[], { inputs: { rows: 2 } });
    expect(t.columnNames()).toEqual(['region', 'spendPerSignup']);
    expect(Array.from(t.array('spendPerSignup'))).toEqual([10, 10]);
  });

  it('takes the rows a filtered or ordered table shows, as table.array does', async () => {
    class Filtered {
      @extractColumns('x')
      @node()
      t(): ColumnTable {
        return table({ x: Float64Array.of(3, 1, 2) }).filter((d: { x: number }) => d.x > 1).orderby('x');
      }
    }
    const { x } = await build(Filtered).execute(['x']);
    expect(x).toBeInstanceOf(Float64Array);
    expect(Array.from(x as Float64Array)).toEqual([2, 3]);
  });

  it('works on async and static methods', async () => {
    class Later {
      @extractColumns('a')
      @node()
      static async t(): Promise<ColumnTable> {
        await new Promise((r) => setTimeout(r, 1));
        return table({ a: [1, 2] });
      }
    }
    await expect(build(Later).execute(['a'])).resolves.toEqual({ a: [1, 2] });
  });

  it('copies the column: changing the value does not change the table node', async () => {
    const out = await build(Features).execute(['spend', 'raw'], { inputs: { rows: 2 } });
    (out.spend as Float64Array)[0] = -1;
    expect((out.raw as ColumnTable).array('spend')[0]).toBe(10);
  });

  describe('a column the table lacks', () => {
    class Short {
      @extractColumns('a', 'b')
      @node()
      t(): ColumnTable {
        return table({ a: Float64Array.of(1, 2), c: [0, 0] });
      }
    }

    it('is an error when the column node runs, naming the node, its origin and the columns it has', async () => {
      const e = await build(Short).execute(['b']).catch((x: unknown) => x);
      expect(e).toBeInstanceOf(NodeExecutionError);
      const cause = (e as NodeExecutionError).cause as ExtractionError;
      expect(cause).toBeInstanceOf(ExtractionError);
      expect(cause).toMatchObject({ node: 't', origin: 'Short.t' });
      expect(cause.message).toContain('Node `t` (Short.t) has no column `b`');
      expect(cause.message).toContain('its columns: `a`, `c`');
      expect(cause.message).toContain('fillWith');
      expect((e as NodeExecutionError).node).toBe('b');
    });

    it('does not stop the other columns', async () => {
      const { a } = await build(Short).execute(['a']);
      expect(Array.from(a as Float64Array)).toEqual([1, 2]);
    });

    it('is filled with fillWith on every row, leaving present columns as they are', async () => {
      class Filled {
        @extractColumns('a', 'b', { fillWith: 0 })
        @node()
        t(): ColumnTable {
          return table({ a: Float64Array.of(1, 2, 3) });
        }
      }
      const out = await build(Filled).execute(['a', 'b']);
      expect(out.b).toEqual([0, 0, 0]);
      expect(out.a).toBeInstanceOf(Float64Array);
    });

    it('is filled with null too (only undefined means no fill)', async () => {
      class Nulls {
        @extractColumns('b', { fillWith: null })
        @node()
        t(): ColumnTable {
          return table({ a: [1, 2] });
        }
      }
      await expect(build(Nulls).execute(['b'])).resolves.toEqual({ b: [null, null] });
    });
  });

  it('says what the method gave when it is not a table', async () => {
    class NotATable {
      @extractColumns('a')
      @node()
      t() {
        return { a: [1] };
      }
    }
    const e = (await build(NotATable).execute(['a']).catch((x: unknown) => x)) as NodeExecutionError;
    expect(e.cause).toBeInstanceOf(ExtractionError);
    expect((e.cause as Error).message).toContain('Node `t` (NotATable.t) gave an object, but @extractColumns takes columns out of an arquero table');
  });

  it('shows the column nodes in the DOT drawing', () => {
    const dot = build(Features).toDot();
    expect(dot).toContain('"raw" -> "spend"');
    expect(dot).toContain('"raw" -> "region"');
    expect(dot).toContain('"spend" -> "spendPerSignup"');
  });
});

describe('@extractColumns with @tag and @checkOutput', () => {
  it('tags the columns by default, and every node with target: all', () => {
    class Tagged {
      @tag({ owner: 'ds' })
      @extractColumns('a', 'b')
      @node()
      t() {
        return table({ a: [1], b: [2] });
      }

      @tag({ owner: 'ds' }, { target: 'all' })
      @extractColumns('c')
      @node()
      u() {
        return table({ c: [1] });
      }
    }
    const nodes = byName(build(Tagged).listAvailableVariables());
    expect(nodes.get('a')!.tags).toEqual({ owner: 'ds' });
    expect(nodes.get('b')!.tags).toEqual({ owner: 'ds' });
    expect(nodes.get('t')!.tags).toEqual({});
    expect(nodes.get('u')!.tags).toEqual({ owner: 'ds' });
    expect(nodes.get('c')!.tags).toEqual({ owner: 'ds' });
    expect(build(Tagged).listAvailableVariables({ tags: { owner: 'ds' } }).map((n) => n.name).sort()).toEqual(['a', 'b', 'c', 'u']);
  });

  class Checked {
    @checkOutput({ range: [0, 10], importance: 'fail' })
    @extractColumns('a', 'b')
    @node()
    t(scale: number) {
      return table({ a: Float64Array.of(1, 2).map((x) => x * scale), b: Float64Array.of(5, 6) });
    }
  }

  it('checks each column by default: a_raw, a_range_validator, a', () => {
    const nodes = byName(build(Checked).listAvailableVariables());
    expect([...nodes.keys()].sort()).toEqual(['a', 'a_range_validator', 'a_raw', 'b', 'b_range_validator', 'b_raw', 'scale', 't']);
    expect(deps(nodes.get('a_raw'))).toEqual(['t']);
    expect(deps(nodes.get('a'))).toEqual(['a_raw', 'a_range_validator']);
    expect(nodes.get('a_range_validator')!.origin).toBe('Checked.t');
  });

  it('passes good columns and fails a column out of range', async () => {
    const dr = build(Checked);
    const ok = await dr.execute(['a', 'b'], { inputs: { scale: 2 } });
    expect(Array.from(ok.a as Float64Array)).toEqual([2, 4]);
    const e = await dr.execute(['a'], { inputs: { scale: 100 } }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(DataValidationError);
    expect((e as DataValidationError).node).toBe('a');
  });

  it("checks the table itself with target: the method's node name, and the columns read the checked table", async () => {
    class TableChecked {
      @checkOutput({ columns: { a: { range: [0, 10] } }, importance: 'fail', target: 't' })
      @extractColumns('a')
      @node()
      t(scale: number) {
        return table({ a: Float64Array.of(1, 2).map((x) => x * scale) });
      }
    }
    const dr = build(TableChecked);
    const nodes = byName(dr.listAvailableVariables());
    expect([...nodes.keys()].sort()).toEqual(['a', 'scale', 't', 't_a_range_validator', 't_raw']);
    expect(deps(nodes.get('a'))).toEqual(['t']);
    expect(deps(nodes.get('t'))).toEqual(['t_raw', 't_a_range_validator']);
    await expect(dr.execute(['a'], { inputs: { scale: 100 } })).rejects.toBeInstanceOf(DataValidationError);
    const { a } = await dr.execute(['a'], { inputs: { scale: 1 } });
    expect(Array.from(a as Float64Array)).toEqual([1, 2]);
  });
});

describe('@extractColumns after a resolve-stage modifier (the stage of config.when)', () => {
  // Renames `name__variant` to `name` under one config and drops the method under another, as config.when does.
  class Variant implements NodeResolver {
    readonly stage = 'resolve';
    constructor(readonly region: string) {}
    resolve(n: NodeSpec, ctx: ResolveContext): NodeSpec | Absent {
      const name = n.name.split('__')[0]!;
      return ctx.config.region === this.region ? { ...n, name } : { absent: `needs region ${this.region}`, name };
    }
  }
  class Regional {
    @extractColumns('spend')
    @modifierDecorator('@variant', new Variant('us'))
    @node()
    raw__us() {
      return table({ spend: [1, 2] });
    }

    @extractColumns('spend')
    @modifierDecorator('@variant', new Variant('uk'))
    @node()
    raw__uk() {
      return table({ spend: [3] });
    }
  }

  it('extracts the columns of the variant the config chose, read from the renamed node', async () => {
    const dr = new Builder().withModules(Regional).withConfig({ region: 'uk' }).withLogger(silent).build();
    const nodes = byName(dr.listAvailableVariables());
    expect(deps(nodes.get('spend'))).toEqual(['raw']);
    expect(nodes.get('spend')!.origin).toBe('Regional.raw__uk');
    await expect(dr.execute(['spend'] as string[])).resolves.toEqual({ spend: [3] });
  });
});

describe('@extractColumns misuse', () => {
  it('needs at least one name, when the class is defined', () => {
    const e = thrownBy(() => {
      class C {
        @extractColumns()
        @node()
        t() {
          return table({});
        }
      }
      return C;
    });
    expect(e).toBeInstanceOf(DecoratorError);
    expect((e as Error).message).toBe("@extractColumns on method `t`: give at least one output name, e.g. @extractColumns('a', 'b').");
  });

  it('rejects a list, a duplicate name, an empty name and unknown options', () => {
    const define = (dec: () => unknown) =>
      thrownBy(() => {
        class C {
          @(dec() as ReturnType<typeof extractColumns>)
          @node()
          t() {
            return table({});
          }
        }
        return C;
      }) as Error;
    expect(define(() => (extractColumns as (...a: unknown[]) => unknown)(['a', 'b'])).message).toBe(
      '@extractColumns on method `t` got a list of names; spread it: @extractColumns(...names).',
    );
    expect(define(() => extractColumns('a', 'b', 'a')).message).toBe('@extractColumns on method `t` names output `a` twice. Name each output once.');
    expect(define(() => extractColumns('a', '')).message).toBe('@extractColumns on method `t`: output names must be non-empty strings, got "".');
    expect(define(() => extractColumns('a', { fill: 0 } as never)).message).toContain('unknown options {"fill":0}. Options are `fillWith`.');
  });

  it("rejects a column named like the method's node, when the graph is built, naming Class.method", () => {
    class Same {
      @extractColumns('a', 'total')
      @node({ name: 'total' })
      t() {
        return table({ a: [1], total: [2] });
      }
    }
    const e = thrownBy(() => build(Same));
    expect(e).toBeInstanceOf(DecoratorError);
    expect((e as Error).message).toContain('@extractColumns on Same.t: output `total` has the name of a node the method itself makes');
  });

  it('cannot be combined with another expander on one method', () => {
    class Two {
      @extractFields({ x: 'number' })
      @extractColumns('a')
      @node()
      t() {
        return table({ a: [1] });
      }
    }
    const e = thrownBy(() => build(Two));
    expect(e).toBeInstanceOf(DecoratorError);
    expect((e as Error).message).toBe(
      'Two.t has @extractFields and @extractColumns: a method can have only one decorator of the expand stage ' +
        '(one that makes several nodes from one). Split it into two methods.',
    );
  });

  it('needs @node on the method', () => {
    class NoNode {
      @extractColumns('a')
      t() {
        return table({ a: [1] });
      }
    }
    const e = thrownBy(() => build(NoNode));
    expect(e).toBeInstanceOf(DecoratorError);
    expect((e as Error).message).toContain('NoNode.t has @extractColumns but no @node()');
  });
});
