// Property: any name goes through define, build, execute, query and toDot without being lost and without
// polluting a prototype; a name with a control character is a DecoratorError at definition time.
import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { Builder, DecoratorError, MissingInputsError, TableResult, node, tag, type BeforeNodeExecuteEvent } from '../../lib/index.js';
import { caught, silent } from '../support.js';

const PROTOTYPE_NAMES = [
  '__proto__', 'constructor', 'toString', 'toLocaleString', 'valueOf', 'hasOwnProperty', 'isPrototypeOf',
  'propertyIsEnumerable', '__defineGetter__', '__defineSetter__', '__lookupGetter__', '__lookupSetter__',
];
const OTHER_HOSTILE = ['name', 'length', 'prototype', 'legend:function', 'legend:input', '_legend:config', 'hamilton', '"', '\\', '<b>', '&amp;', ' '];

const nameArb = fc.oneof(
  fc.constantFrom(...PROTOTYPE_NAMES, ...OTHER_HOSTILE),
  fc.string({ minLength: 1, maxLength: 12 }),
  fc.string({ minLength: 1, maxLength: 6, unit: 'binary-ascii' }),
  fc.string({ minLength: 1, maxLength: 6, unit: 'binary' }),
);
// Tag keys have their own rules (not blank, not in the hamilton. namespace), tested elsewhere.
const tagKeyArb = nameArb.filter((k) => k.trim() !== '' && k !== 'hamilton' && !k.startsWith('hamilton.'));

const hasControl = (s: string) => /[\u0000-\u001f]/.test(s);
const own = <T>(key: string, value: T): Record<string, T> => ({ [key]: value });
const dotId = (s: string) => `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;

/** Two nodes: `first` (method named by `first`) reads input `input`; node `second` reads `first` and `input`. */
function define(input: string, first: string, second: string, tagKey: string) {
  class Named {
    @tag(own(tagKey, 'v'))
    @node({ inputs: [input] })
    [first](x: number) {
      return x + 1;
    }

    @node({ name: second, inputs: [first, input] })
    combine(y: number, x: number) {
      return y * x;
    }
  }
  return Named;
}

/** Object.prototype's members, to prove that nothing replaced or added one. */
function prototypeSnapshot(): [string, unknown][] {
  return Object.getOwnPropertyNames(Object.prototype)
    .sort()
    .map((k) => [k, Object.getOwnPropertyDescriptor(Object.prototype, k)!.value ?? Object.getOwnPropertyDescriptor(Object.prototype, k)!.get]);
}

describe('names', () => {
  it('of any kind are neither lost nor polluting through define, build, execute, query and toDot', async () => {
    const before = prototypeSnapshot();
    await fc.assert(
      fc.asyncProperty(fc.uniqueArray(nameArb, { minLength: 3, maxLength: 3 }), tagKeyArb, async ([input, first, second], tagKey) => {
        if ([input, first, second, tagKey].some(hasControl)) {
          expect(() => define(input!, first!, second!, tagKey)).toThrow(DecoratorError);
          return;
        }
        const names = [input!, first!, second!];
        const seen: Readonly<Record<string, unknown>>[] = [];
        const hook = { beforeNodeExecute: (e: BeforeNodeExecuteEvent) => { if (e.name === first) seen.push(e.inputs); } };
        const dr = new Builder().withModules(define(input!, first!, second!, tagKey)).withAdapters(hook).withLogger(silent).build();

        // execute: both outputs, as own keys (in request order, except that JavaScript lists
        // array-index keys such as "0" first in every object), on an ordinary object.
        const result = await dr.execute([first!, second!], { inputs: own(input!, 3) });
        expect(Object.keys(result)).toEqual(Object.keys({ [first!]: 0, [second!]: 0 }));
        expect([Object.getOwnPropertyDescriptor(result, first!)?.value, Object.getOwnPropertyDescriptor(result, second!)?.value]).toEqual([4, 12]);
        expect(Object.getPrototypeOf(result)).toBe(Object.prototype);
        expect(Object.keys(seen[0]!)).toEqual([input]);

        // the same outputs as table columns.
        const table = await new Builder().withModules(define(input!, first!, second!, tagKey)).withResultBuilder(new TableResult()).withLogger(silent).build()
          .execute([first!, second!], { inputs: own(input!, 3) });
        expect(table.columnNames()).toEqual([first, second]);

        // a missing input is reported by its name.
        const missing = await caught(() => dr.execute([second!]));
        expect(missing).toBeInstanceOf(MissingInputsError);
        expect(Object.keys((missing as MissingInputsError).missing)).toEqual([input]);

        // queries: every name, the tag under its key, lineage both ways.
        const nodes = dr.listAvailableVariables();
        expect(nodes.map((n) => n.name).sort()).toEqual([...names].sort());
        expect(Object.keys(nodes.find((n) => n.name === first)!.tags)).toEqual([tagKey]);
        expect(dr.listAvailableVariables({ tags: own(tagKey, 'v') }).map((n) => n.name)).toEqual([first]);
        expect(dr.whatIsUpstreamOf(second!).map((n) => n.name).sort()).toEqual([...names].sort());
        expect(dr.whatIsDownstreamOf(input!).map((n) => n.name).sort()).toEqual([...names].sort());
        expect(dr.pathBetween(input!, second!)).toHaveLength(3);

        // toDot: one statement per node and legend entry, each id once; every edge. A name with dots is
        // drawn inside (nested) namespace clusters, indented two more spaces per level.
        const dot = dr.toDot();
        const ids = dot.split('\n').filter((l) => /^ {2,}"(?:[^"\\]|\\.)*" \[label=/.test(l)).map((l) => /^\s*("(?:[^"\\]|\\.)*")/.exec(l)![1]!);
        for (const n of names) expect(ids).toContain(dotId(n));
        expect(new Set(ids).size).toBe(ids.length);
        expect(dot).toContain(`  ${dotId(input!)} -> ${dotId(first!)};`);
        expect(dot).toContain(`  ${dotId(first!)} -> ${dotId(second!)};`);
      }),
      {
        numRuns: 150,
        // The names of the adversarial pass, always tried, in every role.
        examples: [
          [['__proto__', 'constructor', 'toString'], '__proto__'],
          [['constructor', '__proto__', 'legend:function'], 'toString'],
          [['toString', 'legend:input', '__proto__'], 'constructor'],
          [['valueOf', 'constructor', 'hasOwnProperty'], 'legend:function'],
          [['x\u0000', 'a', 'b'], 'k'],
          // Dotted names: drawn in namespace clusters, nested for c.d.e.
          [['a.b', 'c.d.e', '.f'], 'g.h'],
        ],
      },
    );
    expect(prototypeSnapshot()).toEqual(before);
    expect(Object.getPrototypeOf({})).toBe(Object.prototype);
  });
});
