// TimingProfile: per-node durations, the sorted report and table, the critical path, fan-outs, failures, kept runs.
import { describe, expect, it } from '@jest/globals';
import {
  Builder,
  collect,
  InvalidInputsError,
  node,
  parallelizable,
  TimingProfile,
  type AfterNodeExecuteEvent,
  type BeforeGraphExecuteEvent,
  type NodeInfo,
} from '../../../lib/index.js';
import { criticalPath } from '../../../lib/platform/hooks/critical-path.js';
import { silent } from '../../support.js';

const busy = (ms: number) => { const end = performance.now() + ms; while (performance.now() < end); };

const info = (name: string, ...deps: string[]): NodeInfo => ({ name, tags: {}, dependencies: deps.map((d) => ({ name: d, optional: false })), isExternalInput: false });

/** Feeds a TimingProfile the events of a run, with given durations, in the order given (dependencies first). */
function replay(profile: TimingProfile, runId: string, nodes: [NodeInfo, number, boolean?][], end?: { success: boolean; durationMs: number }) {
  profile.beforeGraphExecute({ runId } as BeforeGraphExecuteEvent);
  for (const [node, durationMs, failed] of nodes) {
    profile.afterNodeExecute({ runId, name: node.name, node, success: !failed, durationMs } as AfterNodeExecuteEvent);
  }
  if (end) profile.afterGraphExecute({ runId, outputs: [], ...end });
}

describe('TimingProfile report', () => {
  it('lists every node that ran, slowest first, with its duration, calls and origin', async () => {
    class Steps {
      @node() slow(): number { busy(30); return 1; }
      @node() quick(slow: number): number { return slow + 1; }
      @node() medium(slow: number): number { busy(10); return slow + 2; }
    }
    const timing = new TimingProfile();
    await new Builder().withModules(Steps).withAdapters(timing).withLogger(silent).build().execute(['quick', 'medium']);
    const report = timing.report();
    expect(report.success).toBe(true);
    expect(report.nodes.map((n) => n.name).sort()).toEqual(['medium', 'quick', 'slow']);
    const byName = Object.fromEntries(report.nodes.map((n) => [n.name, n]));
    expect(byName.slow).toMatchObject({ calls: 1, failed: false, origin: 'Steps.slow' });
    expect(byName.slow!.durationMs).toBeGreaterThanOrEqual(30);
    expect(byName.medium!.durationMs).toBeGreaterThanOrEqual(10);
    const durations = report.nodes.map((n) => n.durationMs);
    expect(durations).toEqual([...durations].sort((a, b) => b - a));
    expect(report.nodeMs).toBeCloseTo(durations.reduce((a, b) => a + b, 0), 9);
    expect(report.totalMs).toBeGreaterThanOrEqual(40);
  });

  it('sums a fan-out node over its items and counts the calls', async () => {
    class Fan {
      @parallelizable() @node() items(): number[] { return [1, 2, 3, 4]; }
      @node() work(items: number): number { busy(2); return items * 2; }
      @collect('work') @node() all(work: number[]): number { return work.length; }
    }
    const timing = new TimingProfile();
    await new Builder().withModules(Fan).withAdapters(timing).withLogger(silent).build().execute(['all']);
    const work = timing.report().nodes.find((n) => n.name === 'work')!;
    expect(work.calls).toBe(4);
    expect(work.durationMs).toBeGreaterThanOrEqual(8);
    expect(timing.report().nodes.map((n) => n.name).sort()).toEqual(['all', 'items', 'work']);
  });

  it('reports a failed run and marks the node that failed', async () => {
    class Failing {
      @node() fine(): number { return 1; }
      @node() broken(fine: number): number { throw new Error(`no ${fine}`); }
    }
    const timing = new TimingProfile();
    await expect(new Builder().withModules(Failing).withAdapters(timing).withLogger(silent).build().execute(['broken'])).rejects.toThrow('no 1');
    const report = timing.report();
    expect(report.success).toBe(false);
    expect(report.nodes.find((n) => n.name === 'broken')).toMatchObject({ failed: true, calls: 1 });
    expect(report.nodes.find((n) => n.name === 'fine')).toMatchObject({ failed: false });
    expect(timing.format()).toMatch(/broken .*FAILED/);
  });
});

describe('TimingProfile critical path', () => {
  it('follows the dependency edges to the longest chain by summed duration', () => {
    // a -> b -> d and a -> c -> d: b is slower than c, so the path goes through b.
    const timing = new TimingProfile();
    replay(timing, 'r1', [[info('a'), 10], [info('c', 'a'), 5], [info('b', 'a'), 30], [info('d', 'b', 'c'), 1], [info('lonely'), 35]], { success: true, durationMs: 50 });
    expect(timing.report('r1').criticalPath).toEqual({ nodes: ['a', 'b', 'd'], durationMs: 41 });
  });

  it('picks a single slow node over a chain of quick ones', () => {
    const timing = new TimingProfile();
    replay(timing, 'r1', [[info('x'), 1], [info('y', 'x'), 1], [info('z', 'y'), 1], [info('big'), 5]]);
    expect(timing.report().criticalPath).toEqual({ nodes: ['big'], durationMs: 5 });
  });

  it('ignores dependencies that did not run (inputs, overrides)', () => {
    const timing = new TimingProfile();
    replay(timing, 'r1', [[info('b', 'input', 'overridden'), 4], [info('c', 'b'), 2]]);
    expect(timing.report().criticalPath).toEqual({ nodes: ['b', 'c'], durationMs: 6 });
  });

  it('extends the chain through nodes that took no measurable time', () => {
    const timing = new TimingProfile();
    replay(timing, 'r1', [[info('a'), 0], [info('b', 'a'), 0], [info('c', 'b'), 3]]);
    expect(timing.report().criticalPath.nodes).toEqual(['a', 'b', 'c']);
  });

  it('walks a 100,000-node chain without recursion', () => {
    const n = 100_000;
    const names = Array.from({ length: n }, (_, i) => `n${i}`);
    const infos = names.map((name, i) => (i === 0 ? info(name) : info(name, names[i - 1]!)));
    const path = criticalPath(names, infos, names.map(() => 1));
    expect(path.nodes.length).toBe(n);
    expect(path.durationMs).toBe(n);
    expect(path.nodes[0]).toBe('n0');
  });

  it('comes out of a real run through the graph edges', async () => {
    class Diamond {
      @node() root(): number { return 1; }
      @node() heavy(root: number): number { busy(40); return root; }
      @node() light(root: number): number { return root; }
      @node() join(heavy: number, light: number): number { return heavy + light; }
    }
    const timing = new TimingProfile();
    await new Builder().withModules(Diamond).withAdapters(timing).withLogger(silent).build().execute(['join']);
    const { criticalPath: path, nodes } = timing.report();
    expect(path.nodes).toEqual(['root', 'heavy', 'join']);
    const ms = (name: string) => nodes.find((n) => n.name === name)!.durationMs;
    expect(path.durationMs).toBeCloseTo(ms('root') + ms('heavy') + ms('join'), 9);
  });
});

describe('TimingProfile format', () => {
  it('prints a summary, the critical path and the slowest nodes, up to a limit', () => {
    const timing = new TimingProfile();
    replay(timing, 'run-7', [[info('a'), 2], [info('b', 'a'), 6], [info('c'), 1], [info('d'), 0.5]], { success: true, durationMs: 9.5 });
    const text = timing.format('run-7', { limit: 2 });
    const lines = text.trimEnd().split('\n');
    expect(lines[0]).toBe('Timing profile, run run-7 (succeeded): 4 nodes, 9.500 ms in nodes, run 9.500 ms');
    expect(lines[1]).toBe('Critical path (8.000 ms): a -> b');
    expect(lines[2]).toMatch(/^node\s+origin\s+calls\s+ms\s+share\s+notes$/);
    expect(lines[3]).toMatch(/^b\s+1\s+6\.000\s+63\.2%\s+critical$/);
    expect(lines[4]).toMatch(/^a\s+1\s+2\.000\s+21\.1%\s+critical$/);
    expect(lines[5]).toBe('... and 2 more nodes');
  });

  it('says so when no node ran or the run is unknown', () => {
    const timing = new TimingProfile();
    expect(timing.format()).toBe('Timing profile, run (none) (running): 0 nodes, 0.000 ms in nodes\n(no nodes ran)\n');
    expect(timing.report('nope')).toEqual({ runId: 'nope', success: undefined, totalMs: undefined, nodeMs: 0, nodes: [], criticalPath: { nodes: [], durationMs: 0 } });
  });

  it('rejects a limit that is not a whole number of at least 1', () => {
    expect(() => new TimingProfile().format(undefined, { limit: 0 })).toThrow(InvalidInputsError);
  });
});

describe('TimingProfile runs', () => {
  it('keeps one report per run, the latest by default, and forgets the oldest beyond maxRuns', () => {
    const timing = new TimingProfile({ maxRuns: 2 });
    replay(timing, 'r1', [[info('a'), 1]]);
    replay(timing, 'r2', [[info('b'), 2]]);
    replay(timing, 'r3', [[info('c'), 3]]);
    expect(timing.runIds()).toEqual(['r2', 'r3']);
    expect(timing.report().nodes.map((n) => n.name)).toEqual(['c']);
    expect(timing.report('r2').nodes.map((n) => n.name)).toEqual(['b']);
    expect(timing.report('r1').nodes).toEqual([]);
    timing.clear();
    expect(timing.runIds()).toEqual([]);
  });

  it('records every node, also beyond the node count the run announced', () => {
    const timing = new TimingProfile();
    timing.beforeGraphExecute({ runId: 'r1', nodes: 1 } as BeforeGraphExecuteEvent);
    const names = Array.from({ length: 40 }, (_, i) => `n${i}`);
    names.forEach((name, i) => timing.afterNodeExecute({ runId: 'r1', name, node: info(name), success: true, durationMs: i } as AfterNodeExecuteEvent));
    expect(timing.report().nodes.map((n) => n.name)).toEqual([...names].reverse());
    expect(timing.report().nodeMs).toBe((39 * 40) / 2);
  });

  it('keeps the events of two interleaved runs apart', () => {
    const timing = new TimingProfile();
    timing.beforeGraphExecute({ runId: 'r1' } as BeforeGraphExecuteEvent);
    timing.beforeGraphExecute({ runId: 'r2' } as BeforeGraphExecuteEvent);
    for (const [runId, name] of [['r1', 'a'], ['r2', 'b'], ['r1', 'c']] as const) {
      timing.afterNodeExecute({ runId, name, node: info(name), success: true, durationMs: 1 } as AfterNodeExecuteEvent);
    }
    expect(timing.report('r1').nodes.map((n) => n.name)).toEqual(['a', 'c']);
    expect(timing.report('r2').nodes.map((n) => n.name)).toEqual(['b']);
  });

  it('rejects bad options', () => {
    expect(() => new TimingProfile({ maxRuns: 0 })).toThrow(InvalidInputsError);
    expect(() => new TimingProfile({ maxRun: 3 } as never)).toThrow('TimingProfile: unknown option `maxRun`. The options are `maxRuns`.');
    expect(() => new TimingProfile(null as never)).toThrow(InvalidInputsError);
  });
});
