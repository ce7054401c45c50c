// @resolve / @resolveFromConfig: decorators chosen from config when the graph is built.
import { describe, expect, it } from '@jest/globals';
import {
  DecoratorError,
  UnknownNodeError,
  checkOutput,
  config,
  node,
  parameterize,
  parameterizeSources,
  resolve,
  resolveFromConfig,
  tag,
  value,
  type MethodDecorator,
} from '../../lib/index.js';
import { thrownBy } from '../support.js';
import { build, nodeNames } from './support.js';


class Sums {
  @resolve({
    when: 'configAvailable',
    decorateWith: ({ pairs }) =>
      parameterizeSources(Object.fromEntries((pairs as [string, string][]).map(([a, b]) => [`${a}Plus${b}`, { x: a, y: b }]))),
  })
  @node({ doc: '{x} + {y}' })
  sum(x: number, y: number) {
    return x + y;
  }
}

describe('@resolve', () => {
  it('shapes the graph from config: the nodes parameterizeSources makes from it', async () => {
    const dr = build({ pairs: [['a', 'b'], ['b', 'c']] }, Sums);
    expect(nodeNames({ pairs: [['a', 'b'], ['b', 'c']] }, Sums)).toEqual(['aPlusb', 'bPlusc']);
    const info = dr.listAvailableVariables().find((n) => n.name === 'bPlusc');
    expect(info).toMatchObject({ origin: 'Sums.sum', doc: 'b + c' });
    expect(info!.dependencies.map((d) => d.name)).toEqual(['b', 'c']);
    await expect(dr.execute(['aPlusb', 'bPlusc'], { inputs: { a: 1, b: 2, c: 3 } })).resolves.toEqual({ aPlusb: 3, bPlusc: 5 });
    expect(nodeNames({ pairs: [['x', 'y']] }, Sums)).toEqual(['xPlusy']);
    expect(dr.toDot()).toContain('"aPlusb" [');
  });

  it('applies a list of decorators as if stacked, each in its own stage, with decorators written on the method', async () => {
    class Scored {
      @tag({ written: 'yes' })
      @resolve({
        decorateWith: (cfg) => [
          tag({ owner: String(cfg.owner) }),
          checkOutput({ range: [0, Number(cfg.max)], importance: 'warn' }),
          parameterize({ low: { x: value(1) }, high: { x: value(50) } }),
        ],
      })
      @node()
      score(x: number) {
        return x;
      }
    }
    const dr = build({ owner: 'ds', max: 10 }, Scored);
    expect(nodeNames({ owner: 'ds', max: 10 }, Scored)).toEqual(['high', 'high_range_validator', 'high_raw', 'low', 'low_range_validator', 'low_raw']);
    expect(dr.listAvailableVariables().find((n) => n.name === 'low')!.tags).toEqual({ written: 'yes', owner: 'ds' });
    const { high_range_validator: high, low_range_validator: low } = await dr.execute(['high_range_validator', 'low_range_validator']);
    expect([low, high].map((r) => (r as { passed: boolean }).passed)).toEqual([true, false]);
  });

  it('can choose a config decorator, and a chosen @resolve chooses too', async () => {
    class Chosen {
      @resolve({
        decorateWith: ({ region }) => [
          config.when({ enabled: true }),
          resolve({ decorateWith: () => tag({ region: String(region) }) }),
        ],
      })
      @node()
      static report() {
        return 'r';
      }
    }
    const dr = build({ enabled: true, region: 'us' }, Chosen);
    expect(dr.listAvailableVariables().find((n) => n.name === 'report')!.tags).toEqual({ region: 'us' });
    await expect(dr.execute(['report'])).resolves.toEqual({ report: 'r' });
    const error = thrownBy(() => build({ enabled: false, region: 'us' }, Chosen).validateExecution(['report'])) as Error;
    expect(error).toBeInstanceOf(UnknownNodeError);
    expect(error.message).toContain('Chosen.report needs config enabled = true (config has enabled = false)');
  });

  it('hands the chosen decorator the method and its name, as when the decorator is written on the method', () => {
    const seen: { value?: unknown; name?: unknown; isStatic?: boolean } = {};
    const spy: MethodDecorator = (v, context) => {
      seen.value = v;
      seen.name = context.name;
      seen.isStatic = context.static;
    };
    class Spied {
      @resolve({ decorateWith: () => spy })
      @node()
      static watched() {
        return 1;
      }
    }
    build({}, Spied);
    expect(seen).toEqual({ value: Spied.watched, name: 'watched', isStatic: true });
  });

  it('resolveFromConfig is @resolve at configAvailable', async () => {
    class Short {
      @resolveFromConfig({ decorateWith: ({ n }) => parameterize({ [`times${String(n)}`]: { k: value(n) } }) })
      @node()
      times(x: number, k: number) {
        return x * k;
      }
    }
    await expect(build({ n: 3 }, Short).execute(['times3'], { inputs: { x: 2 } })).resolves.toEqual({ times3: 6 });
  });
});

describe('@resolve misuse', () => {
  const defining = (decorate: MethodDecorator) =>
    thrownBy(() => {
      class Bad {
        @decorate
        @node()
        m() {
          return 1;
        }
      }
      return Bad;
    }) as Error;

  it('rejects options without decorateWith, or another `when`, when the class is defined', () => {
    expect(defining(resolve({} as never)).message).toContain("@resolve on method `m` takes { when: 'configAvailable', decorateWith");
    const error = defining(resolve({ when: 'always' as never, decorateWith: () => tag({ a: 'b' }) }));
    expect(error).toBeInstanceOf(DecoratorError);
    expect(error.message).toContain("when must be 'configAvailable'");
  });

  it('wraps an error of decorateWith at build, naming Class.method, with the cause', () => {
    class Throws {
      @resolve({ decorateWith: ({ pairs }) => parameterizeSources(Object.fromEntries((pairs as string[][]).map(([a]) => [a!, { x: a! }]))) })
      @node()
      m(x: number) {
        return x;
      }
    }
    const error = thrownBy(() => build({}, Throws)) as Error;
    expect(error).toBeInstanceOf(DecoratorError);
    expect(error.message).toContain('@resolve on Throws.m: decorateWith threw TypeError');
    expect(error.cause).toBeInstanceOf(TypeError);
  });

  it('passes on a DecoratorError of the chosen decorator', () => {
    class BadChoice {
      @resolve({ decorateWith: () => parameterize({}) })
      @node()
      m() {
        return 1;
      }
    }
    expect((thrownBy(() => build({}, BadChoice)) as Error).message).toContain('@parameterize on method `m` makes no node');
  });

  it('rejects a result that is not a decorator, and a chosen @node', () => {
    for (const [chosen, text] of [
      [undefined, 'decorateWith must return a decorator'],
      [[], 'decorateWith must return a decorator'],
      [node(), 'records `node`'],
    ] as const) {
      class Bad {
        @resolve({ decorateWith: () => chosen as never })
        @node()
        m() {
          return 1;
        }
      }
      const error = thrownBy(() => build({}, Bad)) as Error;
      expect(error).toBeInstanceOf(DecoratorError);
      expect(error.message).toContain('@resolve on Bad.m');
      expect(error.message).toContain(text);
    }
  });

  it('chooses a second expander: DecoratorError naming both', () => {
    class Two {
      @parameterize({ a: {} })
      @resolve({ decorateWith: () => parameterize({ b: {} }) })
      @node()
      m() {
        return 1;
      }
    }
    expect((thrownBy(() => build({}, Two)) as Error).message).toContain('Two.m has @parameterize and @parameterize');
  });
});
