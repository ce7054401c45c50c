/**
 * One timed run in a process of its own, started by the core suite for the
 * 100,000-node chain: a fresh process imports the module as an application
 * would at start-up, and the modules retained by earlier runs (hundreds of MB)
 * do not slow its garbage collection. Prints one JSON line.
 *
 *   node <loader flags> bench/core/fresh-process.ts ours|floor|import <module.js> <shape> <size>
 *
 * `ours`: import + Builder.build + execute. `floor`: import of the same emit
 * under a no-op decorator + calling every method once directly. `import`: the
 * import alone (of the module given: an undecorated class, or a no-op decorator's).
 */
import { Builder } from 'hamilton-ts';
import { directRunner } from './direct.js';
import { graphSpec, importClass, type Shape } from './shapes.js';

/** What the child prints. */
export interface FreshRun {
  readonly mode: 'ours' | 'floor' | 'import';
  readonly totalMs: number;
  readonly importMs: number;
  /** Builder.build (ours) or preparing the direct calls (floor); 0 for `import`. */
  readonly buildMs: number;
  readonly executeMs: number;
  /** The last output's value, to check both sides agree. */
  readonly value: unknown;
  readonly peakRssKiB: number;
  /** Heap still used, after a collection, with the module and the driver alive. */
  readonly heapUsedMiB: number;
}

async function main(): Promise<void> {
  const [mode, url, shape, size] = process.argv.slice(2);
  if ((mode !== 'ours' && mode !== 'floor' && mode !== 'import') || !url || !shape || !size) {
    throw new Error('usage: fresh-process.ts ours|floor|import <module url> <shape> <size>');
  }
  const spec = graphSpec(shape as Shape, Number(size));
  const t0 = performance.now();
  const cls = await importClass(url, spec.className);
  const t1 = performance.now();
  let value: unknown;
  let keep: unknown;
  let t2: number;
  if (mode === 'ours') {
    const dr = new Builder().withModules(cls).build();
    t2 = performance.now();
    value = (await dr.execute(spec.outputs, { inputs: spec.inputs }))[spec.outputs[0]!];
    keep = dr;
  } else if (mode === 'import') {
    t2 = t1;
    keep = cls;
  } else {
    const direct = directRunner(spec, cls);
    t2 = performance.now();
    value = direct(spec.inputs)[0];
    keep = direct;
  }
  const t3 = performance.now();
  (globalThis as { gc?: () => void }).gc?.();
  const result: FreshRun = {
    mode,
    totalMs: t3 - t0,
    importMs: t1 - t0,
    buildMs: t2 - t1,
    executeMs: t3 - t2,
    value,
    peakRssKiB: process.resourceUsage().maxRSS,
    heapUsedMiB: process.memoryUsage().heapUsed / 2 ** 20,
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
  // Keeps the driver (or direct runner) alive until the heap was measured.
  if (keep === undefined) process.exitCode = 1;
}

await main();
