// Lifecycle hooks: the four events and their payloads, sync and async hooks, order, and hooks that fail.
import { describe, expect, it } from '@jest/globals';
import pino from 'pino';
import {
  Builder,
  NodeExecutionError,
  node,
  type AfterGraphExecuteEvent,
  type AfterNodeExecuteEvent,
  type BeforeGraphExecuteEvent,
  type BeforeNodeExecuteEvent,
  type LifecycleHooks,
} from '../../lib/index.js';
import { silent } from '../support.js';

/** A pino logger whose records land in `records`, parsed. */
function capture() {
  const records: Record<string, unknown>[] = [];
  const logger = pino({ level: 'info' }, { write(line: string) { records.push(JSON.parse(line) as Record<string, unknown>); } });
  return { logger, records };
}

/** A promise with its resolve function. */
function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((res) => { resolve = res; });
  return { promise, resolve };
}

async function settle(rounds = 10): Promise<void> {
  for (let i = 0; i < rounds; i++) await new Promise((r) => setImmediate(r));
}

type Event = { event: string; payload: Record<string, unknown> };

/** Records every event with its payload. */
class Recorder implements LifecycleHooks {
  readonly events: Event[] = [];
  beforeGraphExecute(e: BeforeGraphExecuteEvent) { this.events.push({ event: 'beforeGraphExecute', payload: { ...e } }); }
  beforeNodeExecute(e: BeforeNodeExecuteEvent) { this.events.push({ event: 'beforeNodeExecute', payload: { ...e } }); }
  afterNodeExecute(e: AfterNodeExecuteEvent) { this.events.push({ event: 'afterNodeExecute', payload: { ...e } }); }
  afterGraphExecute(e: AfterGraphExecuteEvent) { this.events.push({ event: 'afterGraphExecute', payload: { ...e } }); }
  sequence() { return this.events.map((e) => `${e.event}${e.payload.name ? `:${String(e.payload.name)}` : ''}`); }
}

class Spend {
  @node({ doc: 'Spend without negative values.' })
  cleaned(spend: number[]) {
    return spend.filter((v) => v >= 0);
  }

  @node()
  total(cleaned: number[], scale = 1) {
    return cleaned.reduce((a, b) => a + b, 0) * scale;
  }

  @node()
  broken(total: number) {
    throw new Error(`cannot use ${total}`);
  }

  @node()
  afterBroken(broken: number) {
    return broken;
  }
}

const driverWith = (...hooks: LifecycleHooks[]) => new Builder().withModules(Spend).withAdapters(...hooks).withLogger(silent).build();

describe('hook events and payloads', () => {
  it('fires beforeGraphExecute, then before/after each node in dependency order, then afterGraphExecute', async () => {
    const rec = new Recorder();
    await driverWith(rec).execute(['total'], { inputs: { spend: [1, 2] } });
    expect(rec.sequence()).toEqual([
      'beforeGraphExecute',
      'beforeNodeExecute:cleaned',
      'afterNodeExecute:cleaned',
      'beforeNodeExecute:total',
      'afterNodeExecute:total',
      'afterGraphExecute',
    ]);
  });

  it('gives beforeGraphExecute exactly { runId, outputs, inputs, overrides, nodes, logger }', async () => {
    const rec = new Recorder();
    await driverWith(rec).execute(['total'], { inputs: { spend: [1, 2] }, overrides: { cleaned: [5] } });
    expect(rec.events[0]!.payload).toStrictEqual({
      runId: expect.any(String),
      outputs: ['total'],
      inputs: { spend: [1, 2] },
      overrides: { cleaned: [5] },
      nodes: 1, // `cleaned` is overridden: only `total` runs
      logger: silent,
    });
  });

  it('counts the nodes a run will compute in beforeGraphExecute', async () => {
    const rec = new Recorder();
    await driverWith(rec).execute(['total'], { inputs: { spend: [1, 2] } });
    await driverWith(rec).execute(['cleaned'], { inputs: { spend: [1, 2] } });
    expect(rec.events.filter((e) => e.event === 'beforeGraphExecute').map((e) => e.payload.nodes)).toEqual([2, 1]);
  });

  it('gives beforeGraphExecute empty inputs and overrides when none are given', async () => {
    const rec = new Recorder();
    await driverWith(rec).execute(['cleaned'], { overrides: { spend: [] } });
    await driverWith(rec).execute(['cleaned'], { inputs: { spend: [] } });
    const starts = rec.events.filter((e) => e.event === 'beforeGraphExecute').map((e) => e.payload);
    expect([starts[0]!.inputs, starts[0]!.overrides]).toEqual([{}, { spend: [] }]);
    expect([starts[1]!.inputs, starts[1]!.overrides]).toEqual([{ spend: [] }, {}]);
  });

  it('gives beforeNodeExecute exactly { runId, name, node, inputs } with the node info and its argument values', async () => {
    const rec = new Recorder();
    const dr = driverWith(rec);
    await dr.execute(['total'], { inputs: { spend: [1, -2, 3] }, overrides: {} });
    const before = rec.events.find((e) => e.event === 'beforeNodeExecute' && e.payload.name === 'cleaned')!.payload;
    expect(before).toStrictEqual({
      runId: expect.any(String),
      name: 'cleaned',
      node: dr.listAvailableVariables().find((n) => n.name === 'cleaned'),
      inputs: { spend: [1, -2, 3] },
    });
    expect(before.node).toMatchObject({ origin: 'Spend.cleaned', doc: 'Spend without negative values.' });
  });

  it('gives afterNodeExecute exactly { runId, name, node, success, value, durationMs } on success', async () => {
    const rec = new Recorder();
    await driverWith(rec).execute(['cleaned'], { inputs: { spend: [1, -2, 3] } });
    const after = rec.events.find((e) => e.event === 'afterNodeExecute')!.payload;
    expect(after).toStrictEqual({
      runId: expect.any(String),
      name: 'cleaned',
      node: expect.objectContaining({ name: 'cleaned', origin: 'Spend.cleaned' }),
      success: true,
      value: [1, 3],
      durationMs: expect.any(Number),
    });
    expect(after.durationMs as number).toBeGreaterThanOrEqual(0);
  });

  it('gives afterNodeExecute exactly { runId, name, node, success: false, error, durationMs } with the original error on failure', async () => {
    const rec = new Recorder();
    await driverWith(rec).execute(['broken'], { inputs: { spend: [1] } }).catch(() => undefined);
    const after = rec.events.find((e) => e.event === 'afterNodeExecute' && e.payload.name === 'broken')!.payload;
    expect(after).toStrictEqual({
      runId: expect.any(String),
      name: 'broken',
      node: expect.objectContaining({ name: 'broken' }),
      success: false,
      error: new Error('cannot use 1'),
      durationMs: expect.any(Number),
    });
  });

  it('gives afterGraphExecute exactly { runId, outputs, success, results, durationMs } on success', async () => {
    const rec = new Recorder();
    await driverWith(rec).execute(['total', 'cleaned'], { inputs: { spend: [1, 2] } });
    expect(rec.events.at(-1)!.payload).toStrictEqual({
      runId: expect.any(String),
      outputs: ['total', 'cleaned'],
      success: true,
      results: { total: 3, cleaned: [1, 2] },
      durationMs: expect.any(Number),
    });
  });

  it('fires afterGraphExecute after a failure, with exactly { runId, outputs, success: false, error, durationMs }', async () => {
    const rec = new Recorder();
    const thrown = await driverWith(rec).execute(['afterBroken'], { inputs: { spend: [1] } }).catch((e: unknown) => e);
    expect(thrown).toBeInstanceOf(NodeExecutionError);
    expect(rec.events.at(-1)).toStrictEqual({
      event: 'afterGraphExecute',
      payload: { runId: expect.any(String), outputs: ['afterBroken'], success: false, error: thrown, durationMs: expect.any(Number) },
    });
    expect(rec.sequence()).not.toContain('beforeNodeExecute:afterBroken');
  });

  it('shares one runId across the events of a run, and a new one per run', async () => {
    const rec = new Recorder();
    const dr = driverWith(rec);
    await dr.execute(['total'], { inputs: { spend: [1] } });
    const firstRun = new Set(rec.events.map((e) => e.payload.runId));
    await dr.execute(['total'], { inputs: { spend: [1] } });
    const secondRun = new Set(rec.events.slice(6).map((e) => e.payload.runId));
    expect(firstRun.size).toBe(1);
    expect(secondRun.size).toBe(1);
    expect([...firstRun][0]).not.toBe([...secondRun][0]);
  });

  it('fires no node events for overridden nodes', async () => {
    const rec = new Recorder();
    await driverWith(rec).execute(['total'], { overrides: { cleaned: [4] } });
    expect(rec.sequence()).toEqual(['beforeGraphExecute', 'beforeNodeExecute:total', 'afterNodeExecute:total', 'afterGraphExecute']);
  });

  it('lets a hook implement only some events', async () => {
    const seen: string[] = [];
    const hook: LifecycleHooks = { afterGraphExecute: ({ success }) => { seen.push(`done:${success}`); } };
    await driverWith(hook).execute(['total'], { inputs: { spend: [1] } });
    expect(seen).toEqual(['done:true']);
  });
});

describe('hook order and async hooks', () => {
  it('calls hooks in the order given to withAdapters, for every event', async () => {
    const calls: string[] = [];
    const named = (id: string): LifecycleHooks => ({
      beforeGraphExecute: () => { calls.push(`${id}:beforeGraph`); },
      beforeNodeExecute: ({ name }) => { calls.push(`${id}:before:${name}`); },
      afterNodeExecute: ({ name }) => { calls.push(`${id}:after:${name}`); },
      afterGraphExecute: () => { calls.push(`${id}:afterGraph`); },
    });
    await driverWith(named('first'), named('second')).execute(['cleaned'], { inputs: { spend: [] } });
    expect(calls).toEqual([
      'first:beforeGraph', 'second:beforeGraph',
      'first:before:cleaned', 'second:before:cleaned',
      'first:after:cleaned', 'second:after:cleaned',
      'first:afterGraph', 'second:afterGraph',
    ]);
  });

  it('waits for an async hook before calling the next hook of the event', async () => {
    const gate = deferred();
    const calls: string[] = [];
    const slow: LifecycleHooks = { async beforeGraphExecute() { await gate.promise; calls.push('slow'); } };
    const fast: LifecycleHooks = { beforeGraphExecute() { calls.push('fast'); } };
    const run = driverWith(slow, fast).execute(['cleaned'], { inputs: { spend: [] } });
    await settle();
    expect(calls).toEqual([]);
    gate.resolve();
    await run;
    expect(calls).toEqual(['slow', 'fast']);
  });

  it('waits for an async beforeNodeExecute hook before running the node', async () => {
    const gate = deferred();
    const ran: string[] = [];
    class Probe {
      @node()
      x() {
        ran.push('x');
        return 1;
      }
    }
    const hook: LifecycleHooks = { async beforeNodeExecute() { await gate.promise; } };
    const run = new Builder().withModules(Probe).withAdapters(hook).withLogger(silent).build().execute(['x']);
    await settle();
    expect(ran).toEqual([]);
    gate.resolve();
    await expect(run).resolves.toEqual({ x: 1 });
  });

  it('waits for an async afterGraphExecute hook before execute resolves', async () => {
    const gate = deferred();
    let resolved = false;
    const hook: LifecycleHooks = { async afterGraphExecute() { await gate.promise; } };
    const run = driverWith(hook).execute(['cleaned'], { inputs: { spend: [] } }).then((r) => { resolved = true; return r; });
    await settle();
    expect(resolved).toBe(false);
    gate.resolve();
    await expect(run).resolves.toEqual({ cleaned: [] });
  });
});

describe('hooks that fail', () => {
  class ThrowingHook implements LifecycleHooks {
    beforeNodeExecute() {
      throw new Error('hook bug');
    }
  }
  class RejectingHook implements LifecycleHooks {
    async afterGraphExecute() {
      throw new Error('async hook bug');
    }
  }

  it('log a throwing hook at level error with its class name and the event, and the run goes on', async () => {
    const { logger, records } = capture();
    const rec = new Recorder();
    const dr = new Builder().withModules(Spend).withAdapters(new ThrowingHook(), rec).withLogger(logger).build();
    await expect(dr.execute(['total'], { inputs: { spend: [2, 3] } })).resolves.toEqual({ total: 5 });
    const errors = records.filter((r) => r.level === 50);
    expect(errors).toHaveLength(2);
    expect(errors[0]).toMatchObject({ hook: 'ThrowingHook', event: 'beforeNodeExecute', node: 'cleaned', err: { message: 'hook bug' } });
    expect(errors[0]!.msg).toContain('ThrowingHook.beforeNodeExecute');
    // The hooks after the failing one still see every event.
    expect(rec.sequence()).toContain('beforeNodeExecute:total');
  });

  it('log a rejecting async hook the same way, and the run goes on', async () => {
    const { logger, records } = capture();
    const dr = new Builder().withModules(Spend).withAdapters(new RejectingHook()).withLogger(logger).build();
    await expect(dr.execute(['cleaned'], { inputs: { spend: [1] } })).resolves.toEqual({ cleaned: [1] });
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ level: 50, hook: 'RejectingHook', event: 'afterGraphExecute', runId: expect.any(String), err: { message: 'async hook bug' } });
  });

  it('do not replace the node error when afterGraphExecute fails after a failed run', async () => {
    const { logger, records } = capture();
    const dr = new Builder().withModules(Spend).withAdapters(new RejectingHook()).withLogger(logger).build();
    await expect(dr.execute(['broken'], { inputs: { spend: [1] } })).rejects.toThrow(NodeExecutionError);
    expect(records.map((r) => r.hook)).toEqual(['RejectingHook']);
  });

  it('log the run id of the run they failed in', async () => {
    const { logger, records } = capture();
    const rec = new Recorder();
    const dr = new Builder().withModules(Spend).withAdapters(rec, new ThrowingHook()).withLogger(logger).build();
    await dr.execute(['cleaned'], { inputs: { spend: [1] } });
    expect(records[0]!.runId).toBe(rec.events[0]!.payload.runId);
  });
});
