/**
 * The execution overhead case shared by the core and targets suites: a built
 * driver's `execute` against calling the same methods directly.
 */
import { Builder } from 'hamilton-ts';
import { compareInterleaved, median, round, type BenchRecord } from '../harness.js';
import { directRunner } from './direct.js';
import { graphSource, importClass, transpileCached, type GraphSpec, type ModuleCopies } from './shapes.js';

/**
 * Executing every node on a built driver, interleaved with the direct baseline
 * (the same methods called in a precomputed order, arguments passed the same
 * way): `overheadUsPerNode` is ours less direct, per node.
 *
 * @example
 * const record = await executeCase(copies, graphSpec('wide', 4000));
 */
export async function executeCase(copies: ModuleCopies, spec: GraphSpec): Promise<BenchRecord> {
  const cls = await importClass(copies.write(transpileCached(graphSource(spec)), spec.className), spec.className);
  const dr = new Builder().withModules(cls).build();
  const direct = directRunner(spec, cls);
  checkAgree(spec, Object.values(await dr.execute(spec.outputs, { inputs: spec.inputs })), direct(spec.inputs));
  const runs = 60;
  const { a, b } = await compareInterleaved(
    () => dr.execute(spec.outputs, { inputs: spec.inputs }),
    () => direct(spec.inputs),
    { runs, warmup: 20 },
  );
  const ours = median(a);
  const base = median(b);
  const overheadUs = ((ours - base) * 1000) / spec.size;
  return {
    medianMs: round(ours),
    usPerNode: round((ours * 1000) / spec.size),
    directMedianMs: round(base),
    directUsPerNode: round((base * 1000) / spec.size),
    overheadUsPerNode: round(overheadUs),
    ratio: round(ours / base, 3),
    ...(spec.shape === 'wide' ? { target: '<1 µs overhead per node', targetMet: overheadUs < 1 } : {}),
    runs,
  };
}

/**
 * Guards the figures: a benchmark of wrong answers measures nothing.
 *
 * @example
 * checkAgree(spec, [ours], [reference]); // throws when they differ
 */
export function checkAgree(spec: GraphSpec, ours: readonly unknown[], reference: readonly unknown[]): void {
  const same = ours.length === reference.length && ours.every((v, i) => Object.is(v, reference[i]));
  if (!same) throw new Error(`${spec.shape} ${spec.size}: the engines disagree on the outputs' values.`);
}
