// The README's "Function modifiers" → "Combinations" example, run as written, and the misuse it lists.
import { describe, expect, it } from '@jest/globals';
import * as aq from 'arquero';
import type { ColumnTable } from 'arquero';
import { Builder, DecoratorError, checkOutput, config, does, extractColumns, extractFields, node, parameterize, source, subdag, tag } from '../../lib/index.js';
import { silent } from '../support.js';

const ratio = (a: number[], b: number[]) => a.map((x, i) => x / b[i]!);

class Combined {
  // A config variant whose table is checked, then split into columns (each column reads the checked table).
  @config.when({ store: 'warehouse' })
  @checkOutput({ columns: { spend: { range: [0, 1000] } }, importance: 'warn', target: 'raw' })
  @extractColumns('spend', 'signups')
  @node()
  raw__warehouse(rows: ColumnTable): ColumnTable {
    return rows;
  }

  // @does computes the body, @parameterize makes two nodes of it, @tag tags both.
  @tag({ kpi: 'true' })
  @parameterize({
    spendPerSignup: { a: source('spend'), b: source('signups') },
    signupsPerSpend: { a: source('signups'), b: source('spend') },
  })
  @does(ratio)
  @node()
  perUnit(a: number[], b: number[]): number[] {
    return [];
  }
}

describe('README function modifiers: combinations', () => {
  const dr = new Builder().withModules(Combined).withConfig({ store: 'warehouse' }).withLogger(silent).build();

  it('makes the nodes the README lists, and computes them', async () => {
    expect(dr.listAvailableVariables().map((n) => n.name).sort()).toEqual(
      ['raw', 'raw_raw', 'raw_spend_range_validator', 'rows', 'signups', 'signupsPerSpend', 'spend', 'spendPerSignup', 'store'],
    );
    expect(dr.listAvailableVariables({ tags: { kpi: 'true' } }).map((n) => n.name).sort()).toEqual(['signupsPerSpend', 'spendPerSignup']);
    const rows = aq.table({ spend: [10, 20], signups: [2, 5] });
    await expect(dr.execute(['spendPerSignup', 'signupsPerSpend'] as string[], { inputs: { rows } })).resolves.toEqual({ spendPerSignup: [5, 4], signupsPerSpend: [0.2, 0.25] });
    expect(dr.whatIsUpstreamOf('spend').map((n) => n.name)).toContain('raw_spend_range_validator');
  });

  it('combines the other pairs the list names: @does with @extractFields, config with a subdag', async () => {
    class Inner {
      @node()
      total(xs: number[]) {
        return xs.reduce((a, b) => a + b, 0);
      }
    }
    const stats = (xs: number[]) => ({ n: xs.length, first: xs[0] });
    class Pairs {
      @extractFields({ n: 'number', first: 'number' })
      @does(stats)
      @node()
      summary(xs: number[]) {
        return {};
      }

      @config.whenNot({ store: 'warehouse' })
      @subdag([Inner], { inputs: { xs: source('xs') } })
      @node()
      embedded(total: number) {
        return total;
      }
    }
    const build = (store: string) => new Builder().withModules(Pairs).withConfig({ store }).withLogger(silent).build();
    await expect(build('lake').execute(['n', 'first', 'embedded'] as string[], { inputs: { xs: [4, 5] } })).resolves.toEqual({ n: 2, first: 4, embedded: 9 });
    expect(build('warehouse').listAvailableVariables().map((n) => n.name)).not.toContain('embedded.total');
  });

  it('rejects two expanders on one method, naming both, and a subdag followed by an expander', () => {
    const twoExpanders = () => {
      class Twice {
        @extractColumns('a')
        @parameterize({ x: {}, y: {} })
        @node()
        t(): ColumnTable {
          return aq.table({ a: [1] });
        }
      }
      return new Builder().withModules(Twice).withLogger(silent).build();
    };
    expect(twoExpanders).toThrow(DecoratorError);
    expect(twoExpanders).toThrow(/@extractColumns/);
    expect(twoExpanders).toThrow(/@parameterize/);
    class Inner {
      @node()
      a() {
        return 1;
      }
    }
    class Embedded {
      @extractColumns('x')
      @subdag([Inner])
      @node()
      s(a: number): ColumnTable {
        return aq.table({ x: [a] });
      }
    }
    expect(() => new Builder().withModules(Embedded).withLogger(silent).build()).toThrow(
      'Embedded.s: @extractColumns applies to one node, but the decorators before it made 2 (`s.a`, `s`).',
    );
  });
});
