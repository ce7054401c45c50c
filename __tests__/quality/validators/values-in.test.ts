import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import * as aq from 'arquero';
import { ValuesInValidator } from '../../../lib/quality/validators/values-in.js';

const check = (values: readonly unknown[], value: unknown) =>
  new ValuesInValidator(values, 'warn').validate(value) as { passed: boolean; message: string; diagnostics: Record<string, unknown> };

describe('values_in_validator', () => {
  it('is named as in Hamilton', () => {
    expect(new ValuesInValidator([1], 'warn').name).toBe('values_in_validator');
  });

  it('passes a column whose values are all allowed', () => {
    const r = check(['a', 'b'], ['a', 'b', 'a']);
    expect(r.passed).toBe(true);
    expect(r.message).toBe('All 3 values are in {"a", "b"}.');
  });

  it('fails a column with other values and names the first', () => {
    const r = check(['a', 'b'], ['a', 'c', 'b', 'd', 'c']);
    expect(r.passed).toBe(false);
    expect(r.message).toBe('3 of 5 values are not in {"a", "b"} (first at index 1: "c").');
    expect(r.diagnostics).toMatchObject({ rows: 5, failures: 3, firstFailures: [{ index: 1, value: 'c' }, { index: 3, value: 'd' }, { index: 4, value: 'c' }] });
  });

  it('counts the wrong values, most frequent first, as Hamilton does', () => {
    const r = check([0], [1, 2, 2, 3, 2, 1]);
    expect(r.diagnostics['distinctFailures']).toEqual([
      { value: 2, count: 3 },
      { value: 1, count: 2 },
      { value: 3, count: 1 },
    ]);
  });

  it('ignores NaN, null and undefined in a column, as Hamilton ignores NA', () => {
    const r = check(['a'], ['a', null, undefined, NaN, new Date(NaN)]);
    expect(r.passed).toBe(true);
    expect(r.diagnostics).toMatchObject({ rows: 5, failures: 0, ignored: 4 });
    expect(r.message).toBe('The only other value is in {"a"} (4 NaN, null or undefined ignored).');
  });

  it('compares with SameValueZero: 1, 1n and "1" differ, 0 and -0 do not', () => {
    expect(check([1], 1).passed).toBe(true);
    expect(check([1], 1n).passed).toBe(false);
    expect(check([1], '1').passed).toBe(false);
    expect(check([0], -0).passed).toBe(true);
  });

  it('checks typed arrays, ignoring NaN', () => {
    expect(check([1, 2, 3], new Int32Array([1, 2, 3, 3])).passed).toBe(true);
    expect(check([1, 2], new Uint8Array([1, 9])).diagnostics).toMatchObject({ failures: 1, firstFailures: [{ index: 1, value: 9 }] });
    expect(check([0.5], new Float64Array([0.5, NaN]))).toMatchObject({ passed: true, diagnostics: { ignored: 1 } });
    expect(check([1n, 2n], new BigInt64Array([1n, 2n])).passed).toBe(true);
    expect(check([1, 2], new BigInt64Array([1n])).passed).toBe(false);
  });

  it('checks a scalar, which must itself be allowed', () => {
    expect(check(['x', 'y'], 'x').passed).toBe(true);
    const r = check(['x', 'y'], 'z');
    expect(r.passed).toBe(false);
    expect(r.message).toBe('"z" is not one of {"x", "y"}.');
    expect(check(['x'], null).passed).toBe(false);
  });

  it('lists a long set of allowed values shortly', () => {
    const values = Array.from({ length: 30 }, (_, i) => i);
    const r = check(values, 99);
    expect(r.message).toContain('… (30 in all)');
    expect((r.diagnostics['valuesIn'] as unknown[]).length).toBe(20);
  });

  it('passes an empty column with rows 0', () => {
    expect(check([1], [])).toMatchObject({ passed: true, diagnostics: { rows: 0, failures: 0 } });
  });

  it('fails a table and tells to check a column instead', () => {
    expect(check([1], aq.table({ kind: ['a'] })).message).toContain('columns: { kind: { valuesIn: [...] } }');
  });

  it('agrees with a naive filter on random columns', () => {
    const element = fc.oneof(fc.integer({ min: 0, max: 6 }), fc.constantFrom(null, undefined, NaN, 'a', 'b'));
    fc.assert(
      fc.property(fc.array(element, { maxLength: 30 }), fc.array(fc.oneof(fc.integer({ min: 0, max: 6 }), fc.constant('a')), { minLength: 1 }), (xs, allowed) => {
        const set = new Set<unknown>(allowed);
        const expected = xs.filter((x) => !set.has(x) && x !== null && x !== undefined && !Number.isNaN(x)).length;
        expect(check(allowed, xs).diagnostics['failures']).toBe(expected);
      }),
    );
  });
});
