import { describe, expect, it } from '@jest/globals';
import {
  DecoratorError,
  DuplicateNodeError,
  FrameworkTags,
  checkOutput,
  configuration,
  modifierDecorator,
  node,
  pipeInput,
  source,
  step,
  subdag,
  tag,
  value,
  type NodeResolver,
} from '../../lib/index.js';
import { thrownBy } from '../support.js';
import { build, byName, deps } from './graph-helpers.js';

/** A test resolver: keeps the method only when config `key` equals `wanted` (as @config.when does). */
const onlyWhen = (key: string, wanted: unknown) =>
  modifierDecorator('@onlyWhen', {
    stage: 'resolve',
    resolve: (n, ctx) => (ctx.config[key] === wanted ? n : { absent: `needs ${key}=${String(wanted)}`, name: n.name }),
  } satisfies NodeResolver);

class Cleaning {
  @node()
  cleaned(raw: number[]) {
    return raw.filter((v) => v >= 0);
  }
}

class Features {
  @node()
  total(cleaned: number[], weight: number) {
    return cleaned.reduce((a, b) => a + b, 0) * weight;
  }

  @node()
  count(cleaned: number[]) {
    return cleaned.length;
  }

  @onlyWhen('mode', 'mean')
  @node({ name: 'summary' })
  summaryMean(total: number, count: number) {
    return total / count;
  }

  @onlyWhen('mode', 'sum')
  @node({ name: 'summary' })
  summarySum(total: number) {
    return total;
  }
}

class Pipeline {
  @node()
  usRaw(path: string) {
    return path === 'us' ? [1, -2, 3] : [10, 20];
  }

  @subdag([Cleaning, Features], { inputs: { raw: source('usRaw'), weight: value(2) }, config: { mode: 'mean' } })
  @node({ doc: 'Summary of the US data.' })
  us(summary: number, count: number) {
    return { summary, count };
  }
}

describe('@subdag', () => {
  it('embeds the modules’ nodes under the method’s name and runs them', async () => {
    const dr = build([Pipeline]);
    await expect(dr.execute(['us'], { inputs: { path: 'us' } })).resolves.toEqual({ us: { summary: 4, count: 2 } });
  });

  it('names embedded nodes namespace.node, rewiring their dependencies, and feeds the method from them', () => {
    const nodes = byName(build([Pipeline]));
    expect(deps(nodes.get('us.cleaned'))).toEqual(['us.raw']);
    expect(deps(nodes.get('us.raw'))).toEqual(['usRaw']);
    expect(deps(nodes.get('us.total'))).toEqual(['us.cleaned', 'us.weight']);
    expect(deps(nodes.get('us.summary'))).toEqual(['us.total', 'us.count']);
    expect(deps(nodes.get('us'))).toEqual(['us.summary', 'us.count']);
    expect(nodes.get('us')).toMatchObject({ origin: 'Pipeline.us', doc: 'Summary of the US data.', tags: {} });
  });

  it('runs embedded nodes as methods of their own modules, added to the build once', () => {
    const dr = build([Pipeline]);
    expect(dr.graph.node('us.cleaned')!.spec).toMatchObject({ origin: 'Cleaning.cleaned', code: { kind: 'method', module: 1, method: 'cleaned' } });
    expect(dr.graph.node('us.total')!.spec).toMatchObject({ origin: 'Features.total', code: { kind: 'method', module: 2, method: 'total' } });
    expect(dr.graph.node('us.weight')!.spec).toMatchObject({ role: 'input', code: { kind: 'op', op: 'decorators.value', args: { value: 2 } } });
    const specs = [...dr.graph.nodes].map((n) => n.spec).filter((s) => s !== undefined);
    expect(structuredClone(specs)).toEqual(specs);
  });

  it('tags embedded nodes with their namespace and as non-final', () => {
    const nodes = byName(build([Pipeline]));
    expect(nodes.get('us.total')!.tags).toEqual({ [FrameworkTags.namespace]: 'us', [FrameworkTags.nonFinal]: 'true' });
    expect(nodes.get('us.raw')!.tags).toEqual({ [FrameworkTags.namespace]: 'us', [FrameworkTags.nonFinal]: 'true' });
    expect(build([Pipeline]).listAvailableVariables({ tags: { [FrameworkTags.namespace]: 'us' } }).map((n) => n.name).sort()).toEqual(
      ['us.cleaned', 'us.count', 'us.mode', 'us.raw', 'us.summary', 'us.total', 'us.weight'],
    );
  });

  it('resolves the modules with the subdag’s config merged over the outer config', async () => {
    class Both {
      @subdag([Cleaning, Features], { inputs: { raw: value([2, 4]), weight: value(1) }, config: { mode: 'sum' } })
      @node()
      summed(summary: number) {
        return summary;
      }

      @subdag([Cleaning, Features], { inputs: { raw: value([2, 4]), weight: value(1) } })
      @node()
      outer(summary: number) {
        return summary;
      }
    }
    const dr = build([Both], { mode: 'mean' });
    await expect(dr.execute(['summed', 'outer'])).resolves.toEqual({ summed: 6, outer: 3 });
    expect(dr.graph.node('summed.summary')!.spec!.origin).toBe('Features.summarySum');
    expect(dr.graph.node('outer.summary')!.spec!.origin).toBe('Features.summaryMean');
  });

  it('makes the subdag’s config values nodes of the namespace, and reads configuration() from the outer config', async () => {
    class ReadsConfig {
      @node()
      label(region: string) {
        return `region ${region}`;
      }
    }
    class Outer {
      @subdag([ReadsConfig], { config: { region: configuration('homeRegion') } })
      @node()
      home(label: string) {
        return label;
      }

      @node()
      direct(region: string) {
        return region;
      }
    }
    const dr = build([Outer], { homeRegion: 'uk', region: 'us' });
    expect(deps(byName(dr).get('home.label'))).toEqual(['home.region']);
    await expect(dr.execute(['home', 'direct'])).resolves.toEqual({ home: 'region uk', direct: 'us' });
  });

  it('takes a namespace, and reads externalInputs and unmapped subdag inputs from outside', async () => {
    class Scaled {
      @node()
      scaled(base: number, factor: number) {
        return base * factor;
      }
    }
    class Outer {
      @subdag([Scaled], { namespace: 'calc', inputs: { base: value(3) }, externalInputs: ['offset'] })
      @node()
      result(scaled: number, offset: number) {
        return scaled + offset;
      }
    }
    const dr = build([Outer]);
    const nodes = byName(dr);
    expect(deps(nodes.get('calc.scaled'))).toEqual(['calc.base', 'factor']);
    expect(deps(nodes.get('result'))).toEqual(['calc.scaled', 'offset']);
    await expect(dr.execute(['result'], { inputs: { factor: 2, offset: 100 } })).resolves.toEqual({ result: 106 });
  });

  it('embeds the same module twice under two namespaces, with one instance', async () => {
    let made = 0;
    class Counter {
      constructor() {
        made++;
      }

      @node()
      doubled(x: number) {
        return x * 2;
      }
    }
    class Twice {
      @subdag([Counter], { inputs: { x: value(1) } })
      @node()
      one(doubled: number) {
        return doubled;
      }

      @subdag([Counter], { inputs: { x: value(5) } })
      @node()
      five(doubled: number) {
        return doubled;
      }
    }
    const dr = build([Twice]);
    expect(made).toBe(1);
    await expect(dr.execute(['one', 'five'])).resolves.toEqual({ one: 2, five: 10 });
  });

  it('nests subdags: names and namespace tags are prefixed once more', async () => {
    class Inner {
      @node()
      inc(x: number) {
        return x + 1;
      }
    }
    class Middle {
      @subdag([Inner], { inputs: { x: source('start') } })
      @node()
      step1(inc: number) {
        return inc * 10;
      }
    }
    class Top {
      @subdag([Middle], { inputs: { start: value(4) } })
      @node()
      top(step1: number) {
        return step1;
      }
    }
    const dr = build([Top]);
    const nodes = byName(dr);
    expect(deps(nodes.get('top.step1.inc'))).toEqual(['top.step1.x']);
    expect(deps(nodes.get('top.step1.x'))).toEqual(['top.start']);
    expect(nodes.get('top.step1.inc')!.tags[FrameworkTags.namespace]).toBe('top.step1');
    expect(nodes.get('top.step1')!.tags[FrameworkTags.namespace]).toBe('top');
    await expect(dr.execute(['top'])).resolves.toEqual({ top: 50 });
  });

  it('shows embedded nodes in toDot and in listAvailableVariables with their modules’ origins', () => {
    const dr = build([Pipeline]);
    expect(dr.toDot()).toContain('"us.total" -> "us.summary"');
    expect(byName(dr).get('us.count')!.origin).toBe('Features.count');
  });
});

describe('@subdag combined with other decorators', () => {
  it('tags and checks the method’s node, not the embedded ones', async () => {
    class Checked {
      @tag({ owner: 'ds' })
      @checkOutput({ range: [0, 5], importance: 'fail' })
      @subdag([Cleaning, Features], { inputs: { raw: source('values'), weight: value(1) }, config: { mode: 'mean' } })
      @node()
      avg(summary: number) {
        return summary;
      }
    }
    const dr = build([Checked]);
    const nodes = byName(dr);
    expect(nodes.get('avg')!.tags).toEqual({ owner: 'ds' });
    expect(deps(nodes.get('avg_raw'))).toEqual(['avg.summary']);
    expect(nodes.has('avg.count_raw')).toBe(false);
    expect(nodes.get('avg.count')!.tags).not.toHaveProperty('owner');
    await expect(dr.execute(['avg'], { inputs: { values: [2, 4] } })).resolves.toEqual({ avg: 3 });
    await expect(dr.execute(['avg'], { inputs: { values: [20] } })).rejects.toThrow('range');
  });

  it('pipes the method’s node only, with @pipeInput', async () => {
    class Piped {
      @pipeInput(step((x: number) => x * 100).named('hundred'))
      @subdag([Cleaning], { inputs: { raw: value([1, 2]) } })
      @node()
      first(cleaned: number[]) {
        return cleaned[0];
      }
    }
    const dr = build([Piped]);
    expect(deps(byName(dr).get('first.hundred'))).toEqual(['first.cleaned']);
  });
});

describe('@subdag misuse', () => {
  it('rejects an empty module list and a namespace with a dot, when the class is defined', () => {
    const empty = thrownBy(() => {
      class Bad {
        @subdag([])
        @node()
        x(a: number) {
          return a;
        }
      }
      return Bad;
    });
    expect(empty).toBeInstanceOf(DecoratorError);
    expect((empty as Error).message).toContain('@subdag on method `x` needs a non-empty list of module classes');
    expect(() => {
      class Bad {
        @subdag([Cleaning], { namespace: 'a.b' })
        @node()
        x(cleaned: number[]) {
          return cleaned;
        }
      }
      return Bad;
    }).toThrow('namespace must be a non-empty string without dots');
  });

  it('rejects two subdags under one namespace, naming the namespace', () => {
    class Colliding {
      @subdag([Cleaning], { namespace: 'shared', inputs: { raw: value([1]) } })
      @node()
      a(cleaned: number[]) {
        return cleaned;
      }

      @subdag([Cleaning], { namespace: 'shared', inputs: { raw: value([2]) } })
      @node()
      b(cleaned: number[]) {
        return cleaned;
      }
    }
    const e = thrownBy(() => build([Colliding]));
    expect(e).toBeInstanceOf(DuplicateNodeError);
    expect((e as Error).message).toContain('Both are embedded under namespace `shared`: two subdags use that namespace');
  });

  it('rejects a parameter the subdag does not make, naming Class.method and what it makes', () => {
    class Missing {
      @subdag([Cleaning])
      @node()
      x(cleaned: number[], other: number) {
        return cleaned.length + other;
      }
    }
    const e = thrownBy(() => build([Missing]));
    expect(e).toBeInstanceOf(DecoratorError);
    expect((e as Error).message).toContain('@subdag on Missing.x: parameter `other` is read from the subdag (as `x.other`), which makes no node `other` (it makes `cleaned`)');
    expect((e as Error).message).toContain('externalInputs');
  });

  it('rejects inputs that are not value/source, keys both input and config, and a module embedding itself', () => {
    expect(() => {
      class Bad {
        @subdag([Cleaning], { inputs: { raw: [1] as never } })
        @node()
        x(cleaned: number[]) {
          return cleaned;
        }
      }
      return Bad;
    }).toThrow("input `raw` is [1]. Use source('outerNode') or value(literal)");
    expect(() => {
      class Bad {
        @subdag([Cleaning], { inputs: { raw: value([1]) }, config: { raw: 1 } })
        @node()
        x(cleaned: number[]) {
          return cleaned;
        }
      }
      return Bad;
    }).toThrow('`raw` is both an input and a config key');
    // A class cannot name itself in its own decorators; an instance made a Loop afterwards can.
    const self = {};
    class Loop {
      @subdag([self])
      @node()
      x(x: number) {
        return x;
      }
    }
    Object.setPrototypeOf(self, Loop.prototype);
    expect(() => build([Loop])).toThrow('Loop.x embeds module Loop, which is already being resolved');
  });

  it('rejects two of the subdag’s modules defining one node', () => {
    class Again {
      @node()
      cleaned(raw: number[]) {
        return raw;
      }
    }
    class Dup {
      @subdag([Cleaning, Again])
      @node()
      x(cleaned: number[]) {
        return cleaned;
      }
    }
    expect(() => build([Dup])).toThrow('@subdag on Dup.x: node `cleaned` is defined by two of its modules (Cleaning.cleaned and Again.cleaned)');
  });

  it('rejects configuration() of a key the outer config lacks', () => {
    class Bad {
      @subdag([Cleaning], { config: { k: configuration('nope') } })
      @node()
      x(cleaned: number[]) {
        return cleaned;
      }
    }
    expect(() => build([Bad])).toThrow('config `k` reads outer config key `nope`, which the config lacks');
  });
});
