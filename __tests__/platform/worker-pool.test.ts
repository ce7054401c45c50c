import { afterAll, describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { threadId } from 'node:worker_threads';
import * as aq from 'arquero';
import pino from 'pino';
import {
  Builder,
  DataValidationError,
  InvalidInputsError,
  LinkError,
  NodeExecutionError,
  NodeTimeoutError,
  WorkerPoolExecutor,
  node,
  tag,
  type LifecycleHooks,
} from '../../lib/index.js';
import { workerLaunch } from '../../lib/platform/worker-pool/worker-launch.js';
import { PoolFanOut, PoolFeatures } from './fixtures/pool-features.js';
import { silent } from '../support.js';

const WORKER = { where: 'worker' } as const;
const pools: WorkerPoolExecutor[] = [];
const poolOf = (options: ConstructorParameters<typeof WorkerPoolExecutor>[0] = {}) => {
  const pool = new WorkerPoolExecutor({ threads: 2, ...options });
  pools.push(pool);
  return pool;
};
afterAll(async () => {
  await Promise.all(pools.map((p) => p.destroy()));
});

const build = (executor: WorkerPoolExecutor, ...modules: Function[]) => new Builder().withModules(...modules).withExecutor(executor).withLogger(silent).build();
const records = () => {
  const lines: Record<string, unknown>[] = [];
  return { lines, logger: pino({ level: 'info' }, { write: (l: string) => void lines.push(JSON.parse(l) as Record<string, unknown>) }) };
};

describe('WorkerPoolExecutor: where nodes run', () => {
  const pool = poolOf({ tags: WORKER });

  it('runs the nodes whose tags match in worker threads and the others in this thread', async () => {
    const out = await build(pool, PoolFeatures).execute(['workerThread', 'mainThread'], { inputs: { seed: 1 } });
    expect(out.mainThread).toBe(threadId);
    expect(out.workerThread).not.toBe(threadId);
    expect(out.workerThread).toBeGreaterThan(0);
  }, 60_000);

  it('runs every node in a worker when no tags are given', async () => {
    const out = await build(poolOf(), PoolFeatures).execute(['workerThread', 'mainThread'], { inputs: { seed: 1 } });
    expect(out.mainThread).not.toBe(threadId);
    expect(out.workerThread).not.toBe(threadId);
  }, 60_000);

  it('computes what the in-process executor computes, along a chain of worker nodes', async () => {
    const inputs = { values: Float64Array.of(1, 2, 3.5), factor: 2 };
    const here = await new Builder().withModules(PoolFeatures).withLogger(silent).build().execute(['scaled', 'total'], { inputs });
    const there = await build(pool, PoolFeatures).execute(['scaled', 'total'], { inputs });
    expect(there).toEqual(here);
    expect(Object.prototype.toString.call(there.scaled)).toBe('[object Float64Array]');
  }, 60_000);

  it('runs the items of a fan-out in worker threads, gathered in item order', async () => {
    const out = await build(pool, PoolFanOut).execute(['gathered'], { inputs: { sizes: [5, 1, 4, 2, 3, 6] } });
    const gathered = out.gathered as { size: number; thread: number }[];
    expect(gathered.map((g) => g.size)).toEqual([5, 1, 4, 2, 3, 6]);
    expect(gathered.every((g) => g.thread !== threadId)).toBe(true);
  }, 60_000);
});

describe('WorkerPoolExecutor: values crossing threads', () => {
  it('sends arquero tables as Arrow and gets tables back, also inside objects', async () => {
    const sales = aq.table({ region: ['n', 's', 'n'], amount: [10, 30, 60] });
    const out = await build(poolOf({ tags: WORKER }), PoolFeatures).execute(['withShare', 'parts'], { inputs: { sales, values: Float64Array.of(7, 8) } });
    const withShare = out.withShare as aq.ColumnTable;
    expect(withShare.objects()).toEqual([
      { region: 'n', amount: 10, share: 0.1 },
      { region: 's', amount: 30, share: 0.3 },
      { region: 'n', amount: 60, share: 0.6 },
    ]);
    const parts = out.parts as { table: aq.ColumnTable; first: number; nested: { values: Float64Array } };
    expect(parts.table.objects()).toEqual([{ region: 'n' }, { region: 's' }, { region: 'n' }]);
    expect(parts.first).toBe(7);
    expect(parts.nested.values).toEqual(Float64Array.of(7, 8));
  }, 60_000);

  it('copies the arguments it sends: a worker changing its input does not change the caller\'s', async () => {
    const values = Float64Array.of(1, 2, 3);
    const out = await build(poolOf({ tags: WORKER }), PoolFeatures).execute(['mutated'], { inputs: { values } });
    expect(out.mutated).toBe(3);
    expect(values).toEqual(Float64Array.of(1, 2, 3));
  }, 60_000);

  it('moves result buffers instead of copying them (a returned module constant is empty in the worker afterwards)', async () => {
    const moved = build(poolOf({ threads: 1, tags: WORKER }), PoolFeatures);
    expect((await moved.execute(['kept'], { inputs: { seed: 1 } })).kept).toEqual(Float64Array.of(1, 2, 3, 4, 5, 6, 7, 8));
    expect((await moved.execute(['keptLength'], { inputs: { seed: 1 } })).keptLength).toBe(0);

    const copied = build(poolOf({ threads: 1, tags: WORKER, transferResults: false }), PoolFeatures);
    expect((await copied.execute(['kept'], { inputs: { seed: 1 } })).kept).toEqual(Float64Array.of(1, 2, 3, 4, 5, 6, 7, 8));
    expect((await copied.execute(['keptLength'], { inputs: { seed: 1 } })).keptLength).toBe(8);
  }, 60_000);

  it('refuses a result that would lose its class, naming the node and the fix', async () => {
    const run = build(poolOf({ tags: WORKER }), PoolFeatures).execute(['point'], { inputs: { seed: 1 } });
    await expect(run).rejects.toThrow(NodeExecutionError);
    await expect(run).rejects.toThrow(/Node `point` \(PoolFeatures\.point\) ran in a worker thread, but its result cannot come back: value is an instance of class Point/);
  }, 60_000);

  it('refuses an input that cannot be sent, naming the input', async () => {
    const run = build(poolOf({ tags: WORKER }), PoolFeatures).execute(['total'], { overrides: { scaled: () => 1 } });
    await expect(run).rejects.toThrow(/Node `total` \(PoolFeatures\.total\) runs in a worker thread, but its input `scaled` cannot be sent there: value is a function/);
  }, 60_000);
});

describe('WorkerPoolExecutor: the node context, logs and errors', () => {
  const pool = poolOf({ tags: WORKER });

  it('gives a node its context (run id, node name) and writes its logs through the driver\'s logger', async () => {
    const { lines, logger } = records();
    let runId = '';
    const hook: LifecycleHooks = { beforeGraphExecute: (e) => void (runId = e.runId) };
    const dr = new Builder().withModules(PoolFeatures).withExecutor(pool).withLogger(logger).withAdapters(hook).build();
    const out = await dr.execute(['contextSeen'], { inputs: { seed: 4 } });
    const seen = out.contextSeen as { runId: string; node: string; thread: number };
    expect(seen).toEqual({ runId, node: 'contextSeen', thread: expect.any(Number) });
    expect(seen.thread).not.toBe(threadId);
    const logged = lines.find((l) => l.msg === 'logged in a worker');
    expect(logged).toMatchObject({ level: 30, seed: 4, thread: seen.thread });
  }, 60_000);

  it('fails the node with NodeExecutionError whose cause keeps the error\'s class and fields', async () => {
    const error = await build(pool, PoolFeatures).execute(['fails'], { inputs: { seed: 3 } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NodeExecutionError);
    expect((error as NodeExecutionError).node).toBe('fails');
    expect((error as NodeExecutionError).message).toMatch(/Node `fails` \(PoolFeatures\.fails\) failed: RangeError: seed 3 is out of range/);
    const cause = (error as NodeExecutionError).cause as RangeError & { seed: number };
    expect(cause).toBeInstanceOf(RangeError);
    expect(cause.seed).toBe(3);
  }, 60_000);

  it('raises a failed check of a worker node as DataValidationError, not wrapped, and logs its result', async () => {
    const { lines, logger } = records();
    const dr = new Builder().withModules(PoolFeatures).withExecutor(pool).withLogger(logger).build();
    const error = await dr.execute(['share'], { inputs: { seed: 5 } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DataValidationError);
    expect((error as DataValidationError).results.map((r) => r.validator)).toEqual(['range_validator']);
    expect(lines.filter((l) => l.validator === 'range_validator')).toEqual([expect.objectContaining({ node: 'share', passed: false, level: 50 })]);
  }, 60_000);

  it('rebuilds the graph with the Builder settings that change it (data quality off: no check runs)', async () => {
    const dr = new Builder().withModules(PoolFeatures).withExecutor(pool).withLogger(silent).withDataQuality({ enabled: false }).build();
    await expect(dr.execute(['share'], { inputs: { seed: 5 } })).resolves.toEqual({ share: 5 });
  }, 60_000);
});

describe('WorkerPoolExecutor: workers that stop', () => {
  it.each([
    ['exits', 'process.exit in the node'],
    ['throwsOutside', 'an error thrown outside the node\'s promise'],
  ])('fails %s (%s) with NodeExecutionError naming it, and the next run works', async (name) => {
    const pool = poolOf({ tags: WORKER });
    const dr = build(pool, PoolFeatures);
    const error = await dr.execute([name], { inputs: { seed: 7 } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NodeExecutionError);
    expect((error as NodeExecutionError).node).toBe(name);
    expect((error as Error).message).toMatch(new RegExp(`Node \`${name}\` \\(PoolFeatures\\.${name}\\) was running in a worker thread that stopped`));
    await expect(dr.execute(['total'], { inputs: { values: Float64Array.of(1, 2), factor: 2 } })).resolves.toEqual({ total: 6 });
  }, 60_000);

  it('fails a node that runs its worker out of memory, and the next run works', async () => {
    const pool = poolOf({ tags: WORKER, resourceLimits: { maxOldGenerationSizeMb: 64 } });
    const dr = build(pool, PoolFeatures);
    const error = await dr.execute(['hog'], { inputs: { seed: 1 } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NodeExecutionError);
    expect((error as Error).message).toMatch(/Node `hog` \(PoolFeatures\.hog\) was running in a worker thread that stopped \(.*memory/i);
    await expect(dr.execute(['total'], { inputs: { values: Float64Array.of(1, 2), factor: 2 } })).resolves.toEqual({ total: 6 });
  }, 60_000);

  it('stops a busy worker node when the run times out, and the pool goes on', async () => {
    const pool = poolOf({ tags: WORKER });
    const dr = build(pool, PoolFeatures);
    await dr.execute(['total'], { inputs: { values: Float64Array.of(1), factor: 1 } }); // workers up
    const start = performance.now();
    await expect(dr.execute(['busy'], { inputs: { ms: 20_000 }, timeoutMs: 300 })).rejects.toThrow(NodeTimeoutError);
    expect(performance.now() - start).toBeLessThan(5_000);
    await expect(dr.execute(['total'], { inputs: { values: Float64Array.of(1, 2), factor: 2 } })).resolves.toEqual({ total: 6 });
  }, 60_000);

  it('starts new workers after close() and destroy()', async () => {
    const pool = poolOf({ tags: WORKER });
    const dr = build(pool, PoolFeatures);
    const inputs = { values: Float64Array.of(1, 2), factor: 2 };
    await expect(dr.execute(['total'], { inputs })).resolves.toEqual({ total: 6 });
    await pool.close();
    await expect(dr.execute(['total'], { inputs })).resolves.toEqual({ total: 6 });
    await pool.destroy();
    await expect(dr.execute(['total'], { inputs })).resolves.toEqual({ total: 6 });
  }, 60_000);

  it('does not keep a process alive: a script that never closes its pool exits', () => {
    const script = fileURLToPath(new URL('./fixtures/pool-exit.ts', import.meta.url));
    const child = spawnSync(process.execPath, ['--no-warnings', '--conditions=source', '--import', 'tsx', script], { encoding: 'utf8', timeout: 45_000 });
    expect(child.stderr).toBe('');
    expect(child.status).toBe(0);
    expect(JSON.parse(child.stdout)).toEqual({ workerThread: expect.any(Number), total: 9 });
  }, 60_000);
});

describe('WorkerPoolExecutor: graphs a worker cannot rebuild', () => {
  it('fails at the first run when a routed node\'s class is not exported from a module file, naming it and the fix', async () => {
    class Local {
      @tag({ where: 'worker' })
      @node()
      doubled(x: number): number {
        return x * 2;
      }

      @node()
      tripled(x: number): number {
        return x * 3;
      }
    }
    const dr = build(poolOf({ tags: WORKER }), Local);
    const run = dr.execute(['doubled'], { inputs: { x: 2 } });
    await expect(run).rejects.toThrow(LinkError);
    await expect(run).rejects.toThrow(/Node `doubled` \(Local\.doubled\) is set to run in a worker thread, but a worker cannot rebuild its graph: .*does not export class Local.*leave `doubled` out of the WorkerPoolExecutor's tags/);
    // Nodes that stay in process still run.
    await expect(dr.execute(['tripled'], { inputs: { x: 2 } })).resolves.toEqual({ tripled: 6 });
  }, 60_000);

  it('fails at the first run when a module was given as an instance', async () => {
    const dr = build(poolOf({ tags: WORKER }), new PoolFeatures() as unknown as Function);
    await expect(dr.execute(['workerThread'], { inputs: { seed: 1 } })).rejects.toThrow(/Node `workerThread` \(PoolFeatures\.workerThread\) is set to run in a worker thread, but a worker cannot rebuild its graph: LinkError: Module PoolFeatures was given as an instance/);
  }, 60_000);
});

describe('WorkerPoolExecutor options', () => {
  it.each([
    [{ threads: 0 }, /threads must be a whole number of at least 1, got 0/],
    [{ maxConcurrency: 1.5 }, /maxConcurrency must be a whole number of at least 1, got 1.5/],
    [{ tags: 'heavy' }, /tags must be a tag filter object, got "heavy"/],
    [{ execArgv: '--inspect' }, /execArgv must be a list of strings/],
  ])('rejects %j with InvalidInputsError', (options, message) => {
    expect(() => new WorkerPoolExecutor(options as never)).toThrow(InvalidInputsError);
    expect(() => new WorkerPoolExecutor(options as never)).toThrow(message);
  });

  it('defaults maxConcurrency to twice the threads', () => {
    expect(new WorkerPoolExecutor({ threads: 3 }).maxConcurrency).toBe(6);
  });
});

describe('how workers start', () => {
  it('keeps the module-loading flags of this process and drops those Node refuses in workers', () => {
    const { execArgv } = workerLaunch(['--expose-gc', '--no-warnings', '--conditions', 'source', '--loader', 'ts-node/esm', '--max-old-space-size=512'], ['--enable-source-maps']);
    expect(execArgv).toEqual(['--no-warnings', '--conditions', 'source', '--loader', 'ts-node/esm', '--enable-source-maps']);
  });

  it("drops tsx's --import, which has no ESM hooks in workers, and preloads tsx's register() instead", () => {
    const { execArgv, filename } = workerLaunch(['--import', 'tsx', '--require=/x/node_modules/tsx/dist/preflight.cjs'], []);
    // This suite runs hamilton-ts from its sources: the entry is TypeScript, and `hamilton-ts` must resolve to the sources.
    expect(filename).toMatch(/\/lib\/platform\/worker-pool\/worker-entry\.ts$/);
    expect(execArgv.slice(0, 1)).toEqual(['--conditions=source']);
    expect(execArgv).toHaveLength(2);
    expect(decodeURIComponent(execArgv[1]!)).toMatch(/^--import=data:text\/javascript,import \{ register \} from "file:\/\/\/.*\/tsx\/dist\/esm\/api\/index\.mjs"; register\(\);/);
  });
});
