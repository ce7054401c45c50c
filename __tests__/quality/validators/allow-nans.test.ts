import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import * as aq from 'arquero';
import { AllowNaNsValidator } from '../../../lib/quality/validators/allow-nans.js';

const check = (value: unknown) => new AllowNaNsValidator('warn').validate(value) as { passed: boolean; message: string; diagnostics: Record<string, unknown> };

describe('allow_nans_validator', () => {
  it('is named as in Hamilton', () => {
    expect(new AllowNaNsValidator('fail').name).toBe('allow_nans_validator');
  });

  it('fails a Float64Array holding NaN and says where', () => {
    const data = new Float64Array([1, 2, 3, 4, 5, NaN, 7, 8, NaN]);
    const r = check(data);
    expect(r.passed).toBe(false);
    expect(r.message).toBe('2 of 9 values are NaN, null or undefined (first at index 5: NaN).');
    expect(r.diagnostics).toMatchObject({ rows: 9, failures: 2, nans: 2, missing: 0, firstFailures: [{ index: 5, value: 'NaN' }, { index: 8, value: 'NaN' }] });
    expect(r.diagnostics['fractionNaNs']).toBeCloseTo(2 / 9);
  });

  it('passes float arrays without NaN, Infinity included', () => {
    expect(check(new Float64Array([1, Infinity, -Infinity, 1e308])).passed).toBe(true);
    expect(check(new Float32Array([1, 2])).passed).toBe(true);
    expect(check(new Float32Array([1, NaN])).passed).toBe(false);
  });

  it('passes integer and bigint typed arrays, which cannot hold NaN', () => {
    for (const data of [new Int8Array(3), new Uint16Array(3), new Int32Array(3), new Uint8ClampedArray(3), new BigInt64Array(3), new BigUint64Array(3)]) {
      expect(check(data).passed).toBe(true);
    }
  });

  it('counts null, undefined and Invalid Dates as pandas isna does, apart from NaN', () => {
    const r = check([1, null, NaN, undefined, new Date(NaN), 'NaN', new Date(0)]);
    expect(r.passed).toBe(false);
    expect(r.diagnostics).toMatchObject({ rows: 7, failures: 4, nans: 2, missing: 2 });
    expect((r.diagnostics['firstFailures'] as { index: number }[]).map((s) => s.index)).toEqual([1, 2, 3, 4]);
  });

  it('does not take the string "NaN" for NaN', () => {
    expect(check(['NaN', 'nan']).passed).toBe(true);
  });

  it('checks a scalar', () => {
    expect(check(5).passed).toBe(true);
    expect(check('x').passed).toBe(true);
    expect(check(NaN).passed).toBe(false);
    expect(check(null).passed).toBe(false);
    expect(check(NaN).message).toBe('The value is NaN; NaN, null and undefined are not allowed.');
  });

  it('passes an empty column with rows 0', () => {
    expect(check(new Float64Array(0))).toMatchObject({ passed: true, diagnostics: { rows: 0, failures: 0 } });
  });

  it('fails a table and tells to check a column instead', () => {
    const r = check(aq.table({ x: [NaN] }));
    expect(r.passed).toBe(false);
    expect(r.message).toContain('columns: { x: { allowNaNs: false } }');
  });

  it('counts as many NaNs as a naive filter, at the same places', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.double(), fc.constant(NaN)), { maxLength: 40 }), (xs) => {
        const expected = xs.map((x, i) => (Number.isNaN(x) ? i : -1)).filter((i) => i >= 0);
        for (const data of [xs, Float64Array.from(xs)]) {
          const r = check(data);
          expect(r.diagnostics['failures']).toBe(expected.length);
          if (expected.length) expect((r.diagnostics['firstFailures'] as { index: number }[]).map((s) => s.index)).toEqual(expected.slice(0, 5));
        }
      }),
    );
  });
});
