import { describe, expect, it } from '@jest/globals';
import { Builder, LocalExecutor, node, planExecution, RunControl } from '../../../lib/index.js';
import { HookRunner } from '../../../lib/core/run/hooks.js';
import { silent } from '../../support.js';

// Regression: every intermediate value used to be kept until the run ended (a 200-node chain of 8 MB arrays peaked at 1.5 GB).
describe('releasing intermediate values', () => {
  it('drops each intermediate value once no remaining node needs it, and keeps requested outputs', async () => {
    class Chain {
      @node() a(): number[] { return [1, 2, 3]; }
      @node() b(a: number[]): number[] { return a.map((x) => x * 2); }
      @node() c(b: number[]): number[] { return b.map((x) => x + 1); }
      @node() d(b: number[], c: number[]): number { return b.length + c.length; }
    }
    const dr = new Builder().withModules(Chain).withLogger(silent).build();
    const plan = planExecution(dr.graph, ['d', 'a'], {});
    await new LocalExecutor().run(plan, { runId: 'r', logger: silent, hooks: new HookRunner([], silent), control: new RunControl() });
    const slot = (n: string) => plan.values[dr.graph.indexOf(n)!];
    expect(slot('b')).toBeUndefined(); // read by c and d, both done
    expect(slot('c')).toBeUndefined();
    expect(slot('a')).toEqual([1, 2, 3]); // requested, though b read it
    expect(slot('d')).toBe(6);
  });
});

describe('LocalExecutor({ releaseValues })', () => {
  class Chain {
    @node() a(): number[] { return [1, 2, 3]; }
    @node() b(a: number[]): number[] { return a.map((x) => x * 2); }
    @node() c(b: number[]): number { return b.length; }
  }

  it('keeps every intermediate value until the run ends with releaseValues: false', async () => {
    const dr = new Builder().withModules(Chain).withLogger(silent).build();
    const plan = planExecution(dr.graph, ['c'], {});
    await new LocalExecutor({ releaseValues: false }).run(plan, { runId: 'r', logger: silent, hooks: new HookRunner([], silent), control: new RunControl() });
    const slot = (n: string) => plan.values[dr.graph.indexOf(n)!];
    expect([slot('a'), slot('b'), slot('c')]).toEqual([[1, 2, 3], [2, 4, 6], 3]);
  });

  it('rejects a releaseValues that is not a boolean', () => {
    expect(() => new LocalExecutor({ releaseValues: 'no' as never })).toThrow('LocalExecutor: releaseValues must be true or false, got "no".');
  });
});
