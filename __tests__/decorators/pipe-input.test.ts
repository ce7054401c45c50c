import { describe, expect, it } from '@jest/globals';
import {
  DecoratorError,
  checkOutput,
  node,
  pipe,
  pipeInput,
  source,
  step,
  tag,
  tagOutputs,
  value,
  type Driver,
} from '../../lib/index.js';
import { thrownBy } from '../support.js';
import { build, byName, deps } from './graph-helpers.js';

const addOne = (x: number) => x + 1;
const times = (x: number, by: number) => x * by;
function _half(x: number) {
  return x / 2;
}

describe('@pipeInput', () => {
  class Prices {
    @pipeInput(step(addOne), step(times, { by: value(3) }), step(times, { by: source('factor') }))
    @node({ doc: 'The piped price.' })
    price(raw: number, tax: number) {
      return raw + tax;
    }
  }

  it('passes the first parameter through each step before the body runs', async () => {
    const dr = build([Prices]);
    // ((2 + 1) * 3) * 10, then the body adds tax.
    await expect(dr.execute(['price'], { inputs: { raw: 2, tax: 0.5, factor: 10 } })).resolves.toEqual({ price: 90.5 });
  });

  it('makes each step a visible node named `node.with_fn`, a repeated function counted `_1`', () => {
    const nodes = byName(build([Prices]));
    expect(deps(nodes.get('price.with_addOne'))).toEqual(['raw']);
    expect(deps(nodes.get('price.with_times'))).toEqual(['price.with_addOne']);
    expect(deps(nodes.get('price.with_times_1'))).toEqual(['price.with_times', 'factor']);
    expect(deps(nodes.get('price'))).toEqual(['price.with_times_1', 'tax']);
  });

  it('gives step nodes role step, a function code reference and the method as origin', () => {
    const dr = build([Prices]);
    const spec = dr.graph.node('price.with_times')!.spec!;
    expect(spec.role).toBe('step');
    expect(spec.code).toEqual({ kind: 'function', ref: expect.any(String), bind: [{ dep: 0 }, { value: 3 }] });
    expect(spec.origin).toBe('Prices.price');
    expect(byName(dr).get('price.with_addOne')).toMatchObject({ origin: 'Prices.price', tags: {} });
    expect(byName(dr).get('price')).toMatchObject({ origin: 'Prices.price', doc: 'The piped price.' });
  });

  it('keeps specs plain data, the same on every build', () => {
    const specs = () => [...build([Prices]).graph.nodes].map((n) => n.spec).filter((s) => s !== undefined);
    const first = specs();
    expect(structuredClone(first)).toEqual(first);
    expect(specs()).toEqual(first);
  });

  it('shows the steps in toDot and in the upstream of the node', () => {
    const dr = build([Prices]);
    expect(dr.toDot()).toContain('"price.with_addOne" -> "price.with_times"');
    expect(dr.whatIsUpstreamOf('price').map((n) => n.name).sort()).toEqual(
      ['factor', 'price', 'price.with_addOne', 'price.with_times', 'price.with_times_1', 'raw', 'tax'],
    );
  });

  it('names a step with .named(): in the node namespace by default, none with null, or another', () => {
    class Named {
      @pipeInput(step(addOne).named('plusOne'), step(addOne).named('bare', { namespace: null }), step(addOne).named('other', { namespace: 'ns' }))
      @node()
      x(a: number) {
        return a;
      }
    }
    const nodes = byName(build([Named]));
    expect(deps(nodes.get('x.plusOne'))).toEqual(['a']);
    expect(deps(nodes.get('bare'))).toEqual(['x.plusOne']);
    expect(deps(nodes.get('ns.other'))).toEqual(['bare']);
    expect(deps(nodes.get('x'))).toEqual(['ns.other']);
  });

  it('uses the namespace option for every step, and drops the underscore of `_fn` in `with_fn`', async () => {
    class Spaced {
      @pipeInput(step(_half), step(addOne), { namespace: 'prep' })
      @node()
      x(a: number) {
        return a;
      }

      @pipeInput(step(_half), { namespace: null })
      @node()
      y(a: number) {
        return a;
      }
    }
    const dr = build([Spaced]);
    expect([...byName(dr).keys()].sort()).toEqual(['a', 'prep.with_addOne', 'prep.with_half', 'with_half', 'x', 'y']);
    await expect(dr.execute(['x', 'y'], { inputs: { a: 8 } })).resolves.toEqual({ x: 5, y: 4 });
  });

  it('pipes the parameter onInput names instead of the first', async () => {
    class OnInput {
      @pipeInput(step(times, { by: value(100) }), { onInput: 'b' })
      @node()
      x(a: number, b: number) {
        return a + b;
      }
    }
    const dr = build([OnInput]);
    expect(deps(byName(dr).get('x'))).toEqual(['a', 'x.with_times']);
    await expect(dr.execute(['x'], { inputs: { a: 1, b: 2 } })).resolves.toEqual({ x: 201 });
  });

  it('awaits async steps and reads unbound step parameters from nodes of their names', async () => {
    const later = async (x: number, offset: number) => {
      await new Promise((r) => setTimeout(r, 1));
      return x + offset;
    };
    class Async {
      @pipeInput(step(later))
      @node()
      x(a: number) {
        return a * 2;
      }
    }
    const dr = build([Async]);
    expect(deps(byName(dr).get('x.with_later'))).toEqual(['a', 'offset']);
    await expect(dr.execute(['x'], { inputs: { a: 1, offset: 4 } })).resolves.toEqual({ x: 10 });
  });

  it('works on static methods, and @pipe is the same decorator', async () => {
    class Static {
      @pipe(step(addOne))
      @node()
      static x(a: number) {
        return a * 10;
      }
    }
    const dr = build([Static]);
    expect(deps(byName(dr).get('x'))).toEqual(['x.with_addOne']);
    await expect(dr.execute(['x'], { inputs: { a: 1 } })).resolves.toEqual({ x: 20 });
  });

  it('reads a bound function through step(fn, bindings, { inputs })', async () => {
    const scaler = { by: 7, scale(x: number) { return x * this.by; } };
    class Bound {
      @pipeInput(step(scaler.scale.bind(scaler), {}, { inputs: ['v'] }))
      @node()
      x(a: number) {
        return a;
      }
    }
    const dr = build([Bound]);
    expect(deps(byName(dr).get('x.with_scale'))).toEqual(['a']);
    await expect(dr.execute(['x'], { inputs: { a: 2 } })).resolves.toEqual({ x: 14 });
  });
});

describe('@pipeInput with config: step(...).when*', () => {
  class Conditional {
    @pipeInput(step(addOne).when({ mode: 'plus' }), step(times, { by: 10 }).whenNot({ mode: 'plus' }), step(_half).whenIn({ size: ['s', 'm'] }))
    @node()
    x(a: number) {
      return a;
    }
  }
  const dr = (config: Record<string, unknown>) => build([Conditional], config);

  it('applies only the steps whose conditions hold', async () => {
    expect(deps(byName(dr({ mode: 'plus' })).get('x'))).toEqual(['x.with_addOne']);
    await expect(dr({ mode: 'plus' }).execute(['x'], { inputs: { a: 3 } })).resolves.toEqual({ x: 4 });
    await expect(dr({ mode: 'times', size: 'm' }).execute(['x'], { inputs: { a: 3 } })).resolves.toEqual({ x: 15 });
    expect(byName(dr({ mode: 'plus' })).has('x.with_times')).toBe(false);
  });

  it('leaves the node as written when no step applies', async () => {
    class Never {
      @pipeInput(step(addOne).when({ mode: 'never' }))
      @node()
      x(a: number) {
        return a;
      }
    }
    const d = build([Never]);
    expect([...byName(d).keys()].sort()).toEqual(['a', 'x']);
    await expect(d.execute(['x'], { inputs: { a: 3 } })).resolves.toEqual({ x: 3 });
  });
});

describe('@pipeInput combined with other decorators', () => {
  class PipeThenCheck {
    @pipeInput(step(addOne))
    @checkOutput({ range: [0, 10], importance: 'fail' })
    @node()
    x(a: number) {
      return a * 2;
    }
  }
  class CheckThenPipe {
    @checkOutput({ range: [0, 10], importance: 'fail' })
    @pipeInput(step(addOne))
    @node()
    x(a: number) {
      return a * 2;
    }
  }
  const shape = (dr: Driver) =>
    dr
      .listAvailableVariables()
      .map((n) => ({ name: n.name, deps: n.dependencies.map((d) => d.name), tags: n.tags }))
      .sort((a, b) => a.name.localeCompare(b.name));

  it('gives the same graph in either written order', async () => {
    const a = build([PipeThenCheck]);
    const b = build([CheckThenPipe]);
    expect(shape(a)).toEqual(shape(b));
    expect(shape(a).map((n) => n.name)).toEqual(['a', 'x', 'x_range_validator', 'x_raw', 'x.with_addOne']);
    expect(deps(byName(a).get('x_raw'))).toEqual(['x.with_addOne']);
    await expect(a.execute(['x'], { inputs: { a: 2 } })).resolves.toEqual({ x: 6 });
    await expect(b.execute(['x'], { inputs: { a: 2 } })).resolves.toEqual({ x: 6 });
    await expect(a.execute(['x'], { inputs: { a: 9 } })).rejects.toThrow('range');
    await expect(b.execute(['x'], { inputs: { a: 9 } })).rejects.toThrow('range');
  });

  it('tags the method node, not the steps, unless target says so', () => {
    class Tagged {
      @tag({ owner: 'ds' })
      @pipeInput(step(addOne))
      @node()
      x(a: number) {
        return a;
      }

      @tag({ owner: 'ds' }, { target: 'all' })
      @pipeInput(step(addOne))
      @node()
      y(a: number) {
        return a;
      }
    }
    const nodes = byName(build([Tagged]));
    expect(nodes.get('x')!.tags).toEqual({ owner: 'ds' });
    expect(nodes.get('x.with_addOne')!.tags).toEqual({});
    expect(nodes.get('y.with_addOne')!.tags).toEqual({ owner: 'ds' });
  });
});

describe('@pipeInput with targeted checks and tags', () => {
  it('checks a step node with @checkOutput({ target }), and tags outputs with @tagOutputs', async () => {
    class Targeted {
      @tagOutputs({ 'x.with_addOne': { stage: 'prep' } })
      @checkOutput({ range: [0, 3], importance: 'fail', target: 'x.with_addOne' })
      @pipeInput(step(addOne))
      @node()
      x(a: number) {
        return a * 100;
      }
    }
    const dr = build([Targeted]);
    const nodes = byName(dr);
    expect(deps(nodes.get('x.with_addOne_raw'))).toEqual(['a']);
    expect(deps(nodes.get('x'))).toEqual(['x.with_addOne']);
    expect(nodes.get('x.with_addOne')!.tags).toEqual({ stage: 'prep' });
    await expect(dr.execute(['x'], { inputs: { a: 2 } })).resolves.toEqual({ x: 300 });
    await expect(dr.execute(['x'], { inputs: { a: 3 } })).rejects.toThrow('range');
  });
});

describe('@pipeInput misuse', () => {
  it('rejects a step that is not a function, when the class is defined', () => {
    expect(() => step(42 as never)).toThrow(DecoratorError);
    expect(() => step(42 as never)).toThrow('step() takes a function');
    const e = thrownBy(() => {
      class Bad {
        @pipeInput(addOne as never)
        @node()
        x(a: number) {
          return a;
        }
      }
      return Bad;
    });
    expect(e).toBeInstanceOf(DecoratorError);
    expect((e as Error).message).toContain('@pipeInput on method `x`: argument 1');
  });

  it('rejects a binding naming a parameter the function lacks, and one binding the piped parameter', () => {
    const unknown = thrownBy(() => {
      class Bad {
        @pipeInput(step(times, { factor: value(2) }))
        @node()
        x(a: number) {
          return a;
        }
      }
      return Bad;
    });
    expect(unknown).toBeInstanceOf(DecoratorError);
    expect((unknown as Error).message).toMatch(/`factor`.*its parameters: `x`, `by`/);
    const piped = thrownBy(() => {
      class Bad {
        @pipeInput(step(times, { x: value(2) }))
        @node()
        x(a: number) {
          return a;
        }
      }
      return Bad;
    });
    expect((piped as Error).message).toContain('its first parameter, which receives the piped value');
  });

  it('rejects a step function without parameters, and a bound function without inputs', () => {
    const one = () => 1;
    const none = thrownBy(() => {
      class Bad {
        @pipeInput(step(one))
        @node()
        x(a: number) {
          return a;
        }
      }
      return Bad;
    });
    expect((none as Error).message).toContain('@pipeInput on method `x`: `one` has no parameters, so it cannot receive the piped value');
    const bound = thrownBy(() => {
      class Bad {
        @pipeInput(step(addOne.bind(null)))
        @node()
        x(a: number) {
          return a;
        }
      }
      return Bad;
    });
    expect(bound).toBeInstanceOf(DecoratorError);
    expect((bound as Error).message).toContain("step(fn, bindings, { inputs: ['x', 'factor'] })");
  });

  it('rejects a pipe on a method without parameters at build, naming Class.method', () => {
    class NoParams {
      @pipeInput(step(addOne))
      @node()
      x() {
        return 1;
      }
    }
    const e = thrownBy(() => build([NoParams]));
    expect(e).toBeInstanceOf(DecoratorError);
    expect((e as Error).message).toContain('@pipeInput on NoParams.x: node `x` has no parameters');
  });

  it('rejects an onInput that is not an input, no steps, and a namespace on both pipe and step', () => {
    class BadInput {
      @pipeInput(step(addOne), { onInput: 'zz' })
      @node()
      x(a: number) {
        return a;
      }
    }
    expect(() => build([BadInput])).toThrow('onInput `zz` is not an input of node `x` (its inputs: `a`)');
    expect(() => {
      class Empty {
        @pipeInput()
        @node()
        x(a: number) {
          return a;
        }
      }
      return Empty;
    }).toThrow('has no steps');
    expect(() => {
      class Both {
        @pipeInput(step(addOne).named('p', { namespace: 'n' }), { namespace: null })
        @node()
        x(a: number) {
          return a;
        }
      }
      return Both;
    }).toThrow('Set it in one place');
  });

  it('rejects a step namespace or name with a dot, two steps with one name, and an anonymous function', () => {
    expect(() => step(addOne).named('a.b')).toThrow('without dots');
    expect(() => step(addOne).named('a', { namespace: 'x.y' })).toThrow('without dots');
    expect(() => {
      class Twice {
        @pipeInput(step(addOne).named('p'), step(times, { by: 2 }).named('p'))
        @node()
        x(a: number) {
          return a;
        }
      }
      return Twice;
    }).toThrow('two steps are named `p`');
    expect(() => {
      class Anonymous {
        @pipeInput(step([(x: number) => x][0]!))
        @node()
        x(a: number) {
          return a;
        }
      }
      return Anonymous;
    }).toThrow("has no name to make its node name from. Name it with .named('name')");
  });

  it('needs @node on the method', () => {
    class NoNode {
      @pipeInput(step(addOne))
      x(a: number) {
        return a;
      }
    }
    expect(() => build([NoNode])).toThrow('NoNode.x has @pipeInput but no @node()');
  });
});
