// The hello-world sample's feature classes, checked against plain loops over the same CSV; its loader and saver.
import { afterAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fromCSV } from 'arquero';
import { Builder, loadData, to } from '../../lib/index.js';
import { DataLoaders } from '../../samples/hello_world/data_loaders.js';
import { Marketing } from '../../samples/hello_world/my_functions.js';
import { silent } from '../support.js';

const csv = fromCSV(readFileSync(new URL('../../samples/hello_world/marketing.csv', import.meta.url), 'utf8'));
const out = mkdtempSync(join(tmpdir(), 'hamilton-hello-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('samples/hello_world', () => {
  const dr = new Builder().withModules(DataLoaders, Marketing).withLogger(silent).build();

  it('needs no inputs but the path its saver writes to: the data is read by a loader from marketing.csv', () => {
    const features = dr.listAvailableVariables().filter((n) => !n.isExternalInput && !n.name.startsWith('save.')).map((n) => n.name);
    expect(() => dr.validateExecution(features)).not.toThrow();
    expect(dr.listAvailableVariables().filter((n) => n.isExternalInput).map((n) => n.name)).toEqual(['kpiPath']);
    expect(dr.graph.node('marketingData.load_data.raw')!.spec!.role).toBe('loader');
    expect(dr.whatIsUpstreamOf('save.spendPerSignup').map((n) => n.name).sort()).toEqual(
      ['kpiPath', 'marketingData', 'marketingData.load_data.raw', 'save.spendPerSignup', 'signups', 'spend', 'spendPerSignup'],
    );
  });

  it('computes every feature from spend and signups', async () => {
    const out = await dr.execute(['spend', 'signups', 'avgThreeWeekSpend', 'spendPerSignup', 'spendShift3WeeksPerSignup', 'spendZeroMeanUnitVariance']);
    const spend = Array.from(out.spend as Float64Array);
    const signups = Array.from(out.signups as Float64Array);
    expect(spend).toEqual(Array.from(csv.array('spend') as ArrayLike<number>));
    expect(signups).toEqual(Array.from(csv.array('signups') as ArrayLike<number>));
    expect(spend).toHaveLength(10);
    const avg = Array.from(out.avgThreeWeekSpend as Float64Array);
    expect(avg.slice(0, 2).every(Number.isNaN)).toBe(true);
    expect(avg[2]).toBeCloseTo((spend[0]! + spend[1]! + spend[2]!) / 3);
    expect(Array.from(out.spendPerSignup as Float64Array)).toEqual(spend.map((s, i) => s / signups[i]!));
    expect((out.spendShift3WeeksPerSignup as Float64Array)[3]).toBeCloseTo(spend[0]! / signups[3]!);
    const z = Array.from(out.spendZeroMeanUnitVariance as Float64Array);
    const mean = z.reduce((a, b) => a + b, 0) / z.length;
    const variance = z.reduce((a, b) => a + (b - mean) ** 2, 0) / (z.length - 1);
    expect(mean).toBeCloseTo(0);
    expect(variance).toBeCloseTo(1);
  });

  it('writes its features through savers as run.ts does, and they read back as computed', async () => {
    const features = ['spend', 'signups', 'spendPerSignup'];
    const [saved, vars] = await dr.materialize(
      to.parquet({ id: 'featuresParquet', dependencies: features, path: join(out, 'features.parquet') }),
      { additionalVars: ['save.spendPerSignup', ...features], inputs: { kpiPath: join(out, 'kpi.csv') } },
    );
    const back = await loadData(saved.featuresParquet.path);
    expect(back.columnNames()).toEqual(features);
    for (const f of features) expect(Array.from(back.array(f) as ArrayLike<number>)).toEqual(Array.from(vars[f] as Float64Array));
    expect(vars['save.spendPerSignup']).toMatchObject({ path: join(out, 'kpi.csv'), format: 'csv', rows: 10 });
    expect(readFileSync(join(out, 'kpi.csv'), 'utf8').split('\n')[0]).toBe('spendPerSignup');
  });
});
