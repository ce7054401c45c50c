/**
 * The platform sample: the same features run four ways, without touching them:
 * plain, with progress and timing hooks, with the heavy nodes in worker threads,
 * and with a cache (a cold run, then a warm one). Prints each run's time and the speedups.
 *
 *   npm run sample:platform            # PATHS=20000 by default; PATHS=200 for a quick look
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Builder, ProgressBar, TimingProfile, WorkerPoolExecutor } from 'hamilton-ts';
import { RiskFeatures } from './risk_features.js';

const inputs = { paths: Number(process.env.PATHS ?? 20000), steps: 250 };
const outputs = ['valueAtRisk', 'worstBook'] as const;

async function timed<T>(label: string, run: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const start = performance.now();
  const result = await run();
  const ms = performance.now() - start;
  console.log(`${label.padEnd(34)} ${ms.toFixed(0).padStart(6)} ms`);
  return { ms, result };
}

// 1. Plain, in this process.
const plain = await timed('plain', () => new Builder().withModules(RiskFeatures).build().execute(outputs, { inputs }));

// 2. With the built-in hooks: a progress bar (on a terminal only) and a timing profile.
const timing = new TimingProfile();
await timed('progress bar + timing profile', () =>
  new Builder().withModules(RiskFeatures).withAdapters(new ProgressBar(), timing).build().execute(outputs, { inputs }),
);

// 3. The heavy nodes in worker threads (the class is found again by its file URL and name).
const pool = new WorkerPoolExecutor({ threads: 2, tags: { compute: 'heavy' } });
const pooledDriver = new Builder().withModules(RiskFeatures).withExecutor(pool).build();
// Starting the workers (and loading the modules in them) happens once per pool: timed on its own.
await timed('worker pool start-up (once)', () => pooledDriver.execute(outputs, { inputs: { ...inputs, paths: 10 } }));
const pooled = await timed('worker pool, 2 threads', () => pooledDriver.execute(outputs, { inputs }));
await pool.close();

// 4. A cache: the cold run computes and stores every node, the warm one reads them back.
const dir = mkdtempSync(join(tmpdir(), 'hamilton-platform-cache-'));
const cached = () => new Builder().withModules(RiskFeatures).withCache({ dir }).build().execute(outputs, { inputs });
const cold = await timed('cache, cold', cached);
const warm = await timed('cache, warm', cached);
rmSync(dir, { recursive: true, force: true });

const same = [pooled, cold, warm].every((r) => JSON.stringify(r.result) === JSON.stringify(plain.result));
console.log(`\nSame results every way: ${same}`);
console.log(`Worker pool speedup over plain: ${(plain.ms / pooled.ms).toFixed(2)}× (on a machine with 2 free cores, up to about 2×)`);
console.log(`Warm cache speedup over cold:   ${(cold.ms / warm.ms).toFixed(1)}×`);
console.log(`\n99% value at risk by book: ${JSON.stringify(plain.result.valueAtRisk)}; worst book: ${plain.result.worstBook}`);
console.log('\nTiming profile of run 2:');
console.log(timing.format());
if (!same) process.exitCode = 1;
