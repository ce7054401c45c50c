// driver.execute: only the needed nodes run, each once; overrides, optional dependencies, config and inputs.
import { describe, expect, it } from '@jest/globals';
import { Builder, InvalidInputsError, MissingInputsError, UnknownNodeError, node } from '../../lib/index.js';
import { silent } from '../support.js';

/** A diamond (spend -> cleaned -> {total, count} -> mean) plus nodes off to the side, counting every call. */
function countingDriver() {
  const runs: string[] = [];
  class Spend {
    @node()
    cleaned(spend: number[]) {
      runs.push('cleaned');
      return spend.filter((v) => v >= 0);
    }

    @node()
    total(cleaned: number[]) {
      runs.push('total');
      return cleaned.reduce((a, b) => a + b, 0);
    }

    @node()
    count(cleaned: number[]) {
      runs.push('count');
      return cleaned.length;
    }

    @node()
    mean(total: number, count: number) {
      runs.push('mean');
      return total / count;
    }

    @node()
    expensiveUnrelated(spend: number[]) {
      runs.push('expensiveUnrelated');
      return spend.length;
    }

    @node()
    meanInCurrency(mean: number, rate: number) {
      runs.push('meanInCurrency');
      return mean * rate;
    }
  }
  const dr = new Builder().withModules(Spend).withConfig({ rate: 2 }).withLogger(silent).build();
  return { dr, runs };
}

describe('which nodes run', () => {
  it('runs only the nodes the outputs need', async () => {
    const { dr, runs } = countingDriver();
    await dr.execute(['total'], { inputs: { spend: [1, -1, 2] } });
    expect(runs.sort()).toEqual(['cleaned', 'total']);
  });

  it('runs a node needed by several others once', async () => {
    const { dr, runs } = countingDriver();
    await expect(dr.execute(['mean', 'total', 'count'], { inputs: { spend: [1, -1, 2] } })).resolves.toEqual({ mean: 1.5, total: 3, count: 2 });
    expect(runs.filter((r) => r === 'cleaned')).toHaveLength(1);
    expect(runs.sort()).toEqual(['cleaned', 'count', 'mean', 'total']);
  });

  it('runs nodes again on every execute: nothing is cached between runs', async () => {
    const { dr, runs } = countingDriver();
    await dr.execute(['total'], { inputs: { spend: [1] } });
    await expect(dr.execute(['total'], { inputs: { spend: [5] } })).resolves.toEqual({ total: 5 });
    expect(runs).toEqual(['cleaned', 'total', 'cleaned', 'total']);
  });

  it('keeps concurrent executions of one driver apart', async () => {
    class Slow {
      @node()
      async doubled(x: number) {
        await new Promise((r) => setImmediate(r));
        return x * 2;
      }
    }
    const dr = new Builder().withModules(Slow).withLogger(silent).build();
    const results = await Promise.all([1, 2, 3].map((x) => dr.execute(['doubled'], { inputs: { x } })));
    expect(results).toEqual([{ doubled: 2 }, { doubled: 4 }, { doubled: 6 }]);
  });

  it('returns a promise even when every node is synchronous', () => {
    const { dr } = countingDriver();
    const out = dr.execute(['total'], { inputs: { spend: [1] } });
    expect(out).toBeInstanceOf(Promise);
    return out;
  });

  it('returns the outputs keyed by name, in request order', async () => {
    const { dr } = countingDriver();
    const out = await dr.execute(['count', 'total'], { inputs: { spend: [4, 6] } });
    expect(Object.keys(out)).toEqual(['count', 'total']);
  });
});

describe('overrides', () => {
  it('short-circuit a node: it does not run and downstream nodes read the given value', async () => {
    const { dr, runs } = countingDriver();
    await expect(dr.execute(['mean'], { inputs: { spend: [1, 2] }, overrides: { total: 30 } })).resolves.toEqual({ mean: 15 });
    expect(runs).not.toContain('total');
  });

  it('skip the upstream only the overridden node needs, keeping shared upstream', async () => {
    const { dr, runs } = countingDriver();
    await dr.execute(['mean'], { inputs: { spend: [1, 2] }, overrides: { total: 30 } });
    expect(runs.sort()).toEqual(['cleaned', 'count', 'mean']);
  });

  it('make the inputs of skipped upstream unnecessary', async () => {
    const { dr, runs } = countingDriver();
    await expect(dr.execute(['meanInCurrency'], { overrides: { mean: 4 } })).resolves.toEqual({ meanInCurrency: 8 });
    expect(runs).toEqual(['meanInCurrency']);
  });

  it('return the override when the overridden node is requested', async () => {
    const { dr, runs } = countingDriver();
    await expect(dr.execute(['total'], { overrides: { total: 99 } })).resolves.toEqual({ total: 99 });
    expect(runs).toEqual([]);
  });

  it('may replace an external input', async () => {
    const { dr } = countingDriver();
    await expect(dr.execute(['total'], { overrides: { spend: [7] } })).resolves.toEqual({ total: 7 });
  });
});

describe('optional dependencies', () => {
  class Targets {
    @node()
    target(region = 'us', rate: number = 0.2) {
      return `${region}:${rate}`;
    }
  }

  it('use the parameter default when nothing provides them', async () => {
    const dr = new Builder().withModules(Targets).withLogger(silent).build();
    await expect(dr.execute(['target'])).resolves.toEqual({ target: 'us:0.2' });
  });

  it('use the input when given', async () => {
    const dr = new Builder().withModules(Targets).withLogger(silent).build();
    await expect(dr.execute(['target'], { inputs: { region: 'uk' } })).resolves.toEqual({ target: 'uk:0.2' });
  });

  it('use config when it has the key', async () => {
    const dr = new Builder().withModules(Targets).withConfig({ rate: 0.5 }).withLogger(silent).build();
    await expect(dr.execute(['target'])).resolves.toEqual({ target: 'us:0.5' });
  });

  it('use the node that produces them when there is one', async () => {
    class Regions {
      @node()
      region() {
        return 'de';
      }
    }
    const dr = new Builder().withModules(Targets, Regions).withLogger(silent).build();
    await expect(dr.execute(['target'])).resolves.toEqual({ target: 'de:0.2' });
  });

  it('pass a given falsy input rather than the default', async () => {
    const dr = new Builder().withModules(Targets).withLogger(silent).build();
    await expect(dr.execute(['target'], { inputs: { region: '', rate: 0 } })).resolves.toEqual({ target: ':0' });
  });
});

describe('config and inputs', () => {
  it('give nodes config values as inputs', async () => {
    const { dr } = countingDriver();
    await expect(dr.execute(['meanInCurrency'], { inputs: { spend: [2, 4] } })).resolves.toEqual({ meanInCurrency: 6 });
  });

  it('reject an input that is also a config key', async () => {
    const { dr, runs } = countingDriver();
    // @ts-expect-error the compiler rejects a config key as an input too; this checks the run-time error for untyped callers
    await expect(dr.execute(['meanInCurrency'], { inputs: { spend: [2], rate: 3 } })).rejects.toThrow(InvalidInputsError);
    expect(runs).toEqual([]);
  });

  it('reject an input naming a computed node', async () => {
    const { dr, runs } = countingDriver();
    // @ts-expect-error the compiler rejects a node's name as an input too; this checks the run-time error for untyped callers
    await expect(dr.execute(['mean'], { inputs: { spend: [2], total: 3 } })).rejects.toThrow(/`total` \(Spend\.total\), so it cannot be an input/);
    expect(runs).toEqual([]);
  });

  it('return an input or a config value requested as an output', async () => {
    const { dr } = countingDriver();
    await expect(dr.execute(['spend', 'rate'], { inputs: { spend: [1] } })).resolves.toEqual({ spend: [1], rate: 2 });
  });
});

describe('refused requests', () => {
  it('reject unknown outputs with an UnknownNodeError suggesting close names, running nothing', async () => {
    const { dr, runs } = countingDriver();
    // @ts-expect-error the compiler rejects the misspelling too; this checks the run-time error for untyped callers
    const error = await dr.execute(['meen', 'total'], { inputs: { spend: [1] } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnknownNodeError);
    expect((error as UnknownNodeError).suggestions).toEqual({ meen: ['mean'] });
    expect(runs).toEqual([]);
  });

  it('reject missing inputs with a MissingInputsError, running nothing', async () => {
    const { dr, runs } = countingDriver();
    const error = await dr.execute(['mean', 'expensiveUnrelated']).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MissingInputsError);
    expect((error as MissingInputsError).missing).toEqual({ spend: ['cleaned', 'expensiveUnrelated'] });
    expect(runs).toEqual([]);
  });
});
