// The README's "Function modifiers" examples for @extractColumns, @extractFields, @unpackFields, @parameterizeExtractColumns and @withColumns, run as written.
import { describe, expect, it } from '@jest/globals';
import * as aq from 'arquero';
import type { ColumnTable } from 'arquero';
import {
  Builder,
  extractColumns,
  extractFields,
  node,
  parameterizeExtractColumns,
  tagOutputs,
  unpackFields,
  withColumns,
} from '../../lib/index.js';
import { source, value } from '../../lib/decorators/dependencies.js';
import { silent } from '../support.js';

const build = (m: object) => new Builder().withModules(m).withLogger(silent).build();
const names = (m: object) => build(m).listAvailableVariables().map((n) => n.name).sort();

class Features {
  @extractColumns('spend', 'signups', { fillWith: 0 })
  @node()
  raw(rows: number): ColumnTable {
    return aq.table({ spend: Float64Array.from({ length: rows }, (_, i) => 10 * i) });
  }

  @node()
  spendPerSignup(spend: Float64Array, signups: number[]): Float64Array {
    return spend.map((s, i) => s / (signups[i]! || 1));
  }
}

class Stats {
  @tagOutputs({ mean: { kpi: 'true' } })
  @extractFields({ mean: 'number', label: 'string' }, { fillWith: 'none' })
  @node()
  summary(xs: Float64Array) {
    return { mean: xs.reduce((a, b) => a + b, 0) / xs.length, label: 'xs' };
  }
}

class Bounds {
  @unpackFields('low', 'high')
  @node()
  bounds(xs: Float64Array): [number, number] {
    return [Math.min(...xs), Math.max(...xs)];
  }
}

class Regions {
  @parameterizeExtractColumns(
    { outputs: ['usSpend', 'usSignups'], inputs: { raw: source('usRaw') } },
    { outputs: ['ukSpend', 'ukSignups'], inputs: { raw: source('ukRaw'), factor: value(2) } },
  )
  @node()
  cleaned(raw: ColumnTable, factor: number): ColumnTable {
    return raw.select('spend', 'signups').derive({ spend: aq.escape((d: { spend: number }) => d.spend * factor) });
  }
}

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
}

class Report {
  @withColumns(Ratios, { columnsToPass: ['spend', 'signups'], select: ['spendPerSignup', 'spendZeroMean'] })
  @node()
  report(raw: ColumnTable): ColumnTable {
    return raw;
  }
}

describe('README function modifiers', () => {
  it('extractColumns: the nodes listed, and the filled column', async () => {
    expect(names(Features)).toEqual(['raw', 'rows', 'signups', 'spend', 'spendPerSignup']);
    const out = await build(Features).execute(['signups', 'spendPerSignup'], { inputs: { rows: 3 } });
    expect(out.signups).toEqual([0, 0, 0]);
    expect(Array.from(out.spendPerSignup as Float64Array)).toEqual([0, 10, 20]);
  });

  it('extractFields: the nodes listed, and the tag on mean', async () => {
    expect(names(Stats)).toEqual(['label', 'mean', 'summary', 'xs']);
    expect(build(Stats).listAvailableVariables({ tags: { kpi: 'true' } }).map((n) => n.name)).toEqual(['mean']);
    await expect(build(Stats).execute(['mean', 'label'], { inputs: { xs: Float64Array.of(1, 3) } })).resolves.toEqual({ mean: 2, label: 'xs' });
  });

  it('unpackFields', async () => {
    await expect(build(Bounds).execute(['low', 'high'], { inputs: { xs: Float64Array.of(2, 9, 4) } })).resolves.toEqual({ low: 2, high: 9 });
  });

  it('parameterizeExtractColumns: the nodes listed, columns named in order', async () => {
    expect(names(Regions)).toEqual(['cleaned__0', 'cleaned__1', 'factor', 'ukRaw', 'ukSignups', 'ukSpend', 'usRaw', 'usSignups', 'usSpend']);
    const usRaw = aq.table({ spend: [1, 2], signups: [3, 4], region: ['a', 'b'] });
    const ukRaw = aq.table({ spend: [5], signups: [6] });
    const out = await build(Regions).execute(['usSpend', 'usSignups', 'ukSpend'], { inputs: { usRaw, ukRaw, factor: 10 } });
    expect(out).toEqual({ usSpend: [10, 20], usSignups: [3, 4], ukSpend: [10] });
  });

  it('withColumns: the nodes listed, and the columns appended', async () => {
    expect(names(Report)).toEqual(
      ['raw', 'report', 'report._append', 'report.signups', 'report.spend', 'report.spendMean', 'report.spendPerSignup', 'report.spendZeroMean'].sort(),
    );
    const raw = aq.table({ spend: Float64Array.of(10, 20, 60), signups: Int32Array.of(1, 2, 3) });
    const t = (await build(Report).execute(['report'], { inputs: { raw } })).report as ColumnTable;
    expect(t.columnNames()).toEqual(['spend', 'signups', 'spendPerSignup', 'spendZeroMean']);
  });
});
