// The node runner's seam for executors that run nodes elsewhere: a CallNode may return a MeasuredValue
// (the value and the time the node took where it ran), and afterNodeExecute reports that time.
import { describe, expect, it } from '@jest/globals';
import { Builder, MeasuredValue, callInProcess, needsRunner, node, schedule, type AfterNodeExecuteEvent, type Executor } from '../../../lib/index.js';
import { silent } from '../../support.js';

class Measured {
  @node()
  doubled(x: number): number {
    return x * 2;
  }

  @node()
  plusOne(doubled: number): number {
    return doubled + 1;
  }
}

/** Runs nodes in process but reports each as having taken 1234 ms "remotely". */
function reportingExecutor(sync: boolean): Executor {
  return {
    run: (plan, ctx) =>
      schedule(plan, ctx, {
        maxConcurrency: 4,
        call: (p, i, args) => {
          const value = callInProcess(p, i, args);
          if (!needsRunner(p, i, ctx)) return value;
          const m = new MeasuredValue(value, 1234);
          return sync ? m : Promise.resolve(m);
        },
      }),
  };
}

describe('MeasuredValue', () => {
  for (const sync of [true, false]) {
    it(`reports the measured duration and passes on the plain value (${sync ? 'sync' : 'async'} call)`, async () => {
      const events: AfterNodeExecuteEvent[] = [];
      const dr = new Builder()
        .withModules(Measured)
        .withExecutor(reportingExecutor(sync))
        .withAdapters({ afterNodeExecute: (e: AfterNodeExecuteEvent) => void events.push(e) })
        .withLogger(silent)
        .build();
      expect(await dr.execute(['plusOne'], { inputs: { x: 4 } })).toEqual({ plusOne: 9 });
      expect(events.map((e) => [e.name, e.value, e.durationMs])).toEqual([
        ['doubled', 8, 1234],
        ['plusOne', 9, 1234],
      ]);
    });
  }

  it('adds the measured durations of every attempt of a retrying executeNode hook', async () => {
    const events: AfterNodeExecuteEvent[] = [];
    const retryOnce = {
      executeNode: async (_e: unknown, run: () => unknown) => {
        await run();
        return run();
      },
      afterNodeExecute: (e: AfterNodeExecuteEvent) => void events.push(e),
    };
    const dr = new Builder().withModules(Measured).withExecutor(reportingExecutor(false)).withAdapters(retryOnce).withLogger(silent).build();
    await dr.execute(['doubled'], { inputs: { x: 1 } });
    expect(events.map((e) => e.durationMs)).toEqual([2468]);
  });
});
