/**
 * Target: building 4,000 plain `@node` methods costs at most 1.5x importing the
 * same methods as an undecorated class (V8's floor). Both sides load a fresh
 * copy of the module each run: ours is the import of the decorated module plus
 * `Builder.build()`, the floor the import of the same source with the
 * decorators removed, compiled by the same compiler. A third side, the
 * decorated module under a no-op `node`, is the compiler's decorator emit on
 * its own: between it and ours lies only hamilton-ts's work.
 */
import { Builder } from 'hamilton-ts';
import { interleave, median, pairedDifference, pairedRatio, round, type BenchRecord } from '../harness.js';
import { emitCached, graphSource, graphSpec, importClass, withNoopDecorator, withoutDecorators, type Emit, type ModuleCopies } from '../core/shapes.js';

/** Ours at most this times the undecorated import. */
export const IMPORT_TARGET = 1.5;

/**
 * The import-and-build ratio of a wide 4,000-method class under one compiler's emit.
 *
 * @example
 * const record = await importCase(copies, 'esbuild');
 */
export async function importCase(copies: ModuleCopies, emit: Emit): Promise<BenchRecord> {
  const spec = graphSpec('wide', 4_000);
  const source = graphSource(spec);
  const decorated = emitCached(source, emit);
  const modules = { decorated, noop: withNoopDecorator(decorated), undecorated: emitCached(withoutDecorators(source), emit) };
  const urls: Record<string, string> = {};
  const importMs: number[] = [];
  const buildMs: number[] = [];
  const side = (name: keyof typeof modules, build: boolean) => ({
    setup: () => { urls[name] = copies.write(modules[name], `${emit}-${name}`); },
    run: async () => {
      const t0 = performance.now();
      const cls = await importClass(urls[name]!, spec.className);
      if (!build) return;
      const t1 = performance.now();
      const dr = new Builder().withModules(cls).build();
      buildMs.push(performance.now() - t1);
      importMs.push(t1 - t0);
      if (dr.graph.nodes.length !== spec.size + 10) throw new Error('import case: wrong node count');
    },
  });
  const runs = 15;
  const warmup = 3;
  const t = await interleave({ ours: side('decorated', true), noop: side('noop', false), undecorated: side('undecorated', false) }, { runs, warmup });
  const ours = t.ours!;
  const undecorated = t.undecorated!;
  const noop = t.noop!;
  const ratio = pairedRatio(ours, undecorated);
  return {
    emit,
    methods: spec.size,
    oursMedianMs: round(median(ours)),
    importMedianMs: round(median(importMs.slice(warmup))),
    buildMedianMs: round(median(buildMs.slice(warmup))),
    undecoratedMedianMs: round(median(undecorated)),
    noopDecoratorMedianMs: round(median(noop)),
    emitFloorRatio: round(pairedRatio(noop, undecorated), 3),
    oursShareMs: round(pairedDifference(ours, noop)),
    oursShareUsPerMethod: round((pairedDifference(ours, noop) * 1000) / spec.size),
    moduleKiB: round(decorated.length / 1024),
    undecoratedModuleKiB: round(modules.undecorated.length / 1024),
    ratio: round(ratio, 3),
    target: `≤${IMPORT_TARGET}x the undecorated import${emit === 'esbuild' ? '' : ' (applies to esbuild, as the command line loads modules)'}`,
    targetMet: ratio <= IMPORT_TARGET,
    runs,
  };
}
