// @node: a method's name is the value it produces, its parameter names are the values it needs.
import { describe, expect, it } from '@jest/globals';
import { Builder, node, type Module, type NodeInfo } from '../../lib/index.js';
import { silent } from '../support.js';

const build = (...modules: Module[]) => new Builder().withModules(...modules).withLogger(silent).build();
const infoOf = (modules: Module[], name: string): NodeInfo | undefined =>
  build(...modules).listAvailableVariables().find((n) => n.name === name);

describe('@node', () => {
  it('makes the method name the node name and its parameter names the dependencies, in order', () => {
    class Marketing {
      @node()
      spendPerSignup(spend: number, signups: number) {
        return spend / signups;
      }
    }
    expect(infoOf([Marketing], 'spendPerSignup')).toEqual({
      name: 'spendPerSignup',
      tags: {},
      dependencies: [
        { name: 'spend', optional: false },
        { name: 'signups', optional: false },
      ],
      isExternalInput: false,
      origin: 'Marketing.spendPerSignup',
    });
  });

  it('computes the node by calling the method with its dependencies', async () => {
    class Marketing {
      @node()
      spendPerSignup(spend: number, signups: number) {
        return spend / signups;
      }
    }
    await expect(build(Marketing).execute(['spendPerSignup'], { inputs: { spend: 10, signups: 4 } })).resolves.toEqual({ spendPerSignup: 2.5 });
  });

  it('renames the node with `name`, keeping the origin at the method', async () => {
    class Features {
      @node({ name: 'revenue' })
      computeRevenue(price: number, units: number) {
        return price * units;
      }
    }
    const dr = build(Features);
    expect(dr.listAvailableVariables().map((n) => n.name).sort()).toEqual(['price', 'revenue', 'units']);
    expect(dr.listAvailableVariables().find((n) => n.name === 'revenue')?.origin).toBe('Features.computeRevenue');
    await expect(dr.execute(['revenue'], { inputs: { price: 3, units: 5 } })).resolves.toEqual({ revenue: 15 });
  });

  it('maps `inputs` positionally onto the parameters, overriding the parameter names', async () => {
    class Features {
      @node({ inputs: ['rawSpend', 'rawSignups'] })
      ratio(a: number, b: number) {
        return a / b;
      }
    }
    const dr = build(Features);
    expect(dr.listAvailableVariables().find((n) => n.name === 'ratio')?.dependencies.map((d) => d.name)).toEqual(['rawSpend', 'rawSignups']);
    await expect(dr.execute(['ratio'], { inputs: { rawSpend: 9, rawSignups: 3 } })).resolves.toEqual({ ratio: 3 });
  });

  it('accepts destructured parameters when `inputs` names them', async () => {
    class Features {
      @node({ inputs: ['point'] })
      norm({ x, y }: { x: number; y: number }) {
        return Math.hypot(x, y);
      }
    }
    await expect(build(Features).execute(['norm'], { inputs: { point: { x: 3, y: 4 } } })).resolves.toEqual({ norm: 5 });
  });

  it('keeps a parameter with a default value optional when `inputs` renames it', () => {
    class Features {
      @node({ inputs: ['base', 'scale'] })
      scaled(a: number, b = 2) {
        return a * b;
      }
    }
    expect(infoOf([Features], 'scaled')?.dependencies).toEqual([
      { name: 'base', optional: false },
      { name: 'scale', optional: true },
    ]);
  });

  it('marks parameters with a default value as optional dependencies', () => {
    class Features {
      @node()
      target(region: string, rate = 0.2, label: string = 'x') {
        return `${region}${rate}${label}`;
      }
    }
    expect(infoOf([Features], 'target')?.dependencies).toEqual([
      { name: 'region', optional: false },
      { name: 'rate', optional: true },
      { name: 'label', optional: true },
    ]);
  });

  it('shows `doc` in the node info', () => {
    class Features {
      @node({ doc: 'Rolling three-week average of spend.' })
      avgThreeWeekSpend(spend: number[]) {
        return spend;
      }
    }
    expect(infoOf([Features], 'avgThreeWeekSpend')?.doc).toBe('Rolling three-week average of spend.');
  });

  it('makes a method without parameters a node with no dependencies', async () => {
    class Constants {
      @node()
      answer() {
        return 42;
      }
    }
    expect(infoOf([Constants], 'answer')?.dependencies).toEqual([]);
    await expect(build(Constants).execute(['answer'])).resolves.toEqual({ answer: 42 });
  });

  it('makes async methods nodes whose resolved value flows downstream', async () => {
    class Loaders {
      @node()
      async spend() {
        return [1, 2, 3];
      }

      @node()
      total(spend: number[]) {
        return spend.reduce((a, b) => a + b, 0);
      }
    }
    await expect(build(Loaders).execute(['total'])).resolves.toEqual({ total: 6 });
  });

  it('makes only @node methods nodes: other methods are plain helpers callable with `this`', async () => {
    class Features {
      double(v: number) {
        return v * 2;
      }

      @node()
      doubled(x: number) {
        return this.double(x);
      }
    }
    const dr = build(Features);
    expect(dr.listAvailableVariables().map((n) => n.name).sort()).toEqual(['doubled', 'x']);
    await expect(dr.execute(['doubled'], { inputs: { x: 4 } })).resolves.toEqual({ doubled: 8 });
  });

  it('leaves the method callable as a normal method', () => {
    class Features {
      @node()
      doubled(x: number) {
        return x * 2;
      }
    }
    expect(new Features().doubled(21)).toBe(42);
  });
});
