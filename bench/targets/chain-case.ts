/**
 * Target: a 100,000-node chain builds and runs in at most 2x the import of the
 * same methods as an undecorated class, each run in a fresh process (as an
 * application starts): ours is the import of the decorated module, build and
 * execute; the floor the undecorated import. The no-op-decorator import shows
 * what the compiler's decorator emit costs on its own.
 *
 * esbuild's output for a 100,000-method class overflows V8's default stack
 * (984 KB) while the module is instantiated, in any process, before a
 * decorator runs: those children run with `--stack-size=2000`, all three sides alike.
 */
import { jsonLinesOf } from '../child-process.js';
import type { FreshRun } from '../core/fresh-process.js';
import { emitCached, graphSource, graphSpec, withNoopDecorator, withoutDecorators, type Emit, type ModuleCopies } from '../core/shapes.js';
import { median, pairedDifference, pairedRatio, round, type BenchRecord } from '../harness.js';

/** Ours at most this times the undecorated import. */
export const CHAIN_TARGET = 2;

const SIZE = 100_000;

/**
 * The 100,000-node chain under one compiler's emit.
 *
 * @example
 * const record = await chainCase(copies, 'esbuild');
 */
export async function chainCase(copies: ModuleCopies, emit: Emit): Promise<BenchRecord> {
  const spec = graphSpec('chain', SIZE);
  const source = graphSource(spec);
  const decorated = emitCached(source, emit);
  const urls = {
    ours: copies.write(decorated, `${emit}-chain`),
    noop: copies.write(withNoopDecorator(decorated), `${emit}-chain-noop`),
    undecorated: copies.write(emitCached(withoutDecorators(source), emit), `${emit}-chain-undecorated`),
  };
  const flags = emit === 'esbuild' ? ['--stack-size=2000'] : [];
  const fresh = async (mode: FreshRun['mode'], url: string) =>
    (await jsonLinesOf('core/fresh-process.ts', [mode, url, spec.shape, String(spec.size)], flags)).pop() as FreshRun;
  const ours: FreshRun[] = [];
  const noop: FreshRun[] = [];
  const undecorated: FreshRun[] = [];
  const runs = 3;
  for (let run = 0; run < runs; run++) {
    ours.push(await fresh('ours', urls.ours));
    noop.push(await fresh('import', urls.noop));
    undecorated.push(await fresh('import', urls.undecorated));
  }
  const expected = ours[0]!.value;
  if (typeof expected !== 'number' || ours.some((r) => r.value !== expected)) throw new Error('chain case: runs disagree on the value');
  const total = (rs: readonly FreshRun[]) => rs.map((r) => r.totalMs);
  const of = (rs: readonly FreshRun[], key: 'totalMs' | 'importMs' | 'buildMs' | 'executeMs' | 'heapUsedMiB') => round(median(rs.map((r) => r[key])));
  const ratio = pairedRatio(total(ours), total(undecorated));
  return {
    emit,
    nodes: SIZE,
    oursMedianMs: of(ours, 'totalMs'),
    importMedianMs: of(ours, 'importMs'),
    buildMedianMs: of(ours, 'buildMs'),
    executeMedianMs: of(ours, 'executeMs'),
    undecoratedImportMedianMs: of(undecorated, 'totalMs'),
    noopDecoratorImportMedianMs: of(noop, 'totalMs'),
    emitFloorRatio: round(pairedRatio(total(noop), total(undecorated)), 3),
    oursShareMs: round(pairedDifference(total(ours), total(noop))),
    heapUsedMiB: of(ours, 'heapUsedMiB'),
    undecoratedHeapUsedMiB: of(undecorated, 'heapUsedMiB'),
    ratio: round(ratio, 3),
    target: `≤${CHAIN_TARGET}x the undecorated import${emit === 'esbuild' ? '' : ' (applies to esbuild, as the command line loads modules)'}`,
    targetMet: ratio <= CHAIN_TARGET,
    runs,
  };
}
