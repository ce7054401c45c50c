// message-format: every formatting of a foreign value is total (it returns text and never throws, whatever the value).
import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { className, errorMessage, errorText, printable, q, show, showValue } from '../../lib/core/message-format.js';
import { unprintableValues } from '../support.js';

const formatters: [string, (v: unknown) => string][] = [
  ['showValue', (v) => showValue(v)],
  ['show', show],
  ['errorText', errorText],
  ['errorMessage', errorMessage],
  ['className', (v) => className(v) ?? '(none)'],
];

describe('total formatting', () => {
  it.each(formatters)('%s returns a string for every unprintable value', (_, format) => {
    for (const [label, value] of unprintableValues()) {
      let text: unknown;
      expect(() => { text = format(value); }).not.toThrow();
      expect([label, typeof text]).toEqual([label, 'string']);
    }
  });

  it.each(formatters)('%s returns a string for any value fast-check makes', (_, format) => {
    fc.assert(
      fc.property(fc.anything({ withBigInt: true, withDate: true, withMap: true, withSet: true, withTypedArray: true, withNullPrototype: true, withSparseArray: true }), (v) => {
        expect(typeof format(v)).toBe('string');
      }),
    );
  });

  it('shows a bigint held by an object without a prototype, instead of throwing', () => {
    expect(showValue(Object.assign(Object.create(null) as object, { amount: 10n }))).toBe('{"amount":"10n"}');
  });

  it('says when an error message cannot be read, and keeps its name', () => {
    const e = new RangeError('x');
    Object.defineProperty(e, 'message', { get() { throw new Error('no'); } });
    expect(errorText(e)).toBe('RangeError (its message cannot be read)');
  });

  it('formats errors from another realm by name and message', async () => {
    const { runInNewContext } = await import('node:vm');
    const foreign = runInNewContext('new TypeError("from elsewhere")') as unknown;
    expect(foreign instanceof Error).toBe(false);
    expect(errorText(foreign)).toBe('TypeError: from elsewhere');
  });

  it('cuts long values and shows only the first elements of long arrays', () => {
    expect(showValue('x'.repeat(500), 40)).toHaveLength(40);
    const shown = show(Array.from({ length: 1_000_000 }, (_, i) => i));
    expect(shown.length).toBeLessThanOrEqual(80);
    expect(shown.startsWith('[0,1,2,')).toBe(true);
  });
});

describe('names in messages', () => {
  it('writes control characters as \\u escapes, so a message shows where they are', () => {
    expect(printable('a\u0000b\nc\u001f')).toBe('a\\u0000b\\u000ac\\u001f');
    expect(q('tab\there')).toBe('`tab\\u0009here`');
  });

  it('leaves other names as they are', () => {
    expect(q('__proto__')).toBe('`__proto__`');
    expect(q('spend per €')).toBe('`spend per €`');
  });
});
