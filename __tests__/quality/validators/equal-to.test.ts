import { describe, expect, it } from '@jest/globals';
import * as aq from 'arquero';
import { EqualToValidator } from '../../../lib/quality/validators/equal-to.js';

const check = (expected: unknown, value: unknown) =>
  new EqualToValidator(expected, 'warn').validate(value) as { passed: boolean; message: string; diagnostics: Record<string, unknown> };

describe('equal_to_validator', () => {
  it('is named equal_to_validator', () => {
    expect(new EqualToValidator(1, 'warn').name).toBe('equal_to_validator');
  });

  it('passes an equal scalar and fails another, showing both', () => {
    expect(check('ok', 'ok')).toMatchObject({ passed: true, message: 'The value equals "ok".' });
    expect(check('ok', 'ko')).toMatchObject({ passed: false, message: 'The value, "ko", does not equal "ok".' });
  });

  it('compares with SameValueZero: NaN equals NaN, -0 equals 0, types must match', () => {
    expect(check(NaN, NaN).passed).toBe(true);
    expect(check(0, -0).passed).toBe(true);
    expect(check(1, 1n).passed).toBe(false);
    expect(check(1, '1').passed).toBe(false);
    expect(check(null, undefined).passed).toBe(false);
    expect(check(null, null).passed).toBe(true);
  });

  it('compares Dates by time and other objects by identity', () => {
    expect(check(new Date(5), new Date(5)).passed).toBe(true);
    expect(check(new Date(5), new Date(6)).passed).toBe(false);
    const o = { a: 1 };
    expect(check(o, o).passed).toBe(true);
    expect(check(o, { a: 1 }).passed).toBe(false);
  });

  it('checks every element of a column against a scalar', () => {
    expect(check(0, new Int32Array(4)).passed).toBe(true);
    expect(check(2n, new BigInt64Array([2n, 2n])).passed).toBe(true);
    const r = check(1, new Float64Array([1, 1, 2, NaN]));
    expect(r.passed).toBe(false);
    expect(r.message).toBe('2 of 4 values differ from 1 (first at index 2: 2).');
    expect(r.diagnostics).toMatchObject({ rows: 4, failures: 2, firstFailures: [{ index: 2, value: 2 }, { index: 3, value: 'NaN' }] });
  });

  it('compares a column with an expected column element by element', () => {
    expect(check([1, 2, 3], new Float64Array([1, 2, 3]))).toMatchObject({ passed: true, message: 'The column equals the expected column (3 values).' });
    const r = check(new Float64Array([1, 2, 3]), [1, 5, 3]);
    expect(r.passed).toBe(false);
    expect(r.message).toBe('1 of 3 values differs from the expected column (first at index 1: 5, expected 2).');
    expect(r.diagnostics['firstFailures']).toEqual([{ index: 1, value: 5, expected: 2 }]);
  });

  it('fails a column of another length than the expected column', () => {
    expect(check([1, 2], [1, 2, 3])).toMatchObject({ passed: false, message: 'The column has 3 values; the expected column has 2.' });
  });

  it('fails a scalar when a column is expected', () => {
    expect(check([1], 1)).toMatchObject({ passed: false, message: 'The value is a number; expected a column of 1 value.' });
  });

  it('passes an empty column with rows 0', () => {
    expect(check(1, [])).toMatchObject({ passed: true, diagnostics: { rows: 0, failures: 0 } });
  });

  it('fails a table and tells to check a column instead', () => {
    expect(check(1, aq.table({ a: [1] })).message).toContain('columns: { a: { equalTo: 1 } }');
  });
});
