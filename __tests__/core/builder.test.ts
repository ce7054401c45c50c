// The Builder: collecting modules and settings, its defaults, argument checks, and the typed result builder.
import { describe, expect, it } from '@jest/globals';
import pino from 'pino';
import type { ColumnTable } from 'arquero';
import {
  Builder,
  InvalidInputsError,
  LocalExecutor,
  TableResult,
  node,
  type Config,
  type Driver,
  type Executor,
  type LifecycleHooks,
  type Module,
  type ResultBuilder,
} from '../../lib/index.js';
import { silent } from '../support.js';

class Pricing {
  @node()
  price(base: number, markup: number, currency: string) {
    return `${base * markup} ${currency}`;
  }
}

/** A module of `width` independent async nodes recording how many run at once, plus `all` reading them. */
function fanOut(width: number) {
  const state = { running: 0, maxRunning: 0 };
  let release!: () => void;
  const gate = new Promise<void>((r) => { release = r; });
  const metadata = Object.create(null) as DecoratorMetadataObject;
  const cls = class FanOut {};
  const add = (name: string, inputs: string[], fn: (...args: never[]) => unknown) =>
    node({ inputs })(fn, { kind: 'method', name, static: false, private: false, metadata, access: { has: () => true, get: () => fn }, addInitializer: () => undefined } as unknown as ClassMethodDecoratorContext);
  for (let i = 0; i < width; i++) {
    add(`n${i}`, [], async () => {
      state.running++;
      state.maxRunning = Math.max(state.maxRunning, state.running);
      await gate;
      state.running--;
      return 1;
    });
  }
  add('all', Array.from({ length: width }, (_, i) => `n${i}`), ((...xs: number[]) => xs.length) as (...args: never[]) => unknown);
  Object.defineProperty(cls, Symbol.metadata, { value: metadata });
  return { module: cls as Module, state, release };
}

describe('withConfig', () => {
  it('merges several calls, the later winning on a shared key', async () => {
    const dr = new Builder()
      .withModules(Pricing)
      .withConfig({ markup: 2, currency: 'USD' })
      .withConfig({ currency: 'EUR' })
      .withLogger(silent)
      .build();
    await expect(dr.execute(['price'], { inputs: { base: 5 } })).resolves.toEqual({ price: '10 EUR' });
  });

  it('copies the config: changing the object afterwards changes nothing', async () => {
    const config: Record<string, unknown> = { markup: 2, currency: 'USD' };
    const builder = new Builder().withModules(Pricing).withConfig(config).withLogger(silent);
    config.currency = 'GBP';
    const dr = builder.build();
    config.markup = 100;
    await expect(dr.execute(['price'], { inputs: { base: 5 } })).resolves.toEqual({ price: '10 USD' });
  });
});

describe('bad arguments', () => {
  it.each([
    ['withModules(null)', () => new Builder().withModules(null as unknown as Module), /withModules takes classes with @node methods, instances of them, or module namespaces .*; got null/],
    ['withModules(42)', () => new Builder().withModules(42 as unknown as Module), /withModules takes classes with @node methods, .*; got 42/],
    ['withModules("Pricing")', () => new Builder().withModules('Pricing' as unknown as Module), /withModules takes classes with @node methods, .*; got "Pricing"/],
    ['withConfig(null)', () => new Builder().withConfig(null as unknown as Config), 'withConfig takes a plain object, got null'],
    ['withConfig([1])', () => new Builder().withConfig([1] as unknown as Config), 'withConfig takes a plain object, got [1]'],
    ['withAdapters(null)', () => new Builder().withAdapters(null as unknown as LifecycleHooks), 'withAdapters takes hook objects'],
    ['withResultBuilder({})', () => new Builder().withResultBuilder({} as ResultBuilder<unknown>), 'withResultBuilder takes an object with build(outputs, names)'],
    ['withExecutor({})', () => new Builder().withExecutor({} as Executor), 'withExecutor takes an object with run(plan, context)'],
  ])('rejects %s with an InvalidInputsError saying what it takes', (_, call, message) => {
    expect(call).toThrow(InvalidInputsError);
    expect(call).toThrow(message);
  });
});

describe('defaults', () => {
  it('returns a plain object keyed by output (DictResult)', async () => {
    const dr = new Builder().withModules(Pricing).withLogger(silent).build();
    await expect(dr.execute(['price'], { inputs: { base: 1, markup: 1, currency: 'X' } })).resolves.toEqual({ price: '1 X' });
  });

  it('logs with pino at level warn', () => {
    expect(new Builder().withModules(Pricing).build().logger.level).toBe('warn');
  });

  it('runs with a LocalExecutor allowing 16 async nodes at once', async () => {
    const { module, state, release } = fanOut(20);
    const run = new Builder().withModules(module).withLogger(silent).build().execute(['all']);
    for (let i = 0; i < 20; i++) await new Promise((r) => setImmediate(r));
    expect(state.running).toBe(16);
    release();
    await expect(run).resolves.toEqual({ all: 20 });
    expect(state.maxRunning).toBe(16);
  });

  it('builds an empty driver when no module is given', async () => {
    const dr = new Builder().withLogger(silent).build();
    expect(dr.listAvailableVariables()).toEqual([]);
    await expect(dr.execute([])).resolves.toEqual({});
  });
});

describe('settings', () => {
  it('uses the logger given to withLogger', () => {
    const logger = pino({ level: 'debug' });
    expect(new Builder().withModules(Pricing).withLogger(logger).build().logger).toBe(logger);
  });

  it('uses the executor given to withExecutor', async () => {
    const runs: number[] = [];
    const inner = new LocalExecutor();
    const counting: Executor = { run: (plan, ctx) => { runs.push(plan.compute.length); return inner.run(plan, ctx); } };
    const dr = new Builder().withModules(Pricing).withExecutor(counting).withLogger(silent).build();
    await dr.execute(['price'], { inputs: { base: 1, markup: 1, currency: 'X' } });
    expect(runs).toEqual([1]);
  });

  it('adds modules and hooks across several calls, keeping their order', async () => {
    class Markup {
      @node()
      markup() {
        return 3;
      }
    }
    const calls: string[] = [];
    const hook = (id: string): LifecycleHooks => ({ beforeGraphExecute: () => { calls.push(id); } });
    const dr = new Builder().withModules(Pricing).withModules(Markup).withAdapters(hook('a')).withAdapters(hook('b'), hook('c')).withLogger(silent).build();
    await expect(dr.execute(['price'], { inputs: { base: 2, currency: 'X' } })).resolves.toEqual({ price: '6 X' });
    expect(calls).toEqual(['a', 'b', 'c']);
  });

  it('can build several independent drivers from one builder', async () => {
    const builder = new Builder().withModules(Pricing).withConfig({ markup: 2, currency: 'USD' }).withLogger(silent);
    const first = builder.build();
    const second = builder.withConfig({ currency: 'EUR' }).build();
    await expect(first.execute(['price'], { inputs: { base: 1 } })).resolves.toEqual({ price: '2 USD' });
    await expect(second.execute(['price'], { inputs: { base: 1 } })).resolves.toEqual({ price: '2 EUR' });
  });
});

describe('typed result builder', () => {
  it('types execute by the result builder: a record by default', async () => {
    const dr: Driver<Record<string, unknown>> = new Builder().withModules(Pricing).withLogger(silent).build();
    const out = await dr.execute(['price'], { inputs: { base: 1, markup: 1, currency: 'X' } });
    expect(out.price).toBe('1 X');
    // @ts-expect-error a record's values are unknown, not tables
    expect(() => out.numRows()).toThrow(TypeError);
  });

  it('types execute by the result builder: a ColumnTable with TableResult', async () => {
    class Columns {
      @node()
      xs() {
        return [1, 2];
      }
    }
    const dr: Driver<ColumnTable> = new Builder().withModules(Columns).withResultBuilder(new TableResult()).withLogger(silent).build();
    const t = await dr.execute(['xs']);
    expect(t.numRows()).toBe(2);
    // @ts-expect-error a table has no property per output
    expect(t.xs).toBeUndefined();
  });

  it('types execute by a custom result builder', async () => {
    const count: ResultBuilder<number> = { build: (_, names) => names.length };
    const dr = new Builder().withModules(Pricing).withResultBuilder(count).withLogger(silent).build();
    const n: number = await dr.execute(['price'], { inputs: { base: 1, markup: 1, currency: 'X' } });
    expect(n).toBe(1);
  });
});
