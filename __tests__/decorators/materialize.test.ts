// driver.materialize with to(...) savers and from(...) loaders: nodes added for one run, writes put in place only when it all succeeded.
import { afterAll, describe, expect, it } from '@jest/globals';
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { setTimeout as delay } from 'node:timers/promises';
import * as aq from 'arquero';
import type { ColumnTable } from 'arquero';
import { expectTypeOf } from 'expect-type';
import {
  Builder,
  DataSaveError,
  DuplicateNodeError,
  FormatError,
  InvalidInputsError,
  NodeExecutionError,
  TableResult,
  UnknownNodeError,
  configuration,
  from,
  loadData,
  node,
  registerFormat,
  source,
  to,
  unregisterFormat,
  type BeforeNodeExecuteEvent,
  type ResultBuilder,
  type SaveResult,
} from '../../lib/index.js';
import { filesIn, scratch } from '../io/support.js';
import { caught, silent, thrownBy } from '../support.js';

const { dir, file, write } = scratch('materialize');
const text = (path: string) => readFileSync(path, 'utf8');
const tempFiles = () => filesIn(dir).filter((f) => f.endsWith('.tmp'));

const calls: string[] = [];

class Marketing {
  @node()
  marketingData(): ColumnTable {
    calls.push('marketingData');
    return aq.table({ week: [1, 2, 3], spend: [10, 20, 40], signups: [1, 4, 8] });
  }

  @node()
  spend(marketingData: ColumnTable): Float64Array {
    return Float64Array.from(marketingData.array('spend') as ArrayLike<number>);
  }

  @node()
  signups(marketingData: ColumnTable): Float64Array {
    return Float64Array.from(marketingData.array('signups') as ArrayLike<number>);
  }

  @node()
  spendPerSignup(spend: Float64Array, signups: Float64Array): Float64Array {
    return spend.map((s, i) => s / signups[i]!);
  }

  @node()
  spendMean(spend: Float64Array): number {
    return spend.reduce((a, b) => a + b, 0) / spend.length;
  }
}

const driver = () => new Builder().withModules(Marketing).withLogger(silent).build();

describe('driver.materialize', () => {
  it('saves one node through to.csv and returns [metadata by id, additional vars]', async () => {
    const path = file('spend.csv');
    const [metadata, vars] = await driver().materialize(to.csv({ id: 'spendCsv', dependencies: ['spendPerSignup'], path }), { additionalVars: ['spendMean'] });
    expect(text(path)).toBe('spendPerSignup\n10\n5\n5\n');
    expect(metadata).toEqual({
      spendCsv: { path, format: 'csv', rows: 3, bytes: statSync(path).size, hash: createHash('sha256').update(readFileSync(path)).digest('hex') },
    });
    expect(vars).toEqual({ spendMean: 70 / 3 });
  });

  it('joins several dependencies into one table (node `<id>_build_result`), in the order given', async () => {
    const path = file('features.parquet');
    const [metadata] = await driver().materialize(to.parquet({ id: 'features', dependencies: ['signups', 'spend', 'spendMean'], path }));
    expect(metadata.features).toMatchObject({ format: 'parquet', rows: 3 });
    const saved = await loadData(path);
    expect(saved.columnNames()).toEqual(['signups', 'spend', 'spendMean']);
    expect(saved.array('spendMean')).toEqual([70 / 3, 70 / 3, 70 / 3]);
  });

  it('combine chooses the result builder that joins them', async () => {
    const rowsOf: ResultBuilder<Record<string, unknown>[]> = {
      build: (outputs, names) => [{ names: names.join('+'), first: (outputs[names[0]!] as Float64Array)[0] }],
    };
    const path = file('combined.json');
    await driver().materialize(to.json({ id: 'summary', dependencies: ['spend', 'signups'], path, combine: rowsOf }));
    expect((await loadData(path)).objects()).toEqual([{ names: 'spend+signups', first: 10 }]);
    await driver().materialize(to.json({ id: 'one', dependencies: ['spend'], path, combine: new TableResult() }));
    expect((await loadData(path)).columnNames()).toEqual(['spend']);
  });

  it('takes paths and options from inputs, config (a node or configuration()) and literals', async () => {
    const dr = new Builder().withModules(Marketing).withConfig({ outFolder: dir, jsonPath: file('config.jsonl') }).withLogger(silent).build();
    const [metadata] = await dr.materialize(
      to('csv', { id: 'fromInput', dependencies: ['spend'], path: source('outPath'), delimiter: source('sep') }),
      to.jsonl({ id: 'fromConfig', dependencies: ['spend'], path: source('jsonPath') }),
      to.csv({ id: 'fromConfiguration', dependencies: ['spend'], path: configuration('jsonPath') }),
      { inputs: { outPath: file('input.csv'), sep: ';' } },
    );
    expect(Object.keys(metadata)).toEqual(['fromInput', 'fromConfig', 'fromConfiguration']);
    expect(text(file('input.csv'))).toBe('spend\n10\n20\n40\n');
    expect(metadata.fromConfig.path).toBe(file('config.jsonl'));
    expect(metadata.fromConfiguration.format).toBe('csv');
  });

  it('types the metadata by saver id', async () => {
    const [metadata, vars] = await driver().materialize(to.csv({ id: 'typed', dependencies: ['spend'], path: file('typed.csv') }), { additionalVars: ['spend'] });
    expectTypeOf(metadata.typed).toEqualTypeOf<SaveResult>();
    expectTypeOf(vars).toEqualTypeOf<Record<string, unknown>>();
    expect(metadata.typed.rows).toBe(3);
  });

  it('computes additional vars alone, and passes overrides on', async () => {
    const [metadata, vars] = await driver().materialize({ additionalVars: ['spendMean'], overrides: { spend: Float64Array.from([1, 3]) } });
    expect(metadata).toEqual({});
    expect(vars).toEqual({ spendMean: 2 });
  });

  it('from.csv replaces a node for the run: what only that node needed does not run', async () => {
    const input = write('other-weeks.csv', 'week,spend,signups\n9,90,3\n');
    calls.length = 0;
    const path = file('replaced.csv');
    const [, vars] = await driver().materialize(from.csv({ target: 'marketingData', path: input }), to.csv({ id: 'perSignup', dependencies: ['spendPerSignup'], path }), {
      additionalVars: ['spend'],
    });
    expect(calls).toEqual([]);
    expect(text(path)).toBe('spendPerSignup\n30\n');
    expect(Array.from(vars.spend as Float64Array)).toEqual([90]);
  });

  it('from(...) can fill an input, from a path input', async () => {
    class NeedsRaw {
      @node()
      rows(raw: ColumnTable): number {
        return raw.numRows();
      }
    }
    const input = write('raw.json', '[{"a":1},{"a":2}]');
    const dr = new Builder().withModules(NeedsRaw).withLogger(silent).build();
    const [, vars] = await dr.materialize(from('json', { target: 'raw', path: source('rawPath') }), { inputs: { rawPath: input }, additionalVars: ['rows'] });
    expect(vars).toEqual({ rows: 2 });
  });

  it('adds its nodes for that run only: the driver, its DAG and queries stay as they were', async () => {
    const dr = driver();
    const before = dr.toDot();
    await dr.materialize(to.csv({ id: 'once', dependencies: ['spend', 'signups'], path: file('once.csv') }));
    expect(dr.graph.node('once')).toBeUndefined();
    expect(dr.graph.node('once_build_result')).toBeUndefined();
    expect(dr.toDot()).toBe(before);
  });

  it('runs hooks on its nodes as on any other', async () => {
    const names: string[] = [];
    const dr = new Builder()
      .withModules(Marketing)
      .withAdapters({ beforeNodeExecute: (e: BeforeNodeExecuteEvent) => void names.push(e.name) })
      .withLogger(silent)
      .build();
    await dr.materialize(to.csv({ id: 'hooked', dependencies: ['spend', 'signups'], path: file('hooked.csv') }));
    expect(names.slice(-2)).toEqual(['hooked_build_result', 'hooked']);
  });

  it('shows its nodes in the DAG of withNodes, the seam it builds on', () => {
    const dr = driver();
    const plan = to.csv({ id: 'drawn', dependencies: ['spend', 'signups'], path: 'x.csv' }).prepare(dr.graph, { ref: () => 'r' });
    const dot = dr.withNodes(plan.nodes.map((n) => ({ ...n, code: { kind: 'op' as const, op: 'io.combine', args: { names: [] } } }))).toDot();
    expect(dot).toMatch(/"drawn" \[label=<drawn<BR\/><I>save csv<\/I>>, shape=folder/);
    expect(dot).toContain('"drawn_build_result" -> "drawn"');
  });
});

describe('driver.materialize: nothing lost on failure', () => {
  afterAll(() => {
    unregisterFormat('slow');
  });

  class Failing {
    @node()
    good(): ColumnTable {
      return aq.table({ a: [1, 2] });
    }

    @node()
    async late(): Promise<ColumnTable> {
      await delay(30);
      throw new Error('the warehouse is down');
    }

    @node()
    notATable(): number {
      return 7;
    }
  }
  const failing = () => new Builder().withModules(Failing).withLogger(silent).build();

  it('a node that fails after another saver wrote: every earlier file stays as it was, no temporary file is left', async () => {
    const a = write('a.csv', 'earlier a\n');
    const b = write('b.csv', 'earlier b\n');
    const e = await caught(() => failing().materialize(to.csv({ id: 'saveGood', dependencies: ['good'], path: a }), to.csv({ id: 'saveLate', dependencies: ['late'], path: b })));
    expect(e).toBeInstanceOf(NodeExecutionError);
    expect((e as NodeExecutionError).node).toBe('late');
    expect(text(a)).toBe('earlier a\n');
    expect(text(b)).toBe('earlier b\n');
    expect(tempFiles()).toEqual([]);
  });

  it('a saver that fails (its value is no table): the other savers commit nothing either', async () => {
    const a = write('a2.csv', 'earlier a\n');
    const n = write('n.csv', 'earlier n\n');
    const e = await caught(() => failing().materialize(to.csv({ id: 'saveGood', dependencies: ['good'], path: a }), to.csv({ id: 'saveNumber', dependencies: ['notATable'], path: n })));
    expect(e).toBeInstanceOf(DataSaveError);
    expect(e).toMatchObject({ node: 'saveNumber', path: n });
    expect((e as Error).message).toContain('Cannot save node `notATable` with saver `saveNumber` to');
    expect([text(a), text(n)]).toEqual(['earlier a\n', 'earlier n\n']);
    expect(tempFiles()).toEqual([]);
  });

  it('a save still being written when the run fails stops, and materialize rejects once no temporary file is left', async () => {
    let chunks = 0;
    registerFormat('slow', {
      extensions: ['slow'],
      load: () => aq.table({}),
      async *save() {
        for (let k = 0; k < 1000; k++) {
          chunks++;
          yield `chunk ${k}\n`;
          await delay(5);
        }
      },
    });
    const slow = write('s.slow', 'earlier\n');
    const e = await caught(() => failing().materialize(to('slow', { id: 'saveSlow', dependencies: ['good'], path: slow }), to.csv({ id: 'saveLate', dependencies: ['late'], path: file('late.csv') })));
    expect(e).toBeInstanceOf(NodeExecutionError);
    expect(tempFiles()).toEqual([]);
    expect(text(slow)).toBe('earlier\n');
    expect(chunks).toBeLessThan(1000);
  });

  it('when every node succeeds, every file is replaced', async () => {
    const a = write('a3.csv', 'earlier\n');
    const b = write('b3.json', '[]');
    await failing().materialize(to.csv({ id: 'one', dependencies: ['good'], path: a }), to.json({ id: 'two', dependencies: ['good'], path: b }));
    expect(text(a)).toBe('a\n1\n2\n');
    expect((await loadData(b)).numRows()).toBe(2);
  });
});

describe('driver.materialize misuse', () => {
  const dr = driver();

  it.each([
    ['nothing to compute', () => dr.materialize(), InvalidInputsError, 'nothing to compute'],
    ['an argument that is not a materializer', () => dr.materialize('spend' as never), InvalidInputsError, 'argument 0 is'],
    ['additionalVars that are not names', () => dr.materialize({ additionalVars: 'spend' as never }), InvalidInputsError, 'additionalVars must be a list'],
    ['an id used twice', () => dr.materialize(to.csv({ id: 'x', dependencies: ['spend'], path: 'x.csv' }), to.json({ id: 'x', dependencies: ['spend'], path: 'x.json' })), InvalidInputsError, 'two materializers use the id `x`'],
    ['an id that is a node', () => dr.materialize(to.csv({ id: 'spend', dependencies: ['spend'], path: 'x.csv' })), DuplicateNodeError, 'saver id `spend` is already a node of the graph (Marketing.spend)'],
    ['an unknown dependency', () => dr.materialize(to.csv({ id: 'x', dependencies: ['spnd'], path: 'x.csv' })), UnknownNodeError, 'did you mean `spend`'],
    ['an unknown target', () => dr.materialize(from.csv({ target: 'marketingDta', path: 'x.csv' }), { additionalVars: ['spend'] }), UnknownNodeError, 'did you mean `marketingData`'],
    ['an unknown additional var', () => dr.materialize({ additionalVars: ['spendMaen'] }), UnknownNodeError, 'did you mean `spendMean`'],
  ])('%s is an error before anything runs', async (_what, call, kind, message) => {
    calls.length = 0;
    const e = await caught(call);
    expect(e).toBeInstanceOf(kind);
    expect((e as Error).message).toContain(message);
    expect(calls).toEqual([]);
  });

  it('a config key cannot be loaded', async () => {
    const configured = new Builder().withModules(Marketing).withConfig({ region: 'us' }).withLogger(silent).build();
    const e = await caught(() => configured.materialize(from.csv({ target: 'region', path: 'r.csv' }), { additionalVars: ['spend'] }));
    expect(e).toBeInstanceOf(InvalidInputsError);
    expect((e as Error).message).toContain('targets `region`, which is a config key');
  });

  it.each([
    ['no id', () => to.csv({ dependencies: ['spend'], path: 'x.csv' } as never), InvalidInputsError, 'id must be a non-empty node name'],
    ['no dependencies', () => to.csv({ id: 'x', dependencies: [], path: 'x.csv' }), InvalidInputsError, 'dependencies must be a non-empty list'],
    ['a combine that is no result builder', () => to.csv({ id: 'x', dependencies: ['a', 'b'], path: 'x.csv', combine: {} as never }), InvalidInputsError, 'combine must be a result builder'],
    ['no path', () => to.csv({ id: 'x', dependencies: ['spend'] } as never), InvalidInputsError, 'the options lack `path`'],
    ['an unknown format', () => to('xlsx', { id: 'x', dependencies: ['spend'], path: 'x.xlsx' }), FormatError, 'Unknown data format `xlsx`'],
    ['a from without target', () => from.csv({ path: 'x.csv' } as never), InvalidInputsError, 'target must be the name'],
  ])('to/from with %s is an error when it is made', (_what, make, kind, message) => {
    const e = thrownBy(make);
    expect(e).toBeInstanceOf(kind);
    expect((e as Error).message).toContain(message);
  });
});
