// @extractFields: one node per field of a returned object, type-checked at run time; fillWith; with @tagOutputs, @tag and @checkOutput.
import { describe, expect, it } from '@jest/globals';
import { table } from 'arquero';
import {
  DataValidationError,
  DecoratorError,
  ExtractionError,
  FIELD_TYPES,
  NodeExecutionError,
  checkOutput,
  extractFields,
  node,
  tag,
  tagOutputs,
  type FieldType,
} from '../../lib/index.js';
import { byName, quietDriver, thrownBy } from '../support.js';

const build = quietDriver;
const causeOf = async (p: Promise<unknown>) => ((await p.catch((e: unknown) => e)) as NodeExecutionError).cause as ExtractionError;

class Stats {
  @extractFields({ mean: 'number', label: 'string', ok: 'boolean', meta: 'object', values: 'array', rows: 'table', extra: 'any' })
  @node({ doc: 'Summary of xs.' })
  summary(xs: Float64Array) {
    return {
      mean: xs.reduce((a, b) => a + b, 0) / xs.length,
      label: 'xs',
      ok: true,
      meta: { n: xs.length },
      values: xs.map((x) => x * 2),
      rows: table({ x: xs }),
      extra: null,
    };
  }
}

describe('@extractFields', () => {
  it('keeps the object node and adds one node per field, with the origin and doc of the method', () => {
    const nodes = byName(build(Stats).listAvailableVariables());
    expect([...nodes.keys()].sort()).toEqual(['extra', 'label', 'mean', 'meta', 'ok', 'rows', 'summary', 'values', 'xs']);
    expect(nodes.get('mean')).toMatchObject({ origin: 'Stats.summary', doc: 'Summary of xs.', dependencies: [{ name: 'summary', optional: false }] });
  });

  it('gives each field as the object holds it, of every field type', async () => {
    const xs = Float64Array.of(1, 2, 3);
    const out = await build(Stats).execute(['mean', 'label', 'ok', 'meta', 'values', 'rows', 'extra'], { inputs: { xs } });
    expect(out).toMatchObject({ mean: 2, label: 'xs', ok: true, meta: { n: 3 }, extra: null });
    expect(out.values).toBeInstanceOf(Float64Array);
    expect(Array.from(out.values as Float64Array)).toEqual([2, 4, 6]);
    expect((out.rows as { numRows(): number }).numRows()).toBe(3);
  });

  it('takes a list of names as fields of any type', async () => {
    class Loose {
      @extractFields(['a', 'b'])
      @node()
      o() {
        return { a: 1, b: 'two', c: 3 };
      }
    }
    await expect(build(Loose).execute(['a', 'b'])).resolves.toEqual({ a: 1, b: 'two' });
  });

  it('reads getters of a class instance, but never what every object inherits', async () => {
    class Box {
      get area() {
        return 6;
      }
    }
    class Shapes {
      // Built from entries: an object literal cannot type a `toString` key as a string.
      @extractFields(Object.fromEntries([['area', 'number'], ['toString', 'any']]) as Record<string, FieldType>)
      @node()
      box() {
        return new Box();
      }
    }
    const dr = build(Shapes);
    await expect(dr.execute(['area'])).resolves.toEqual({ area: 6 });
    expect((await causeOf(dr.execute(['toString']))).message).toContain('has no field `toString`');
  });

  it('names the field, the node, its origin and what it got when a field has the wrong type', async () => {
    class Text {
      @extractFields({ mean: 'number' })
      @node()
      summary(xs: Float64Array) {
        return { mean: `${xs.length}` };
      }
    }
    const cause = await causeOf(build(Text).execute(['mean'], { inputs: { xs: Float64Array.of(1) } }));
    expect(cause).toBeInstanceOf(ExtractionError);
    expect(cause).toMatchObject({ node: 'summary', origin: 'Text.summary' });
    expect(cause.message).toContain('Field `mean` of node `summary` (Text.summary) must be of type `number` for @extractFields, but it is a string.');
  });

  it.each([
    ['object', [1, 2], 'an Array of 2 values'],
    ['array', { a: 1 }, 'an object'],
    ['table', [1], 'an Array of 1 values'],
    ['boolean', 'yes', 'a string'],
    ['string', undefined, 'undefined'],
  ] as const)('rejects a value that is not of type %s', async (type, got, described) => {
    class Typed {
      @extractFields({ f: type })
      @node()
      o() {
        return { f: got };
      }
    }
    const cause = await causeOf(build(Typed).execute(['f']));
    expect(cause.message).toContain(`must be of type \`${type}\` for @extractFields, but it is ${described}.`);
  });

  it('names the fields the object has when one is missing', async () => {
    class Missing {
      @extractFields({ a: 'number', b: 'number' })
      @node()
      o() {
        return { a: 1, c: 2 };
      }
    }
    const cause = await causeOf(build(Missing).execute(['b']));
    expect(cause).toMatchObject({ node: 'o', origin: 'Missing.o' });
    expect(cause.message).toContain('Node `o` (Missing.o) has no field `b` for @extractFields (its fields: `a`, `c`).');
  });

  it('fills a missing field with fillWith, and checks present fields as usual', async () => {
    class Filled {
      @extractFields({ a: 'number', b: 'number' }, { fillWith: 0 })
      @node()
      o(given: unknown) {
        return { a: given };
      }
    }
    const dr = build(Filled);
    await expect(dr.execute(['a', 'b'], { inputs: { given: 5 } })).resolves.toEqual({ a: 5, b: 0 });
    await expect(dr.execute(['a'], { inputs: { given: 'x' } })).rejects.toBeInstanceOf(NodeExecutionError);
  });

  it('says what the method gave when it is not an object', async () => {
    class Listy {
      @extractFields({ a: 'number' })
      @node()
      o() {
        return [1, 2];
      }
    }
    expect((await causeOf(build(Listy).execute(['a']))).message).toContain(
      'Node `o` (Listy.o) gave an Array of 2 values, but @extractFields takes fields out of a plain object.',
    );
  });

  it('shows the field nodes in the DOT drawing', () => {
    expect(build(Stats).toDot()).toContain('"summary" -> "label"');
  });
});

describe('@extractFields with tags and checks', () => {
  class Tagged {
    @tagOutputs({ a: { pii: 'true' }, o: { stage: 'raw' } })
    @tag({ owner: 'ds' })
    @extractFields({ a: 'number', b: 'number' })
    @node()
    o() {
      return { a: 1, b: 2 };
    }
  }

  it('tags fields per output with @tagOutputs, the method node included, over @tag on the fields', () => {
    const nodes = byName(build(Tagged).listAvailableVariables());
    expect(nodes.get('a')!.tags).toEqual({ owner: 'ds', pii: 'true' });
    expect(nodes.get('b')!.tags).toEqual({ owner: 'ds' });
    expect(nodes.get('o')!.tags).toEqual({ stage: 'raw' });
  });

  it('rejects @tagOutputs naming a field it does not make', () => {
    class Wrong {
      @tagOutputs({ c: { pii: 'true' } })
      @extractFields({ a: 'number' })
      @node()
      o() {
        return { a: 1 };
      }
    }
    expect((thrownBy(() => build(Wrong)) as Error).message).toBe(
      '@tagOutputs on Wrong.o names `c`, which it does not produce (it produces `o`, `a`). Fix the output names.',
    );
  });

  it('checks a field with @checkOutput', async () => {
    class Checked {
      @checkOutput({ range: [0, 1], importance: 'fail', target: 'a' })
      @extractFields({ a: 'number', b: 'number' })
      @node()
      o(given: number) {
        return { a: given, b: 2 };
      }
    }
    const dr = build(Checked);
    expect(dr.listAvailableVariables().map((n) => n.name).sort()).toEqual(['a', 'a_range_validator', 'a_raw', 'b', 'given', 'o']);
    await expect(dr.execute(['a', 'b'], { inputs: { given: 0.5 } })).resolves.toEqual({ a: 0.5, b: 2 });
    await expect(dr.execute(['b'], { inputs: { given: 5 } })).resolves.toEqual({ b: 2 });
    await expect(dr.execute(['a'], { inputs: { given: 5 } })).rejects.toBeInstanceOf(DataValidationError);
  });
});

describe('@extractFields misuse', () => {
  const define = (fields: unknown, options?: unknown) =>
    thrownBy(() => {
      class C {
        @extractFields(fields as never, options as never)
        @node()
        o() {
          return {};
        }
      }
      return C;
    }) as Error;

  it('rejects a type name that is not a field type, listing the field types', () => {
    const e = define({ a: 'number', b: 'nunber' });
    expect(e).toBeInstanceOf(DecoratorError);
    expect(e.message).toBe(
      '@extractFields on method `o`: field `b` has type "nunber", which is not a field type. Use one of ' + FIELD_TYPES.map((t) => `\`${t}\``).join(', ') + '.',
    );
  });

  it('rejects no fields, a non-object, a duplicate in a list and unknown options', () => {
    expect(define({}).message).toContain('give at least one output name');
    expect(define([]).message).toContain('give at least one output name');
    expect(define('a').message).toBe(
      "@extractFields on method `o` takes an object of field types ({ a: 'number', b: 'string' }) or a list of field names (['a', 'b']), got \"a\".",
    );
    expect(define(['a', 'a']).message).toBe('@extractFields on method `o` names output `a` twice. Name each output once.');
    expect(define(['a'], { fill: 1 }).message).toContain('unknown options {"fill":1}');
  });

  it("rejects a field named like the method's node, naming Class.method", () => {
    class Same {
      @extractFields(['o'])
      @node()
      o() {
        return { o: 1 };
      }
    }
    expect((thrownBy(() => build(Same)) as Error).message).toContain('@extractFields on Same.o: output `o` has the name of a node the method itself makes');
  });
});
