import { describe, expect, it } from '@jest/globals';
import * as aq from 'arquero';
import { MaxFractionNaNsValidator } from '../../../lib/quality/validators/max-fraction-nans.js';

const check = (max: number, value: unknown) =>
  new MaxFractionNaNsValidator(max, 'warn').validate(value) as { passed: boolean; message: string; diagnostics: Record<string, unknown> };

describe('max_fraction_nans_validator', () => {
  it('is named as in Hamilton', () => {
    expect(new MaxFractionNaNsValidator(0.1, 'warn').name).toBe('max_fraction_nans_validator');
  });

  it('passes a fraction equal to the limit', () => {
    const r = check(0.25, new Float64Array([1, NaN, 3, 4]));
    expect(r.passed).toBe(true);
    expect(r.message).toBe('1 of 4 values is NaN, null or undefined (25.00%); within the limit of 25.00%.');
  });

  it('fails a fraction above the limit and gives the fraction', () => {
    const r = check(0.2, [1, NaN, null, 4]);
    expect(r.passed).toBe(false);
    expect(r.message).toBe('2 of 4 values are NaN, null or undefined (50.00%); above the limit of 20.00%.');
    expect(r.diagnostics).toMatchObject({ rows: 4, nans: 1, missing: 1, fractionNaNs: 0.5, maxFractionNaNs: 0.2, firstFailures: [{ index: 1 }, { index: 2 }] });
  });

  it('gives an empty column fraction 0, as Hamilton does', () => {
    const r = check(0, []);
    expect(r.passed).toBe(true);
    expect(r.diagnostics).toMatchObject({ rows: 0, fractionNaNs: 0 });
  });

  it('reads a scalar as a column of one', () => {
    expect(check(0.5, NaN).passed).toBe(false);
    expect(check(1, NaN).passed).toBe(true);
    expect(check(0, 3).passed).toBe(true);
  });

  it('finds no NaN in integer and bigint typed arrays', () => {
    expect(check(0, new Int16Array([1, 2])).passed).toBe(true);
    expect(check(0, new BigUint64Array([1n])).passed).toBe(true);
  });

  it('fails a table and tells to check a column instead', () => {
    expect(check(0.1, aq.table({ x: [1] })).message).toContain('columns: { x: { maxFractionNaNs: 0.1 } }');
  });
});
