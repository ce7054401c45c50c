// @unpackFields: one node per position of a returned array (tuple); run-time errors; tags and checks.
import { describe, expect, it } from '@jest/globals';
import { DataValidationError, DecoratorError, ExtractionError, NodeExecutionError, checkOutput, node, tag, unpackFields } from '../../lib/index.js';
import { byName, quietDriver, thrownBy } from '../support.js';

const build = quietDriver;

class Bounds {
  @unpackFields('low', 'high')
  @node()
  bounds(xs: Float64Array): [number, number] {
    return [Math.min(...xs), Math.max(...xs)];
  }

  @node()
  width(low: number, high: number): number {
    return high - low;
  }
}

describe('@unpackFields', () => {
  it('keeps the tuple node and adds one node per position, in order', () => {
    const nodes = byName(build(Bounds).listAvailableVariables());
    expect([...nodes.keys()].sort()).toEqual(['bounds', 'high', 'low', 'width', 'xs']);
    expect(nodes.get('low')).toMatchObject({ origin: 'Bounds.bounds', dependencies: [{ name: 'bounds', optional: false }] });
    expect(build(Bounds).toDot()).toContain('"bounds" -> "high"');
  });

  it('gives each position to downstream nodes', async () => {
    const out = await build(Bounds).execute(['low', 'high', 'width'], { inputs: { xs: Float64Array.of(3, -1, 7) } });
    expect(out).toEqual({ low: -1, high: 7, width: 8 });
  });

  it('takes positions of a typed array too, and lets the array be longer than the names', async () => {
    class Typed {
      @unpackFields('first')
      @node()
      t() {
        return Int8Array.of(4, 5, 6);
      }
    }
    await expect(build(Typed).execute(['first'])).resolves.toEqual({ first: 4 });
  });

  it('names the position and the length when the array is too short', async () => {
    class Short {
      @unpackFields('a', 'b', 'c')
      @node()
      t() {
        return [1, 2];
      }
    }
    const dr = build(Short);
    await expect(dr.execute(['a', 'b'])).resolves.toEqual({ a: 1, b: 2 });
    const e = (await dr.execute(['c']).catch((x: unknown) => x)) as NodeExecutionError;
    expect(e.cause).toBeInstanceOf(ExtractionError);
    expect((e.cause as Error).message).toBe(
      'Node `t` (Short.t) gave an array of 2 values, but @unpackFields takes output `c` from position 2. Return at least 3 values, or unpack fewer names.',
    );
  });

  it('says what the method gave when it is not an array', async () => {
    class NotArray {
      @unpackFields('a')
      @node()
      t() {
        return 'ab';
      }
    }
    const e = (await build(NotArray).execute(['a']).catch((x: unknown) => x)) as NodeExecutionError;
    expect((e.cause as Error).message).toContain('Node `t` (NotArray.t) gave a string, but @unpackFields takes the positions of an array');
  });

  it('tags and checks the positions by default', async () => {
    class Both {
      @checkOutput({ range: [0, 10], importance: 'fail' })
      @tag({ owner: 'ds' })
      @unpackFields('a', 'b')
      @node()
      t(x: number) {
        return [x, 1];
      }
    }
    const dr = build(Both);
    const nodes = byName(dr.listAvailableVariables());
    expect(nodes.get('a')!.tags).toEqual({ owner: 'ds' });
    expect(nodes.get('t')!.tags).toEqual({});
    expect([...nodes.keys()]).toEqual(expect.arrayContaining(['a_range_validator', 'b_range_validator']));
    await expect(dr.execute(['a'], { inputs: { x: 50 } })).rejects.toBeInstanceOf(DataValidationError);
    await expect(dr.execute(['a', 'b'], { inputs: { x: 5 } })).resolves.toEqual({ a: 5, b: 1 });
  });
});

describe('@unpackFields misuse', () => {
  const define = (...names: unknown[]) =>
    thrownBy(() => {
      class C {
        @unpackFields(...(names as string[]))
        @node()
        t() {
          return [];
        }
      }
      return C;
    }) as Error;

  it('needs distinct non-empty names, when the class is defined', () => {
    expect(define()).toBeInstanceOf(DecoratorError);
    expect(define().message).toBe("@unpackFields on method `t`: give at least one output name, e.g. @unpackFields('a', 'b').");
    expect(define('a', 'a').message).toBe('@unpackFields on method `t` names output `a` twice. Name each output once.');
    expect(define('a', 3).message).toBe('@unpackFields on method `t`: output names must be non-empty strings, got 3.');
  });

  it("rejects a name equal to the method's node, naming Class.method", () => {
    class Same {
      @unpackFields('t')
      @node()
      t() {
        return [1];
      }
    }
    expect((thrownBy(() => build(Same)) as Error).message).toContain('@unpackFields on Same.t: output `t` has the name of a node the method itself makes');
  });
});
