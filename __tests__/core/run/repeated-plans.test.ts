// Planning the same outputs again reuses the names' lookup (lib/core/run/run-index.ts); these pin that it never answers stale.
import { describe, expect, it } from '@jest/globals';
import { Builder, node, planExecution, UnknownNodeError } from '../../../lib/index.js';
import { silent } from '../../support.js';

class Letters {
  @node() a(): string { return 'A'; }
  @node() b(): string { return 'B'; }
  @node() c(a: string, b: string): string { return a + b; }
}

const driver = () => new Builder().withModules(Letters).withLogger(silent).build();

describe('planning the same outputs again', () => {
  it('follows the names in the list, also when the caller changed the same array between runs', async () => {
    const dr = driver();
    const outputs = ['a', 'c'];
    await expect(dr.execute(outputs)).resolves.toEqual({ a: 'A', c: 'AB' });
    outputs[0] = 'b';
    await expect(dr.execute(outputs)).resolves.toEqual({ b: 'B', c: 'AB' });
    outputs.push('a');
    await expect(dr.execute(outputs)).resolves.toEqual({ b: 'B', c: 'AB', a: 'A' });
  });

  it('reports an unknown output on every run, not only the first', () => {
    const dr = driver();
    for (let run = 0; run < 2; run++) expect(() => planExecution(dr.graph, ['a', 'nope'])).toThrow(UnknownNodeError);
    expect(planExecution(dr.graph, ['a', 'b']).outputIndices).toEqual([dr.graph.indexOf('a'), dr.graph.indexOf('b')]);
  });

  it('gives each plan its own output indices', () => {
    const dr = driver();
    const first = planExecution(dr.graph, ['c']);
    const second = planExecution(dr.graph, ['c']);
    expect(second.outputIndices).toEqual(first.outputIndices);
    expect(second.outputIndices).not.toBe(first.outputIndices);
  });
});
