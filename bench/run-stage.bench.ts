/**
 * The run stage's figures: what executing costs over calling the methods
 * directly, what node hooks (and the TimingProfile hook) add per node, peak
 * memory of a chain of large arrays with values released or kept, and a
 * fan-out's cost per item. One JSON record per case; see bench/README.md.
 */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import pino from 'pino';
import { Builder, LocalExecutor, planExecution, RunControl, TimingProfile, type AfterNodeExecuteEvent, type Driver } from 'hamilton-ts';
import { HookRunner } from '../lib/core/run/hooks.js';
import { directRunner } from './core/direct.js';
import { graphSource, graphSpec, importClass, ModuleCopies, transpileCached, type GraphSpec } from './core/shapes.js';
import { caseRunner, checkAgree, compareInterleaved, median, pairedDifference, round, type BenchRecord } from './harness.js';
import type { MemoryRun } from './run-stage/memory-child.js';
import { chainOfArraysSource, fanOutSource, type FanOutMethods } from './run-stage/modules.js';

type Report = (record: BenchRecord) => void;

const execFileAsync = promisify(execFile);
const SIZE = 4_000;
const CHAIN_LENGTH = 200;
const FAN_OUT_ITEMS = 10_000;
/** The default driver logger writes warnings only; no case logs, so nothing is written either way. */
const quiet = pino({ level: 'warn' });

/**
 * Runs every run-stage case in order, reporting one record per case. A case
 * that throws is reported as `{ error }` and the others still run.
 *
 * @example
 * await run((r) => console.log(JSON.stringify(r)));
 */
export async function run(report: Report): Promise<void> {
  const copies = new ModuleCopies();
  const attempt = caseRunner('run-stage', report);
  try {
    for (const shape of ['wide', 'chain'] as const) {
      const spec = graphSpec(shape, SIZE);
      const cls = await importClass(copies.write(transpileCached(graphSource(spec)), spec.className), spec.className);
      await attempt(`execute overhead ${shape} ${SIZE}`, () => executeOverheadCase(spec, cls));
      await attempt(`run stage overhead ${shape} ${SIZE}`, () => runStageCase(spec, cls));
    }
    const wide = graphSpec('wide', SIZE);
    const wideCls = await importClass(copies.write(transpileCached(graphSource(wide)), wide.className), wide.className);
    await attempt(`node hooks wide ${SIZE}`, () => hookCostCase(wide, wideCls));
    await attempt(`peak RSS chain ${CHAIN_LENGTH} x 8 MB`, () => memoryCase(copies));
    await attempt(`fan-out ${FAN_OUT_ITEMS} items x 3 nodes`, () => fanOutCase(copies));
  } finally {
    copies.dispose();
  }
}

/** `execute` (plan, scheduler, DictResult of every output) against the same methods called directly. */
async function executeOverheadCase(spec: GraphSpec, cls: new () => object): Promise<BenchRecord> {
  const dr = new Builder().withModules(cls).withLogger(quiet).build();
  const direct = directRunner(spec, cls);
  checkAgree(spec.shape, Object.values(await dr.execute(spec.outputs, { inputs: spec.inputs })), direct(spec.inputs));
  const runs = 60;
  const { a, b } = await compareInterleaved(() => dr.execute(spec.outputs, { inputs: spec.inputs }), () => direct(spec.inputs), { runs, warmup: 20 });
  return overhead(spec, a, b, runs);
}

/**
 * The run stage alone: planExecution + LocalExecutor.run + reading the outputs
 * into an array, as the direct baseline returns them (no result object, no run id).
 */
async function runStageCase(spec: GraphSpec, cls: new () => object): Promise<BenchRecord> {
  const dr = new Builder().withModules(cls).withLogger(quiet).build();
  const direct = directRunner(spec, cls);
  const executor = new LocalExecutor();
  const hooks = new HookRunner([], quiet);
  const stage = async () => {
    const plan = planExecution(dr.graph, spec.outputs, { inputs: spec.inputs });
    await executor.run(plan, { runId: 'bench', logger: quiet, hooks, control: new RunControl() });
    return plan.outputIndices.map((i) => plan.values[i]);
  };
  checkAgree(spec.shape, await stage(), direct(spec.inputs));
  const runs = 60;
  const { a, b } = await compareInterleaved(stage, () => direct(spec.inputs), { runs, warmup: 20 });
  return overhead(spec, a, b, runs);
}

function overhead(spec: GraphSpec, ours: readonly number[], direct: readonly number[], runs: number): BenchRecord {
  const a = median(ours);
  const b = median(direct);
  const overheadUs = ((a - b) * 1000) / spec.size;
  const directUs = (b * 1000) / spec.size;
  return {
    medianMs: round(a),
    usPerNode: round((a * 1000) / spec.size),
    directMedianMs: round(b),
    directUsPerNode: round(directUs),
    overheadUsPerNode: round(overheadUs),
    overheadOverDirect: round(overheadUs / directUs, 3),
    target: 'overhead at most 1x the direct time',
    targetMet: overheadUs <= directUs,
    runs,
  };
}

/**
 * What node hooks add per node: the same driver without hooks, with one
 * trivial afterNodeExecute hook (the cost of the hooks' slow path itself) and
 * with TimingProfile, run in turn.
 */
async function hookCostCase(spec: GraphSpec, cls: new () => object): Promise<BenchRecord> {
  let sink = 0;
  const trivial = { afterNodeExecute: (e: AfterNodeExecuteEvent) => { sink += e.durationMs; } };
  const timing = new TimingProfile();
  const drivers: Record<'none' | 'trivial' | 'timing', Driver> = {
    none: new Builder().withModules(cls).withLogger(quiet).build(),
    trivial: new Builder().withModules(cls).withAdapters(trivial).withLogger(quiet).build(),
    timing: new Builder().withModules(cls).withAdapters(timing).withLogger(quiet).build(),
  };
  const runs = 40;
  const exec = (dr: Driver) => () => dr.execute(spec.outputs, { inputs: spec.inputs });
  const first = await compareInterleaved(exec(drivers.none), exec(drivers.trivial), { runs, warmup: 10 });
  const second = await compareInterleaved(exec(drivers.none), exec(drivers.timing), { runs, warmup: 10 });
  if (timing.report().nodes.length !== spec.size || !(sink > 0)) throw new Error('the hooks did not see every node');
  const perNode = (a: readonly number[], b: readonly number[]) => (pairedDifference(b, a) * 1000) / spec.size;
  const timingUs = perNode(second.a, second.b);
  return {
    noHooksUsPerNode: round((median([...first.a, ...second.a]) * 1000) / spec.size),
    trivialHookAddsUsPerNode: round(perNode(first.a, first.b)),
    timingProfileAddsUsPerNode: round(timingUs),
    target: 'TimingProfile under 1 µs a node',
    targetMet: timingUs < 1,
    runs,
  };
}

/** Peak RSS of the chain of 8 MB arrays: values released (default), kept, and a hand loop; each run a fresh process. */
async function memoryCase(copies: ModuleCopies): Promise<BenchRecord> {
  const url = copies.write(chainOfArraysSource(CHAIN_LENGTH), `array-chain-${CHAIN_LENGTH}`);
  const runs = 3;
  const byMode: Record<MemoryRun['mode'], MemoryRun[]> = { release: [], keep: [], hand: [] };
  for (let r = 0; r < runs; r++) {
    for (const mode of ['release', 'keep', 'hand'] as const) byMode[mode].push(await memoryChild(mode, url));
  }
  const sums = new Set(Object.values(byMode).flat().map((m) => m.checksum));
  if (sums.size !== 1) throw new Error('the chain modes disagree on the last array');
  const grownMiB = (mode: MemoryRun['mode']) => median(byMode[mode].map((m) => (m.peakKiB - m.beforeKiB) / 1024));
  const release = grownMiB('release');
  const hand = grownMiB('hand');
  return {
    releasePeakMiB: round(median(byMode.release.map((m) => m.peakKiB)) / 1024),
    keepPeakMiB: round(median(byMode.keep.map((m) => m.peakKiB)) / 1024),
    handPeakMiB: round(median(byMode.hand.map((m) => m.peakKiB)) / 1024),
    releaseGrowthMiB: round(release),
    keepGrowthMiB: round(grownMiB('keep')),
    handGrowthMiB: round(hand),
    releaseOverHand: round(release / hand, 3),
    releaseMedianMs: round(median(byMode.release.map((m) => m.ms))),
    handMedianMs: round(median(byMode.hand.map((m) => m.ms))),
    runs,
  };
}

async function memoryChild(mode: MemoryRun['mode'], url: string): Promise<MemoryRun> {
  const script = fileURLToPath(new URL('./run-stage/memory-child.ts', import.meta.url));
  const { stdout } = await execFileAsync(process.execPath, [...process.execArgv, script, mode, url, String(CHAIN_LENGTH)], {
    cwd: fileURLToPath(new URL('..', import.meta.url)),
    maxBuffer: 1 << 20,
  });
  return JSON.parse(stdout.trim().split('\n').pop()!) as MemoryRun;
}

/** A fan-out over 10,000 items through a three-node body, against a hand loop calling the same methods. */
async function fanOutCase(copies: ModuleCopies): Promise<BenchRecord> {
  const cls = await importClass(copies.write(fanOutSource(), 'fan-out'), 'FanOut');
  const dr = new Builder().withModules(cls).withLogger(quiet).build();
  const m = new cls() as unknown as FanOutMethods;
  const hand = () => {
    const squares: number[] = [];
    for (const item of m.item(FAN_OUT_ITEMS)) squares.push(m.squared(m.shifted(m.scaled(item))));
    return m.total(squares);
  };
  const ours = async () => (await dr.execute(['total'], { inputs: { count: FAN_OUT_ITEMS } })).total;
  checkAgree('fan-out', [await ours()], [hand()]);
  const runs = 20;
  const { a, b } = await compareInterleaved(ours, hand, { runs, warmup: 5 });
  const overheadUs = (pairedDifference(a, b) * 1000) / FAN_OUT_ITEMS;
  return {
    medianMs: round(median(a)),
    handMedianMs: round(median(b)),
    overheadUsPerItem: round(overheadUs),
    itemsPerSecond: round(FAN_OUT_ITEMS / (median(a) / 1000)),
    target: 'under 20 µs overhead an item',
    targetMet: overheadUs < 20,
    runs,
  };
}
