// The hello-world sample's feature classes, checked against plain loops over the same CSV.
import { describe, expect, it } from '@jest/globals';
import { Builder } from '../../lib/index.js';
import { DataLoaders } from '../../samples/hello_world/data_loaders.js';
import { Marketing } from '../../samples/hello_world/my_functions.js';

describe('samples/hello_world', () => {
  const dr = new Builder().withModules(DataLoaders, Marketing).build();

  it('needs no inputs: the data is embedded', () => {
    expect(() => dr.validateExecution(dr.listAvailableVariables().map((n) => n.name))).not.toThrow();
    expect(dr.listAvailableVariables().filter((n) => n.isExternalInput)).toEqual([]);
  });

  it('computes every feature from spend and signups', async () => {
    const out = await dr.execute(['spend', 'signups', 'avgThreeWeekSpend', 'spendPerSignup', 'spendShift3WeeksPerSignup', 'spendZeroMeanUnitVariance']);
    const spend = Array.from(out.spend as Float64Array);
    const signups = Array.from(out.signups as Float64Array);
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
});
