// @saveTo: a saver node next to the method's node; requesting it writes the file and returns its metadata.
import { describe, expect, it } from '@jest/globals';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import * as aq from 'arquero';
import type { ColumnTable } from 'arquero';
import { DataSaveError, DataValidationError, DecoratorError, checkOutput, extractColumns, loadData, node, saveTo, source, tag, value } from '../../lib/index.js';
import { filesIn, scratch } from '../io/support.js';
import { caught, thrownBy } from '../support.js';
import { build, byName, deps } from './graph-helpers.js';

const { dir, file, write } = scratch('save-to');
const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

class Features {
  @saveTo.csv({ path: source('featuresPath') })
  @node({ doc: 'The features.' })
  features(spend: number[]): ColumnTable {
    return aq.table({ spend, double: spend.map((s) => s * 2) });
  }
}

describe('@saveTo', () => {
  it('adds the saver `save.<node>`: role saver, an io.save op reading the node, the method as origin, tags for tools', () => {
    const dr = build([Features]);
    const spec = dr.graph.node('save.features')!.spec!;
    expect(spec).toMatchObject({ role: 'saver', origin: 'Features.features', code: { kind: 'op', op: 'io.save' } });
    expect(structuredClone(spec)).toEqual(spec);
    expect(deps(byName(dr).get('save.features'))).toEqual(['features', 'featuresPath']);
    expect(byName(dr).get('save.features')).toMatchObject({
      tags: { 'hamilton.data_saver': 'true', 'hamilton.data_saver.sink': 'csv' },
      doc: 'Saves `features` as csv to the path in `featuresPath`.',
    });
    expect(byName(dr).get('features')).toMatchObject({ doc: 'The features.', tags: {} });
  });

  it('requesting the saver writes the file and returns { path, format, rows, bytes, hash }; requesting the node alone writes nothing', async () => {
    const dr = build([Features]);
    const path = file('features.csv');
    await dr.execute(['features'], { inputs: { spend: [1, 2], featuresPath: path } });
    expect(existsSync(path)).toBe(false);
    const out = await dr.execute(['save.features'], { inputs: { spend: [1, 2], featuresPath: path } });
    expect(readFileSync(path, 'utf8')).toBe('spend,double\n1,2\n2,4\n');
    expect(out['save.features']).toEqual({ path, format: 'csv', rows: 2, bytes: statSync(path).size, hash: sha256(path) });
  });

  it('takes the path from config, or as a literal; outputName names the saver', async () => {
    const configured = build([Features], { featuresPath: file('from-config.csv') });
    await configured.execute(['save.features'], { inputs: { spend: [3] } });
    expect(readFileSync(file('from-config.csv'), 'utf8')).toBe('spend,double\n3,6\n');

    const literal = file('literal.json');
    class Named {
      @saveTo.json({ path: literal, outputName: 'featuresJson' })
      @node()
      features(): ColumnTable {
        return aq.table({ a: [1] });
      }
    }
    const dr = build([Named]);
    expect(dr.graph.node('save.features')).toBeUndefined();
    const { featuresJson } = await dr.execute(['featuresJson']);
    expect(featuresJson).toMatchObject({ path: literal, format: 'json', rows: 1 });
    expect((await loadData(literal)).objects()).toEqual([{ a: 1 }]);
  });

  it('saves a column as a one-column table named after the node, and format options pass through', async () => {
    class Column {
      @saveTo.csv({ path: value(file('column.csv')), delimiter: ';' })
      @node()
      perSignup(): Float64Array {
        return Float64Array.from([0.5, 0.25]);
      }
    }
    await build([Column]).execute(['save.perSignup']);
    expect(readFileSync(file('column.csv'), 'utf8')).toBe('perSignup\n0.5\n0.25\n');
  });

  it('stacked @saveTo write one file each, with their own outputName; the same name twice is a DecoratorError', async () => {
    class Both {
      @saveTo.csv({ path: file('both.csv'), outputName: 'asCsv' })
      @saveTo.parquet({ path: file('both.parquet'), outputName: 'asParquet' })
      @node()
      t(): ColumnTable {
        return aq.table({ a: [1, 2, 3] });
      }
    }
    const out = await build([Both]).execute(['asCsv', 'asParquet']);
    expect([out.asCsv, out.asParquet].map((m) => (m as { format: string }).format)).toEqual(['csv', 'parquet']);
    expect((await loadData(file('both.parquet'))).numRows()).toBe(3);
    class Clash {
      @saveTo.csv({ path: 'a.csv' })
      @saveTo.parquet({ path: 'a.parquet' })
      @node()
      t(): ColumnTable {
        return aq.table({ a: [1] });
      }
    }
    expect(thrownBy(() => build([Clash]))).toMatchObject({ name: 'DecoratorError', message: expect.stringContaining('@saveTo on Clash.t: two savers are named `save.t`') });
  });

  it('saves each final node by default; target chooses; outputName with several targets is a DecoratorError', async () => {
    class Split {
      @saveTo.csv({ path: source('path'), target: 'both' })
      @extractColumns('a', 'b')
      @node()
      both(): ColumnTable {
        return aq.table({ a: [1], b: [2] });
      }
    }
    const dr = build([Split]);
    expect(deps(byName(dr).get('save.both'))).toEqual(['both', 'path']);
    await dr.execute(['save.both'], { inputs: { path: file('split.csv') } });
    expect(readFileSync(file('split.csv'), 'utf8')).toBe('a,b\n1,2\n');
    class EachColumn {
      @saveTo.csv({ path: source('path') })
      @extractColumns('a', 'b')
      @node()
      both(): ColumnTable {
        return aq.table({ a: [1], b: [2] });
      }
    }
    expect([...byName(build([EachColumn])).keys()].filter((n) => n.startsWith('save.')).sort()).toEqual(['save.a', 'save.b']);
    class OneName {
      @saveTo.csv({ path: source('path'), outputName: 'saved' })
      @extractColumns('a', 'b')
      @node()
      both(): ColumnTable {
        return aq.table({ a: [1], b: [2] });
      }
    }
    expect(thrownBy(() => build([OneName]))).toMatchObject({ name: 'DecoratorError', message: expect.stringContaining('outputName `saved` names one saver, but it saves `a`, `b`') });
  });

  it('saves the checked value after @checkOutput, written above or below; a failed check saves nothing', async () => {
    const path = file('checked.csv');
    write('checked.csv', 'earlier\n');
    class Above {
      @saveTo.csv({ path })
      @checkOutput({ range: [0, 10], importance: 'fail' })
      @node()
      spend(spend0: number[]): Float64Array {
        return Float64Array.from(spend0);
      }
    }
    class Below {
      @checkOutput({ range: [0, 10], importance: 'fail' })
      @saveTo.csv({ path })
      @node()
      spend(spend0: number[]): Float64Array {
        return Float64Array.from(spend0);
      }
    }
    for (const m of [Above, Below]) {
      const dr = build([m]);
      expect(deps(byName(dr).get('save.spend'))).toEqual(['spend']);
      expect(deps(byName(dr).get('spend'))).toEqual(['spend_raw', 'spend_range_validator']);
      const e = await caught(() => dr.execute(['save.spend'], { inputs: { spend0: [1, 99] } }));
      expect(e).toBeInstanceOf(DataValidationError);
      expect(readFileSync(path, 'utf8')).toBe('earlier\n');
    }
    await build([Above]).execute(['save.spend'], { inputs: { spend0: [1, 2] } });
    expect(readFileSync(path, 'utf8')).toBe('spend\n1\n2\n');
  });

  it('@tag tags the node, not its saver', () => {
    class Tagged {
      @saveTo.csv({ path: 'x.csv' })
      @tag({ owner: 'ds' })
      @node()
      t(): ColumnTable {
        return aq.table({ a: [1] });
      }
    }
    const nodes = byName(build([Tagged]));
    expect(nodes.get('t')!.tags).toEqual({ owner: 'ds' });
    expect(nodes.get('save.t')!.tags).not.toHaveProperty('owner');
  });

  it('shows in the DAG as a folder with a legend entry, downstream of the node', () => {
    const dr = build([Features]);
    const dot = dr.toDot();
    expect(dot).toMatch(/"save\.features" \[label=<save\.features<BR\/><I>save csv<\/I>>, shape=folder/);
    expect(dot).toContain('[label="saves data", fontsize=9, shape=folder');
    expect(dot).toContain('"features" -> "save.features"');
    expect(dr.whatIsDownstreamOf('features').map((n) => n.name)).toEqual(['features', 'save.features']);
  });
});

describe('@saveTo misuse and failures', () => {
  it.each([
    ['no path', () => saveTo.csv({} as never), 'the options lack `path`'],
    ['an outputName that is not a name', () => saveTo.csv({ path: 'a.csv', outputName: '' }), 'outputName must be a non-empty node name'],
    ['a target that is not a name', () => saveTo.csv({ path: 'a.csv', target: 3 as never }), 'target must be a node name'],
    ['fileSystem among the options', () => saveTo.csv({ path: 'a.csv', fileSystem: {} }), 'option `fileSystem` cannot be set here'],
  ])('%s is a DecoratorError when the class is defined', (_what, decorate, text) => {
    const e = thrownBy(() => {
      class Bad {
        @((decorate as () => (v: Function, c: ClassMethodDecoratorContext) => void)())
        @node()
        x() {
          return 1;
        }
      }
      return Bad;
    });
    expect(e).toBeInstanceOf(DecoratorError);
    expect((e as Error).message).toContain(text);
  });

  it('an unknown format is a DecoratorError at build', () => {
    class Unknown {
      @saveTo('xlsx', { path: 'a.xlsx' })
      @node()
      x() {
        return aq.table({ a: [1] });
      }
    }
    expect(thrownBy(() => build([Unknown]))).toMatchObject({ name: 'DecoratorError', message: expect.stringContaining('@saveTo on Unknown.x: Unknown data format `xlsx`') });
  });

  it('a value that is not a table is a DataSaveError naming the node and the saver; the earlier file stays, no temporary file is left', async () => {
    const path = write('scalar.csv', 'earlier\n');
    class Scalar {
      @saveTo.csv({ path })
      @node()
      total(): number {
        return 42;
      }
    }
    const e = await caught(() => build([Scalar]).execute(['save.total']));
    expect(e).toBeInstanceOf(DataSaveError);
    expect(e).toMatchObject({ path, format: 'csv', node: 'save.total' });
    expect((e as Error).message).toContain('Cannot save node `total` with saver `save.total` (Scalar.total) to');
    expect(readFileSync(path, 'utf8')).toBe('earlier\n');
    expect(filesIn(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('a value the format cannot write (an integer beyond 64 bits in Parquet) leaves the earlier file as it was', async () => {
    const path = write('huge.parquet', 'earlier');
    class Huge {
      @saveTo.parquet({ path })
      @node()
      ids(): ColumnTable {
        return aq.table({ id: [1n, 2n ** 70n] });
      }
    }
    const e = await caught(() => build([Huge]).execute(['save.ids']));
    expect(e).toBeInstanceOf(DataSaveError);
    expect(readFileSync(path, 'utf8')).toBe('earlier');
    expect(filesIn(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('a path that is not a string is a DataSaveError', async () => {
    const e = await caught(() => build([Features]).execute(['save.features'], { inputs: { spend: [1], featuresPath: null } }));
    expect(e).toBeInstanceOf(DataSaveError);
    expect((e as Error).message).toContain('The path for node `save.features` (Features.features) to save is null');
  });
});
