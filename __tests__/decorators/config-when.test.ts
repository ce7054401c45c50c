// @config.when, whenNot, whenIn, whenNotIn: choosing a method's implementation from config at build time.
import { describe, expect, it } from '@jest/globals';
import {
  DecoratorError,
  DuplicateNodeError,
  MissingInputsError,
  UnknownNodeError,
  checkOutput,
  config,
  node,
  parameterize,
  source,
  tag,
  tagOutputs,
  value,
  type Config,
} from '../../lib/index.js';
import { thrownBy } from '../support.js';
import { build, nodeNames } from './support.js';


class Spend {
  @config.when({ region: 'us' })
  @node({ doc: 'US spend.' })
  spend__us(spendUsd: number) {
    return spendUsd;
  }

  @config.when({ region: 'uk' })
  @node()
  spend__uk(spendGbp: number, rate: number) {
    return spendGbp * rate;
  }

  @node()
  doubled(spend: number) {
    return spend * 2;
  }
}

describe('@config.when and name__variant', () => {
  it('keeps the matching variant under the name before its last __', async () => {
    const dr = build({ region: 'uk', rate: 2 }, Spend);
    expect(nodeNames({ region: 'uk', rate: 2 }, Spend)).toEqual(['doubled', 'spend']);
    const spend = dr.listAvailableVariables().find((n) => n.name === 'spend');
    expect(spend).toMatchObject({ origin: 'Spend.spend__uk', dependencies: [{ name: 'spendGbp' }, { name: 'rate' }] });
    await expect(dr.execute(['spend', 'doubled'], { inputs: { spendGbp: 10 } })).resolves.toEqual({ spend: 20, doubled: 40 });
  });

  it('switches implementation with the config, downstream nodes unchanged', async () => {
    const dr = build({ region: 'us' }, Spend);
    const spend = dr.listAvailableVariables().find((n) => n.name === 'spend');
    expect(spend).toMatchObject({ origin: 'Spend.spend__us', doc: 'US spend.' });
    await expect(dr.execute(['doubled'], { inputs: { spendUsd: 4 } })).resolves.toEqual({ doubled: 8 });
  });

  it('makes requesting a node no variant provides an UnknownNodeError naming the config keys', () => {
    class Alone {
      @config.when({ region: 'us' })
      @node()
      spend__us() {
        return 1;
      }

      @config.when({ region: 'uk' })
      @node()
      spend__uk() {
        return 2;
      }
    }
    const error = thrownBy(() => build({ region: 'fr' }, Alone).validateExecution(['spend'])) as UnknownNodeError;
    expect(error).toBeInstanceOf(UnknownNodeError);
    expect(error.names).toEqual(['spend']);
    expect(error.message).toBe(
      'Node `spend` is not in the graph under this config: ' +
        "Alone.spend__us needs config region = 'us' (config has region = 'fr'); " +
        "Alone.spend__uk needs config region = 'uk' (config has region = 'fr'). " +
        'Change the config with withConfig, or request another node.',
    );
  });

  it('says a config key is missing when the config lacks it', () => {
    const error = thrownBy(() => build({}, Spend).validateExecution(['spend'])) as Error;
    expect(error.message).toContain("Spend.spend__us needs config region = 'us' (config has no region)");
  });

  it('makes a node that reads an absent one a MissingInputsError that says why, as an input can still provide it', async () => {
    const dr = build({ region: 'fr' }, Spend);
    const error = thrownBy(() => dr.validateExecution(['doubled'])) as MissingInputsError;
    expect(error).toBeInstanceOf(MissingInputsError);
    expect(error.missing).toEqual({ spend: ['doubled'] });
    expect(error.message).toContain(
      "`spend`, needed by `doubled` (Spend.doubled); no node makes it under this config: Spend.spend__us needs config region = 'us' (config has region = 'fr')",
    );
    expect(error.message).toContain('or change the config so that a config variant matches');
    await expect(dr.execute(['doubled'], { inputs: { spend: 5 } })).resolves.toEqual({ doubled: 10 });
  });

  it('makes requesting the absent node itself, when another node reads it, a MissingInputsError too', () => {
    const error = thrownBy(() => build({ region: 'fr' }, Spend).validateExecution(['spend'])) as MissingInputsError;
    expect(error).toBeInstanceOf(MissingInputsError);
    expect(error.missing).toEqual({ spend: [] });
    expect(error.message).toContain('`spend`, requested as an output; no node makes it under this config');
  });

  it('makes two matching variants a DuplicateNodeError naming both', () => {
    class Overlap {
      @config.when({ region: 'us' })
      @node()
      spend__a() {
        return 1;
      }

      @config.whenIn({ region: ['us', 'uk'] })
      @node()
      spend__b() {
        return 2;
      }
    }
    expect(nodeNames({ region: 'uk' }, Overlap)).toEqual(['spend']);
    const error = thrownBy(() => build({ region: 'us' }, Overlap)) as DuplicateNodeError;
    expect(error).toBeInstanceOf(DuplicateNodeError);
    expect(error.origins).toEqual(['Overlap.spend__a', 'Overlap.spend__b']);
    expect(error.message).toContain('make their @config conditions exclude each other');
  });

  it('keeps a __ in the name of a method without a config decorator', () => {
    class Plain {
      @node()
      spend__raw() {
        return 1;
      }
    }
    expect(nodeNames({}, Plain)).toEqual(['spend__raw']);
  });

  it('strips only the last __ suffix, even with several config decorators', () => {
    class Nested {
      @config.when({ a: 1 })
      @config.when({ b: 2 })
      @node()
      spend__by__week() {
        return 1;
      }
    }
    expect(nodeNames({ a: 1, b: 2 }, Nested)).toEqual(['spend__by']);
  });

  it('uses a name given by @node({ name }) as it is', () => {
    class Named {
      @config.when({ region: 'us' })
      @node({ name: 'usSpend' })
      spend__us() {
        return 1;
      }
    }
    expect(nodeNames({ region: 'us' }, Named)).toEqual(['usSpend']);
    expect(thrownBy(() => build({}, Named).validateExecution(['usSpend']))).toBeInstanceOf(UnknownNodeError);
  });
});

describe('the four config tests', () => {
  class Modes {
    @config.when({ mode: 'a' })
    @node()
    isA() {
      return true;
    }

    @config.whenNot({ mode: 'a' })
    @node()
    notA() {
      return true;
    }

    @config.whenIn({ mode: ['a', 'b'] })
    @node()
    inAB() {
      return true;
    }

    @config.whenNotIn({ mode: ['a', 'b'] })
    @node()
    notInAB() {
      return true;
    }
  }

  it.each([
    [{ mode: 'a' }, ['inAB', 'isA']],
    [{ mode: 'b' }, ['inAB', 'notA']],
    [{ mode: 'c' }, ['notA', 'notInAB']],
    // A missing key reads as undefined (Hamilton: None): it equals nothing, so the "not" tests match.
    [{}, ['notA', 'notInAB']],
  ])('with config %j keeps %j', (cfg, expected) => {
    expect(nodeNames(cfg, Modes)).toEqual(expected);
  });

  it('compares with ===, so 1 and "1" differ', () => {
    expect(nodeNames({ mode: 1 }, Modes)).toEqual(['notA', 'notInAB']);
    class Numbers {
      @config.whenIn({ n: [1, 2] })
      @node()
      small() {
        return true;
      }
    }
    expect(nodeNames({ n: 2 }, Numbers)).toEqual(['small']);
    expect(nodeNames({ n: '2' }, Numbers)).toEqual([]);
  });

  it('explains each test in the absent message', () => {
    const message = (cfg: Config, name: string) => (thrownBy(() => build(cfg, Modes).validateExecution([name])) as Error).message;
    expect(message({ mode: 'a' }, 'notA')).toContain("Modes.notA needs config mode != 'a' (config has mode = 'a')");
    expect(message({ mode: 'c' }, 'inAB')).toContain("Modes.inAB needs config mode in ['a', 'b'] (config has mode = 'c')");
    expect(message({ mode: 'b' }, 'notInAB')).toContain("Modes.notInAB needs config mode not in ['a', 'b'] (config has mode = 'b')");
  });
});

describe('several keys and several config decorators', () => {
  class Model {
    @config.when({ region: 'us', model: 'v2' })
    @node()
    forecast__usV2() {
      return 'us-v2';
    }

    @config.whenIn({ region: ['uk', 'ie'] })
    @config.whenNot({ model: 'v2' })
    @node()
    forecast__euV1() {
      return 'eu-v1';
    }
  }

  it('ANDs the keys of one decorator', async () => {
    await expect(build({ region: 'us', model: 'v2' }, Model).execute(['forecast'])).resolves.toEqual({ forecast: 'us-v2' });
    expect(nodeNames({ region: 'us', model: 'v1' }, Model)).toEqual([]);
  });

  it('ANDs several config decorators on one method', async () => {
    await expect(build({ region: 'ie', model: 'v1' }, Model).execute(['forecast'])).resolves.toEqual({ forecast: 'eu-v1' });
    expect(nodeNames({ region: 'ie', model: 'v2' }, Model)).toEqual([]);
    expect(nodeNames({ region: 'fr', model: 'v1' }, Model)).toEqual([]);
  });

  it('names only the keys that did not match', () => {
    const error = thrownBy(() => build({ region: 'us', model: 'v1' }, Model).validateExecution(['forecast'])) as Error;
    expect(error.message).toContain("Model.forecast__usV2 needs config model = 'v2' (config has model = 'v1')");
    expect(error.message).not.toContain("needs config region = 'us'");
    expect(error.message).toContain("Model.forecast__euV1 needs config region in ['uk', 'ie'] (config has region = 'us')");
  });
});

describe('static methods and subclasses', () => {
  class Base {
    @config.when({ mode: 'a' })
    @node()
    static score__a(x: number) {
      return x + 1;
    }

    @config.when({ mode: 'b' })
    @node()
    static score__b(x: number) {
      return x + 2;
    }

    @config.when({ mode: 'a' })
    @node()
    label__a() {
      return this.prefix() + 'a';
    }

    prefix() {
      return 'base-';
    }
  }

  it('works on static methods, run with this = the class', async () => {
    await expect(build({ mode: 'b' }, Base).execute(['score'], { inputs: { x: 1 } })).resolves.toEqual({ score: 3 });
    expect(nodeNames({ mode: 'c' }, Base)).toEqual([]);
  });

  it('keeps the config of a variant a subclass overrides without decorators, and runs the override', async () => {
    class Sub extends Base {
      static override score__a(x: number) {
        return x * 100;
      }

      override label__a() {
        return 'sub-a';
      }
    }
    const dr = build({ mode: 'a' }, Sub);
    await expect(dr.execute(['score', 'label'], { inputs: { x: 2 } })).resolves.toEqual({ score: 200, label: 'sub-a' });
    expect(dr.listAvailableVariables().find((n) => n.name === 'score')?.origin).toBe('Sub.score__a');
    expect(nodeNames({ mode: 'c' }, Sub)).toEqual([]);
  });

  it("lets a subclass re-decorate a variant with its own condition, replacing the parent's", async () => {
    class Sub extends Base {
      @config.when({ mode: 'c' })
      @node()
      static override score__a(x: number) {
        return x - 1;
      }
    }
    expect(nodeNames({ mode: 'a' }, Sub)).toEqual(['label']);
    await expect(build({ mode: 'c' }, Sub).execute(['score'], { inputs: { x: 5 } })).resolves.toEqual({ score: 4 });
  });

  it('lets a subclass add a variant', async () => {
    class Sub extends Base {
      @config.when({ mode: 'z' })
      @node()
      static score__z() {
        return 'z';
      }
    }
    await expect(build({ mode: 'z' }, Sub).execute(['score'])).resolves.toEqual({ score: 'z' });
    await expect(build({ mode: 'b' }, Sub).execute(['score'], { inputs: { x: 0 } })).resolves.toEqual({ score: 2 });
  });
});

describe('config with other decorators', () => {
  class Checked {
    @tag({ owner: 'ds' })
    @checkOutput({ range: [0, 10] })
    @config.when({ mode: 'a' })
    @node()
    score__a(x: number) {
      return x;
    }

    @config.when({ mode: 'b' })
    @node()
    score__b() {
      return -1;
    }
  }

  it('@checkOutput checks the chosen variant, under the variant-free name', async () => {
    const dr = build({ mode: 'a' }, Checked);
    expect(nodeNames({ mode: 'a' }, Checked)).toEqual(['score', 'score_range_validator', 'score_raw']);
    expect(dr.listAvailableVariables().find((n) => n.name === 'score')).toMatchObject({ origin: 'Checked.score__a', tags: { owner: 'ds' } });
    const { score_range_validator: result } = await dr.execute(['score_range_validator'], { inputs: { x: 30 } });
    expect(result).toMatchObject({ node: 'score', passed: false });
    expect(nodeNames({ mode: 'b' }, Checked)).toEqual(['score']);
  });

  it('says why the nodes @checkOutput adds are absent too', () => {
    const error = thrownBy(() => build({ mode: 'b' }, Checked).validateExecution(['score_raw'])) as Error;
    expect(error).toBeInstanceOf(UnknownNodeError);
    expect(error.message).toContain("Checked.score__a needs config mode = 'a' (config has mode = 'b')");
  });

  class Parameterized {
    @tagOutputs({ spendUs: { region: 'us' } })
    @parameterize({ spendUs: { raw: source('rawUs') }, spendUk: { raw: source('rawUk'), rate: value(2) } })
    @config.when({ currency: 'local' })
    @node()
    spend__local(raw: number, rate = 1) {
      return raw * rate;
    }

    @parameterize({ spendUs: { raw: source('rawUs') }, spendUk: { raw: source('rawUk') } })
    @config.when({ currency: 'usd' })
    @node()
    spend__usd(raw: number, usdRate: number) {
      return raw * usdRate;
    }
  }

  it('@parameterize expands only the chosen variant', async () => {
    const local = build({ currency: 'local' }, Parameterized);
    expect(nodeNames({ currency: 'local' }, Parameterized)).toEqual(['spendUk', 'spendUs']);
    expect(local.listAvailableVariables().find((n) => n.name === 'spendUs')).toMatchObject({ origin: 'Parameterized.spend__local', tags: { region: 'us' } });
    await expect(local.execute(['spendUs', 'spendUk'], { inputs: { rawUs: 3, rawUk: 5 } })).resolves.toEqual({ spendUs: 3, spendUk: 10 });
    const usd = build({ currency: 'usd' }, Parameterized);
    await expect(usd.execute(['spendUs', 'spendUk'], { inputs: { rawUs: 3, rawUk: 5, usdRate: 10 } })).resolves.toEqual({ spendUs: 30, spendUk: 50 });
  });

  it('says why every output of an absent @parameterize method is absent', () => {
    const error = thrownBy(() => build({ currency: 'eur' }, Parameterized).validateExecution(['spendUk'])) as Error;
    expect(error).toBeInstanceOf(UnknownNodeError);
    expect(error.message).toContain("Parameterized.spend__local needs config currency = 'local' (config has currency = 'eur')");
    expect(error.message).toContain("Parameterized.spend__usd needs config currency = 'usd'");
  });

  it('draws the chosen nodes in the DAG under their node names', () => {
    const dot = build({ currency: 'local' }, Parameterized).toDot();
    expect(dot).toContain('"spendUs" [');
    expect(dot).toContain('"spendUk" [');
    expect(dot).not.toContain('spend__local');
  });
});

describe('config decorator misuse', () => {
  const defining = (define: () => unknown) => thrownBy(define) as Error;

  it('rejects conditions that are not a non-empty object, naming the method', () => {
    const error = defining(() => {
      class Bad {
        @config.when({})
        @node()
        x() {
          return 1;
        }
      }
      return Bad;
    });
    expect(error).toBeInstanceOf(DecoratorError);
    expect(error.message).toContain('@config.when on method `x`');
    expect(
      defining(() => {
        class Bad {
          @config.whenNot('us' as never)
          @node()
          x() {
            return 1;
          }
        }
        return Bad;
      }),
    ).toBeInstanceOf(DecoratorError);
  });

  it('rejects a whenIn / whenNotIn value that is not a non-empty list', () => {
    for (const decorate of [config.whenIn({ region: 'us' as never }), config.whenNotIn({ region: [] })]) {
      const error = defining(() => {
        class Bad {
          @decorate
          @node()
          x() {
            return 1;
          }
        }
        return Bad;
      });
      expect(error).toBeInstanceOf(DecoratorError);
      expect(error.message).toContain('config key `region` needs a non-empty list of values');
    }
  });

  it('rejects a method name ending or starting with __', () => {
    const error = defining(() => {
      class Bad {
        @config.when({ region: 'us' })
        @node()
        spend__() {
          return 1;
        }
      }
      return Bad;
    });
    expect(error).toBeInstanceOf(DecoratorError);
    expect(error.message).toContain('`spend__`');
  });

  it('needs @node on the method', () => {
    class NoNode {
      @config.when({ region: 'us' })
      spend__us() {
        return 1;
      }
    }
    const error = thrownBy(() => build({ region: 'us' }, NoNode)) as Error;
    expect(error).toBeInstanceOf(DecoratorError);
    expect(error.message).toContain('NoNode.spend__us has @config.when but no @node()');
  });
});
