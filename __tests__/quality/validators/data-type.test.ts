import { describe, expect, it } from '@jest/globals';
import vm from 'node:vm';
import * as aq from 'arquero';
import { DataTypeValidator, type DataType } from '../../../lib/quality/validators/data-type.js';

const check = (type: DataType, value: unknown) =>
  new DataTypeValidator(type, 'warn').validate(value) as { passed: boolean; message: string; diagnostics: Record<string, unknown> };

class Point { x = 1; }

/** For each type: scalars of that type, and scalars that are not. */
const CASES: Readonly<Record<DataType, { yes: unknown[]; no: unknown[] }>> = {
  number: { yes: [0, -1.5, NaN, Infinity, 1e308], no: ['1', 1n, true, null, undefined, new Date(0), {}] },
  integer: { yes: [0, -3, 1e308, 2 ** 53], no: [1.5, NaN, Infinity, 1n, '1', null] },
  string: { yes: ['', 'abc'], no: [1, null, { a: 'x' }, new String('a')] },
  boolean: { yes: [true, false], no: [0, 'true', null] },
  bigint: { yes: [0n, 2n ** 70n], no: [1, '1', null] },
  date: { yes: [new Date(0), new Date(NaN)], no: [0, '2020-01-01', {}, null] },
  object: { yes: [{}, [], new Map(), new Point()], no: [null, new Date(0), 'x', 1, () => 1] },
};

describe('data_type_validator', () => {
  it('is named as in Hamilton', () => {
    expect(new DataTypeValidator('number', 'warn').name).toBe('data_type_validator');
  });

  it.each(Object.entries(CASES))('tells %s scalars from others', (type, { yes, no }) => {
    for (const v of yes) expect([v, check(type as DataType, v).passed]).toEqual([v, true]);
    for (const v of no) expect([v, check(type as DataType, v).passed]).toEqual([v, false]);
  });

  it('checks the elements of an Array, not the Array itself', () => {
    expect(check('string', ['a', 'b']).passed).toBe(true);
    expect(check('object', [1]).passed).toBe(false);
  });

  it('says what a failing scalar is instead', () => {
    expect(check('number', 'abc').message).toBe('"abc" is a string, not a number.');
    expect(check('integer', 1.5).message).toBe('1.5 is a number, not an integer.');
    expect(check('string', null).message).toBe('null is null, not a string.');
  });

  it('counts NaN as a number, as Hamilton does for a float dtype', () => {
    expect(check('number', new Float64Array([1, NaN])).passed).toBe(true);
    expect(check('number', [1, NaN]).passed).toBe(true);
  });

  it('reads integer from the values, also in a Float64Array', () => {
    expect(check('integer', new Float64Array([1, 2, -0])).passed).toBe(true);
    const r = check('integer', new Float64Array([1, 2.5, NaN]));
    expect(r.passed).toBe(false);
    expect(r.diagnostics).toMatchObject({ rows: 3, failures: 2, firstFailures: [{ index: 1, value: 2.5, kind: 'a number' }, { index: 2, value: 'NaN', kind: 'NaN' }] });
    expect(r.message).toBe('2 of 3 values are not integers (first at index 1: 2.5, a number).');
  });

  it('knows integer and number typed arrays hold integers and numbers', () => {
    for (const data of [new Int8Array([1]), new Uint8ClampedArray([1]), new Int32Array([-1]), new Uint32Array([4e9])]) {
      expect(check('integer', data).passed).toBe(true);
      expect(check('number', data).passed).toBe(true);
      expect(check('bigint', data).passed).toBe(false);
    }
  });

  it('knows bigint typed arrays hold bigints only', () => {
    expect(check('bigint', new BigInt64Array([1n, -2n])).passed).toBe(true);
    expect(check('bigint', new BigUint64Array([2n ** 64n - 1n])).passed).toBe(true);
    const r = check('number', new BigInt64Array([1n, 2n]));
    expect(r.passed).toBe(false);
    expect(r.diagnostics).toMatchObject({ failures: 2, firstFailures: [{ index: 0, value: '1', kind: 'a bigint' }, { index: 1 }] });
  });

  it('fails every element of a typed array of the wrong type', () => {
    const r = check('string', new Float32Array([1.5, 2]));
    expect(r.passed).toBe(false);
    expect(r.message).toBe('2 of 2 values are not strings (first at index 0: 1.5, a number).');
  });

  it('skips null and undefined elements of a column and counts them', () => {
    const r = check('string', ['a', null, undefined, 'b']);
    expect(r.passed).toBe(true);
    expect(r.diagnostics).toMatchObject({ rows: 4, failures: 0, missing: 2 });
    expect(r.message).toBe('All 2 present values are strings (2 null or undefined skipped; forbid them with allowNull: false).');
  });

  it('fails the elements of other types in a mixed Array', () => {
    const r = check('string', ['a', 1, 'b', true, null, {}]);
    expect(r.diagnostics).toMatchObject({ rows: 6, failures: 3, missing: 1 });
    expect((r.diagnostics['firstFailures'] as { index: number }[]).map((s) => s.index)).toEqual([1, 3, 5]);
  });

  it('recognises a Date from another realm', () => {
    const foreign: unknown = vm.runInNewContext('new Date(0)');
    expect(foreign instanceof Date).toBe(false);
    expect(check('date', foreign).passed).toBe(true);
    expect(check('object', foreign).passed).toBe(false);
  });

  it('does not take an object tagged Date for a Date', () => {
    expect(check('date', { [Symbol.toStringTag]: 'Date' }).passed).toBe(false);
  });

  it('passes an empty column with rows 0', () => {
    for (const empty of [[], new Float64Array(0)]) {
      const r = check('string', empty);
      expect(r.passed).toBe(true);
      expect(r.diagnostics).toMatchObject({ rows: 0, failures: 0 });
    }
  });

  it('fails a table and tells to check a column instead', () => {
    const r = check('number', aq.table({ a: [1] }));
    expect(r.passed).toBe(false);
    expect(r.message).toContain("columns: { a: { dataType: 'number' } }");
  });
});
