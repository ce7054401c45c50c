import { describe, expect, it } from '@jest/globals';
import {
  DecoratorError,
  applyTo,
  checkOutput,
  modifierDecorator,
  mutate,
  node,
  pipeOutput,
  source,
  step,
  tag,
  value,
  type NodeResolver,
  type NodeSpec,
} from '../../lib/index.js';
import { thrownBy } from '../support.js';
import { build, byName, deps, twice } from './graph-helpers.js';

const addOne = (x: number) => x + 1;

describe('@mutate', () => {
  class Sales {
    @node()
    spend(rawSpend: number[]) {
      return rawSpend;
    }

    @node()
    signups(rawSignups: number[]) {
      return rawSignups;
    }

    @node()
    ratio(spend: number[], signups: number[]) {
      return spend.map((s, i) => s / signups[i]!);
    }

    @mutate('spend', 'signups', { floor: value(1) })
    @node()
    _clipped(x: number[], floor: number) {
      return x.map((v) => Math.max(v, floor));
    }

    @mutate('spend')
    @node()
    scaled(x: number[], factor: number) {
      return x.map((v) => v * factor);
    }
  }

  it('applies the method to the output of each target, after its body', async () => {
    const dr = build([Sales]);
    const out = await dr.execute(['spend', 'signups', 'ratio'], { inputs: { rawSpend: [0, 4], rawSignups: [0, 2], factor: 10 } });
    expect(out).toEqual({ spend: [10, 40], signups: [1, 2], ratio: [10, 20] });
  });

  it('makes target.raw, one step node per mutating method in class order, and a final target', () => {
    const nodes = byName(build([Sales]));
    expect(deps(nodes.get('spend.raw'))).toEqual(['rawSpend']);
    expect(deps(nodes.get('spend.with_clipped'))).toEqual(['spend.raw']);
    expect(deps(nodes.get('spend.with_scaled'))).toEqual(['spend.with_clipped', 'factor']);
    expect(deps(nodes.get('spend'))).toEqual(['spend.with_scaled']);
    expect(deps(nodes.get('signups'))).toEqual(['signups.with_clipped']);
    expect(nodes.has('_clipped')).toBe(false);
    expect(nodes.has('scaled')).toBe(false);
  });

  it('runs the mutating method as a method of the module, with its own origin', () => {
    const dr = build([Sales]);
    const spec = dr.graph.node('spend.with_clipped')!.spec!;
    expect(spec.role).toBe('step');
    expect(spec.code).toEqual({ kind: 'method', module: 0, method: '_clipped', static: false, bind: [{ dep: 0 }, { value: 1 }] });
    expect(spec.origin).toBe('Sales._clipped');
    expect(byName(dr).get('spend.raw')!.origin).toBe('Sales.spend');
    expect(dr.toDot()).toContain('"spend.with_clipped" -> "spend.with_scaled"');
  });

  it('gives each applyTo target its own bindings, condition, name and output', async () => {
    class Targets {
      @node()
      a(x: number) {
        return x;
      }

      @node()
      b(x: number) {
        return x;
      }

      @twice()
      @node()
      c(x: number) {
        return x;
      }

      @mutate(applyTo('a', { by: value(2) }), applyTo('b', { by: source('k') }).named('scaledB'), applyTo('c').onOutput('cB'), applyTo('a').when({ on: true }), { by: 100 })
      @node()
      static times(v: number, by: number) {
        return v * by;
      }
    }
    const dr = (config: Record<string, unknown>) => build([Targets], config);
    const nodes = byName(dr({ on: true }));
    expect(deps(nodes.get('b.scaledB'))).toEqual(['b.raw', 'k']);
    expect(deps(nodes.get('a'))).toEqual(['a.with_times_1']);
    expect(nodes.has('cA.raw')).toBe(false);
    const inputs = { x: 1, k: 7 };
    await expect(dr({ on: true }).execute(['a', 'b', 'cA', 'cB'], { inputs })).resolves.toEqual({ a: 200, b: 7, cA: 1, cB: 100 });
    await expect(dr({ on: false }).execute(['a'], { inputs })).resolves.toEqual({ a: 2 });
  });

  it('targets a node by the name its @node gives', async () => {
    class Renamed {
      @node({ name: 'total' })
      computeTotal(x: number) {
        return x;
      }

      @mutate('total')
      @node()
      _plusOne(v: number) {
        return v + 1;
      }
    }
    await expect(build([Renamed]).execute(['total'], { inputs: { x: 1 } })).resolves.toEqual({ total: 2 });
  });

  it('targets config variants `name__variant` by the node name config decorators give them', async () => {
    // Stands in for @config.when: keeps the variant the config names, under the name before `__`.
    const variant = (wanted: string) =>
      modifierDecorator('@variant', {
        stage: 'resolve',
        resolve: (n: NodeSpec, ctx) => (ctx.config.mode === wanted ? { ...n, name: n.name.split('__')[0]! } : { absent: 'other mode', name: 'total' }),
      } satisfies NodeResolver);
    class Variants {
      @variant('a')
      @node()
      total__a(x: number) {
        return x;
      }

      @variant('b')
      @node()
      total__b(x: number) {
        return -x;
      }

      @mutate('total')
      @node()
      _plus(v: number) {
        return v + 1000;
      }
    }
    const run = (mode: string) => build([Variants], { mode }).execute(['total'], { inputs: { x: 1 } });
    await expect(run('a')).resolves.toEqual({ total: 1001 });
    await expect(run('b')).resolves.toEqual({ total: 999 });
  });

  it('adds its steps after the target’s own @pipeOutput steps, and the target’s check sees the mutated value', async () => {
    class Combined {
      @checkOutput({ range: [0, 50], importance: 'fail' })
      @pipeOutput(step(addOne))
      @tag({ owner: 'ds' })
      @node()
      x(a: number) {
        return a;
      }

      @mutate('x')
      @node()
      _tenfold(v: number) {
        return v * 10;
      }
    }
    const dr = build([Combined]);
    const nodes = byName(dr);
    expect(deps(nodes.get('x.with_tenfold'))).toEqual(['x.with_addOne']);
    expect(deps(nodes.get('x_raw'))).toEqual(['x.with_tenfold']);
    expect(nodes.get('x')!.tags).toEqual({ owner: 'ds' });
    await expect(dr.execute(['x'], { inputs: { a: 2 } })).resolves.toEqual({ x: 30 });
    await expect(dr.execute(['x'], { inputs: { a: 5 } })).rejects.toThrow('range');
  });

  it('runs a subclass override of the mutating method', async () => {
    class Base {
      @node()
      x(a: number) {
        return a;
      }

      @mutate('x')
      @node()
      _adjust(v: number) {
        return v + 1;
      }
    }
    class Child extends Base {
      override _adjust(v: number) {
        return v + 100;
      }
    }
    await expect(build([Child]).execute(['x'], { inputs: { a: 1 } })).resolves.toEqual({ x: 101 });
  });
});

describe('@mutate misuse', () => {
  it('rejects a target that is not a method or node of the class, naming the class’s nodes', () => {
    class Bad {
      @node()
      x(a: number) {
        return a;
      }

      @mutate('y')
      @node()
      _m(v: number) {
        return v;
      }
    }
    const e = thrownBy(() => build([Bad]));
    expect(e).toBeInstanceOf(DecoratorError);
    expect((e as Error).message).toContain('@mutate on Bad._m targets `y`, which is neither a method nor a node of its class (its nodes: `x`)');
  });

  it('rejects other decorators on the mutating method, naming them', () => {
    class Tagged {
      @node()
      x(a: number) {
        return a;
      }

      @tag({ owner: 'ds' })
      @mutate('x')
      @node()
      _m(v: number) {
        return v;
      }
    }
    expect(() => build([Tagged])).toThrow('Tagged._m has @tag and @mutate');
  });

  it('rejects a binding the method lacks, a binding of its first parameter, and a method without parameters', () => {
    class Unknown {
      @node()
      x(a: number) {
        return a;
      }

      @mutate('x', { nope: 1 })
      @node()
      _m(v: number) {
        return v;
      }
    }
    class Piped {
      @node()
      x(a: number) {
        return a;
      }

      @mutate('x', { v: 1 })
      @node()
      _m(v: number) {
        return v;
      }
    }
    class NoParams {
      @node()
      x(a: number) {
        return a;
      }

      @mutate('x')
      @node()
      _m() {
        return 1;
      }
    }
    expect(() => build([Unknown])).toThrow('@mutate on Unknown._m: the bindings of `_m` name `nope`, which is not a parameter of `_m` (its parameters: `v`)');
    expect(() => build([Piped])).toThrow('its first parameter, which receives the piped value');
    expect(() => build([NoParams])).toThrow('@mutate on NoParams._m: `_m` has no parameters');
  });

  it('rejects bad arguments when the class is defined', () => {
    expect(() => mutate()).toThrow('@mutate needs at least one target');
    expect(() => mutate(step(addOne) as never)).toThrow('target 1 is');
    expect(() => applyTo('')).toThrow(DecoratorError);
  });
});
