import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import * as acorn from 'acorn';
import { parseParameters, ParameterParseError } from '../../lib/core/record/parameters.js';

describe('parseParameters', () => {
  it('reads plain method parameters in order', () => {
    class C { m(spend: number, signups: number) { return spend + signups; } }
    expect(parseParameters(C.prototype.m)).toEqual([
      { name: 'spend', optional: false },
      { name: 'signups', optional: false },
    ]);
  });

  it('marks parameters with a default value optional', () => {
    class C { m(a: number, b = 2, c: string = 'x,)') { return [a, b, c]; } }
    expect(parseParameters(C.prototype.m)).toEqual([
      { name: 'a', optional: false },
      { name: 'b', optional: true },
      { name: 'c', optional: true },
    ]);
  });

  it('reads async, static, generator methods, functions and arrows', () => {
    class C {
      async m(a: number) { return a; }
      static s(b: number) { return b; }
      *g(c: number) { yield c; }
    }
    expect(parseParameters(C.prototype.m).map((p) => p.name)).toEqual(['a']);
    expect(parseParameters(C.s).map((p) => p.name)).toEqual(['b']);
    expect(parseParameters(C.prototype.g).map((p) => p.name)).toEqual(['c']);
    expect(parseParameters(function named(x: number, y: number) { return x + y; }).map((p) => p.name)).toEqual(['x', 'y']);
    expect(parseParameters((x: number) => x).map((p) => p.name)).toEqual(['x']);
    expect(parseParameters(((x: number) => x) as Function).map((p) => p.name)).toEqual(['x']);
  });

  it('skips comments inside the parameter list', () => {
    const fn = new Function('a /* the first ) */', '// second\n b', 'return a + b');
    expect(parseParameters(fn).map((p) => p.name)).toEqual(['a', 'b']);
  });

  it('reads a method with no parameters as none', () => {
    class C { m() { return 1; } }
    expect(parseParameters(C.prototype.m)).toEqual([]);
  });

  it('rejects destructured parameters', () => {
    class C { m({ a }: { a: number }) { return a; } }
    expect(() => parseParameters(C.prototype.m)).toThrow(ParameterParseError);
    try { parseParameters(C.prototype.m); } catch (e) { expect((e as ParameterParseError).reason).toBe('destructured'); }
  });

  it('rejects rest parameters', () => {
    class C { m(...xs: number[]) { return xs; } }
    try { parseParameters(C.prototype.m); throw new Error('no error'); } catch (e) { expect((e as ParameterParseError).reason).toBe('rest'); }
  });

  // Regression: bound and built-in functions used to read as having no parameters, silently dropping inputs.
  it('rejects bound and built-in functions, whose parameter names cannot be read', () => {
    expect(() => parseParameters(Math.max)).toThrow(expect.objectContaining({ reason: 'native' }));
    const bound = function f(a: number) { return a; }.bind(null);
    expect(() => parseParameters(bound)).toThrow(expect.objectContaining({ reason: 'native', parameterText: 'bound f' }));
  });

  it('agrees with acorn on generated plain and defaulted parameter lists (property)', () => {
    const ident = fc.stringMatching(/^[a-zA-Z_$][a-zA-Z0-9_$]{0,8}$/).filter((s) => !RESERVED.has(s));
    const param = fc.record({ name: ident, dflt: fc.boolean(), spaceBefore: fc.constantFrom('', ' ', '\n  '), spaceAfter: fc.constantFrom('', ' ') });
    fc.assert(
      fc.property(fc.uniqueArray(param, { selector: (p) => p.name, maxLength: 6 }), fc.constantFrom('', 'async '), (params, prefix) => {
        const text = params.map((p) => `${p.spaceBefore}${p.name}${p.dflt ? ' = 1' : ''}${p.spaceAfter}`).join(',');
        const source = `${prefix}m(${text}) { return 0; }`;
        let fn: Function;
        try {
          fn = new Function(`return ({ ${source} }).m;`)();
        } catch {
          return; // not valid JavaScript (e.g. a strict-mode name): nothing to compare
        }
        const program = acorn.parse(`({${source}})`, { ecmaVersion: 'latest' }) as unknown as {
          body: { expression: { properties: { value: { params: { type: string; name?: string; left?: { name: string } }[] } }[] } }[];
        };
        const expected = program.body[0]!.expression.properties[0]!.value.params.map((p) =>
          p.type === 'Identifier' ? { name: p.name!, optional: false } : { name: p.left!.name, optional: true },
        );
        expect(parseParameters(fn)).toEqual(expected);
      }),
    );
  });
});

const RESERVED = new Set(
  'break case catch class const continue debugger default delete do else export extends false finally for function if import in instanceof new null return super switch this throw true try typeof var void while with yield let static enum await implements package protected interface private public arguments eval async of'.split(' '),
);
