// @parameterize, @parameterizeValues, @parameterizeSources: one method, many nodes.
import { describe, expect, it } from '@jest/globals';
import pino from 'pino';
import {
  Builder,
  DataValidationError,
  DecoratorError,
  DuplicateNodeError,
  checkOutput,
  configuration,
  group,
  inject,
  modifierDecorator,
  node,
  parameterize,
  parameterizeSources,
  parameterizeValues,
  source,
  tag,
  tagOutputs,
  value,
  type CodeRef,
  type Config,
  type Module,
  type NodeGenerator,
  type NodeInfo,
} from '../../lib/index.js';
import { thrownBy } from '../support.js';
import { build } from './support.js';

const infos = (cfg: Config, ...modules: Module[]) => new Map(build(cfg, ...modules).listAvailableVariables().map((n) => [n.name, n]));
const deps = (info: NodeInfo | undefined) => info?.dependencies.map((d) => (d.optional ? `${d.name}?` : d.name));
const defining = (define: () => unknown) => thrownBy(define) as Error;

class Spend {
  @parameterize({
    spendUs3: { spend: source('spendUs'), weeks: value(3) },
    spendUk2: { spend: source('spendUk'), weeks: value(2) },
    spendAll: {},
  })
  @node({ doc: 'Mean of the last {weeks} weeks of {spend}, as {outputName}.' })
  recentMean(spend: number[], weeks = 1) {
    const last = spend.slice(-weeks);
    return last.reduce((a, b) => a + b, 0) / last.length;
  }
}

describe('@parameterize', () => {
  it('makes one node per output, with the origin of the method and no node for the method itself', () => {
    const nodes = infos({}, Spend);
    expect([...nodes.values()].filter((n) => !n.isExternalInput).map((n) => n.name)).toEqual(['spendUs3', 'spendUk2', 'spendAll']);
    for (const name of ['spendUs3', 'spendUk2', 'spendAll']) expect(nodes.get(name)!.origin).toBe('Spend.recentMean');
    expect(nodes.has('recentMean')).toBe(false);
  });

  it('reads sources instead of the parameter, drops parameters bound to values, and keeps the others as they were', () => {
    const nodes = infos({}, Spend);
    expect(deps(nodes.get('spendUs3'))).toEqual(['spendUs']);
    expect(deps(nodes.get('spendUk2'))).toEqual(['spendUk']);
    expect(deps(nodes.get('spendAll'))).toEqual(['spend', 'weeks?']);
  });

  it('runs the method with the bound arguments', async () => {
    const dr = build({}, Spend);
    const inputs = { spendUs: [1, 2, 3, 4], spendUk: [10, 20, 30], spend: [5, 7] };
    await expect(dr.execute(['spendUs3', 'spendUk2', 'spendAll'], { inputs })).resolves.toEqual({ spendUs3: 3, spendUk2: 25, spendAll: 7 });
    await expect(dr.execute(['spendAll'], { inputs: { spend: [5, 7], weeks: 2 } })).resolves.toEqual({ spendAll: 6 });
  });

  it('fills the doc template per node: {param} with the source or value, {outputName}, a free parameter with its own name', () => {
    const nodes = infos({}, Spend);
    expect(nodes.get('spendUs3')!.doc).toBe('Mean of the last 3 weeks of spendUs, as spendUs3.');
    expect(nodes.get('spendAll')!.doc).toBe('Mean of the last weeks weeks of spend, as spendAll.');
  });

  it('uses a doc from `docs` as it is, and keeps unknown placeholders and escaped braces', () => {
    class Docs {
      @parameterize({ a: { x: value({ k: [1] }) }, b: { x: value('s') } }, { docs: { b: 'B as {x}, given.' } })
      @node({ doc: '{x} and {unknown}, {{x}} literally.' })
      f(x: unknown) {
        return x;
      }

      @parameterize({ c: {} })
      @node()
      undocumented() {
        return 1;
      }
    }
    const nodes = infos({}, Docs);
    expect(nodes.get('a')!.doc).toBe('{"k":[1]} and {unknown}, {x} literally.');
    expect(nodes.get('b')!.doc).toBe('B as {x}, given.');
    expect(nodes.get('c')!.doc).toBeUndefined();
  });

  it('reads configuration(key) when the graph is built', async () => {
    class Scaled {
      @parameterize({ small: { x: source('base'), factor: configuration('smallFactor') }, large: { x: source('base'), factor: value(100) } })
      @node({ doc: '{x} times {factor}' })
      scaled(x: number, factor: number) {
        return x * factor;
      }
    }
    const dr = build({ smallFactor: 2 }, Scaled);
    expect(deps(dr.listAvailableVariables().find((n) => n.name === 'small'))).toEqual(['base']);
    expect(dr.listAvailableVariables().find((n) => n.name === 'small')!.doc).toBe('base times 2');
    await expect(dr.execute(['small', 'large'], { inputs: { base: 3 } })).resolves.toEqual({ small: 6, large: 300 });
    await expect(build({ smallFactor: 5 }, Scaled).execute(['small'], { inputs: { base: 3 } })).resolves.toEqual({ small: 15 });

    const error = thrownBy(() => build({}, Scaled)) as Error;
    expect(error).toBeInstanceOf(DecoratorError);
    expect(error.message).toContain('@parameterize on Scaled.scaled reads parameter `factor` from config key `smallFactor`, which the config lacks');
  });

  it('gathers values and sources into one parameter with group(), as a list or an object', async () => {
    class Groups {
      @parameterize({
        listed: { parts: group(source('a'), value(10), source('b')) },
        keyed: { parts: group({ first: source('a'), second: value(1) }) },
      })
      @node()
      combined(parts: number[] | Record<string, number>) {
        return parts;
      }
    }
    const dr = build({}, Groups);
    const nodes = new Map(dr.listAvailableVariables().map((n) => [n.name, n]));
    expect(deps(nodes.get('listed'))).toEqual(['a', 'b']);
    expect(deps(nodes.get('keyed'))).toEqual(['a']);
    await expect(dr.execute(['listed', 'keyed'], { inputs: { a: 1, b: 2 } })).resolves.toEqual({ listed: [1, 10, 2], keyed: { first: 1, second: 1 } });
  });

  it('works on static and async methods, and with @node({ inputs })', async () => {
    class Kinds {
      @parameterize({ plusOne: { by: value(1) }, plusTwo: { by: value(2) } })
      @node()
      static plus(x: number, by: number) {
        return x + by + (this === Kinds ? 0 : 1000);
      }

      @parameterize({ later: { n: value(5) } })
      @node()
      async slow(n: number) {
        await new Promise((r) => setTimeout(r, 1));
        return n * 2;
      }

      @parameterize({ renamed: { count: source('items') } })
      @node({ inputs: ['count'] })
      fromInputs(...args: number[]) {
        return args[0]! + 1;
      }
    }
    await expect(build({}, Kinds).execute(['plusOne', 'plusTwo', 'later', 'renamed'], { inputs: { x: 1, items: 9 } })).resolves.toEqual({
      plusOne: 2,
      plusTwo: 3,
      later: 10,
      renamed: 10,
    });
  });

  it('runs an undecorated subclass override for every generated node', async () => {
    class Sub extends Spend {
      override recentMean(spend: number[], weeks = 1) {
        return spend.length * 100 + weeks;
      }
    }
    const dr = build({}, Sub);
    await expect(dr.execute(['spendUs3', 'spendAll'], { inputs: { spendUs: [1, 2], spend: [1] } })).resolves.toEqual({ spendUs3: 203, spendAll: 101 });
    expect(dr.listAvailableVariables().find((n) => n.name === 'spendUs3')!.origin).toBe('Sub.recentMean');
  });

  it("binds on top of the bindings a generator gave the node's code", async () => {
    // A custom generate-stage modifier: f(a, b) reads [b, a]; g(parts) reads parts = [x, y].
    const swap: NodeGenerator = {
      stage: 'generate',
      generate: (n) => [{ ...n, dependencies: [{ name: 'b', optional: false }, { name: 'a', optional: false }], code: { ...n.code, bind: [{ dep: 1 }, { dep: 0 }] } as CodeRef }],
    };
    const gather: NodeGenerator = {
      stage: 'generate',
      generate: (n) => [{ ...n, dependencies: [{ name: 'x', optional: false }, { name: 'y', optional: false }], code: { ...n.code, bind: [{ group: [{ dep: 0 }, { dep: 1 }] }] } as CodeRef }],
    };
    class Generated {
      @parameterize({ minusTen: { b: value(10) } })
      @modifierDecorator('@swap', swap)
      @node()
      f(a: number, b: number) {
        return a - b;
      }

      @inject({ y: value(5) })
      @modifierDecorator('@gather', gather)
      @node()
      g(parts: number[]) {
        return parts;
      }
    }
    const dr = build({}, Generated);
    expect(dr.listAvailableVariables().find((n) => n.name === 'minusTen')!.dependencies.map((d) => d.name)).toEqual(['a']);
    await expect(dr.execute(['minusTen', 'g'], { inputs: { a: 3, x: 1 } })).resolves.toEqual({ minusTen: -7, g: [1, 5] });
  });

  it('draws the generated nodes in the DAG', () => {
    const dot = build({}, Spend).toDot();
    for (const name of ['spendUs3', 'spendUk2', 'spendAll']) expect(dot).toContain(`"${name}" [`);
    expect(dot).not.toContain('"recentMean"');
    expect(dot).toContain('"spendUs" -> "spendUs3"');
  });
});

describe('@parameterizeValues and @parameterizeSources', () => {
  class Events {
    @parameterizeValues('date', { election: '2016-11-08', holiday: '2016-12-25' }, { docs: { holiday: 'Christmas.' } })
    @node({ doc: 'One on {date}, as {outputName}.' })
    dummy(dates: string[], date: string) {
      return dates.map((d) => (d === date ? 1 : 0));
    }

    @parameterizeSources({ electionShifted: { day: 'election' }, holidayShifted: { day: 'holiday', fill: 'zero' } })
    @node({ doc: '{day} shifted by one.' })
    shifted(day: number[], fill = -1) {
      return [fill, ...day.slice(0, -1)];
    }
  }

  it('parameterizeValues binds one parameter to a value per output', async () => {
    const nodes = infos({}, Events);
    expect(deps(nodes.get('election'))).toEqual(['dates']);
    expect(nodes.get('election')!.doc).toBe('One on 2016-11-08, as election.');
    expect(nodes.get('holiday')!.doc).toBe('Christmas.');
    const dates = ['2016-11-08', '2016-12-25'];
    await expect(build({}, Events).execute(['election', 'holiday'], { inputs: { dates } })).resolves.toEqual({ election: [1, 0], holiday: [0, 1] });
  });

  it('parameterizeSources maps parameters to other nodes per output', async () => {
    const nodes = infos({}, Events);
    expect(deps(nodes.get('electionShifted'))).toEqual(['election', 'fill?']);
    expect(deps(nodes.get('holidayShifted'))).toEqual(['holiday', 'zero?']);
    expect(nodes.get('holidayShifted')!.doc).toBe('holiday shifted by one.');
    const result = await build({}, Events).execute(['electionShifted', 'holidayShifted'], { inputs: { dates: ['2016-11-08', '2016-12-25'], zero: 0 } });
    expect(result).toEqual({ electionShifted: [-1, 1], holidayShifted: [0, 0] });
  });

  it('reject bad arguments when the class is defined, naming the method', () => {
    const cases: [() => unknown, string][] = [
      [() => parameterizeValues('', { a: 1 }), 'the first argument names the parameter'],
      [() => parameterizeValues('x', {}), 'makes no node'],
      [() => parameterizeSources({ a: {} }), 'output `a` maps no parameter'],
      [() => parameterizeSources({ a: { x: source('n') as never } }), 'parameter `x` must name a node'],
    ];
    for (const [decorator, text] of cases) {
      const error = defining(() => {
        const d = decorator() as ReturnType<typeof parameterizeValues>;
        class Bad {
          @d
          @node()
          m(x: number) {
            return x;
          }
        }
        return Bad;
      });
      expect(error).toBeInstanceOf(DecoratorError);
      expect(error.message).toContain('on method `m`');
      expect(error.message).toContain(text);
    }
  });
});

describe('@parameterize with other decorators', () => {
  class Checked {
    @tagOutputs({ usSpend: { region: 'us', owner: 'us-team' } })
    @tag({ owner: 'ds' })
    @checkOutput({ range: [0, 10], importance: 'fail' })
    @parameterize({ usSpend: { raw: source('rawUs') }, ukSpend: { raw: source('rawUk') } })
    @node()
    spend(raw: number) {
      return raw;
    }
  }

  it('@checkOutput checks each generated node, with its own raw and validator nodes', () => {
    const nodes = infos({}, Checked);
    expect([...nodes.values()].filter((n) => !n.isExternalInput).map((n) => n.name).sort()).toEqual([
      'ukSpend',
      'ukSpend_range_validator',
      'ukSpend_raw',
      'usSpend',
      'usSpend_range_validator',
      'usSpend_raw',
    ]);
    expect(deps(nodes.get('usSpend_raw'))).toEqual(['rawUs']);
    expect(deps(nodes.get('ukSpend_raw'))).toEqual(['rawUk']);
    expect(deps(nodes.get('usSpend'))).toEqual(['usSpend_raw', 'usSpend_range_validator']);
    for (const n of nodes.values()) if (!n.isExternalInput) expect(n.origin).toBe('Checked.spend');
  });

  it('fails only the generated node whose value is out of range', async () => {
    const dr = build({}, Checked);
    await expect(dr.execute(['usSpend', 'ukSpend'], { inputs: { rawUs: 3, rawUk: 4 } })).resolves.toEqual({ usSpend: 3, ukSpend: 4 });
    await expect(dr.execute(['usSpend'], { inputs: { rawUs: 3, rawUk: 40 } })).resolves.toEqual({ usSpend: 3 });
    const error = await dr.execute(['ukSpend'], { inputs: { rawUs: 3, rawUk: 40 } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DataValidationError);
    expect((error as DataValidationError).node).toBe('ukSpend');
  });

  it('@tag tags every generated node; @tagOutputs tags one and wins on a key', () => {
    const nodes = infos({}, Checked);
    expect(nodes.get('usSpend')!.tags).toEqual({ owner: 'us-team', region: 'us' });
    expect(nodes.get('ukSpend')!.tags).toEqual({ owner: 'ds' });
    // As in Hamilton, tags go to the method's final nodes, not to the raw nodes @checkOutput adds.
    expect(nodes.get('ukSpend_raw')!.tags).toEqual({ 'hamilton.role': 'raw' });
  });

  it('@checkOutput with a target checks only the named outputs', () => {
    class Targeted {
      @checkOutput({ range: [0, 1], target: 'b' })
      @checkOutput({ dataType: 'number', target: ['a', 'c'] })
      @parameterize({ a: { x: value(1) }, b: { x: value(2) }, c: { x: value(3) } })
      @node()
      f(x: number) {
        return x;
      }
    }
    const names = [...infos({}, Targeted).keys()].sort();
    expect(names).toEqual(['a', 'a_data_type_validator', 'a_raw', 'b', 'b_range_validator', 'b_raw', 'c', 'c_data_type_validator', 'c_raw']);
  });

  it('logs a warn check per generated node', async () => {
    const records: Record<string, unknown>[] = [];
    const logger = pino({ level: 'info' }, { write: (line: string) => void records.push(JSON.parse(line) as Record<string, unknown>) });
    class Warned {
      @checkOutput({ range: [0, 1] })
      @parameterizeValues('x', { low: 0.5, high: 5 })
      @node()
      f(x: number) {
        return x;
      }
    }
    await new Builder().withModules(Warned).withLogger(logger).build().execute(['low', 'high'] as string[]);
    const checks = records.filter((r) => r.validator === 'range_validator').map((r) => [r.node, r.passed]);
    expect(checks.sort()).toEqual([
      ['high', false],
      ['low', true],
    ]);
  });
});

describe('@parameterize misuse', () => {
  it('names a parameter the method lacks: DecoratorError at build naming Class.method and the decorator', () => {
    class Bad {
      @parameterize({ a: { nope: value(1) } })
      @node()
      f(x: number) {
        return x;
      }
    }
    const error = thrownBy(() => build({}, Bad)) as Error;
    expect(error).toBeInstanceOf(DecoratorError);
    expect(error.message).toBe('@parameterize on Bad.f binds `nope`, which is not a parameter of the method (its parameters: `x`). Fix the parameter names.');
  });

  it('is combined with another expander: DecoratorError naming both', () => {
    class Two {
      @inject({ x: value(1) })
      @parameterize({ a: { y: value(1) } })
      @node()
      f(x: number, y: number) {
        return x + y;
      }
    }
    const error = thrownBy(() => build({}, Two)) as Error;
    expect(error).toBeInstanceOf(DecoratorError);
    expect(error.message).toContain('Two.f has @inject and @parameterize');
    expect(error.message).toContain('only one decorator of the expand stage');
  });

  it('makes an output named like a node another decorator adds: DecoratorError naming the method and its decorators', () => {
    class Clash {
      @checkOutput({ range: [0, 1] })
      @parameterize({ a: { x: value(1) }, a_raw: { x: value(2) } })
      @node()
      f(x: number) {
        return x;
      }
    }
    const error = thrownBy(() => build({}, Clash)) as Error;
    expect(error).toBeInstanceOf(DecoratorError);
    expect(error.message).toContain('Clash.f makes node `a_raw` twice (its decorators: @checkOutput, @parameterize)');
  });

  it('makes an output named like a node of another method: DuplicateNodeError naming both', () => {
    class Other {
      @parameterize({ total: { x: value(1) } })
      @node()
      f(x: number) {
        return x;
      }

      @node()
      total() {
        return 0;
      }
    }
    const error = thrownBy(() => build({}, Other)) as DuplicateNodeError;
    expect(error).toBeInstanceOf(DuplicateNodeError);
    expect(error.origins).toEqual(['Other.f', 'Other.total']);
  });

  it('reserves the outputName parameter for doc templates, as Hamilton does', () => {
    class Reserved {
      @parameterize({ a: { x: value(1) } })
      @node()
      f(x: number, outputName: string) {
        return `${x}${outputName}`;
      }
    }
    expect((thrownBy(() => build({}, Reserved)) as Error).message).toContain('a parameter named `outputName`');
  });

  it('rejects bad arguments when the class is defined', () => {
    const cases: [unknown, unknown, string][] = [
      [{}, undefined, 'makes no node'],
      [[{ x: value(1) }], undefined, 'takes an object of outputs'],
      [{ '': {} }, undefined, 'an output name is empty'],
      [{ a: { x: 1 } }, undefined, 'output `a`: parameter `x` must be given as value(...), source(...), configuration(...) or group(...), got 1'],
      [{ a: 'x' }, undefined, 'for output `a` an object of parameters'],
      [{ a: {} }, { docs: { b: 'doc' } }, 'docs name `b`, which is not an output (outputs: `a`)'],
      [{ a: {} }, { docs: { a: 1 } }, 'docs must map output names to strings'],
    ];
    for (const [outputs, options, text] of cases) {
      const error = defining(() => {
        class Bad {
          @parameterize(outputs as never, options as never)
          @node()
          m(x: number) {
            return x;
          }
        }
        return Bad;
      });
      expect(error).toBeInstanceOf(DecoratorError);
      expect(error.message).toContain('@parameterize on method `m`');
      expect(error.message).toContain(text);
    }
  });
});
