import { describe, expect, it } from '@jest/globals';
import pino from 'pino';
import { Builder, node, NodeExecutionError, type AfterNodeExecuteEvent, type BeforeNodeExecuteEvent, type LifecycleHooks } from '../../../lib/index.js';
import { silent } from '../../support.js';

class Pair {
  @node() a(x: number[]): number[] { return x.map((v) => v + 1); }
  @node() b(a: number[]): number { return a.length; }
}

const busy = (ms: number) => { const end = performance.now() + ms; while (performance.now() < end); };

describe('hook events are frozen copies', () => {
  it('does not let a hook change the caller’s inputs, the node inputs or the run’s results', async () => {
    const attempts: string[] = [];
    const meddler: LifecycleHooks = {
      beforeGraphExecute(e) { try { (e.inputs as Record<string, unknown>).x = 'changed'; } catch { attempts.push('inputs'); } },
      beforeNodeExecute(e) { try { (e.inputs as Record<string, unknown>).x = 'changed'; } catch { attempts.push('node inputs'); } },
      afterGraphExecute(e) { try { (e.results as Record<string, unknown>).b = -1; } catch { attempts.push('results'); } },
    };
    const inputs = { x: [1, 2] };
    const out = await new Builder().withModules(Pair).withAdapters(meddler).withLogger(silent).build().execute(['b'], { inputs });
    expect(out).toEqual({ b: 2 });
    expect(inputs).toEqual({ x: [1, 2] });
    expect(attempts).toEqual(['inputs', 'node inputs', 'node inputs', 'results']);
  });
});

describe('durationMs', () => {
  // Regression: five independent 100 ms nodes used to report 101 to 501 ms.
  it('measures each sync node alone, not the nodes that ran before it', async () => {
    class Five {
      @node() n1(): number { busy(40); return 1; }
      @node() n2(): number { busy(40); return 2; }
      @node() n3(): number { busy(40); return 3; }
      @node() all(n1: number, n2: number, n3: number): number { return n1 + n2 + n3; }
    }
    const durations: Record<string, number> = {};
    const hook = { afterNodeExecute: (e: AfterNodeExecuteEvent) => { durations[e.name] = e.durationMs; } };
    await new Builder().withModules(Five).withAdapters(hook).withLogger(silent).build().execute(['all']);
    for (const n of ['n1', 'n2', 'n3']) {
      expect(durations[n]).toBeGreaterThanOrEqual(39);
      expect(durations[n]).toBeLessThan(75);
    }
  });
});

describe('executeNode', () => {
  it('wraps a node: a retrying hook gets the value of a later attempt', async () => {
    let calls = 0;
    class Flaky {
      @node() flaky(): number { calls++; if (calls < 3) throw new Error(`attempt ${calls}`); return 42; }
    }
    const retry: LifecycleHooks = {
      async executeNode(_e: BeforeNodeExecuteEvent, run: () => Promise<unknown>) {
        for (let k = 0; ; k++) {
          try { return await run(); } catch (e) { if (k >= 4) throw e; }
        }
      },
    };
    await expect(new Builder().withModules(Flaky).withAdapters(retry).withLogger(silent).build().execute(['flaky'])).resolves.toEqual({ flaky: 42 });
    expect(calls).toBe(3);
  });

  it('nests hooks in the order given, the first outermost', async () => {
    const order: string[] = [];
    const wrap = (name: string): LifecycleHooks => ({
      async executeNode(_e, run) { order.push(`${name}>`); const v = await run(); order.push(`<${name}`); return v; },
    });
    await new Builder().withModules(Pair).withAdapters(wrap('outer'), wrap('inner')).withLogger(silent).build().execute(['a'], { inputs: { x: [] } });
    expect(order).toEqual(['outer>', 'inner>', '<inner', '<outer']);
  });

  it('passes the node’s own failure on as a NodeExecutionError', async () => {
    class Broken { @node() broken(): number { throw new Error('boom'); } }
    const passThrough: LifecycleHooks = { executeNode: (_e, run) => run() };
    const error = await new Builder().withModules(Broken).withAdapters(passThrough).withLogger(silent).build().execute(['broken']).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NodeExecutionError);
    expect((error as NodeExecutionError).cause).toEqual(new Error('boom'));
  });

  it('logs a hook that throws on its own, and runs the node without it', async () => {
    const records: { level: number; hook?: string; event?: string }[] = [];
    const logger = pino({ level: 'error' }, { write: (line: string) => { records.push(JSON.parse(line)); } });
    class BadHook implements LifecycleHooks { executeNode(): unknown { throw new Error('hook bug'); } }
    await expect(new Builder().withModules(Pair).withAdapters(new BadHook()).withLogger(logger).build().execute(['b'], { inputs: { x: [1] } })).resolves.toEqual({ b: 1 });
    expect(records.filter((r) => r.hook === 'BadHook' && r.event === 'executeNode')).toHaveLength(2);
  });
});
