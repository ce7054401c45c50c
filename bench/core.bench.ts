/**
 * The core engine's figures: graph build time, execution overhead over calling
 * the methods directly, a 100,000-node chain, and the same graphs on
 * @observablehq/runtime. One JSON record per case; see bench/README.md.
 */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { Builder } from 'hamilton-ts';
import { directRunner } from './core/direct.js';
import type { FreshRun } from './core/fresh-process.js';
import { ObservableGraph } from './core/observable.js';
import { graphSource, graphSpec, importClass, ModuleCopies, transpileCached, withNoopDecorator, type GraphSpec, type Shape } from './core/shapes.js';
import { caseRunner, checkAgree, compareInterleaved, median, pairedDifference, peakRssKiB, round, type BenchRecord } from './harness.js';
import { executeCase } from './core/execute-case.js';

type Report = (record: BenchRecord) => void;

const execFileAsync = promisify(execFile);

const SHAPES: readonly Shape[] = ['wide', 'chain'];
const BUILD_SIZES = [100, 1_000, 4_000] as const;
const BIG = 4_000;
const HUGE = 100_000;

/**
 * Runs every core case in order, reporting one record per case. A case that
 * throws is reported as `{ error }` and the others still run.
 *
 * @example
 * await run((r) => console.log(JSON.stringify(r)));
 */
export async function run(report: Report): Promise<void> {
  const copies = new ModuleCopies();
  const attempt = caseRunner('core', report);
  try {
    for (const shape of SHAPES) {
      for (const size of BUILD_SIZES) await attempt(`build ${shape} ${size}`, () => buildCase(copies, graphSpec(shape, size)));
    }
    for (const shape of SHAPES) await attempt(`execute ${shape} ${BIG}`, () => executeCase(copies, graphSpec(shape, BIG)));
    for (const shape of SHAPES) {
      const spec = graphSpec(shape, BIG);
      const cls = await importClass(copies.write(transpileCached(graphSource(spec)), spec.className), spec.className);
      await attempt(`vs observable cold ${shape} ${BIG}`, () => observableColdCase(spec, cls));
      await attempt(`vs observable warm ${shape} ${BIG}`, () => observableWarmCase(spec, cls));
    }
    await attempt(`build+execute chain ${HUGE}`, () => hugeChainCase(copies, graphSpec('chain', HUGE)));
  } finally {
    copies.dispose();
  }
  const kib = peakRssKiB();
  report({ suite: 'core', case: 'peak RSS', peakRssKiB: kib, peakRssMiB: round(kib / 1024) });
}

/**
 * Import of a fresh copy of the decorated class + Builder.build(), interleaved
 * with importing the same emit under a no-op decorator (the floor that
 * TypeScript's decorator emit costs by itself).
 */
async function buildCase(copies: ModuleCopies, spec: GraphSpec): Promise<BenchRecord> {
  const js = transpileCached(graphSource(spec));
  const floorJs = withNoopDecorator(js);
  const importMs: number[] = [];
  const builderMs: number[] = [];
  let url = '';
  let floorUrl = '';
  const runs = spec.size >= BIG ? 15 : 10;
  const { a, b } = await compareInterleaved(
    {
      setup: () => { url = copies.write(js, `${spec.shape}-${spec.size}`); },
      run: async () => {
        const t0 = performance.now();
        const cls = await importClass(url, spec.className);
        const t1 = performance.now();
        new Builder().withModules(cls).build();
        importMs.push(t1 - t0);
        builderMs.push(performance.now() - t1);
      },
    },
    {
      setup: () => { floorUrl = copies.write(floorJs, `${spec.shape}-${spec.size}-noop`); },
      run: () => importClass(floorUrl, spec.className),
    },
    { runs, warmup: 3 },
  );
  const ms = median(a);
  const ours = pairedDifference(a, b);
  return {
    medianMs: round(ms),
    usPerNode: round((ms * 1000) / spec.size),
    importMedianMs: round(median(importMs.slice(-runs))),
    buildMedianMs: round(median(builderMs.slice(-runs))),
    emitFloorMedianMs: round(median(b)),
    oursMs: round(ours),
    oursUsPerNode: round((ours * 1000) / spec.size),
    ...(spec.size === BIG ? target(ms, 20, '<20 ms') : {}),
    runs,
  };
}

/** Cold: define + compute all outputs (ours: Builder.build + execute; the class is already loaded). */
async function observableColdCase(spec: GraphSpec, cls: new () => object): Promise<BenchRecord> {
  const ours = await new Builder().withModules(cls).build().execute(spec.outputs, { inputs: spec.inputs });
  const check = await ObservableGraph.compute(spec, cls, spec.inputs);
  const last = spec.outputs[spec.outputs.length - 1]!;
  checkAgree(`${spec.shape} ${spec.size}`, [await check.value(last)], [ours[last]]);
  check.dispose();

  let graph: ObservableGraph | undefined;
  const runs = 10;
  const { a, b } = await compareInterleaved(
    async () => { await new Builder().withModules(cls).build().execute(spec.outputs, { inputs: spec.inputs }); },
    {
      run: async () => { graph = await ObservableGraph.compute(spec, cls, spec.inputs); },
      teardown: () => graph?.dispose(),
    },
    { runs, warmup: 3 },
  );
  return comparison(a, b, runs);
}

/** Warm: recompute after new input values (ours: execute again on the built driver). */
async function observableWarmCase(spec: GraphSpec, cls: new () => object): Promise<BenchRecord> {
  const dr = new Builder().withModules(cls).build();
  const inputsFor = (run: number) => Object.fromEntries(Object.entries(spec.inputs).map(([k, v]) => [k, v + 1 + (run % 2)]));
  let graph: ObservableGraph | undefined;
  const runs = 10;
  const { a, b } = await compareInterleaved(
    (run) => dr.execute(spec.outputs, { inputs: inputsFor(run) }),
    {
      setup: async () => { graph = await ObservableGraph.compute(spec, cls, spec.inputs); },
      run: (run) => graph!.recompute(inputsFor(run)),
      teardown: () => graph?.dispose(),
    },
    { runs, warmup: 3 },
  );
  return comparison(a, b, runs);
}

/**
 * Import + build + execute of a 100,000-node chain (no recursion may overflow
 * the stack), each run in a fresh process, alternating with the floor: the same
 * emit imported under a no-op decorator, then every method called once directly
 * (a method's first call compiles it, for us as for anyone).
 */
async function hugeChainCase(copies: ModuleCopies, spec: GraphSpec): Promise<BenchRecord> {
  const js = transpileCached(graphSource(spec));
  const url = copies.write(js, `${spec.shape}-${spec.size}`);
  const floorUrl = copies.write(withNoopDecorator(js), `${spec.shape}-${spec.size}-noop`);
  const ours: FreshRun[] = [];
  const floor: FreshRun[] = [];
  const runs = 3;
  for (let run = 0; run < runs; run++) {
    ours.push(await inFreshProcess('ours', url, spec));
    floor.push(await inFreshProcess('floor', floorUrl, spec));
  }
  checkAgree(`${spec.shape} ${spec.size}`, ours.map((r) => r.value), floor.map((r) => r.value));
  const of = (rs: readonly FreshRun[], key: 'totalMs' | 'importMs' | 'buildMs' | 'executeMs' | 'heapUsedMiB' | 'peakRssKiB') => median(rs.map((r) => r[key]));
  const ms = of(ours, 'totalMs');
  return {
    medianMs: round(ms),
    usPerNode: round((ms * 1000) / spec.size),
    importMedianMs: round(of(ours, 'importMs')),
    buildMedianMs: round(of(ours, 'buildMs')),
    executeMedianMs: round(of(ours, 'executeMs')),
    floorMedianMs: round(of(floor, 'totalMs')),
    floorImportMedianMs: round(of(floor, 'importMs')),
    floorExecuteMedianMs: round(of(floor, 'executeMs')),
    oursMs: round(pairedDifference(ours.map((r) => r.totalMs), floor.map((r) => r.totalMs))),
    heapUsedMiB: round(of(ours, 'heapUsedMiB')),
    floorHeapUsedMiB: round(of(floor, 'heapUsedMiB')),
    peakRssMiB: round(of(ours, 'peakRssKiB') / 1024),
    ...target(ms, 1000, '<1 s'),
    runs,
  };
}

/** Runs bench/core/fresh-process.ts with this process's flags (the ts-node loader) and parses its line. */
async function inFreshProcess(mode: FreshRun['mode'], url: string, spec: GraphSpec): Promise<FreshRun> {
  const script = fileURLToPath(new URL('./core/fresh-process.ts', import.meta.url));
  const { stdout } = await execFileAsync(process.execPath, [...process.execArgv, script, mode, url, spec.shape, String(spec.size)], {
    cwd: fileURLToPath(new URL('..', import.meta.url)),
    maxBuffer: 1 << 20,
  });
  return JSON.parse(stdout.trim().split('\n').pop()!) as FreshRun;
}

function comparison(ours: readonly number[], observable: readonly number[], runs: number): BenchRecord {
  const a = median(ours);
  const b = median(observable);
  return { oursMedianMs: round(a), observableMedianMs: round(b), ratio: round(a / b, 3), runs };
}

function target(value: number, limit: number, text: string): BenchRecord {
  return { target: text, targetMet: value < limit };
}
