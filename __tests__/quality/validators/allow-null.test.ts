import { describe, expect, it } from '@jest/globals';
import * as aq from 'arquero';
import { AllowNullValidator } from '../../../lib/quality/validators/allow-null.js';

const check = (value: unknown) => new AllowNullValidator('warn').validate(value) as { passed: boolean; message: string; diagnostics: Record<string, unknown> };

describe('allow_null_validator', () => {
  it('is named allow_null_validator (Hamilton: allow_none_validator)', () => {
    expect(new AllowNullValidator('warn').name).toBe('allow_null_validator');
  });

  it('fails a null or undefined scalar, as Hamilton fails None', () => {
    expect(check(null)).toMatchObject({ passed: false, message: 'The value is null.' });
    expect(check(undefined)).toMatchObject({ passed: false, message: 'The value is undefined.' });
  });

  it('passes falsy scalars that are not missing', () => {
    for (const v of [0, '', false, NaN, 0n]) expect(check(v).passed).toBe(true);
  });

  it('fails a column holding null or undefined and says where', () => {
    const r = check(['a', null, 'b', undefined]);
    expect(r.passed).toBe(false);
    expect(r.message).toBe('2 of 4 values are null or undefined (first at index 1: null).');
    expect(r.diagnostics).toMatchObject({ rows: 4, failures: 2, firstFailures: [{ index: 1, value: null }, { index: 3, value: 'undefined' }] });
  });

  it('counts the holes of a sparse Array as undefined', () => {
    const sparse: unknown[] = [1, 2, 3];
    delete sparse[1];
    expect(check(sparse).diagnostics).toMatchObject({ failures: 1, firstFailures: [{ index: 1 }] });
  });

  it('allows NaN: that is allowNaNs\' job', () => {
    expect(check([NaN, 1]).passed).toBe(true);
  });

  it('passes typed arrays, which cannot hold null', () => {
    for (const data of [new Float64Array([NaN]), new Int32Array(2), new BigInt64Array(2)]) expect(check(data).passed).toBe(true);
  });

  it('passes an empty column with rows 0', () => {
    expect(check([])).toMatchObject({ passed: true, diagnostics: { rows: 0, failures: 0 } });
  });

  it('fails a table and tells to check a column instead', () => {
    expect(check(aq.table({ a: [null] })).message).toContain('columns: { a: { allowNull: false } }');
  });
});
