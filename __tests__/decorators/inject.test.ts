// @inject: fills some of a method's parameters with values, other nodes, config or groups, keeping the node's name.
import { describe, expect, it } from '@jest/globals';
import {
  DataValidationError,
  DecoratorError,
  checkOutput,
  config,
  configuration,
  does,
  group,
  inject,
  node,
  source,
  tag,
  value,
  type Config,
  type Module,
} from '../../lib/index.js';
import { thrownBy } from '../support.js';
import { build } from './support.js';

const info = (cfg: Config, module: Module, name: string) => build(cfg, module).listAvailableVariables().find((n) => n.name === name);
const depNames = (cfg: Config, module: Module, name: string) => info(cfg, module, name)?.dependencies.map((d) => d.name);

class Totals {
  @inject({ parts: group(source('spendUs'), value(10), source('spendUk')) })
  @node({ doc: 'Sum of {parts}, as {outputName}.' })
  totalSpend(parts: number[], scale: number) {
    return parts.reduce((a, b) => a + b, 0) * scale;
  }

  @inject({ byRegion: group({ us: source('spendUs'), uk: source('spendUk'), fr: value(0) }) })
  @node()
  regions(byRegion: Record<string, number>) {
    return byRegion;
  }

  @inject({ rate: configuration('rate'), base: source('spendUs'), offset: value(1) })
  @node()
  converted(base: number, rate: number, offset: number) {
    return base * rate + offset;
  }
}

describe('@inject', () => {
  it('keeps the node name and origin, reading the grouped sources and the parameters it does not fill', () => {
    const total = info({ rate: 2 }, Totals, 'totalSpend');
    expect(total).toMatchObject({ origin: 'Totals.totalSpend' });
    expect(total!.dependencies.map((d) => d.name)).toEqual(['spendUs', 'spendUk', 'scale']);
    expect(total!.doc).toBe('Sum of spendUs, 10, spendUk, as totalSpend.');
  });

  it('passes a list group in order, an object group by key', async () => {
    const dr = build({ rate: 2 }, Totals);
    await expect(dr.execute(['totalSpend', 'regions'], { inputs: { spendUs: 1, spendUk: 2, scale: 3 } })).resolves.toEqual({
      totalSpend: 39,
      regions: { us: 1, uk: 2, fr: 0 },
    });
    expect(depNames({ rate: 2 }, Totals, 'regions')).toEqual(['spendUs', 'spendUk']);
  });

  it('fills a parameter from config when the graph is built, and from a source and a value', async () => {
    expect(depNames({ rate: 2 }, Totals, 'converted')).toEqual(['spendUs']);
    await expect(build({ rate: 2 }, Totals).execute(['converted'], { inputs: { spendUs: 5 } })).resolves.toEqual({ converted: 11 });
    await expect(build({ rate: 3 }, Totals).execute(['converted'], { inputs: { spendUs: 5 } })).resolves.toEqual({ converted: 16 });
  });

  it('is a DecoratorError at build when configuration() names a key the config lacks', () => {
    const error = thrownBy(() => build({}, Totals)) as Error;
    expect(error).toBeInstanceOf(DecoratorError);
    expect(error.message).toContain('@inject on Totals.converted reads parameter `rate` from config key `rate`, which the config lacks');
  });

  it('reads a node of the same module through source()', async () => {
    class Chain {
      @node()
      base() {
        return 4;
      }

      @inject({ x: source('base') })
      @node()
      doubled(x: number) {
        return x * 2;
      }
    }
    await expect(build({}, Chain).execute(['doubled'])).resolves.toEqual({ doubled: 8 });
    expect(build({}, Chain).toDot()).toContain('"base" -> "doubled"');
  });
});

describe('@inject with other decorators', () => {
  class Combined {
    @tag({ owner: 'ds' })
    @checkOutput({ range: [0, 100], importance: 'fail' })
    @config.when({ mode: 'sum' })
    @inject({ parts: group(source('a'), source('b')) })
    @node()
    total__sum(parts: number[]) {
      return parts[0]! + parts[1]!;
    }

    @does((...parts: number[]) => Math.max(...parts))
    @inject({ y: value(50) })
    @node()
    biggest(x: number, y: number): number {
      return Number.NaN;
    }
  }

  it('works with @config.when, @checkOutput and @tag', async () => {
    const dr = build({ mode: 'sum' }, Combined);
    const names = dr.listAvailableVariables().filter((n) => !n.isExternalInput).map((n) => n.name).sort();
    expect(names).toEqual(['biggest', 'total', 'total_range_validator', 'total_raw']);
    expect(depNames({ mode: 'sum' }, Combined, 'total_raw')).toEqual(['a', 'b']);
    expect(info({ mode: 'sum' }, Combined, 'total')!.tags).toEqual({ owner: 'ds' });
    await expect(dr.execute(['total'], { inputs: { a: 1, b: 2 } })).resolves.toEqual({ total: 3 });
    await expect(dr.execute(['total'], { inputs: { a: 100, b: 2 } })).rejects.toBeInstanceOf(DataValidationError);
    expect(build({ mode: 'other' }, Combined).listAvailableVariables().some((n) => n.name === 'total')).toBe(false);
  });

  it('binds the parameters of the function @does gives', async () => {
    expect(depNames({}, Combined, 'biggest')).toEqual(['x']);
    await expect(build({}, Combined).execute(['biggest'], { inputs: { x: 7 } })).resolves.toEqual({ biggest: 50 });
    await expect(build({}, Combined).execute(['biggest'], { inputs: { x: 70 } })).resolves.toEqual({ biggest: 70 });
  });
});

describe('@inject misuse', () => {
  const defining = (decorate: ReturnType<typeof inject>) =>
    thrownBy(() => {
      class Bad {
        @decorate
        @node()
        m(x: number) {
          return x;
        }
      }
      return Bad;
    }) as Error;

  it('rejects an empty mapping and values that are not dependency specs, naming the method', () => {
    expect(defining(inject({})).message).toContain('@inject on method `m` fills no parameter');
    const error = defining(inject({ x: 3 as never }));
    expect(error).toBeInstanceOf(DecoratorError);
    expect(error.message).toContain('@inject on method `m`: parameter `x` must be given as value(...), source(...), configuration(...) or group(...), got 3');
    expect(defining(inject(null as never)).message).toContain('@inject on method `m` takes an object of parameters');
  });

  it('names a parameter the method lacks at build, with Class.method', () => {
    class Bad {
      @inject({ y: value(1) })
      @node()
      m(x: number) {
        return x;
      }
    }
    const error = thrownBy(() => build({}, Bad)) as Error;
    expect(error).toBeInstanceOf(DecoratorError);
    expect(error.message).toContain('@inject on Bad.m binds `y`, which is not a parameter of the method');
  });
});
