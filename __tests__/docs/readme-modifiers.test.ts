// The README's "Function modifiers" examples for config, @resolve, the parameterize family, @inject and @does, run as written.
import { describe, expect, it } from '@jest/globals';
import {
  Builder,
  UnknownNodeError,
  config,
  does,
  group,
  inject,
  node,
  parameterize,
  parameterizeSources,
  parameterizeValues,
  resolve,
  source,
  value,
} from '../../lib/index.js';
import { silent, thrownBy } from '../support.js';

class Spend {
  @config.when({ region: 'us' })
  @node()
  spend__us(spendUsd: number[]): number[] {
    return spendUsd;
  }

  @config.whenIn({ region: ['uk', 'ie'] })
  @node()
  spend__eu(spendLocal: number[], rate: number): number[] {
    return spendLocal.map((s) => s * rate);
  }

  @node()
  spendMean(spend: number[]): number {
    return spend.reduce((a, b) => a + b, 0) / spend.length;
  }
}

class Parameterized {
  @parameterize(
    { spendUs3Weeks: { spend: source('spendUs'), weeks: value(3) }, spendUk4Weeks: { spend: source('spendUk'), weeks: value(4) } },
    { docs: { spendUk4Weeks: 'UK spend, four-week mean.' } },
  )
  @node({ doc: 'Mean of the last {weeks} weeks of {spend}, as {outputName}.' })
  recentMean(spend: number[], weeks: number): number {
    return spend.slice(-weeks).reduce((a, b) => a + b, 0) / weeks;
  }

  @parameterizeValues('date', { election: '2016-11-08', christmas: '2016-12-25' })
  @node()
  dummy(dates: string[], date: string): number[] {
    return dates.map((d) => (d === date ? 1 : 0));
  }

  @parameterizeSources({ electionShifted: { day: 'election' }, christmasShifted: { day: 'christmas' } })
  @node()
  shifted(day: number[]): number[] {
    return [0, ...day.slice(0, -1)];
  }
}

const sumAll = (...xs: number[]) => xs.reduce((a, b) => a + b, 0);

class Totals {
  @inject({ parts: group(source('spendUs'), source('spendUk'), value(0)) })
  @node()
  totalSpend(parts: number[]): number {
    return parts.reduce((a, b) => a + b, 0);
  }

  @does(sumAll)
  @node()
  totalByDoes(spendUs: number, spendUk: number): number {
    return 0; // never runs
  }
}

class Sums {
  @resolve({
    when: 'configAvailable',
    decorateWith: ({ pairs }) =>
      parameterizeSources(Object.fromEntries((pairs as [string, string][]).map(([a, b]) => [`${a}Plus${b}`, { x: a, y: b }]))),
  })
  @node()
  sum(x: number, y: number): number {
    return x + y;
  }
}

describe('README function modifiers', () => {
  it('config: runs spend__eu for region uk, and explains an unmatched region', async () => {
    const dr = new Builder().withModules(Spend).withConfig({ region: 'uk', rate: 1.2 }).withLogger(silent).build();
    const { spendMean } = await dr.execute(['spendMean'], { inputs: { spendLocal: [10, 20] } });
    expect(spendMean).toBeCloseTo(18);
    class Alone {
      @config.when({ region: 'us' })
      @node()
      spend__us() {
        return 1;
      }
    }
    const error = thrownBy(() => new Builder().withModules(Alone).withConfig({ region: 'fr' }).build().validateExecution(['spend']));
    expect(error).toBeInstanceOf(UnknownNodeError);
    expect((error as Error).message).toContain(
      "Node `spend` is not in the graph under this config: Alone.spend__us needs config region = 'us' (config has region = 'fr')",
    );
  });

  it('parameterize: the documented nodes, docs and values', async () => {
    const dr = new Builder().withModules(Parameterized).withLogger(silent).build();
    const docs = Object.fromEntries(dr.listAvailableVariables().map((n) => [n.name, n.doc]));
    expect(docs.spendUs3Weeks).toBe('Mean of the last 3 weeks of spendUs, as spendUs3Weeks.');
    expect(docs.spendUk4Weeks).toBe('UK spend, four-week mean.');
    const inputs = { spendUs: [1, 2, 3, 6], spendUk: [4, 4, 4, 4], dates: ['2016-11-08', '2016-12-25'] };
    await expect(dr.execute(['spendUs3Weeks', 'spendUk4Weeks', 'electionShifted', 'christmas'] as string[], { inputs })).resolves.toEqual({
      spendUs3Weeks: 11 / 3,
      spendUk4Weeks: 4,
      electionShifted: [0, 1],
      christmas: [0, 1],
    });
  });

  it('inject and does: both totals', async () => {
    const dr = new Builder().withModules(Totals).withLogger(silent).build();
    await expect(dr.execute(['totalSpend', 'totalByDoes'] as string[], { inputs: { spendUs: 2, spendUk: 3 } })).resolves.toEqual({ totalSpend: 5, totalByDoes: 5 });
  });

  it('resolve: nodes aPlusb and bPlusc from config', async () => {
    const dr = new Builder().withModules(Sums).withConfig({ pairs: [['a', 'b'], ['b', 'c']] }).withLogger(silent).build();
    await expect(dr.execute(['aPlusb', 'bPlusc'] as string[], { inputs: { a: 1, b: 2, c: 3 } })).resolves.toEqual({ aPlusb: 3, bPlusc: 5 });
  });
});
