import { describe, expect, it } from '@jest/globals';
import * as aq from 'arquero';
import { ContainsValidator } from '../../../lib/quality/validators/contains.js';

const check = (substrings: readonly string[], value: unknown) =>
  new ContainsValidator(substrings, 'warn').validate(value) as { passed: boolean; message: string; diagnostics: Record<string, unknown> };

describe('contains_validator', () => {
  it('is named as in Hamilton', () => {
    expect(new ContainsValidator(['a'], 'warn').name).toBe('contains_validator');
  });

  it('passes a string holding every substring', () => {
    expect(check(['@', '.'], 'a@b.c')).toMatchObject({ passed: true, message: '"a@b.c" contains "@" and ".".' });
  });

  it('fails a string lacking a substring and names the missing ones', () => {
    const r = check(['@', '.', 'x'], 'a@b');
    expect(r.passed).toBe(false);
    expect(r.message).toBe('"a@b" does not contain "." or "x".');
    expect(r.diagnostics).toMatchObject({ value: 'a@b', offending: ['.', 'x'] });
  });

  it('checks every string of a column', () => {
    expect(check(['a'], ['abc', 'bca'])).toMatchObject({ passed: true, message: 'All 2 strings contain "a".' });
    const r = check(['a'], ['abc', 'xyz', 'a', 'q']);
    expect(r.passed).toBe(false);
    expect(r.message).toBe('2 of 4 values lack "a" (first at index 1: "xyz").');
    expect(r.diagnostics).toMatchObject({ rows: 4, failures: 2, notStrings: 0, firstFailures: [{ index: 1, value: 'xyz', offending: ['a'] }, { index: 3 }] });
  });

  it('skips null and undefined elements and fails other non-strings', () => {
    const r = check(['a'], ['a', null, undefined, 5, 'b']);
    expect(r.passed).toBe(false);
    expect(r.diagnostics).toMatchObject({ failures: 2, notStrings: 1, missing: 2 });
    expect(r.message).toBe('2 of 5 values fail: 1 lacks "a" and 1 is not a string (first at index 3: 5).');
    expect(check(['a'], ['a', null])).toMatchObject({ passed: true, message: 'The only string contains "a" (1 null or undefined skipped).' });
  });

  it('fails a non-string scalar, null included', () => {
    expect(check(['a'], 5)).toMatchObject({ passed: false, message: 'The value is a number, not a string: contains checks strings.' });
    expect(check(['a'], null).passed).toBe(false);
  });

  it('fails a typed array, which holds no strings', () => {
    expect(check(['1'], new Int32Array([1]))).toMatchObject({ passed: false, message: '1 of 1 values is not a string (first at index 0: 1).' });
    expect(check(['1'], new Float64Array(0)).passed).toBe(true);
  });

  it('cuts long strings in diagnostics to 100 characters, as Hamilton does', () => {
    const r = check(['z'], ['a'.repeat(500)]);
    expect(((r.diagnostics['firstFailures'] as { value: string }[])[0]!.value).length).toBe(100);
  });

  it('fails a table and tells to check a column instead', () => {
    expect(check(['a'], aq.table({ email: ['a'] })).message).toContain('columns: { email: { contains: "a" } }');
  });
});
