import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import * as aq from 'arquero';
import { RangeValidator } from '../../../lib/quality/validators/range.js';

type NumberArray = new (values: readonly number[]) => ArrayLike<number>;
const NUMBER_ARRAYS: readonly NumberArray[] = [Float32Array, Float64Array, Int8Array, Uint8Array, Uint8ClampedArray, Int16Array, Uint16Array, Int32Array, Uint32Array];

const range = (lo: number, hi: number) => new RangeValidator([lo, hi], 'warn');
const check = (lo: number, hi: number, value: unknown) => range(lo, hi).validate(value) as { passed: boolean; message: string; diagnostics: Record<string, unknown> };
/** What a naive filter finds: indices of values that are not numbers within [lo, hi]. */
const naiveFailures = (xs: ArrayLike<unknown>, lo: number, hi: number) =>
  Array.from(xs, (x, i) => ((typeof x === 'number' || typeof x === 'bigint') && x >= lo && x <= hi ? -1 : i)).filter((i) => i >= 0);

describe('range_validator', () => {
  it('is named as in Hamilton and keeps its importance', () => {
    const v = new RangeValidator([0, 1], 'fail');
    expect(v.name).toBe('range_validator');
    expect(v.importance).toBe('fail');
    expect(v.description).toContain('[0, 1]');
  });

  it('passes a scalar within the range, bounds included', () => {
    expect(check(-5, 5, 3).passed).toBe(true);
    expect(check(-5, 5, -5).passed).toBe(true);
    expect(check(-5, 5, 5).passed).toBe(true);
    expect(check(-5, 5, 3).message).toBe('3 is within [-5, 5].');
  });

  it('fails a scalar outside the range and says so', () => {
    const r = check(-5, 5, 7.2);
    expect(r.passed).toBe(false);
    expect(r.message).toBe('7.2 is outside [-5, 5].');
    expect(r.diagnostics).toMatchObject({ rows: 1, failures: 1, value: 7.2 });
  });

  it('counts NaN, null and undefined as outside the range', () => {
    for (const v of [NaN, null, undefined]) expect(check(-Infinity, Infinity, v).passed).toBe(false);
    expect(check(-5, 5, new Float64Array([1, NaN])).diagnostics).toMatchObject({ failures: 1, firstFailures: [{ index: 1, value: 'NaN' }] });
  });

  it('fails a non-number scalar with a message naming its kind', () => {
    const r = check(0, 10, '3');
    expect(r.passed).toBe(false);
    expect(r.message).toBe('The value is a string, not a number, so it cannot be within [0, 10].');
    expect(check(0, 10, true).message).toContain('a boolean');
    expect(check(0, 10, new Date(5)).message).toContain('a Date');
  });

  it('compares bigints with the bounds exactly, beyond 2^53', () => {
    const limit = 2 ** 53;
    expect(check(0, limit, 2n ** 53n).passed).toBe(true);
    expect(check(0, limit, 2n ** 53n + 1n).passed).toBe(false);
    const r = check(0, limit, new BigInt64Array([1n, 2n ** 53n + 1n, 2n ** 62n]));
    expect(r.diagnostics).toMatchObject({ failures: 2, firstFailures: [{ index: 1, value: '9007199254740993' }, { index: 2, value: '4611686018427387904' }] });
    expect(r.message).toBe('2 of 3 values are outside [0, 9007199254740992] (first at index 1: 9007199254740993n).');
    expect(check(0, 10, new BigUint64Array([0n, 10n])).passed).toBe(true);
  });

  it.each(NUMBER_ARRAYS.map((C) => [C.name, C] as const))('checks every element of a %s', (_name, C) => {
    expect(check(0, 10, new C([0, 5, 10])).passed).toBe(true);
    const r = check(0, 10, new C([0, 5, 11, 12]));
    expect(r.passed).toBe(false);
    expect(r.diagnostics).toMatchObject({ rows: 4, failures: 2, firstFailures: [{ index: 2, value: 11 }, { index: 3, value: 12 }] });
  });

  it('reports failures in the unrolled part and in the tail of a Float64Array', () => {
    const data = new Float64Array(11).fill(1);
    data[1] = 9;
    data[6] = -9;
    data[10] = NaN;
    const r = check(0, 2, data);
    expect(r.diagnostics).toMatchObject({ failures: 3, firstFailures: [{ index: 1 }, { index: 6 }, { index: 10 }] });
  });

  it('keeps at most five failure samples, the first ones', () => {
    const r = check(0, 1, Float64Array.from({ length: 1000 }, (_, i) => (i % 10 === 3 ? 5 : 0.5)));
    expect(r.diagnostics['failures']).toBe(100);
    expect((r.diagnostics['firstFailures'] as { index: number }[]).map((s) => s.index)).toEqual([3, 13, 23, 33, 43]);
    expect(r.message).toBe('100 of 1000 values are outside [0, 1] (first at index 3: 5).');
  });

  it('counts non-numbers in a mixed Array apart', () => {
    const r = check(0, 10, [1, 'x', null, 20, 5n, undefined, { a: 1 }]);
    expect(r.passed).toBe(false);
    expect(r.diagnostics).toMatchObject({ rows: 7, failures: 5, notNumbers: 4 });
    expect(r.message).toBe('5 of 7 values are outside [0, 10], 4 of them not numbers (first at index 1: "x").');
  });

  it('passes an empty column with rows 0', () => {
    for (const empty of [[], new Float64Array(0), new BigInt64Array(0)]) {
      const r = check(0, 1, empty);
      expect(r.passed).toBe(true);
      expect(r.diagnostics).toMatchObject({ rows: 0, failures: 0 });
    }
  });

  it('accepts huge values within an open-ended range', () => {
    expect(check(-Infinity, Infinity, [1e308, -1e308, Infinity, -Infinity]).passed).toBe(true);
    expect(check(0, 1e308, [Infinity]).passed).toBe(false);
  });

  it('fails a table and tells to check a column instead', () => {
    const r = check(0, 1, aq.table({ height: [0.5], weight: [2] }));
    expect(r.passed).toBe(false);
    expect(r.message).toContain('columns: { height: { range: [0, 1] } }');
    expect(r.message).toContain('height, weight');
  });

  it('fails instead of throwing when an element cannot be read', () => {
    const data = [1, 2, 3];
    Object.defineProperty(data, 1, { get() { throw new Error('boom'); } });
    const r = check(0, 5, data);
    expect(r.passed).toBe(false);
    expect(r.message).toContain('Error: boom');
  });

  it('describes an unprintable element without throwing', () => {
    const evil = { toString() { throw new Error('no'); }, get toJSON() { throw new Error('no'); } };
    const r = check(0, 5, [evil]);
    expect(r.passed).toBe(false);
    expect(r.message).toContain('first at index 0');
    expect(() => JSON.stringify(r.diagnostics)).not.toThrow();
  });

  it('gives diagnostics that survive JSON (NaN, Infinity and bigints as strings)', () => {
    const r = check(0, 1, [NaN, Infinity, 10n, new Date(0)]);
    expect(JSON.parse(JSON.stringify(r.diagnostics))).toEqual(r.diagnostics);
    expect(r.diagnostics['firstFailures']).toEqual([
      { index: 0, value: 'NaN' },
      { index: 1, value: 'Infinity' },
      { index: 2, value: '10' },
      { index: 3, value: '1970-01-01T00:00:00.000Z' },
    ]);
  });

  it('agrees with a naive filter on random Float64Arrays and Arrays', () => {
    const value = fc.oneof(fc.double(), fc.constant(NaN), fc.constantFrom(Infinity, -Infinity, 0, -0));
    fc.assert(
      fc.property(fc.array(value, { maxLength: 40 }), fc.double({ noNaN: true }), fc.double({ noNaN: true }), (xs, a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        const expected = naiveFailures(xs, lo, hi);
        for (const data of [xs, Float64Array.from(xs)]) {
          const r = check(lo, hi, data);
          expect(r.passed).toBe(expected.length === 0);
          expect(r.diagnostics['failures']).toBe(expected.length);
          if (expected.length) expect((r.diagnostics['firstFailures'] as { index: number }[]).map((s) => s.index)).toEqual(expected.slice(0, 5));
        }
      }),
    );
  });
});
