/**
 * The execution platform's figures: CPU-bound nodes in worker threads against
 * the same nodes in process (target: 4 independent 200 ms nodes at least 1.6×
 * faster on 2 cores), and a cached run against a cold one (target: at least
 * 10× faster). One JSON record per case; see bench/README.md.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import os from 'node:os';
import { join } from 'node:path';
import { Builder, WorkerPoolExecutor } from 'hamilton-ts';
import { CpuNodes, ExpensiveNodes, work } from './platform/features.js';
import { caseRunner, collectGarbage, measure, median, round, type BenchRecord } from './harness.js';

type Report = (record: BenchRecord) => void;

const CPU_NODE_MS = 200;
const CACHED_NODE_MS = 50;
const THREADS = 2;
const COLUMN = 100_000;

/**
 * Runs the platform cases, reporting one record per case. A case that throws
 * is reported as `{ error }` and the others still run.
 *
 * @example
 * await run((r) => console.log(JSON.stringify(r)));
 */
export async function run(report: Report): Promise<void> {
  const attempt = caseRunner('platform', report);
  const perMs = iterationsPerMs();
  await attempt(`worker pool: 4 independent ${CPU_NODE_MS} ms CPU nodes, ${THREADS} threads`, () => workerCase(Math.round(perMs * CPU_NODE_MS)));
  await attempt(`cache: warm vs cold run, 6 nodes of ${CACHED_NODE_MS} ms`, () => cacheCase(Math.round(perMs * CACHED_NODE_MS)));
}

/** How many iterations of `work` one core does in a millisecond here (median of a few tries). */
function iterationsPerMs(): number {
  const n = 2_000_000;
  const rates: number[] = [];
  for (let k = 0; k < 7; k++) {
    const start = performance.now();
    work(n, k);
    rates.push(n / (performance.now() - start));
  }
  return median(rates);
}

async function workerCase(iterations: number): Promise<BenchRecord> {
  const pool = new WorkerPoolExecutor({ threads: THREADS });
  const bare = await bareThreads(THREADS);
  try {
    const local = new Builder().withModules(CpuNodes).build();
    const pooled = new Builder().withModules(CpuNodes).withExecutor(pool).build();
    const inputs = { iterations };
    const coldStart = performance.now();
    const fromPool = await pooled.execute(['all'], { inputs });
    const coldFirstRunMs = performance.now() - coldStart;
    const here = await local.execute(['all'], { inputs });
    if (JSON.stringify(here) !== JSON.stringify(fromPool)) throw new Error('the pool and the in-process run disagree');
    // In process, through the pool, and on bare threads, one after the other in each round: load from
    // other processes on a shared machine then weighs on the three alike.
    const times = { local: [] as number[], pool: [] as number[], bare: [] as number[] };
    const timed = async (f: () => unknown) => { const t = performance.now(); await f(); return performance.now() - t; };
    collectGarbage();
    for (let r = 0; r < 8; r++) {
      const l = await timed(() => local.execute(['all'], { inputs }));
      const p = await timed(() => pooled.execute(['all'], { inputs }));
      const b = await timed(() => bare.runAll(4, iterations));
      if (r > 0) { times.local.push(l); times.pool.push(p); times.bare.push(b); }
    }
    // One node doing nothing: the cost of a trip to a worker and back, with the driver around it.
    const trip = await measure(() => pooled.execute(['first'], { inputs: { iterations: 0 } }), { runs: 50, warmup: 10 });
    const inProcessMs = median(times.local);
    const workerMs = median(times.pool);
    const speedup = inProcessMs / workerMs;
    return {
      nodeMs: CPU_NODE_MS,
      threads: THREADS,
      cores: os.cpus().length,
      inProcessMs: round(inProcessMs),
      workerMs: round(workerMs),
      bareThreadsMs: round(median(times.bare)),
      coldFirstRunMs: round(coldFirstRunMs),
      emptyNodeRunMs: round(median(trip)),
      speedup: round(speedup, 3),
      bareThreadsSpeedup: round(inProcessMs / median(times.bare), 3),
      target: '>=1.6x on 2 cores',
      targetMet: speedup >= 1.6,
      runs: times.local.length,
    };
  } finally {
    await Promise.all([pool.destroy(), bare.close()]);
  }
}

/**
 * The same work on bare worker threads (no hamilton-ts, no piscina): what the
 * machine's free cores allow at the moment, the ceiling of `speedup`.
 */
async function bareThreads(count: number): Promise<{ runAll(tasks: number, iterations: number): Promise<unknown>; close(): Promise<unknown> }> {
  const code = `const { parentPort } = require('node:worker_threads'); const work = ${work.toString()}; parentPort.on('message', (n) => parentPort.postMessage(work(n, 1)));`;
  const threads = Array.from({ length: count }, () => new Worker(code, { eval: true }));
  const ask = (w: Worker, n: number) => new Promise<unknown>((resolve) => { w.once('message', resolve); w.postMessage(n); });
  await Promise.all(threads.map((w) => ask(w, 1_000)));
  return {
    runAll: (tasks, iterations) => Promise.all(threads.map(async (w, k) => { for (let t = k; t < tasks; t += count) await ask(w, iterations); })),
    close: () => Promise.all(threads.map((w) => w.terminate())),
  };
}

async function cacheCase(iterations: number): Promise<BenchRecord> {
  const root = mkdtempSync(join(os.tmpdir(), 'hamilton-bench-cache-'));
  const outputs = ['risk', 'features'];
  const inputs = { iterations, size: COLUMN };
  const driverOn = (dir: string) => new Builder().withModules(ExpensiveNodes).withCache({ dir }).build();
  let n = 0;
  try {
    let cold = driverOn(join(root, 'unused'));
    const coldMs = await measure({ setup: () => void (cold = driverOn(join(root, `cold-${n++}`))), run: () => cold.execute(outputs, { inputs }) }, { runs: 5, warmup: 1 });
    const warmDir = join(root, 'warm');
    await driverOn(warmDir).execute(outputs, { inputs });
    let warm = driverOn(warmDir);
    const warmMs = await measure({ setup: () => void (warm = driverOn(warmDir)), run: () => warm.execute(outputs, { inputs }) }, { runs: 15, warmup: 2 });
    const uncachedMs = await measure(() => new Builder().withModules(ExpensiveNodes).build().execute(outputs, { inputs }), { runs: 3, warmup: 1 });
    const speedup = median(coldMs) / median(warmMs);
    return {
      nodes: 6,
      nodeMs: CACHED_NODE_MS,
      columnLength: COLUMN,
      uncachedMs: round(median(uncachedMs)),
      coldMs: round(median(coldMs)),
      warmMs: round(median(warmMs)),
      speedup: round(speedup, 3),
      target: '>=10x',
      targetMet: speedup >= 10,
      runs: warmMs.length,
    };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
