import { describe, expect, it } from '@jest/globals';
import * as aq from 'arquero';
import { DoesNotContainValidator } from '../../../lib/quality/validators/does-not-contain.js';

const check = (substrings: readonly string[], value: unknown) =>
  new DoesNotContainValidator(substrings, 'warn').validate(value) as { passed: boolean; message: string; diagnostics: Record<string, unknown> };

describe('does_not_contain_validator', () => {
  it('is named as in Hamilton', () => {
    expect(new DoesNotContainValidator(['a'], 'warn').name).toBe('does_not_contain_validator');
  });

  it('passes a string holding none of the substrings', () => {
    expect(check(['TODO', 'FIXME'], 'done')).toMatchObject({ passed: true, message: '"done" contains none of "TODO" or "FIXME".' });
  });

  it('fails a string holding one and names those found', () => {
    const r = check(['TODO', 'FIXME', 'XXX'], 'TODO: FIXME');
    expect(r.passed).toBe(false);
    expect(r.message).toBe('"TODO: FIXME" contains "TODO" and "FIXME".');
    expect(r.diagnostics['offending']).toEqual(['TODO', 'FIXME']);
  });

  it('checks every string of a column', () => {
    expect(check(['x'], ['abc', 'def'])).toMatchObject({ passed: true, message: 'None of the 2 strings contains "x".' });
    const r = check(['x'], ['abc', 'axc', 'x']);
    expect(r.passed).toBe(false);
    expect(r.message).toBe('2 of 3 values contain "x" (first at index 1: "axc").');
  });

  it('skips null and undefined elements and fails other non-strings', () => {
    const r = check(['x'], ['a', null, true]);
    expect(r.diagnostics).toMatchObject({ failures: 1, notStrings: 1, missing: 1 });
    expect(r.message).toBe('1 of 3 values is not a string (first at index 2: true).');
  });

  it('fails a non-string scalar', () => {
    expect(check(['x'], 5n).passed).toBe(false);
  });

  it('fails a non-empty typed array and passes an empty column', () => {
    expect(check(['x'], new Uint8Array([1])).passed).toBe(false);
    expect(check(['x'], [])).toMatchObject({ passed: true, diagnostics: { rows: 0 } });
  });

  it('fails a table and tells to check a column instead', () => {
    expect(check(['a', 'b'], aq.table({ note: ['x'] })).message).toContain('columns: { note: { doesNotContain: ["a","b"] } }');
  });
});
