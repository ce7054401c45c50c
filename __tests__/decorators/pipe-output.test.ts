import { describe, expect, it } from '@jest/globals';
import {
  DecoratorError,
  checkOutput,
  node,
  pipeOutput,
  source,
  step,
  tag,
  value,
  type Driver,
} from '../../lib/index.js';
import { thrownBy } from '../support.js';
import { build, byName, deps, twice } from './graph-helpers.js';

const addOne = (x: number) => x + 1;
const times = (x: number, by: number) => x * by;

describe('@pipeOutput', () => {
  class Forecast {
    @pipeOutput(step(addOne), step(times, { by: source('factor') }))
    @node({ doc: 'The forecast.' })
    forecast(history: number) {
      return history * 2;
    }

    @node()
    report(forecast: number) {
      return `f=${forecast}`;
    }
  }

  it('passes the output through each step after the body runs', async () => {
    const dr = build([Forecast]);
    await expect(dr.execute(['forecast', 'report'], { inputs: { history: 3, factor: 10 } })).resolves.toEqual({ forecast: 70, report: 'f=70' });
  });

  it('makes x.raw (the body), visible steps x.with_fn, and a final x that downstream nodes read', () => {
    const dr = build([Forecast]);
    const nodes = byName(dr);
    expect(deps(nodes.get('forecast.raw'))).toEqual(['history']);
    expect(deps(nodes.get('forecast.with_addOne'))).toEqual(['forecast.raw']);
    expect(deps(nodes.get('forecast.with_times'))).toEqual(['forecast.with_addOne', 'factor']);
    expect(deps(nodes.get('forecast'))).toEqual(['forecast.with_times']);
    expect(deps(nodes.get('report'))).toEqual(['forecast']);
    expect(dr.graph.node('forecast.raw')!.spec).toMatchObject({ role: 'raw', code: { kind: 'method', method: 'forecast' } });
    expect(dr.graph.node('forecast.with_addOne')!.spec!.role).toBe('step');
    expect(dr.graph.node('forecast')!.spec).toMatchObject({ role: 'final', code: { kind: 'op', op: 'decorators.identity' }, doc: 'The forecast.' });
    expect(nodes.get('forecast.with_times')!.origin).toBe('Forecast.forecast');
  });

  it('shows the chain in toDot', () => {
    const dot = build([Forecast]).toDot();
    expect(dot).toContain('"forecast.raw" -> "forecast.with_addOne"');
    expect(dot).toContain('"forecast.with_times" -> "forecast"');
  });

  it('applies steps only when their config conditions hold, and leaves the node alone when none does', async () => {
    class Conditional {
      @pipeOutput(step(addOne).when({ plus: true }), step(times, { by: 10 }).whenNotIn({ mode: ['off'] }))
      @node()
      x(a: number) {
        return a;
      }
    }
    const dr = (config: Record<string, unknown>) => build([Conditional], config);
    await expect(dr({ plus: true }).execute(['x'], { inputs: { a: 1 } })).resolves.toEqual({ x: 20 });
    await expect(dr({ plus: false, mode: 'on' }).execute(['x'], { inputs: { a: 1 } })).resolves.toEqual({ x: 10 });
    const off = dr({ mode: 'off' });
    expect([...byName(off).keys()].sort()).toEqual(['a', 'mode', 'x']);
    await expect(off.execute(['x'], { inputs: { a: 1 } })).resolves.toEqual({ x: 1 });
  });

  it('chains the steps of stacked @pipeOutputs in source order, onto one x.raw', async () => {
    class Stacked {
      @pipeOutput(step(addOne))
      @pipeOutput(step(times, { by: 10 }))
      @node()
      x(a: number) {
        return a;
      }
    }
    const dr = build([Stacked]);
    expect(deps(byName(dr).get('x.with_times'))).toEqual(['x.with_addOne']);
    await expect(dr.execute(['x'], { inputs: { a: 1 } })).resolves.toEqual({ x: 20 });
  });

  it('applies to every final node of an expanded method, or to those onOutput names', async () => {
    class Pair {
      @pipeOutput(step(addOne))
      @twice()
      @node()
      all(a: number) {
        return a;
      }

      @pipeOutput(step(addOne).onOutput('oneB'), step(times, { by: 10 }))
      @twice()
      @node()
      one(a: number) {
        return a;
      }

      @pipeOutput(step(addOne), { onOutput: ['globA'] })
      @twice()
      @node()
      glob(a: number) {
        return a;
      }
    }
    const dr = build([Pair]);
    const names = [...byName(dr).keys()];
    expect(names).toEqual(expect.arrayContaining(['allA.with_addOne', 'allB.with_addOne', 'oneB.with_addOne', 'globA.with_addOne']));
    expect(names).not.toContain('oneA.with_addOne');
    expect(names).not.toContain('globB.raw');
    await expect(dr.execute(['allA', 'allB', 'oneA', 'oneB', 'globA', 'globB'], { inputs: { a: 1 } })).resolves.toEqual({
      allA: 2,
      allB: 2,
      oneA: 10,
      oneB: 20,
      globA: 2,
      globB: 1,
    });
  });
});

describe('@pipeOutput combined with other decorators', () => {
  class PipeFirst {
    @pipeOutput(step(times, { by: 10 }))
    @checkOutput({ range: [0, 5], importance: 'fail' })
    @node()
    x(a: number) {
      return a;
    }
  }
  class CheckFirst {
    @checkOutput({ range: [0, 5], importance: 'fail' })
    @pipeOutput(step(times, { by: 10 }))
    @node()
    x(a: number) {
      return a;
    }
  }
  const shape = (dr: Driver) =>
    dr
      .listAvailableVariables()
      .map((n) => ({ name: n.name, deps: n.dependencies.map((d) => d.name) }))
      .sort((a, b) => a.name.localeCompare(b.name));

  it('gives the same graph in either written order, the check applying to the piped output', async () => {
    expect(shape(build([PipeFirst]))).toEqual(shape(build([CheckFirst])));
    const nodes = byName(build([PipeFirst]));
    expect(deps(nodes.get('x_raw'))).toEqual(['x.with_times']);
    expect(deps(nodes.get('x'))).toEqual(['x_raw', 'x_range_validator']);
    for (const M of [PipeFirst, CheckFirst]) {
      // The body's 0.4 passes [0, 5]; the piped 4 passes; the body's 1 gives a piped 10, which fails.
      await expect(build([M]).execute(['x'], { inputs: { a: 0.4 } })).resolves.toEqual({ x: 4 });
      await expect(build([M]).execute(['x'], { inputs: { a: 1 } })).rejects.toThrow('range');
    }
  });

  it('checks the body output instead with @checkOutput({ target: "x.raw" })', async () => {
    class RawChecked {
      @checkOutput({ range: [0, 5], importance: 'fail', target: 'x.raw' })
      @pipeOutput(step(times, { by: 10 }))
      @node()
      x(a: number) {
        return a;
      }
    }
    const dr = build([RawChecked]);
    expect(deps(byName(dr).get('x.with_times'))).toEqual(['x.raw']);
    expect(deps(byName(dr).get('x.raw'))).toEqual(['x.raw_raw', 'x.raw_range_validator']);
    await expect(dr.execute(['x'], { inputs: { a: 1 } })).resolves.toEqual({ x: 10 });
    await expect(dr.execute(['x'], { inputs: { a: 6 } })).rejects.toThrow('range');
  });

  it('tags the final node by default, every node with target all', () => {
    class Tagged {
      @tag({ owner: 'ds' })
      @pipeOutput(step(addOne))
      @node()
      x(a: number) {
        return a;
      }

      @tag({ owner: 'ds' }, { target: 'all' })
      @pipeOutput(step(addOne))
      @node()
      y(a: number) {
        return a;
      }
    }
    const nodes = byName(build([Tagged]));
    expect(nodes.get('x')!.tags).toEqual({ owner: 'ds' });
    expect(nodes.get('x.raw')!.tags).toEqual({});
    expect(nodes.get('x.with_addOne')!.tags).toEqual({});
    expect(['y', 'y.raw', 'y.with_addOne'].map((n) => nodes.get(n)!.tags)).toEqual([{ owner: 'ds' }, { owner: 'ds' }, { owner: 'ds' }]);
  });
});

describe('@pipeOutput misuse', () => {
  it('rejects an onOutput naming no node of the method, at build', () => {
    class Bad {
      @pipeOutput(step(addOne).onOutput('nope'))
      @node()
      x(a: number) {
        return a;
      }
    }
    const e = thrownBy(() => build([Bad]));
    expect(e).toBeInstanceOf(DecoratorError);
    expect((e as Error).message).toContain('@pipeOutput on Bad.x: onOutput `nope` is not a node this method makes (it makes `x`)');
  });

  it('rejects targets set both on the pipe and on a step, and a binding the step function lacks', () => {
    expect(() => {
      class Both {
        @pipeOutput(step(addOne).onOutput('x'), { onOutput: 'x' })
        @node()
        x(a: number) {
          return a;
        }
      }
      return Both;
    }).toThrow('Choose the targets in one place');
    expect(() => {
      class Unknown {
        @pipeOutput(step(addOne, { y: value(1) }))
        @node()
        x(a: number) {
          return a;
        }
      }
      return Unknown;
    }).toThrow(DecoratorError);
  });
});
