import { describe, expect, it } from '@jest/globals';
import { DecoratorError, FrameworkTags, node, parameterizedSubdag, source, tag, value } from '../../lib/index.js';
import { thrownBy } from '../support.js';
import { build, byName, deps } from './graph-helpers.js';

class Revenue {
  @node()
  revenue(units: number, price: number, currency: string) {
    return `${units * price} ${currency}`;
  }
}

class Regions {
  @tag({ level: 'region' })
  @parameterizedSubdag(
    [Revenue],
    {
      us: { inputs: { units: source('usUnits') } },
      uk: { inputs: { units: value(2), price: value(7) }, config: { currency: 'gbp' } },
    },
    { inputs: { price: value(10) }, config: { currency: 'usd' } },
  )
  @node()
  regionRevenue(revenue: string) {
    return `revenue: ${revenue}`;
  }
}

describe('@parameterizedSubdag', () => {
  it('makes one subdag and one output node per entry, each under its own namespace', async () => {
    const dr = build([Regions]);
    const nodes = byName(dr);
    expect(deps(nodes.get('us'))).toEqual(['us.revenue']);
    expect(deps(nodes.get('uk'))).toEqual(['uk.revenue']);
    expect(deps(nodes.get('us.revenue'))).toEqual(['us.units', 'us.price', 'us.currency']);
    expect(nodes.has('regionRevenue')).toBe(false);
    await expect(dr.execute(['us', 'uk'], { inputs: { usUnits: 3 } })).resolves.toEqual({ us: 'revenue: 30 usd', uk: 'revenue: 14 gbp' });
  });

  it('lets an entry’s inputs and config win over the shared ones, key by key', async () => {
    const dr = build([Regions]);
    await expect(dr.execute(['uk.price', 'uk.currency', 'us.price', 'us.currency'])).resolves.toEqual({
      'uk.price': 7,
      'uk.currency': 'gbp',
      'us.price': 10,
      'us.currency': 'usd',
    });
  });

  it('tags each output node, and the embedded nodes with their namespaces', () => {
    const nodes = byName(build([Regions]));
    expect(nodes.get('us')!.tags).toEqual({ level: 'region' });
    expect(nodes.get('uk')!.tags).toEqual({ level: 'region' });
    expect(nodes.get('uk.revenue')!.tags[FrameworkTags.namespace]).toBe('uk');
    expect(nodes.get('us')!.origin).toBe('Regions.regionRevenue');
  });

  it('rejects an empty parameterization and an output name with a dot', () => {
    expect(() => parameterizedSubdag([Revenue], {})).toThrow('@parameterizedSubdag needs a non-empty object');
    const e = thrownBy(() => {
      class Bad {
        @parameterizedSubdag([Revenue], { 'a.b': {} })
        @node()
        x(revenue: string) {
          return revenue;
        }
      }
      return Bad;
    });
    expect(e).toBeInstanceOf(DecoratorError);
    expect((e as Error).message).toContain('without dots');
  });
});
