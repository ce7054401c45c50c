import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import * as aq from 'arquero';
import { MeanInRangeValidator } from '../../../lib/quality/validators/mean-in-range.js';

const check = (lo: number, hi: number, value: unknown) =>
  new MeanInRangeValidator([lo, hi], 'warn').validate(value) as { passed: boolean; message: string; diagnostics: Record<string, unknown> };

describe('mean_in_range_validator', () => {
  it('is named as in Hamilton', () => {
    expect(new MeanInRangeValidator([0, 1], 'warn').name).toBe('mean_in_range_validator');
  });

  it('passes a mean within the range, bounds included', () => {
    const r = check(0, 2, new Float64Array([1, 2, 3]));
    expect(r.passed).toBe(true);
    expect(r.diagnostics).toMatchObject({ rows: 3, count: 3, mean: 2 });
    expect(r.message).toBe('The mean, 2, is within [0, 2] (3 values).');
  });

  it('fails a mean outside the range and gives it', () => {
    const r = check(0, 1, [1, 2]);
    expect(r.passed).toBe(false);
    expect(r.message).toBe('The mean, 1.5, is outside [0, 1] (2 values).');
  });

  it('computes the mean of every numeric column kind', () => {
    expect(check(2, 2, new Int32Array([1, 3])).diagnostics['mean']).toBe(2);
    expect(check(2, 2, new Uint8Array([1, 3])).diagnostics['mean']).toBe(2);
    expect(check(2, 2, new Float32Array([1, 3])).diagnostics['mean']).toBe(2);
    expect(check(2, 2, new BigInt64Array([1n, 3n])).diagnostics['mean']).toBe(2);
    expect(check(2, 2, [1, 3n]).passed).toBe(true);
  });

  it('skips NaN, null and undefined, as pandas mean does', () => {
    const r = check(2, 2, [1, NaN, null, 3, undefined]);
    expect(r.passed).toBe(true);
    expect(r.diagnostics).toMatchObject({ rows: 5, count: 2, skipped: 3, mean: 2 });
    expect(r.message).toBe('The mean, 2, is within [2, 2] (2 values, 3 NaN or missing skipped).');
  });

  it('fails an empty column: it has no mean', () => {
    const r = check(0, 1, new Float64Array(0));
    expect(r.passed).toBe(false);
    expect(r.message).toBe('The column is empty: it has no mean to check.');
  });

  it('fails a column of NaN only: it has no mean', () => {
    const r = check(-Infinity, Infinity, [NaN, null]);
    expect(r.passed).toBe(false);
    expect(r.message).toBe('All 2 values are NaN, null or undefined: there is no mean to check.');
  });

  it('fails a column holding non-numbers, naming the first', () => {
    const r = check(0, 10, [1, 'two', 3, true]);
    expect(r.passed).toBe(false);
    expect(r.message).toBe('2 of 4 values are not numbers (first at index 1: "two"): cannot compute the mean.');
    expect(r.diagnostics).toMatchObject({ notNumbers: 2, firstNotNumber: { index: 1, value: 'two' } });
  });

  it('does not overflow on values near the largest double', () => {
    const r = check(0, Infinity, new Float64Array([1e308, 1e308, 1e308]));
    expect(r.diagnostics['mean']).toBeCloseTo(1e308, -300);
    expect(r.passed).toBe(true);
    expect(check(-1, 1, [1.7e308, -1.7e308]).diagnostics['mean']).toBe(0);
  });

  it('fails when Infinity and -Infinity make the mean undefined', () => {
    const r = check(-Infinity, Infinity, [Infinity, -Infinity]);
    expect(r.passed).toBe(false);
    expect(r.message).toContain('both Infinity and -Infinity');
    expect(check(0, Infinity, [1, Infinity]).passed).toBe(true);
  });

  it('takes a scalar number as its own mean', () => {
    expect(check(0, 1, 0.5).passed).toBe(true);
    expect(check(0, 1, 5).passed).toBe(false);
    expect(check(0, 1, 'x').message).toBe('The value is "x", not a number: it has no mean.');
  });

  it('fails a table and tells to check a column instead', () => {
    expect(check(0, 1, aq.table({ a: [1] })).message).toContain('columns: { a: { meanInRange: [0, 1] } }');
  });

  it('agrees with a naive mean on random columns', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 50 }), (xs) => {
        const naive = xs.reduce((a, b) => a + b, 0) / xs.length;
        const mean = check(-Infinity, Infinity, Float64Array.from(xs)).diagnostics['mean'] as number;
        expect(Math.abs(mean - naive)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(naive)));
      }),
    );
  });
});
