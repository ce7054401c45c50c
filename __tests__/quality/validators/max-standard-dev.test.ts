import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import * as aq from 'arquero';
import { MaxStandardDevValidator } from '../../../lib/quality/validators/max-standard-dev.js';

const check = (max: number, value: unknown) =>
  new MaxStandardDevValidator(max, 'warn').validate(value) as { passed: boolean; message: string; diagnostics: Record<string, unknown> };
const std = (value: unknown) => check(Infinity, value).diagnostics['standardDev'];

describe('max_standard_dev_validator', () => {
  it('is named as in Hamilton', () => {
    expect(new MaxStandardDevValidator(1, 'warn').name).toBe('max_standard_dev_validator');
  });

  it('uses the sample standard deviation (n - 1), as pandas Series.std', () => {
    expect(std([2, 4, 4, 4, 5, 5, 7, 9])).toBeCloseTo(2.13809, 5);
    expect(std(new Float64Array([1, 2, 3, 4]))).toBeCloseTo(Math.sqrt(5 / 3), 12);
  });

  it('passes at most the limit and fails above it', () => {
    expect(check(1, [1, 2, 3]).passed).toBe(true);
    const r = check(0.5, [1, 2, 3]);
    expect(r.passed).toBe(false);
    expect(r.message).toBe('The standard deviation, 1, exceeds 0.5 (3 values).');
  });

  it('computes it for every numeric column kind', () => {
    for (const data of [new Int8Array([1, 3]), new Uint32Array([1, 3]), new Float32Array([1, 3]), new BigUint64Array([1n, 3n]), [1n, 3]]) {
      expect(std(data)).toBeCloseTo(Math.SQRT2, 12);
    }
  });

  it('skips NaN, null and undefined, as pandas does', () => {
    const r = check(10, [1, NaN, 3, null]);
    expect(r.diagnostics).toMatchObject({ count: 2, skipped: 2 });
    expect(r.diagnostics['standardDev']).toBeCloseTo(Math.SQRT2, 12);
  });

  it('fails an empty column: it has no standard deviation', () => {
    expect(check(1, []).message).toBe('The column is empty: it has no standard deviation to check.');
    expect(check(1, new Float64Array(0)).passed).toBe(false);
  });

  it('fails with fewer than two numbers', () => {
    const r = check(1, [5, NaN]);
    expect(r.passed).toBe(false);
    expect(r.message).toBe('The standard deviation needs at least 2 numbers; the column has 1 (and 1 NaN or missing).');
  });

  it('fails a scalar, which has no standard deviation', () => {
    expect(check(1, 5)).toMatchObject({ passed: false, message: 'A single value (5) has no standard deviation: check a column of at least 2 numbers.' });
  });

  it('fails a column holding non-numbers', () => {
    const r = check(1, [1, 2, 'x']);
    expect(r.passed).toBe(false);
    expect(r.message).toContain('1 of 3 values is not a number (first at index 2: "x")');
  });

  it('stays finite for values near the largest double', () => {
    const s = std([1e308, -1e308]) as number;
    expect(Number.isFinite(s)).toBe(true);
    expect(s / 1e308).toBeCloseTo(Math.SQRT2, 10);
  });

  it('fails when a value is infinite', () => {
    const r = check(Infinity, [1, Infinity]);
    expect(r.passed).toBe(false);
    expect(r.message).toContain('include Infinity');
  });

  it('fails a table and tells to check a column instead', () => {
    expect(check(1, aq.table({ a: [1, 2] })).message).toContain('columns: { a: { maxStandardDev: 1 } }');
  });

  it('agrees with a naive two-pass computation on random columns', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 2, maxLength: 50 }), (xs) => {
        const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
        const naive = Math.sqrt(xs.reduce((a, x) => a + (x - mean) ** 2, 0) / (xs.length - 1));
        expect(Math.abs((std(xs) as number) - naive)).toBeLessThanOrEqual(1e-6 * Math.max(1, naive));
      }),
    );
  });
});
