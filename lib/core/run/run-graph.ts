/**
 * One execution, end to end: plan, graph hooks, the executor, the result
 * builder, with the run's stop switch (signal, timeout, first failure). The
 * Driver's `execute` delegates here.
 */
import type { Logger } from 'pino';
import type { FunctionGraph } from '../graph/graph.js';
import type { GraphSource } from '../source/graph-source.js';
import type { Executor, RunContext } from './executor.js';
import type { HookRunner } from './hooks.js';
import { planExecution, type ExecuteOptions } from './plan.js';
import type { ResultBuilder } from './results/result-builder.js';
import { bounded, RunControl } from './run-control.js';
import { setOwn } from '../names.js';

/** What a run needs besides the graph. */
export interface RunSettings<R> {
  readonly executor: Executor;
  readonly hooks: HookRunner;
  readonly logger: Logger;
  readonly resultBuilder: ResultBuilder<R>;
  /** Where the graph comes from, for executors that rebuild it (RunContext.source). */
  readonly source?: () => GraphSource;
}

/**
 * Computes `outputs` of `graph`: rejects at once on the first failure, abort or timeout.
 *
 * @example
 * const result = await runGraph(graph, ['spendPerSignup'], { inputs }, settings);
 */
export async function runGraph<R>(graph: FunctionGraph, outputs: readonly string[], options: ExecuteOptions, settings: RunSettings<R>): Promise<R> {
  const plan = planExecution(graph, outputs, options);
  const control = new RunControl({ signal: options.signal, timeoutMs: options.timeoutMs });
  const { hooks } = settings;
  // The global Web Crypto, not node:crypto: importing that module costs start-up time before the first run.
  const runId = globalThis.crypto.randomUUID();
  const start = performance.now();
  const frozenOutputs = Object.freeze([...outputs]);
  let results: Record<string, unknown> | undefined;
  let built: R;
  try {
    try {
      if (hooks.has('beforeGraphExecute')) {
        await bounded(
          hooks.emit('beforeGraphExecute', Object.freeze({ runId, outputs: frozenOutputs, inputs: frozenCopy(options.inputs), overrides: frozenCopy(options.overrides) })),
          control,
        );
      }
      if (control.reason) throw control.errorFor([]);
      const ctx: RunContext = settings.source
        ? { runId, logger: settings.logger, hooks, control, source: settings.source }
        : { runId, logger: settings.logger, hooks, control };
      // Loading the result builder's library (arquero, the first time) overlaps with the run.
      const preparing = settings.resultBuilder.prepare?.();
      preparing?.catch(() => undefined); // awaited below; this only keeps an early rejection from counting as unhandled
      await settings.executor.run(plan, ctx);
      if (preparing) await preparing;
      results = {};
      for (let k = 0; k < outputs.length; k++) {
        setOwn(results, outputs[k]!, plan.values[plan.outputIndices[k]!]);
      }
      built = settings.resultBuilder.build(results, outputs);
    } catch (error) {
      if (hooks.has('afterGraphExecute')) {
        await bounded(hooks.emit('afterGraphExecute', Object.freeze({ runId, outputs: frozenOutputs, success: false, error, durationMs: performance.now() - start })), control);
      }
      throw error;
    }
    if (hooks.has('afterGraphExecute')) {
      await bounded(
        hooks.emit('afterGraphExecute', Object.freeze({ runId, outputs: frozenOutputs, success: true, results: frozenCopy(results), durationMs: performance.now() - start })),
        control,
      );
      // A hook that held the run past its deadline: the run took longer than it was allowed.
      if (control.reason) throw control.errorFor([]);
    }
  } finally {
    control.dispose();
  }
  return built;
}

/** A frozen shallow copy: hooks cannot change the caller's objects through it. */
function frozenCopy(o: Readonly<Record<string, unknown>> | undefined): Readonly<Record<string, unknown>> {
  const copy: Record<string, unknown> = {};
  if (o) for (const k of Object.keys(o)) setOwn(copy, k, o[k]);
  return Object.freeze(copy);
}
