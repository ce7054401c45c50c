// jsonErrorOffset: agrees with JSON.parse on what is valid, and points at the first bad character.
import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { jsonErrorOffset } from '../../../lib/io/formats/json-locate.js';

const parses = (text: string): boolean => {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
};

describe('jsonErrorOffset', () => {
  it('finds no error in any valid JSON text', () => {
    fc.assert(fc.property(fc.json(), (text) => jsonErrorOffset(text) === -1), { numRuns: 500 });
  });

  it('agrees with JSON.parse on texts with a character changed, inserted or removed', () => {
    const alphabet = fc.constantFrom(...'{}[],:"\\ 0123456789-+.eEtrufalsn\n\tx'.split(''));
    const mutated = fc.tuple(fc.json(), fc.nat(), fc.constantFrom('replace', 'insert', 'delete'), alphabet).map(([text, at, how, c]) => {
      const k = text.length ? at % text.length : 0;
      if (how === 'delete') return text.slice(0, k) + text.slice(k + 1);
      return text.slice(0, k) + c + text.slice(how === 'replace' ? k + 1 : k);
    });
    fc.assert(fc.property(mutated, (text) => (jsonErrorOffset(text) === -1) === parses(text)), { numRuns: 2000 });
  });

  it('points at the first character that cannot continue the text', () => {
    expect(jsonErrorOffset('{"a":,}')).toBe(5);
    expect(jsonErrorOffset('[1, 2,, 3]')).toBe(6);
    expect(jsonErrorOffset('{"a" 1}')).toBe(5);
    expect(jsonErrorOffset('[1, 2')).toBe(5);
    expect(jsonErrorOffset('{"a": tru}')).toBe(6);
    expect(jsonErrorOffset('"bad \\q escape"')).toBe(6);
    expect(jsonErrorOffset('[01]')).toBe(2);
    expect(jsonErrorOffset('{} x')).toBe(3);
    expect(jsonErrorOffset(`[${'9'.repeat(1000)}]`)).toBe(-1);
  });
});
