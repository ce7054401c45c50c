// @parameterizeExtractColumns: one bound table node per entry, and its columns as nodes (by position, or by name).
import { describe, expect, it } from '@jest/globals';
import { table, type ColumnTable } from 'arquero';
import {
  Builder,
  DecoratorError,
  ExtractionError,
  NodeExecutionError,
  checkOutput,
  extractColumns,
  node,
  parameterizeExtractColumns,
  tag,
} from '../../lib/index.js';
import { configuration, source, value } from '../../lib/decorators/dependencies.js';
import { byName, depNames, quietDriver, silent, thrownBy } from '../support.js';

const build = quietDriver;
const deps = depNames;

class Regions {
  @parameterizeExtractColumns(
    { outputs: ['usSpend', 'usSignups'], inputs: { raw: source('usRaw'), factor: value(2) } },
    { outputs: ['ukSpend', 'ukSignups'], inputs: { raw: source('ukRaw') } },
  )
  @node({ doc: 'Cleaned spend and signups.' })
  cleaned(raw: ColumnTable, factor: number): ColumnTable {
    return table({
      s: (raw.array('spend', Float64Array) as Float64Array).map((x) => x * factor),
      n: raw.array('signups', Int32Array),
    });
  }
}

const usRaw = table({ spend: Float64Array.of(1, 2), signups: Int32Array.of(10, 20) });
const ukRaw = table({ spend: Float64Array.of(5), signups: Int32Array.of(50) });

describe('@parameterizeExtractColumns', () => {
  it('makes a table node name__k per entry, with its bound dependencies, and its columns', () => {
    const nodes = byName(build(Regions).listAvailableVariables());
    expect([...nodes.keys()].sort()).toEqual(
      ['cleaned__0', 'cleaned__1', 'factor', 'ukRaw', 'ukSignups', 'ukSpend', 'usRaw', 'usSignups', 'usSpend'].sort(),
    );
    expect(deps(nodes.get('cleaned__0'))).toEqual(['usRaw']);
    expect(deps(nodes.get('cleaned__1'))).toEqual(['ukRaw', 'factor']);
    expect(deps(nodes.get('usSpend'))).toEqual(['cleaned__0']);
    expect(deps(nodes.get('ukSignups'))).toEqual(['cleaned__1']);
    expect(nodes.get('ukSpend')).toMatchObject({ origin: 'Regions.cleaned', doc: 'Cleaned spend and signups.' });
    expect(nodes.get('cleaned__1')!.origin).toBe('Regions.cleaned');
    const dot = build(Regions).toDot();
    expect(dot).toContain('"usRaw" -> "cleaned__0"');
    expect(dot).toContain('"cleaned__1" -> "ukSpend"');
  });

  it("names the table's columns in order by the outputs, whatever the method called them", async () => {
    const out = await build(Regions).execute(['usSpend', 'usSignups', 'ukSpend', 'ukSignups'], { inputs: { usRaw, ukRaw, factor: 10 } });
    expect(out.usSpend).toBeInstanceOf(Float64Array);
    expect(Array.from(out.usSpend as Float64Array)).toEqual([2, 4]);
    expect(out.usSignups).toBeInstanceOf(Int32Array);
    expect(Array.from(out.usSignups as Int32Array)).toEqual([10, 20]);
    expect(Array.from(out.ukSpend as Float64Array)).toEqual([50]);
  });

  it('reads config with configuration()', async () => {
    class Scaled {
      @parameterizeExtractColumns({ outputs: ['x'], inputs: { k: configuration('scale') } })
      @node()
      t(k: number) {
        return table({ v: [k] });
      }
    }
    const dr = new Builder().withModules(Scaled).withConfig({ scale: 3 }).withLogger(silent).build();
    await expect(dr.execute(['x'] as string[])).resolves.toEqual({ x: [3] });
  });

  it('names the columns when the table has another number of them', async () => {
    class Wide {
      @parameterizeExtractColumns({ outputs: ['a'] })
      @node()
      t() {
        return table({ p: [1], q: [2] });
      }
    }
    const e = (await build(Wide).execute(['a']).catch((x: unknown) => x)) as NodeExecutionError;
    expect(e.cause).toBeInstanceOf(ExtractionError);
    expect((e.cause as Error).message).toContain(
      'Node `t__0` (Wide.t) gave a table of 2 columns (`p`, `q`), but @parameterizeExtractColumns names 1 outputs (`a`) for its columns in order.',
    );
  });

  it('takes columns by name with reassignColumns: false', async () => {
    class ByName {
      @parameterizeExtractColumns({ outputs: ['q'], inputs: { x: value(1) } }, { outputs: ['p'], inputs: { x: value(2) } }, { reassignColumns: false })
      @node()
      t(x: number) {
        return table({ p: [x], q: [x * 10] });
      }
    }
    await expect(build(ByName).execute(['q', 'p'])).resolves.toEqual({ q: [10], p: [2] });
  });

  it('tags and checks the columns by default', async () => {
    class Both {
      @checkOutput({ range: [0, 5], importance: 'fail' })
      @tag({ owner: 'ds' })
      @parameterizeExtractColumns({ outputs: ['a'], inputs: { x: value(1) } }, { outputs: ['b'], inputs: { x: value(9) } })
      @node()
      t(x: number) {
        return table({ v: [x] });
      }
    }
    const dr = build(Both);
    const nodes = byName(dr.listAvailableVariables());
    expect(nodes.get('a')!.tags).toEqual({ owner: 'ds' });
    expect(nodes.get('t__0')!.tags).toEqual({});
    await expect(dr.execute(['a'])).resolves.toEqual({ a: [1] });
    await expect(dr.execute(['b'])).rejects.toThrow('range');
  });
});

describe('@parameterizeExtractColumns misuse', () => {
  const define = (...args: unknown[]) =>
    thrownBy(() => {
      class C {
        @((parameterizeExtractColumns as (...a: unknown[]) => ReturnType<typeof parameterizeExtractColumns>)(...args))
        @node()
        t(x: number) {
          return table({ x: [x] });
        }
      }
      return C;
    }) as Error;

  it('checks its entries when the class is defined', () => {
    expect(define()).toBeInstanceOf(DecoratorError);
    expect(define().message).toContain('give at least one { outputs: [...], inputs');
    expect(define({ outputs: 'a' }).message).toContain('argument 0 must be { outputs:');
    expect(define({ outputs: ['a'], inputs: { x: 3 } }).message).toBe(
      "@parameterizeExtractColumns on method `t`: argument 0 binds parameter `x` to 3. Use value(x), source('node'), configuration('key') or group(...).",
    );
    expect(define({ outputs: ['a'] }, { outputs: ['a'] }).message).toBe('@parameterizeExtractColumns on method `t` names output `a` twice. Name each output once.');
    expect(define({ outputs: ['a'] }, { reassign: true }).message).toContain('unknown options');
  });

  it('names a bound parameter the method lacks, at build time', () => {
    class Unknown {
      @parameterizeExtractColumns({ outputs: ['a'], inputs: { y: value(1) } })
      @node()
      t(x: number) {
        return table({ x: [x] });
      }
    }
    expect((thrownBy(() => build(Unknown)) as Error).message).toContain('@parameterizeExtractColumns on Unknown.t binds `y`, which is not a parameter');
  });

  it('rejects an output named like a table node, and a second expander', () => {
    class Clash {
      @parameterizeExtractColumns({ outputs: ['t__1'] }, { outputs: ['b'] })
      @node()
      t() {
        return table({ v: [1] });
      }
    }
    expect((thrownBy(() => build(Clash)) as Error).message).toContain('output `t__1` has the name of a node the method itself makes');
    class Two {
      @extractColumns('c')
      @parameterizeExtractColumns({ outputs: ['b'] })
      @node()
      t() {
        return table({ v: [1] });
      }
    }
    expect((thrownBy(() => build(Two)) as Error).message).toContain('Two.t has @extractColumns and @parameterizeExtractColumns');
  });
});
