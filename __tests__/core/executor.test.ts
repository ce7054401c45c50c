// LocalExecutor: sync and async nodes, concurrency and its limit, failures, and very deep graphs.
import { describe, expect, it } from '@jest/globals';
import {
  Builder,
  HamiltonError,
  LocalExecutor,
  NodeExecutionError,
  node,
  type LifecycleHooks,
  type Module,
} from '../../lib/index.js';
import { generatedModule, silent, type GeneratedNode } from '../support.js';

/** A promise with its resolve and reject functions, to settle async nodes from the test. */
function deferred<T = void>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** Lets every pending callback run (several rounds of the event loop). */
async function settle(rounds = 20): Promise<void> {
  for (let i = 0; i < rounds; i++) await new Promise((r) => setImmediate(r));
}

/** `width` independent async nodes `n0..` that record how many are running at once, and `all` reading them. */
function fanOut(width: number) {
  const gates = Array.from({ length: width }, () => deferred());
  const state = { running: 0, maxRunning: 0, started: 0 };
  const nodes: GeneratedNode[] = gates.map((gate, i) => ({
    name: `n${i}`,
    inputs: [],
    fn: async () => {
      state.started++;
      state.running++;
      state.maxRunning = Math.max(state.maxRunning, state.running);
      await gate.promise;
      state.running--;
      return i;
    },
  }));
  nodes.push({ name: 'all', inputs: gates.map((_, i) => `n${i}`), fn: ((...xs: number[]) => xs.reduce((a, b) => a + b, 0)) as GeneratedNode['fn'] });
  return { module: generatedModule('FanOut', nodes), gates, state };
}

describe('LocalExecutor: sync and async nodes', () => {
  it('runs a mix of sync and async nodes, passing resolved values downstream', async () => {
    class Mixed {
      @node()
      async loaded() {
        return [1, 2, 3];
      }

      @node()
      total(loaded: number[]) {
        return loaded.reduce((a, b) => a + b, 0);
      }

      @node()
      async doubled(total: number) {
        await settle(1);
        return total * 2;
      }

      @node()
      label(doubled: number, total: number) {
        return `${total}->${doubled}`;
      }
    }
    const dr = new Builder().withModules(Mixed).withLogger(silent).build();
    await expect(dr.execute(['label', 'total'])).resolves.toEqual({ label: '6->12', total: 6 });
  });

  it('passes a promise-returning node’s resolved value, not the promise', async () => {
    class Loader {
      @node()
      data() {
        return Promise.resolve({ rows: 2 });
      }

      @node()
      rows(data: { rows: number }) {
        return data.rows;
      }
    }
    const dr = new Builder().withModules(Loader).withLogger(silent).build();
    await expect(dr.execute(['rows', 'data'])).resolves.toEqual({ rows: 2, data: { rows: 2 } });
  });
});

describe('LocalExecutor: concurrency', () => {
  it('runs independent async nodes concurrently', async () => {
    const { module, gates, state } = fanOut(3);
    const dr = new Builder().withModules(module).withLogger(silent).build();
    const run = dr.execute(['all']);
    await settle();
    // All three started while none had finished.
    expect(state.running).toBe(3);
    gates.forEach((g) => g.resolve());
    await expect(run).resolves.toEqual({ all: 3 });
  });

  it('never runs more than maxConcurrency async nodes at once, and still runs them all', async () => {
    const { module, gates, state } = fanOut(7);
    const dr = new Builder().withModules(module).withExecutor(new LocalExecutor({ maxConcurrency: 3 })).withLogger(silent).build();
    const run = dr.execute(['all']);
    await settle();
    expect(state.started).toBe(3);
    gates[0]!.resolve();
    await settle();
    expect(state.started).toBe(4);
    expect(state.running).toBe(3);
    gates.forEach((g) => g.resolve());
    await expect(run).resolves.toEqual({ all: 21 });
    expect(state.maxRunning).toBe(3);
  });

  it('respects maxConcurrency when node hooks are registered', async () => {
    const { module, gates, state } = fanOut(5);
    const hook: LifecycleHooks = { beforeNodeExecute() {}, afterNodeExecute() {} };
    const dr = new Builder().withModules(module).withAdapters(hook).withExecutor(new LocalExecutor({ maxConcurrency: 2 })).withLogger(silent).build();
    const run = dr.execute(['all']);
    await settle();
    expect(state.running).toBe(2);
    gates.forEach((g) => g.resolve());
    await expect(run).resolves.toEqual({ all: 10 });
    expect(state.maxRunning).toBe(2);
  });

  it('runs async nodes one at a time with maxConcurrency 1', async () => {
    const { module, gates, state } = fanOut(3);
    const dr = new Builder().withModules(module).withExecutor(new LocalExecutor({ maxConcurrency: 1 })).withLogger(silent).build();
    const run = dr.execute(['all']);
    await settle();
    expect(state.started).toBe(1);
    gates.forEach((g) => g.resolve());
    await run;
    expect(state.maxRunning).toBe(1);
  });

  // DESIGN.md: "Errors all extend HamiltonError"; the constructor throws a plain RangeError.
  it('rejects a maxConcurrency below 1 with a HamiltonError', () => {
    expect(() => new LocalExecutor({ maxConcurrency: 0 })).toThrow(HamiltonError);
  });

  it('rejects a maxConcurrency that is not a whole number of at least 1', () => {
    expect(() => new LocalExecutor({ maxConcurrency: 0 })).toThrow(/maxConcurrency/);
    expect(() => new LocalExecutor({ maxConcurrency: 1.5 })).toThrow(/maxConcurrency/);
  });
});

describe('LocalExecutor: failures', () => {
  function failingDriver() {
    const a = deferred<number>();
    const b = deferred<number>();
    const ran: string[] = [];
    class Fragile {
      @node()
      a() {
        return a.promise;
      }

      @node()
      b() {
        return b.promise;
      }

      @node()
      afterA(a: number) {
        ran.push('afterA');
        return a;
      }

      @node()
      afterB(b: number) {
        ran.push('afterB');
        return b;
      }
    }
    const dr = new Builder().withModules(Fragile).withLogger(silent).build();
    return { dr, a, b, ran };
  }

  it('rejects with a NodeExecutionError naming the node and its origin, with the original error as cause', async () => {
    class Broken {
      @node()
      ratio(x: number) {
        if (x === 0) throw new RangeError('x must not be 0');
        return 1 / x;
      }
    }
    const dr = new Builder().withModules(Broken).withLogger(silent).build();
    const error = await dr.execute(['ratio'], { inputs: { x: 0 } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NodeExecutionError);
    expect(error).toMatchObject({ node: 'ratio', origin: 'Broken.ratio' });
    expect((error as Error).cause).toBeInstanceOf(RangeError);
    expect(((error as Error).cause as Error).message).toBe('x must not be 0');
    expect((error as Error).message).toContain('`ratio` (Broken.ratio) failed: RangeError: x must not be 0');
  });

  it('wraps a rejected async node the same way', async () => {
    const { dr, a, b } = failingDriver();
    const run = dr.execute(['afterA', 'afterB']).catch((e: unknown) => e);
    const cause = new Error('network down');
    a.reject(cause);
    b.resolve(1);
    const error = await run;
    expect(error).toBeInstanceOf(NodeExecutionError);
    expect(error).toMatchObject({ node: 'a', origin: 'Fragile.a' });
    expect((error as Error).cause).toBe(cause);
  });

  it('wraps a thrown non-Error value, keeping it as cause', async () => {
    class Odd {
      @node()
      x() {
        throw 'plain string';
      }
    }
    const dr = new Builder().withModules(Odd).withLogger(silent).build();
    const error = await dr.execute(['x']).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NodeExecutionError);
    expect((error as Error).cause).toBe('plain string');
  });

  it('reports the first failure when several nodes fail', async () => {
    const { dr, a, b } = failingDriver();
    const run = dr.execute(['afterA', 'afterB']).catch((e: unknown) => e);
    b.reject(new Error('b first'));
    await settle(2);
    a.reject(new Error('a second'));
    expect(await run).toMatchObject({ node: 'b' });
  });

  it('does not run nodes downstream of the failure', async () => {
    const { dr, a, b, ran } = failingDriver();
    const run = dr.execute(['afterA', 'afterB']).catch((e: unknown) => e);
    a.reject(new Error('boom'));
    await settle(2);
    b.resolve(2);
    await run;
    expect(ran).not.toContain('afterA');
    // afterB became ready only after the failure: nothing new starts once a node has failed.
    expect(ran).not.toContain('afterB');
  });

  // Regression: one stuck promise used to hang execute even after a sibling node had failed.
  it('rejects at once on the first failure, without waiting for nodes still running', async () => {
    const { dr, a } = failingDriver();
    let settled = false;
    const run = dr.execute(['afterA', 'afterB']).catch((e: unknown) => {
      settled = true;
      return e;
    });
    a.reject(new Error('boom'));
    await settle();
    expect(settled).toBe(true);
    await expect(run).resolves.toBeInstanceOf(NodeExecutionError); // b never resolves
  });

  it('returns nothing when a node fails: the promise rejects', async () => {
    const { dr, a, b } = failingDriver();
    const run = dr.execute(['afterA', 'afterB']);
    a.reject(new Error('boom'));
    b.resolve(2);
    await expect(run).rejects.toThrow(NodeExecutionError);
  });
});

describe('LocalExecutor: deep graphs', () => {
  const length = 100_000;
  const chain = () =>
    generatedModule(
      'LongChain',
      Array.from({ length }, (_, i) => ({
        name: `step${i}`,
        inputs: i === 0 ? ['start'] : [`step${i - 1}`],
        fn: ((v: number) => v + 1) as GeneratedNode['fn'],
      })),
    );

  it('builds and runs a 100,000-node chain without overflowing the stack', async () => {
    const dr = new Builder().withModules(chain()).withLogger(silent).build();
    await expect(dr.execute([`step${length - 1}`], { inputs: { start: 0 } })).resolves.toEqual({ [`step${length - 1}`]: length });
  });

  it('answers lineage queries on a 100,000-node chain', () => {
    const dr = new Builder().withModules(chain()).withLogger(silent).build();
    expect(dr.whatIsUpstreamOf(`step${length - 1}`)).toHaveLength(length + 1);
    expect(dr.pathBetween('step0', `step${length - 1}`)).toHaveLength(length);
  });

  it('runs a 100,000-node chain of async nodes', async () => {
    const asyncChain = generatedModule(
      'AsyncChain',
      Array.from({ length }, (_, i) => ({
        name: `step${i}`,
        inputs: i === 0 ? ['start'] : [`step${i - 1}`],
        fn: (async (v: number) => v + 1) as GeneratedNode['fn'],
      })),
    );
    const dr = new Builder().withModules(asyncChain).withLogger(silent).build();
    await expect(dr.execute([`step${length - 1}`], { inputs: { start: 0 } })).resolves.toEqual({ [`step${length - 1}`]: length });
  });
});
