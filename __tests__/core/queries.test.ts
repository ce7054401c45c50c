// Graph queries: listAvailableVariables with tag filters, upstream/downstream lineage, paths, unknown names.
import { describe, expect, it } from '@jest/globals';
import { Builder, GraphError, UnknownNodeError, node, tag, type NodeInfo } from '../../lib/index.js';
import { silent, thrownBy } from '../support.js';

const names = (infos: readonly NodeInfo[]) => infos.map((n) => n.name).sort();

// spend, signups (inputs) -> spendPerSignup -> cpaAlert
// spend -> spendMean -> spendZeroMean ; region (config) -> regionLabel (isolated)
class Marketing {
  @tag({ owner: 'marketing', pii: 'false' })
  @node({ doc: 'Spend per signup.' })
  spendPerSignup(spend: number[], signups: number[]) {
    return spend.map((s, i) => s / signups[i]!);
  }

  @tag({ owner: 'data-science', regions: ['us', 'uk'] })
  @node()
  spendMean(spend: number[]) {
    return spend.reduce((a, b) => a + b, 0) / spend.length;
  }

  @tag({ owner: 'data-science', pii: 'true' })
  @node()
  spendZeroMean(spend: number[], spendMean: number) {
    return spend.map((s) => s - spendMean);
  }

  @tag({ owner: 'ops', regions: ['de'] })
  @node()
  cpaAlert(spendPerSignup: number[], threshold = 10) {
    return spendPerSignup.some((v) => v > threshold);
  }

  @node()
  regionLabel(region: string) {
    return region.toUpperCase();
  }
}

const dr = new Builder().withModules(Marketing).withConfig({ region: 'uk' }).withLogger(silent).build();

describe('listAvailableVariables', () => {
  it('lists every node and every external input, config included', () => {
    expect(names(dr.listAvailableVariables())).toEqual([
      'cpaAlert', 'region', 'regionLabel', 'signups', 'spend', 'spendMean', 'spendPerSignup', 'spendZeroMean', 'threshold',
    ]);
  });

  it('describes each node as { name, tags, dependencies, isExternalInput, origin?, doc? }', () => {
    expect(dr.listAvailableVariables().find((n) => n.name === 'cpaAlert')).toEqual({
      name: 'cpaAlert',
      tags: { owner: 'ops', regions: ['de'] },
      dependencies: [
        { name: 'spendPerSignup', optional: false },
        { name: 'threshold', optional: true },
      ],
      isExternalInput: false,
      origin: 'Marketing.cpaAlert',
    });
    expect(dr.listAvailableVariables().find((n) => n.name === 'spendPerSignup')?.doc).toBe('Spend per signup.');
  });

  it('lists dependencies before the nodes that read them', () => {
    const order = dr.listAvailableVariables().map((n) => n.name);
    expect(order.indexOf('spendMean')).toBeLessThan(order.indexOf('spendZeroMean'));
    expect(order.indexOf('spendPerSignup')).toBeLessThan(order.indexOf('cpaAlert'));
    expect(order.indexOf('spend')).toBeLessThan(order.indexOf('spendMean'));
  });

  it('filters by tag value with { key: value }', () => {
    expect(names(dr.listAvailableVariables({ tags: { owner: 'data-science' } }))).toEqual(['spendMean', 'spendZeroMean']);
  });

  it('filters by any of several values with { key: [a, b] }', () => {
    expect(names(dr.listAvailableVariables({ tags: { owner: ['marketing', 'ops'] } }))).toEqual(['cpaAlert', 'spendPerSignup']);
  });

  it('filters by the presence of a key with { key: null }', () => {
    expect(names(dr.listAvailableVariables({ tags: { pii: null } }))).toEqual(['spendPerSignup', 'spendZeroMean']);
  });

  it('requires every key of the filter to match', () => {
    expect(names(dr.listAvailableVariables({ tags: { owner: 'data-science', pii: 'true' } }))).toEqual(['spendZeroMean']);
    expect(names(dr.listAvailableVariables({ tags: { owner: 'data-science', pii: null } }))).toEqual(['spendZeroMean']);
    expect(names(dr.listAvailableVariables({ tags: { owner: 'marketing', pii: 'true' } }))).toEqual([]);
  });

  it('matches a list-valued tag when any of its values matches', () => {
    expect(names(dr.listAvailableVariables({ tags: { regions: 'uk' } }))).toEqual(['spendMean']);
    expect(names(dr.listAvailableVariables({ tags: { regions: ['de', 'fr'] } }))).toEqual(['cpaAlert']);
    expect(names(dr.listAvailableVariables({ tags: { regions: ['fr'] } }))).toEqual([]);
  });

  it('matches nothing for a value no node has, and everything for an empty filter', () => {
    expect(dr.listAvailableVariables({ tags: { owner: 'nobody' } })).toEqual([]);
    expect(dr.listAvailableVariables({ tags: {} })).toHaveLength(dr.listAvailableVariables().length);
  });
});

describe('whatIsUpstreamOf / whatIsDownstreamOf', () => {
  it('includes the named node, everything it depends on, and the external inputs', () => {
    expect(names(dr.whatIsUpstreamOf('cpaAlert'))).toEqual(['cpaAlert', 'signups', 'spend', 'spendPerSignup', 'threshold']);
  });

  it('includes config inputs upstream', () => {
    expect(names(dr.whatIsUpstreamOf('regionLabel'))).toEqual(['region', 'regionLabel']);
  });

  it('takes several names and returns the union, each node once', () => {
    expect(names(dr.whatIsUpstreamOf('spendZeroMean', 'spendPerSignup'))).toEqual(['signups', 'spend', 'spendMean', 'spendPerSignup', 'spendZeroMean']);
  });

  it('lists upstream nodes dependencies first', () => {
    const order = dr.whatIsUpstreamOf('spendZeroMean').map((n) => n.name);
    expect(order[order.length - 1]).toBe('spendZeroMean');
    expect(order.indexOf('spend')).toBeLessThan(order.indexOf('spendMean'));
  });

  it('includes the named node and everything that reads it, downstream', () => {
    expect(names(dr.whatIsDownstreamOf('spend'))).toEqual(['cpaAlert', 'spend', 'spendMean', 'spendPerSignup', 'spendZeroMean']);
    expect(names(dr.whatIsDownstreamOf('spendMean'))).toEqual(['spendMean', 'spendZeroMean']);
  });

  it('returns just the node for a leaf downstream or a source upstream', () => {
    expect(names(dr.whatIsDownstreamOf('cpaAlert'))).toEqual(['cpaAlert']);
    expect(names(dr.whatIsUpstreamOf('spend'))).toEqual(['spend']);
  });
});

describe('pathBetween', () => {
  it('returns the nodes on the paths from one node to another, both included', () => {
    expect(names(dr.pathBetween('spend', 'spendZeroMean'))).toEqual(['spend', 'spendMean', 'spendZeroMean']);
    expect(names(dr.pathBetween('signups', 'cpaAlert'))).toEqual(['cpaAlert', 'signups', 'spendPerSignup']);
  });

  it('leaves out nodes upstream of the end that are not downstream of the start', () => {
    expect(names(dr.pathBetween('spendPerSignup', 'cpaAlert'))).toEqual(['cpaAlert', 'spendPerSignup']);
  });

  it('returns [] when there is no path', () => {
    expect(dr.pathBetween('spendMean', 'cpaAlert')).toEqual([]);
    expect(dr.pathBetween('cpaAlert', 'spend')).toEqual([]);
  });
});

describe('unknown names in queries', () => {
  it('are an UnknownNodeError with close names, in whatIsUpstreamOf', () => {
    const error = thrownBy(() => dr.whatIsUpstreamOf('spendMaen'));
    expect(error).toBeInstanceOf(UnknownNodeError);
    expect(error).toBeInstanceOf(GraphError);
    expect((error as UnknownNodeError).suggestions.spendMaen).toContain('spendMean');
  });

  it('are an UnknownNodeError in whatIsDownstreamOf, naming every unknown name', () => {
    const error = thrownBy(() => dr.whatIsDownstreamOf('spend', 'nope', 'nada'));
    expect((error as UnknownNodeError).names).toEqual(['nope', 'nada']);
  });

  it('are an UnknownNodeError in pathBetween, for either end', () => {
    expect(() => dr.pathBetween('spnd', 'cpaAlert')).toThrow(UnknownNodeError);
    expect(() => dr.pathBetween('spend', 'cpaAlrt')).toThrow(UnknownNodeError);
  });

  it('are an UnknownNodeError in toDot outputs', () => {
    expect(() => dr.toDot({ outputs: ['cpaAlrt'] })).toThrow(UnknownNodeError);
  });
});
