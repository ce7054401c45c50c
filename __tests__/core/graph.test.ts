// The function graph: external inputs, config as inputs, duplicate names, cycles.
import { describe, expect, it } from '@jest/globals';
import { Builder, CycleError, DuplicateNodeError, FrameworkTags, GraphError, node, type Config, type Module } from '../../lib/index.js';
import { silent, thrownBy } from '../support.js';

const build = (modules: Module[], config: Config = {}) => new Builder().withModules(...modules).withConfig(config).withLogger(silent).build();

class Marketing {
  @node()
  spendPerSignup(spend: number, signups: number) {
    return spend / signups;
  }

  @node()
  spendShare(spend: number, totalSpend: number) {
    return spend / totalSpend;
  }

  @node()
  adjusted(spendPerSignup: number, currencyRate: number) {
    return spendPerSignup * currencyRate;
  }
}

describe('external inputs', () => {
  it('adds one external input per name no node produces, shared by every node reading it', () => {
    const externals = build([Marketing]).listAvailableVariables().filter((n) => n.isExternalInput);
    expect(externals.map((n) => n.name).sort()).toEqual(['currencyRate', 'signups', 'spend', 'totalSpend']);
    expect(build([Marketing]).whatIsDownstreamOf('spend').map((n) => n.name).sort()).toEqual(['adjusted', 'spend', 'spendPerSignup', 'spendShare']);
  });

  it('describes an external input with no origin, no tags and no dependencies', () => {
    expect(build([Marketing]).listAvailableVariables().find((n) => n.name === 'spend')).toEqual({
      name: 'spend',
      tags: {},
      dependencies: [],
      isExternalInput: true,
    });
  });

  it('turns a name into a function node, not an input, once some module produces it', () => {
    class Loaders {
      @node()
      spend() {
        return 10;
      }
    }
    const info = build([Marketing, Loaders]).listAvailableVariables().find((n) => n.name === 'spend');
    expect(info).toMatchObject({ isExternalInput: false, origin: 'Loaders.spend' });
  });
});

describe('config as inputs', () => {
  it('makes config keys that nodes read external inputs', () => {
    const dr = build([Marketing], { currencyRate: 1.1 });
    expect(dr.listAvailableVariables().find((n) => n.name === 'currencyRate')?.isExternalInput).toBe(true);
    expect(() => dr.validateExecution(['adjusted'], { inputs: { spend: 1, signups: 1 } })).not.toThrow();
  });

  it('gives nodes the config value when they read a config key', async () => {
    const dr = build([Marketing], { currencyRate: 2 });
    await expect(dr.execute(['adjusted'], { inputs: { spend: 10, signups: 5 } })).resolves.toEqual({ adjusted: 4 });
  });

  // FrameworkTags.config documents this tag ("On external inputs that come from config: 'true'"), but no stage sets it,
  // so listAvailableVariables cannot tell config from per-execute inputs.
  it('tags external inputs that come from config with hamilton.config', () => {
    const dr = build([Marketing], { currencyRate: 2 });
    const byName = new Map(dr.listAvailableVariables().map((n) => [n.name, n]));
    expect(byName.get('currencyRate')?.tags).toEqual({ [FrameworkTags.config]: 'true' });
    expect(byName.get('spend')?.tags).toEqual({});
  });

  // Python Hamilton skips a function whose node name is a config key ("This makes sure we overwrite things if
  // they're in the config", hamilton/graph.py create_function_graph): the config value replaces the node.
  it('lets a config key replace the node of the same name, as Hamilton does', async () => {
    class Rates {
      @node()
      currencyRate() {
        return 1;
      }
    }
    const dr = build([Marketing, Rates], { currencyRate: 3 });
    await expect(dr.execute(['adjusted', 'currencyRate'], { inputs: { spend: 10, signups: 5 } })).resolves.toEqual({ adjusted: 6, currencyRate: 3 });
  });
});

describe('duplicate node names', () => {
  class UsSpend {
    @node()
    spend(usSpend: number) {
      return usSpend;
    }
  }
  class UkSpend {
    @node()
    spend(ukSpend: number) {
      return ukSpend * 1.2;
    }
  }

  it('are a DuplicateNodeError naming the node and both origins', () => {
    const error = thrownBy(() => build([UsSpend, UkSpend]));
    expect(error).toBeInstanceOf(DuplicateNodeError);
    expect(error).toBeInstanceOf(GraphError);
    expect(error).toMatchObject({ node: 'spend', origins: ['UsSpend.spend', 'UkSpend.spend'] });
    expect((error as Error).message).toContain('`spend` is defined twice: by UsSpend.spend and by UkSpend.spend');
    expect((error as Error).message).toContain('allowModuleOverrides()');
  });

  it('let the later module win with allowModuleOverrides, its dependencies replacing the earlier ones', async () => {
    const dr = new Builder().withModules(UsSpend, UkSpend).allowModuleOverrides().withLogger(silent).build();
    const names = dr.listAvailableVariables().map((n) => n.name).sort();
    expect(names).toEqual(['spend', 'ukSpend']);
    await expect(dr.execute(['spend'], { inputs: { ukSpend: 10 } })).resolves.toEqual({ spend: 12 });
  });

  it('follow the module order with allowModuleOverrides', async () => {
    const dr = new Builder().withModules(UkSpend, UsSpend).allowModuleOverrides().withLogger(silent).build();
    await expect(dr.execute(['spend'], { inputs: { usSpend: 10 } })).resolves.toEqual({ spend: 10 });
  });

  it('within one class stay an error even with allowModuleOverrides', () => {
    class Twice {
      @node({ name: 'spend' })
      spendA() {
        return 1;
      }

      @node({ name: 'spend' })
      spendB() {
        return 2;
      }
    }
    const error = thrownBy(() => new Builder().withModules(Twice).allowModuleOverrides().withLogger(silent).build());
    expect(error).toBeInstanceOf(DuplicateNodeError);
    expect((error as Error).message).toContain('by Twice.spendA and by Twice.spendB');
  });

  // Bug: module identity is the class *name*, so two distinct classes that share a name (from two files, or two
  // instances of one class) count as "one module" and allowModuleOverrides does not apply to them.
  it('let the later of two distinct same-named classes win with allowModuleOverrides', async () => {
    const us = (() => {
      class Spend {
        @node()
        spend() {
          return 'us';
        }
      }
      return Spend;
    })();
    const uk = (() => {
      class Spend {
        @node()
        spend() {
          return 'uk';
        }
      }
      return Spend;
    })();
    const dr = new Builder().withModules(us, uk).allowModuleOverrides().withLogger(silent).build();
    await expect(dr.execute(['spend'])).resolves.toEqual({ spend: 'uk' });
  });
});

describe('cycles', () => {
  class Circular {
    @node()
    a(c: number) {
      return c;
    }

    @node()
    b(a: number) {
      return a;
    }

    @node()
    c(b: number) {
      return b;
    }

    @node()
    unrelated(x: number) {
      return x;
    }
  }

  it('are a CycleError whose path follows the data flow and closes on its first node', () => {
    const error = thrownBy(() => build([Circular]));
    expect(error).toBeInstanceOf(CycleError);
    expect(error).toBeInstanceOf(GraphError);
    const path = (error as CycleError).path;
    expect(path).toHaveLength(4);
    expect(path[0]).toBe(path[3]);
    expect(new Set(path)).toEqual(new Set(['a', 'b', 'c']));
    // Each step goes from a node to one that reads it: a -> b -> c -> a.
    const next: Record<string, string> = { a: 'b', b: 'c', c: 'a' };
    for (let i = 0; i + 1 < path.length; i++) expect(path[i + 1]).toBe(next[path[i]!]);
  });

  it('name every node of the cycle with its origin and say how to fix it', () => {
    const message = (thrownBy(() => build([Circular])) as Error).message;
    for (const n of ['a', 'b', 'c']) expect(message).toContain(`\`${n}\` (Circular.${n})`);
    expect(message).not.toContain('unrelated');
    expect(message).toContain('Break the cycle');
  });

  it('include a node that reads itself', () => {
    class SelfLoop {
      @node()
      x(x: number) {
        return x;
      }
    }
    const error = thrownBy(() => build([SelfLoop]));
    expect(error).toBeInstanceOf(CycleError);
    expect((error as CycleError).path).toEqual(['x', 'x']);
  });

  it('are rejected when the graph is built, before anything is requested', () => {
    expect(() => build([Circular])).toThrow(CycleError);
  });
});

describe('config keys no node reads', () => {
  class Small {
    @node()
    doubled(x: number) { return x * 2; }
  }

  it('are listed as config inputs and can be requested as outputs', async () => {
    const dr = build([Small], { region: 'us' });
    const region = dr.listAvailableVariables().find((n) => n.name === 'region');
    expect(region).toMatchObject({ isExternalInput: true, tags: { [FrameworkTags.config]: 'true' } });
    expect(await dr.execute(['region'])).toEqual({ region: 'us' });
  });
});
